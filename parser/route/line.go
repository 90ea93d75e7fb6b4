package route

import (
	"sort"
	"strings"
)

// Line is one parsed request line.
type Line struct {
	Method string // upper-case HTTP method
	Raw    string // the line as written (trimmed)
	// Pattern is the normalized path template: leading "/", no scheme or
	// host, no /beta or /v1.0 prefix, no "~", no query string, placeholders
	// written as {name}. See the package documentation.
	Pattern string
	// Params are the placeholder names of Pattern in order of appearance,
	// repeats kept, as written inside the braces after normalization. They
	// are the names of the values Match returns. Placeholders in Query are
	// not listed.
	Params []string
	Query  string // query string template as written, without "?", or ""
}

// methods are the HTTP methods a request line may start with.
var methods = []string{"GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS", "MERGE"}

// ParseLine parses one line of an HTTP request block.
//
// ok=false means the line is not a request line (blank, a header such as
// "Content-Type: ...", prose) or starts with a method but has no usable path;
// in the latter case issues holds a CodeInvalid issue. Issues explain anything
// guessed, changed or rejected, ordered by column. Plain "/path" lines get
// none.
func ParseLine(s string) (l Line, ok bool, issues []Issue) {
	end := len(strings.TrimRight(s, " \t\r\n\f\v"))
	i := skipSpace(s, 0, end)
	j := i
	for j < end && isLetter(s[j]) {
		j++
	}
	word := s[i:j]
	method := strings.ToUpper(word)
	if !isMethod(method) {
		return Line{}, false, nil
	}
	p := &lineParser{s: s, end: end}
	switch {
	case j < end && (s[j] == ' ' || s[j] == '\t'):
		j = skipSpace(s, j, end)
	case j < end && s[j] == '/' && word == method:
		p.issue(j, CodeNormalized, "inserted the missing space after the method %q", word)
	case j == end && word == method:
		p.issue(j, CodeInvalid, "method %s has no path", word)
		return Line{}, false, p.issues
	default:
		return Line{}, false, nil
	}
	if word != method {
		if !looksLikeURL(s[j:end]) {
			return Line{}, false, nil
		}
		p.issue(i, CodeMethodCase, "method %q is not upper-case", word)
	}
	if !p.path(j) {
		return Line{}, false, p.sorted()
	}
	l = Line{Method: method, Raw: strings.TrimSpace(s), Pattern: string(p.out), Query: p.query}
	l.Params = Params(l.Pattern)
	return l, true, p.sorted()
}

// lineParser holds the state of one ParseLine call.
type lineParser struct {
	s      string
	end    int    // end of the trimmed line in s
	out    []byte // the pattern being built
	src    []int  // index in s of each byte of out, -1 if inserted
	query  string
	issues []Issue
	// sawEscape is set once a percent escape has been decoded and reported.
	sawEscape bool
}

func (p *lineParser) issue(i int, code, format string, args ...any) {
	p.issues = append(p.issues, issuef(i+1, code, format, args...))
}

func (p *lineParser) sorted() []Issue {
	sort.SliceStable(p.issues, func(a, b int) bool { return p.issues[a].Col < p.issues[b].Col })
	return p.issues
}

// emit appends text that starts at index at of s (-1 if inserted).
func (p *lineParser) emit(text string, at int) {
	for k := 0; k < len(text); k++ {
		p.out = append(p.out, text[k])
		if at < 0 {
			p.src = append(p.src, -1)
		} else {
			p.src = append(p.src, at+k)
		}
	}
}

// path parses the request target that starts at s[i], filling out and
// query. It reports false (with a CodeInvalid issue) if there is no path.
func (p *lineParser) path(i int) bool {
	s, end := p.s, p.end
	if i < end && s[i] == '`' && s[end-1] == '`' && end-i >= 2 {
		p.issue(i, CodeNormalized, "removed the backticks around the path")
		i, p.end, end = i+1, end-1, end-1
	}
	pf := stripPrefix(s[:end], i)
	if pf.host != "" || pf.scheme != "" {
		p.issue(pf.hostCol, CodeNormalized, "removed %q", pf.scheme+pf.host)
	}
	if pf.version != "" {
		p.issue(pf.versionCol, CodeNormalized, "removed the version prefix %q", pf.version)
	}
	if pf.tilde >= 0 {
		p.issue(pf.tilde, CodeNormalized, `removed the "~" prefix`)
	}
	i = pf.end
	if i == end || s[i] == '?' {
		p.issue(i, CodeInvalid, "the request line has an empty path")
		return false
	}
	if !startsPath(s[i]) {
		p.issue(i, CodeInvalid, "%q is not a URL path", s[i:end])
		return false
	}
	if s[i] != '/' {
		p.issue(i, CodeNormalized, `added the leading "/"`)
		p.emit("/", -1)
	}
	p.scan(i)
	p.trimTrailingSlash()
	p.literalIDs()
	if len(p.out) == 1 {
		p.issue(i, CodeInvalid, "the request line has an empty path")
		return false
	}
	return true
}

// trimTrailingSlash removes slashes that end the pattern (but not "/").
func (p *lineParser) trimTrailingSlash() {
	n := len(p.out)
	for n > 1 && p.out[n-1] == '/' {
		n--
	}
	if n < len(p.out) {
		p.issue(max(p.src[n], 0), CodeNormalized, `removed the trailing "/"`)
		p.out, p.src = p.out[:n], p.src[:n]
	}
}

// startsPath reports whether c may start a path after the prefixes.
func startsPath(c byte) bool {
	return c == '/' || isLetter(c) || '0' <= c && c <= '9' || strings.IndexByte("${<(_", c) >= 0
}

// looksLikeURL reports whether s starts like a URL or path, which a line with
// a lower-case method must (otherwise it is taken for prose).
func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "/") || strings.HasPrefix(s, "~/") ||
		hasPrefixFold(s, "https://") || hasPrefixFold(s, "http://")
}

func isMethod(m string) bool {
	for _, x := range methods {
		if m == x {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func skipSpace(s string, i, end int) int {
	for i < end && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}
