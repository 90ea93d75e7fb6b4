package rt

import (
	"reflect"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// The decoder reads JSON bytes directly, checking the syntax as it goes
// with the rules of encoding/json's scanner (so a body it accepts is one
// json.Valid accepts), and never builds tokens.

// codecDecoder is the state of one decode.
type codecDecoder struct {
	data   []byte
	pos    int
	strict bool          // a request body: members and values are checked
	limit  bool          // nesting is limited to codecMaxDepth (a request body)
	opts   decodeOptions // strict mode options
	depth  int           // open arrays and objects
	path   []codecPathSeg
	stack  []bool // skip: true for an open object, false for an array
	soft   *codecFailure
}

// codecPathSeg is one step of the path to the value being decoded: a
// member name, or an array index when index >= 0.
type codecPathSeg struct {
	name  []byte
	index int
}

// codecDecoders reuses decoders and their path and stack slices.
var codecDecoders = sync.Pool{New: func() any { return new(codecDecoder) }}

// codecMaxDepth is the deepest nesting of arrays and objects accepted in a
// request body.
const codecMaxDepth = 64

// codecMaxNesting is the nesting encoding/json's scanner accepts; deeper
// input is a syntax error.
const codecMaxNesting = 10000

// codecNewDecoder returns a pooled decoder reading data.
func codecNewDecoder(data []byte, strict bool) *codecDecoder {
	d := codecDecoders.Get().(*codecDecoder)
	d.data, d.pos, d.strict, d.limit, d.depth, d.soft = data, 0, strict, strict, 0, nil
	d.opts = decodeOptions{}
	d.path, d.stack = d.path[:0], d.stack[:0]
	return d
}

// release returns d to the pool.
func (d *codecDecoder) release() {
	d.data = nil
	for i := range d.path {
		d.path[i].name = nil
	}
	if cap(d.path) <= 256 && cap(d.stack) <= 1024 {
		codecDecoders.Put(d)
	}
}

// codecSpaceTable marks the JSON whitespace bytes.
var codecSpaceTable = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// peek skips whitespace and returns the next byte, 0 at the end of input.
func (d *codecDecoder) peek() byte {
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		if !codecSpaceTable[c] {
			return c
		}
		d.pos++
	}
	return 0
}

// expect consumes c after whitespace.
func (d *codecDecoder) expect(c byte) *codecFailure {
	if d.peek() != c {
		return codecSyntaxFailure
	}
	d.pos++
	return nil
}

// enter counts an opened array or object.
func (d *codecDecoder) enter() *codecFailure {
	d.depth++
	switch {
	case d.depth > codecMaxNesting:
		return codecSyntaxFailure
	case d.limit && d.depth > codecMaxDepth:
		return &codecFailure{kind: codecFailDepth}
	}
	return nil
}

// leave counts a closed array or object.
func (d *codecDecoder) leave() {
	d.depth--
}

// next reads what follows a member or element: it reports true after a
// comma, false after the closing byte end.
func (d *codecDecoder) next(end byte) (bool, *codecFailure) {
	switch d.peek() {
	case ',':
		d.pos++
		return true, nil
	case end:
		d.pos++
		return false, nil
	}
	return false, codecSyntaxFailure
}

// codecStringFlags says what a scanned string holds.
type codecStringFlags uint8

// The flags of a scanned string.
const (
	codecStrEscaped  codecStringFlags = 1 << iota // a backslash escape
	codecStrNonASCII                              // a byte >= 0x80
)

// codecPlainTable marks the bytes a string holds as they are: not a
// quote, backslash, control character or non-ASCII byte.
var codecPlainTable = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// scanString reads the string that starts at pos (a quote) and returns the
// bounds of its contents and what they hold.
func (d *codecDecoder) scanString() (start, end int, flags codecStringFlags, f *codecFailure) {
	data := d.data
	i := d.pos + 1
	start = i
	for {
		for i < len(data) && codecPlainTable[data[i]] {
			i++
		}
		if i >= len(data) {
			return 0, 0, 0, codecSyntaxFailure
		}
		switch c := data[i]; {
		case c == '"':
			d.pos = i + 1
			return start, i, flags, nil
		case c == '\\':
			flags |= codecStrEscaped
			n := codecEscapeLen(data[i+1:])
			if n == 0 {
				return 0, 0, 0, codecSyntaxFailure
			}
			i += 1 + n
		case c < 0x20:
			return 0, 0, 0, codecSyntaxFailure
		default:
			flags |= codecStrNonASCII
			i++
		}
	}
}

// codecEscapeLen returns the length of the escape after a backslash at the
// start of s, 0 when it is not one JSON allows.
func codecEscapeLen(s []byte) int {
	if len(s) == 0 {
		return 0
	}
	switch s[0] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 1
	case 'u':
		if len(s) < 5 {
			return 0
		}
		for _, c := range s[1:5] {
			if codecHexValue(c) < 0 {
				return 0
			}
		}
		return 5
	}
	return 0
}

