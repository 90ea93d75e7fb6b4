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

// keyAsSegment rewrites each segment that ends in an OData key in
// parentheses as the collection and a key segment ("users('a@b.com')" as
// "users/a@b.com", "tables(4)" as "tables/4"), as Graph answers both
// forms and the docs write request lines in the second. A key is one
// quoted string (a doubled quote stands for one) or one bare literal
// without quotes, '=', ',' or parentheses, and is not empty; a function
// call is not rewritten. A "/" the request encoded stays in its key. It
// reports whether it rewrote a segment. (The parser's route.KeyAsSegment
// does the same for the examples.)
func keyAsSegment(p requestPath) (requestPath, bool) {
	if strings.IndexByte(p.text, ')') < 0 {
		return p, false
	}
	return mapSegments(p, func(start, end int) ([]byte, []bool, bool) {
		open, key, ok := segmentKey(p, start, end)
		if !ok {
			return nil, nil, false
		}
		text := append([]byte(p.text[start:open]), '/')
		enc := append(appendEncoded(nil, p, start, open), false)
		for _, k := range key {
			text = append(text, p.text[k])
			enc = append(enc, p.isEncoded(k))
		}
		return text, enc, true
	})
}

// mapSegments rewrites the segments of p that f rewrites: f(start, end)
// is given the segment p.text[start:end] and returns its new text with
// the encoded mark of each byte, or false to keep it. It reports whether
// f rewrote a segment.
func mapSegments(p requestPath, f func(start, end int) ([]byte, []bool, bool)) (requestPath, bool) {
	var text []byte
	var enc []bool
	changed := false
	start := 0
	for i := 0; i <= len(p.text); i++ {
		if i < len(p.text) && !p.separates(i) {
			continue
		}
		// The segment is p.text[start:i]; i is its "/" or the end.
		if repl, marks, ok := f(start, i); ok {
			if !changed {
				text = append(text, p.text[:start]...)
				enc = appendEncoded(enc, p, 0, start)
				changed = true
			}
			text = append(text, repl...)
			enc = append(enc, marks...)
		} else if changed {
			text = append(text, p.text[start:i]...)
			enc = appendEncoded(enc, p, start, i)
		}
		if changed && i < len(p.text) {
			text = append(text, '/')
			enc = append(enc, false)
		}
		start = i + 1
	}
	if !changed {
		return p, false
	}
	out := requestPath{text: string(text)}
	if p.encoded != nil {
		out.encoded = enc
	}
	return out, true
}

// appendEncoded appends the encoded marks of p.text[i:j].
func appendEncoded(enc []bool, p requestPath, i, j int) []bool {
	for k := i; k < j; k++ {
		enc = append(enc, p.isEncoded(k))
	}
	return enc
}

// segmentKey reads the segment p.text[a:b] as name(key): it returns the
// index of "(" and the indexes of the key's bytes (a quoted key without
// its quotes, a doubled quote read as one).
func segmentKey(p requestPath, a, b int) (int, []int, bool) {
	seg := p.text[a:b]
	open := strings.IndexByte(seg, '(')
	if open <= 0 || !strings.HasSuffix(seg, ")") {
		return 0, nil, false
	}
	in, inEnd := a+open+1, b-1
	inner := p.text[in:inEnd]
	var key []int
	if len(inner) >= 3 && inner[0] == '\'' && inner[len(inner)-1] == '\'' {
		for k := in + 1; k < inEnd-1; k++ {
			if p.text[k] == '\'' {
				if k+1 >= inEnd-1 || p.text[k+1] != '\'' {
					return 0, nil, false
				}
				k++
			}
			key = append(key, k)
		}
		return a + open, key, true
	}
	if inner == "" || strings.ContainsAny(inner, "'=,()") {
		return 0, nil, false
	}
	for k := in; k < inEnd; k++ {
		key = append(key, k)
	}
	return a + open, key, true
}
