package rt

import (
	"net/http"
	"strconv"
	"strings"
)

// requestPath is a decoded request path whose segments are those of the
// escaped path: a "/" the request percent-encoded (%2F) belongs to its
// segment and does not separate segments.
type requestPath struct {
	text    string
	encoded []bool // encoded[i]: text[i] is an encoded "/"; nil when none is
}

// routingPath returns the path r is routed by: r.URL.EscapedPath() decoded,
// or r.URL.Path with no encoded "/" when that does not decode to r.URL.Path
// (a hand-built request).
func routingPath(r *http.Request) requestPath {
	if rp, ok := decodePath(r.URL.EscapedPath()); ok && rp.text == r.URL.Path {
		return rp
	}
	return requestPath{text: r.URL.Path}
}

// decodePath decodes the percent-escapes of an escaped path, marking the
// "/" that were encoded. It reports false for a malformed escape.
func decodePath(escaped string) (requestPath, bool) {
	if strings.IndexByte(escaped, '%') < 0 {
		return requestPath{text: escaped}, true
	}
	b := make([]byte, 0, len(escaped))
	var encoded []bool
	for i := 0; i < len(escaped); i++ {
		c := escaped[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		c, ok := unhexPair(escaped[i+1:])
		if !ok {
			return requestPath{}, false
		}
		if c == '/' {
			if encoded == nil {
				encoded = make([]bool, len(escaped))
			}
			encoded[len(b)] = true
		}
		b = append(b, c)
		i += 2
	}
	return requestPath{text: string(b), encoded: encoded}, true
}

// unhexPair decodes the two hexadecimal digits that start s.
func unhexPair(s string) (byte, bool) {
	if len(s) < 2 {
		return 0, false
	}
	v, err := strconv.ParseUint(s[:2], 16, 8)
	return byte(v), err == nil
}

// isEncoded reports whether text[i] is a "/" the request percent-encoded.
func (rp requestPath) isEncoded(i int) bool {
	return i < len(rp.encoded) && rp.encoded[i]
}

// separates reports whether text[i] is a "/" that separates segments.
func (rp requestPath) separates(i int) bool {
	return rp.text[i] == '/' && !rp.isEncoded(i)
}

// encodedIn reports whether text[i:j] holds a "/" the request encoded.
func (rp requestPath) encodedIn(i, j int) bool {
	for k := i; k < min(j, len(rp.encoded)); k++ {
		if rp.encoded[k] {
			return true
		}
	}
	return false
}

// prefix returns the path of the first n bytes of rp.
func (rp requestPath) prefix(n int) requestPath {
	return requestPath{text: rp.text[:n], encoded: rp.encoded[:min(n, len(rp.encoded))]}
}

// lastSeparator returns the index of the last "/" that separates segments,
// or -1.
func (rp requestPath) lastSeparator() int {
	for i := len(rp.text) - 1; i >= 0; i-- {
		if rp.separates(i) {
			return i
		}
	}
	return -1
}