// codecHexValue returns the value of a hexadecimal digit, -1 for another
// byte.
func codecHexValue(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// stringBytes reads a string and returns its value: the input bytes when
// it has no escape and is valid UTF-8, else a new unquoted copy.
func (d *codecDecoder) stringBytes() ([]byte, *codecFailure) {
	start, end, flags, f := d.scanString()
	if f != nil {
		return nil, f
	}
	raw := d.data[start:end]
	if flags == 0 || flags == codecStrNonASCII && utf8.Valid(raw) {
		return raw, nil
	}
	return codecUnquote(raw), nil
}

// codecUnquote decodes the contents of a valid JSON string as
// encoding/json does: escapes resolved, a lone or broken surrogate and each
// byte of invalid UTF-8 replaced by U+FFFD.
func codecUnquote(s []byte) []byte {
	b := make([]byte, 0, len(s)+utf8.UTFMax)
	for r := 0; r < len(s); {
		c := s[r]
		switch {
		case c == '\\':
			r++
			switch s[r] {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				rr := codecHex4(s[r+1:])
				r += 5
				if utf16.IsSurrogate(rr) {
					if r+1 < len(s) && s[r] == '\\' && s[r+1] == 'u' {
						if dec := utf16.DecodeRune(rr, codecHex4(s[r+2:])); dec != unicode.ReplacementChar {
							b = utf8.AppendRune(b, dec)
							r += 6
							continue
						}
					}
					rr = unicode.ReplacementChar
				}
				b = utf8.AppendRune(b, rr)
				continue
			default: // " \ /
				b = append(b, s[r])
			}
			r++
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			b = utf8.AppendRune(b, rr)
			r += size
		}
	}
	return b
}

// codecHex4 decodes the four hexadecimal digits that start s, -1 when s
// does not start with four.
func codecHex4(s []byte) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range s[:4] {
		v := codecHexValue(c)
		if v < 0 {
			return -1
		}
		r = r<<4 | v
	}
	return r
}

// scanNumber reads the number that starts at pos and returns its bytes.
// The grammar is JSON's: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (d *codecDecoder) scanNumber() ([]byte, *codecFailure) {
	data, i := d.data, d.pos
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		i = codecDigits(data, i+1)
	default:
		return nil, codecSyntaxFailure
	}
	if i < len(data) && data[i] == '.' {
		j := codecDigits(data, i+1)
		if j == i+1 {
			return nil, codecSyntaxFailure
		}
		i = j
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := codecDigits(data, i)
		if j == i {
			return nil, codecSyntaxFailure
		}
		i = j
	}
	num := data[d.pos:i]
	d.pos = i
	return num, nil
}

// codecDigits returns the position after the decimal digits at data[i:].
func codecDigits(data []byte, i int) int {
	for i < len(data) && '0' <= data[i] && data[i] <= '9' {
		i++
	}
	return i
}

// literal consumes the literal word (true, false or null) at pos.
func (d *codecDecoder) literal(word string) *codecFailure {
	if len(d.data)-d.pos < len(word) || string(d.data[d.pos:d.pos+len(word)]) != word {
		return codecSyntaxFailure
	}
	d.pos += len(word)
	return nil
}

// skip reads one value, checking its syntax, and counts its nesting as
// enter does. It is iterative, so deep input costs no stack.
func (d *codecDecoder) skip() *codecFailure {
	base := len(d.stack)
	for {
		if f := d.skipScalarOrOpen(); f != nil {
			return f
		}
		for {
			if len(d.stack) == base {
				return nil
			}
			inObject := d.stack[len(d.stack)-1]
			end := byte(']')
			if inObject {
				end = '}'
			}
			more, f := d.next(end)
			if f != nil {
				return f
			}
			if more {
				if inObject {
					if f := d.skipKey(); f != nil {
						return f
					}
				}
				break
			}
			d.stack = d.stack[:len(d.stack)-1]
			d.leave()
		}
	}
}

// skipScalarOrOpen reads a scalar, or opens an array or object and reads
// up to its first value (or through its end when it is empty).
func (d *codecDecoder) skipScalarOrOpen() *codecFailure {
	for {
		c := d.peek()
		switch c {
		case '{', '[':
			d.pos++
			if f := d.enter(); f != nil {
				return f
			}
			end := byte('}')
			if c == '[' {
				end = ']'
			}
			if d.peek() == end {
				d.pos++
				d.leave()
				return nil
			}
			d.stack = append(d.stack, c == '{')
			if c == '{' {
				if f := d.skipKey(); f != nil {
					return f
				}
			}
			continue
		case '"':
			_, _, _, f := d.scanString()
			return f
		case 't':
			return d.literal("true")
		case 'f':
			return d.literal("false")
		case 'n':
			return d.literal("null")
		}
		_, f := d.scanNumber()
		return f
	}
}

// skipKey reads a member name and its colon.
func (d *codecDecoder) skipKey() *codecFailure {
	if d.peek() != '"' {
		return codecSyntaxFailure
	}
	if _, _, _, f := d.scanString(); f != nil {
		return f
	}
	return d.expect(':')
}

// raw skips one value and returns its bytes (without surrounding
// whitespace), which alias the input.
func (d *codecDecoder) raw() ([]byte, *codecFailure) {
	d.peek()
	start := d.pos
	if f := d.skip(); f != nil {
		return nil, f
	}
	return d.data[start:d.pos], nil
}

// end checks that only whitespace follows the value.
func (d *codecDecoder) end() *codecFailure {
	if d.peek(); d.pos != len(d.data) {
		return codecSyntaxFailure
	}
	return nil
}

// pushName enters the member name on the path.
func (d *codecDecoder) pushName(name []byte) {
	d.path = append(d.path, codecPathSeg{name: name, index: -1})
}

// pushIndex enters the array index i on the path.
func (d *codecDecoder) pushIndex(i int) {
	d.path = append(d.path, codecPathSeg{index: i})
}

// pop leaves the last path step.
func (d *codecDecoder) pop() {
	d.path = d.path[:len(d.path)-1]
}

// codecValid reports whether data is one JSON value, as json.Valid does.
func codecValid(data []byte) bool {
	d := codecNewDecoder(data, false)
	defer d.release()
	return d.skip() == nil && d.end() == nil
}

// codecZeroValue is the invalid reflect.Value, for readability.
var codecZeroValue reflect.Value
