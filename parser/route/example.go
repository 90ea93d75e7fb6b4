package route

import "strings"

// ExampleTarget reduces an example request URL to what Match needs.
//
// It strips the scheme and host, the version segment (/beta, /v1.0, and the
// variants /V1.0 and /v1, which get a CodeExampleNormalized issue), a "~"
// prefix, a leading method word and a trailing "HTTP/1.1". The query is the
// text after the first "?" outside braces and balanced parentheses, as
// written. The path is percent-decoded ("%" not followed by two hex digits is
// kept, with a CodeBadEscape issue), gets a leading "/" if it has none and
// loses trailing slashes. Raw spaces stay in the path.
//
// host is "" for relative URLs and Microsoft Graph hosts; otherwise it is the
// host as written and a CodeForeignHost issue is reported.
func ExampleTarget(url string) (path, query, host string, issues []Issue) {
	e := exampleParser{s: url, end: len(strings.TrimRight(url, " \t\r\n\f\v"))}
	i := e.skipMethod(skipSpace(url, 0, e.end))
	e.dropHTTPVersion(i)
	pf := stripPrefix(url[:e.end], i)
	if pf.host != "" && !isGraphHost(pf.host) {
		host = pf.host
		e.issue(pf.hostCol, CodeForeignHost, "%q is not a Microsoft Graph host", pf.host)
	}
	if v := pf.version; v != "" && v != "/beta" && v != "/v1.0" {
		e.issue(pf.versionCol, CodeExampleNormalized, "read the version segment %q as a version prefix", v)
	}
	if pf.tilde >= 0 {
		e.issue(pf.tilde, CodeExampleNormalized, `removed the "~" prefix`)
	}
	i = pf.end
	q := queryStart(url, i, e.end)
	if q < e.end {
		query = url[q+1 : e.end]
	}
	raw := e.trimTrailingSlash(i, q)
	path = e.decode(raw, i)
	if !strings.HasPrefix(path, "/") {
		e.issue(i, CodeExampleNormalized, `added the leading "/"`)
		path = "/" + path
	}
	return path, query, host, e.issues
}

// exampleParser holds the state of one ExampleTarget call.
type exampleParser struct {
	s      string
	end    int
	issues []Issue
}

func (e *exampleParser) issue(i int, code, format string, args ...any) {
	e.issues = append(e.issues, issuef(i+1, code, format, args...))
}

// skipMethod skips an upper-case method word and the space after it.
func (e *exampleParser) skipMethod(i int) int {
	j := i
	for j < e.end && isLetter(e.s[j]) {
		j++
	}
	if j == i || j == e.end || !isMethod(e.s[i:j]) || (e.s[j] != ' ' && e.s[j] != '\t') {
		return i
	}
	e.issue(i, CodeExampleNormalized, "ignored the method %q", e.s[i:j])
	return skipSpace(e.s, j, e.end)
}

// dropHTTPVersion removes a trailing " HTTP/1.1" from the end of s[i:end].
func (e *exampleParser) dropHTTPVersion(i int) {
	k := strings.LastIndexAny(e.s[i:e.end], " \t")
	if k < 0 || !strings.HasPrefix(e.s[i+k+1:e.end], "HTTP/") {
		return
	}
	e.issue(i+k+1, CodeExampleNormalized, "ignored %q", e.s[i+k+1:e.end])
	e.end = len(strings.TrimRight(e.s[:i+k], " \t"))
}

// trimTrailingSlash returns s[i:q] without trailing slashes (a lone "/" is
// kept).
func (e *exampleParser) trimTrailingSlash(i, q int) string {
	raw := e.s[i:q]
	t := strings.TrimRight(raw, "/")
	if t == "" || len(t) == len(raw) {
		return raw
	}
	e.issue(i+len(t), CodeExampleNormalized, `removed the trailing "/"`)
	return t
}

// decode percent-decodes raw, which starts at index at of s.
func (e *exampleParser) decode(raw string, at int) string {
	if strings.IndexByte(raw, '%') < 0 {
		return raw
	}
	b := make([]byte, 0, len(raw))
	for k := 0; k < len(raw); k++ {
		if raw[k] != '%' {
			b = append(b, raw[k])
			continue
		}
		if k+2 < len(raw) && isHex(raw[k+1]) && isHex(raw[k+2]) {
			b = append(b, unhex(raw[k+1])<<4|unhex(raw[k+2]))
			k += 2
			continue
		}
		e.issue(at+k, CodeBadEscape, "%q is not a percent escape; kept as is", raw[k:min(k+3, len(raw))])
		b = append(b, '%')
	}
	return string(b)
}

// queryStart returns the index of the first "?" in s[i:end] outside braces
// and balanced parentheses, or end.
func queryStart(s string, i, end int) int {
	matched := matchedParens(s, i, end, nil)
	depth, brace := 0, false
	for k := i; k < end; k++ {
		switch c := s[k]; {
		case c == '{':
			brace = strings.IndexByte(s[k:end], '}') > 0
		case c == '}':
			brace = false
		case brace:
		case c == '(' && matched[k]:
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == '?' && depth == 0:
			return k
		}
	}
	return end
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
