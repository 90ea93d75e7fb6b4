package jsondoc

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// skipSpace skips JSON whitespace and, in lenient mode, comments and other
// Unicode spaces. It reports whether a line break was skipped.
func (p *parser) skipSpace() (newline bool, err error) {
	src := p.src
	for p.pos < len(src) {
		switch c := src[p.pos]; c {
		case ' ', '\t', '\r':
			p.pos++
		case '\n':
			newline = true
			p.pos++
		default:
			if !p.lenient {
				return newline, nil
			}
			ok, nl, err := p.skipLenientSpace(c)
			if err != nil {
				return newline, err
			}
			if !ok {
				return newline, nil
			}
			newline = newline || nl
		}
	}
	return newline, nil
}

// skipLenientSpace skips a comment or a run of Unicode spaces at p.pos,
// recording a repair. It reports whether it skipped anything.
func (p *parser) skipLenientSpace(c byte) (ok, newline bool, err error) {
	src, start := p.src, p.pos
	if c == '/' && start+1 < len(src) && src[start+1] == '/' {
		p.addRepair(start, CodeComment, "line comment ignored")
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src) - start
		}
		p.pos = start + end
		return true, false, nil
	}
	if c == '/' && start+1 < len(src) && src[start+1] == '*' {
		end := bytes.Index(src[start+2:], []byte("*/"))
		if end < 0 {
			return false, false, p.errorf(start, "unterminated /* comment")
		}
		p.addRepair(start, CodeComment, "block comment ignored")
		p.pos = start + 2 + end + 2
		return true, bytes.IndexByte(src[start:p.pos], '\n') >= 0, nil
	}
	first := true
	for p.pos < len(src) {
		r, size := utf8.DecodeRune(src[p.pos:])
		if !isOtherSpace(r) {
			break
		}
		if first {
			p.addRepair(p.pos, CodeNBSP, fmt.Sprintf("space character %U read as whitespace", r))
			first = false
		}
		newline = newline || r == '\u2028' || r == '\u2029' || r == '\u0085'
		p.pos += size
	}
	return !first, newline, nil
}

// isOtherSpace reports whether r is a space character that JSON does not
// allow as whitespace: non-breaking and other Unicode spaces, vertical tab,
// form feed, zero-width space and the byte order mark.
func isOtherSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n':
		return false
	case '\u200B', '\uFEFF':
		return true
	}
	return unicode.IsSpace(r)
}

// ellipsisLen returns the length of the "..." or "…" placeholder at p.pos,
// or 0 if there is none. A placeholder is a run of '.' and '…' holding at
// least two dots (docs also write "[..]") or one '…'.
func (p *parser) ellipsisLen() int {
	src := p.src
	i, dots, ell := p.pos, 0, 0
	for i < len(src) {
		if src[i] == '.' {
			dots++
			i++
			continue
		}
		if !bytes.HasPrefix(src[i:], []byte("…")) {
			break
		}
		ell++
		i += len("…")
	}
	if dots >= 2 || ell > 0 {
		return i - p.pos
	}
	return 0
}

// skipEllipsis skips the placeholder at p.pos and records the repair.
func (p *parser) skipEllipsis() {
	n := p.ellipsisLen()
	p.addRepair(p.pos, CodeEllipsis, fmt.Sprintf("placeholder %q removed", p.src[p.pos:p.pos+n]))
	p.pos += n
	p.prevEnd = p.pos
}

// startsItem reports whether the byte at p.pos can start an object member
// (inObject) or an array element in lenient mode.
func (p *parser) startsItem(inObject bool) bool {
	c := p.src[p.pos]
	switch {
	case c == '"' || c == '\'' || smartQuoteLen(p.src[p.pos:]) > 0:
		return true
	case inObject:
		return isWordByte(c)
	}
	return c == '{' || c == '[' || c == '-' || isDigit(c) || isWordStart(c)
}
