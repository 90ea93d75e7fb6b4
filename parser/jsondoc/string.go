package jsondoc

import (
	"bytes"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// quote is the delimiter style of a string.
type quote uint8

const (
	quoteDouble quote = iota // "…"
	quoteSingle              // '…' (lenient)
	quoteSmart               // “…” (lenient)
)

var (
	leftSmart  = []byte("“")
	rightSmart = []byte("”")
)

// smartQuoteLen returns the length of the “ or ” at the start of b, or 0.
func smartQuoteLen(b []byte) int {
	if bytes.HasPrefix(b, leftSmart) || bytes.HasPrefix(b, rightSmart) {
		return len(leftSmart)
	}
	return 0
}

// stringReader decodes one string; raw runs are copied lazily so that a
// string without escapes costs a single copy.
type stringReader struct {
	p      *parser
	buf    []byte
	seg    int  // start of the raw run not yet copied to buf
	copied bool // whether buf holds a prefix of the string
}

// flush copies the raw run ending at i into buf.
func (r *stringReader) flush(i int) {
	r.buf = append(r.buf, r.p.src[r.seg:i]...)
	r.copied = true
}

// finish ends the string: its content ends at contentEnd and the reader
// resumes at next.
func (r *stringReader) finish(contentEnd, next int) string {
	var s string
	if r.copied {
		r.flush(contentEnd)
		s = string(r.buf)
	} else {
		s = string(r.p.src[r.seg:contentEnd])
	}
	r.p.buf = r.buf[:0]
	r.p.pos, r.p.prevEnd = next, next
	return s
}

// readString reads the string at p.pos delimited as q says and returns its
// decoded text. Invalid UTF-8 becomes U+FFFD, as in encoding/json.
func (p *parser) readString(q quote) (string, error) {
	src, start := p.src, p.pos
	i := start + 1
	switch q {
	case quoteSingle:
		p.addRepair(start, CodeSingleQuote, "single-quoted string")
	case quoteSmart:
		i = start + len(leftSmart)
		p.addRepair(start, CodeSmartQuote, "smart quote used as a string delimiter")
	}
	r := stringReader{p: p, buf: p.buf[:0], seg: i}
	// Lenient: the first ” in a double-quoted string, used to close the
	// string if it is not closed on its line ("GET”,).
	smartOff, smartBuf, smartSeg, smartCopied := -1, 0, 0, false
	closeAtSmart := func() string {
		r.buf, r.seg, r.copied = r.buf[:smartBuf], smartSeg, smartCopied
		p.addRepair(smartOff, CodeSmartQuote, "string closed by a smart quote")
		return r.finish(smartOff, smartOff+len(rightSmart))
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '"' && q != quoteSingle, c == '\'' && q == quoteSingle:
			return r.finish(i, i+1), nil
		case c == '\\':
			r.flush(i)
			n, err := p.escape(&r.buf, i, q)
			if err != nil {
				return "", err
			}
			i += n
			r.seg = i
		case c < 0x20:
			if smartOff >= 0 && (c == '\n' || c == '\r') {
				return closeAtSmart(), nil
			}
			if c == '\n' || c == '\r' {
				return "", p.errorf(start, "unterminated string")
			}
			return "", p.errorf(i, "control character %U in string", rune(c))
		case c < utf8.RuneSelf:
			i++
		default:
			rn, size := utf8.DecodeRune(src[i:])
			switch {
			case rn == utf8.RuneError && size == 1:
				r.flush(i)
				r.buf = append(r.buf, "\uFFFD"...)
				r.seg = i + 1
			case q == quoteSmart && (rn == '”' || rn == '“'):
				return r.finish(i, i+size), nil
			case q == quoteDouble && p.lenient && rn == '”' && smartOff < 0:
				smartOff, smartBuf, smartSeg, smartCopied = i, len(r.buf), r.seg, r.copied
			}
			i += size
		}
	}
	if smartOff >= 0 {
		return closeAtSmart(), nil
	}
	return "", p.errorf(start, "unterminated string")
}

// escape decodes the escape sequence at src[i] (a backslash) into buf and
// returns its length. Surrogates are handled as in encoding/json.
func (p *parser) escape(buf *[]byte, i int, q quote) (int, error) {
	src := p.src
	if i+1 >= len(src) {
		return 0, p.errorf(i, "unterminated string")
	}
	switch c := src[i+1]; c {
	case '"', '\\', '/':
		*buf = append(*buf, c)
	case 'b':
		*buf = append(*buf, '\b')
	case 'f':
		*buf = append(*buf, '\f')
	case 'n':
		*buf = append(*buf, '\n')
	case 'r':
		*buf = append(*buf, '\r')
	case 't':
		*buf = append(*buf, '\t')
	case 'u':
		rr := getu4(src[i:])
		if rr < 0 {
			return 0, p.errorf(i, `invalid \u escape: expected four hex digits`)
		}
		if utf16.IsSurrogate(rr) {
			if dec := utf16.DecodeRune(rr, getu4(src[i+6:])); dec != unicode.ReplacementChar {
				*buf = utf8.AppendRune(*buf, dec)
				return 12, nil
			}
			rr = unicode.ReplacementChar
		}
		*buf = utf8.AppendRune(*buf, rr)
		return 6, nil
	default:
		if c == '\'' && q == quoteSingle {
			*buf = append(*buf, c)
			break
		}
		return 0, p.errorf(i, "invalid escape %s in string", describe(src, i+1))
	}
	return 2, nil
}

// getu4 decodes \uXXXX at the start of s, or returns -1.
func getu4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
