package jsondoc

import (
	"bytes"
	"fmt"
	"strings"
)

// value reads the value at p.pos. Objects and arrays are returned open
// (only their first byte is consumed); the caller pushes them.
func (p *parser) value() (*Value, error) {
	if p.pos >= len(p.src) {
		return nil, p.errorf(p.pos, "unexpected end of input, expected a value")
	}
	start := p.pos
	switch c := p.src[start]; {
	case c == '{' || c == '[':
		k := Object
		if c == '[' {
			k = Array
		}
		p.pos++
		return p.newValue(k, start), nil
	case c == '"':
		return p.stringValue(quoteDouble)
	case c == '-' || isDigit(c):
		return p.number()
	case p.lenient && c == '\'':
		return p.stringValue(quoteSingle)
	case p.lenient && smartQuoteLen(p.src[start:]) > 0:
		return p.stringValue(quoteSmart)
	case p.lenient && isWordStart(c):
		return p.bareWord(), nil
	case c == 't' || c == 'f' || c == 'n':
		return p.literal()
	}
	return nil, p.errorf(start, "unexpected %s, expected a value", describe(p.src, start))
}

// stringValue reads a string delimited as q says.
func (p *parser) stringValue(q quote) (*Value, error) {
	v := p.newValue(String, p.pos)
	s, err := p.readString(q)
	if err != nil {
		return nil, err
	}
	v.Str, v.End = s, p.pos
	p.prevEnd = p.pos
	return v, nil
}

var literals = [...]struct {
	text string
	kind Kind
	b    bool
}{{"true", Bool, true}, {"false", Bool, false}, {"null", Null, false}}

// literal reads true, false or null (strict mode).
func (p *parser) literal() (*Value, error) {
	for _, l := range literals {
		if bytes.HasPrefix(p.src[p.pos:], []byte(l.text)) {
			return p.scalar(l.kind, l.b, len(l.text)), nil
		}
	}
	return nil, p.errorf(p.pos, "invalid literal, expected true, false or null")
}

// scalar returns a Bool or Null value of n bytes at p.pos and consumes it.
func (p *parser) scalar(k Kind, b bool, n int) *Value {
	v := p.newValue(k, p.pos)
	v.Bool = b
	p.pos += n
	v.End = p.pos
	p.prevEnd = p.pos
	return v
}

// bareWord reads an unquoted word in value position (lenient mode). Exact
// literals are kept as they are; other spellings of true, false and null
// become those literals; any other word becomes a string.
func (p *parser) bareWord() *Value {
	start := p.pos
	n := wordLen(p.src[start:])
	word := string(p.src[start : start+n])
	for _, l := range literals {
		if word == l.text {
			return p.scalar(l.kind, l.b, n)
		}
	}
	for _, l := range literals {
		if strings.EqualFold(word, l.text) {
			p.addRepair(start, CodeBareWord, fmt.Sprintf("bare word %q read as %s", word, l.text))
			return p.scalar(l.kind, l.b, n)
		}
	}
	p.addRepair(start, CodeBareWord, fmt.Sprintf("bare word %q read as a string", word))
	v := p.newValue(String, start)
	p.pos += n
	v.Str, v.End = word, p.pos
	p.prevEnd = p.pos
	return v
}

// key reads an object key (p.pos is at its first byte).
func (p *parser) key() (string, error) {
	c := p.src[p.pos]
	switch {
	case c == '"':
		return p.readString(quoteDouble)
	case !p.lenient:
	case c == '\'':
		return p.readString(quoteSingle)
	case smartQuoteLen(p.src[p.pos:]) > 0:
		return p.readString(quoteSmart)
	case isWordByte(c):
		start := p.pos
		p.pos += wordLen(p.src[start:])
		key := string(p.src[start:p.pos])
		p.addRepair(start, CodeUnquotedKey, fmt.Sprintf("unquoted key %q read as a string", key))
		return key, nil
	}
	return "", p.errorf(p.pos, "expected a string for an object key, found %s", describe(p.src, p.pos))
}

// number reads a number, checking the RFC 8259 grammar
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? and keeping its text.
func (p *parser) number() (*Value, error) {
	src, start := p.src, p.pos
	i := start
	if src[i] == '-' {
		i++
	}
	switch {
	case i < len(src) && src[i] == '0':
		i++
	case i < len(src) && isDigit(src[i]):
		i = skipDigits(src, i)
	default:
		return nil, p.errorf(i, "invalid number: expected a digit after '-'")
	}
	if i < len(src) && src[i] == '.' {
		i++
		if i >= len(src) || !isDigit(src[i]) {
			return nil, p.errorf(i, "invalid number: expected a digit after '.'")
		}
		i = skipDigits(src, i)
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		if i >= len(src) || !isDigit(src[i]) {
			return nil, p.errorf(i, "invalid number: expected a digit in the exponent")
		}
		i = skipDigits(src, i)
	}
	v := p.newValue(Number, start)
	v.Str, v.End = string(src[start:i]), i
	p.pos, p.prevEnd = i, i
	return v, nil
}

func skipDigits(src []byte, i int) int {
	for i < len(src) && isDigit(src[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordStart reports whether c can start a bare word in value position.
func isWordStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == '$' || c == '@'
}

// isWordByte reports whether c can be part of a bare word or unquoted key.
func isWordByte(c byte) bool {
	return isWordStart(c) || isDigit(c) || c == '.' || c == '-'
}

// wordLen returns the length of the run of word bytes at the start of b.
func wordLen(b []byte) int {
	n := 0
	for n < len(b) && isWordByte(b[n]) {
		n++
	}
	return n
}
