package rt

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// codecHexDigits are the digits of \u escapes.
const codecHexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string, escaped as encoding/json
// does with SetEscapeHTML(false): quote, backslash and control characters
// escaped, invalid UTF-8 replaced by \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && codecPlain8(s[i:i+8]) {
			i += 8
			continue
		}
		b := s[i]
		if codecPlainTable[b] {
			i++
			continue
		}
		if b < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			dst = codecAppendEscape(dst, b)
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', codecHexDigits[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// codecPlain8 reports whether the 8 bytes of s are all plain: ASCII, not
// a control character, quote or backslash. It tests them at once, as a
// word.
func codecPlain8(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	q, bs := x^(ones*'"'), x^(ones*'\\')
	special := (x - ones*0x20) | (q-ones)&^q | (bs-ones)&^bs | x
	return special&highs == 0
}

// codecAppendEscape appends the escape of the ASCII byte b: a quote,
// backslash or control character.
func codecAppendEscape(dst []byte, b byte) []byte {
	switch b {
	case '\\', '"':
		return append(dst, '\\', b)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', codecHexDigits[b>>4], codecHexDigits[b&0xF])
}

// codecAppendFloat appends f as encoding/json writes a float of the given
// size: like ES6, %f unless very small or large, then %e with a short
// exponent. NaN and infinities have no JSON form.
func codecAppendFloat(dst []byte, f float64, bits int, v reflect.Value) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return dst, &json.UnsupportedValueError{Value: v, Str: strconv.FormatFloat(f, 'g', -1, bits)}
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	dst = strconv.AppendFloat(dst, f, format, -1, bits)
	if format == 'e' {
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, nil
}

// codecAppendRaw appends the JSON value src (from a json.RawMessage, an
// annotation or a MarshalJSON method of the type t) without its
// whitespace, as encoding/json compacts it; invalid JSON is an error.
func codecAppendRaw(dst, src []byte, t reflect.Type) ([]byte, error) {
	if !codecValid(src) {
		var buf bytes.Buffer
		err := json.Compact(&buf, src)
		if err == nil {
			err = errors.New("invalid JSON")
		}
		return dst, &json.MarshalerError{Type: t, Err: err}
	}
	return codecAppendCompact(dst, src), nil
}

// codecAppendCompact appends the valid JSON src without the whitespace
// between its tokens.
func codecAppendCompact(dst, src []byte) []byte {
	start, inString := 0, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case inString && c == '\\':
			i++
		case inString && c == '"':
			inString = false
		case inString:
		case c == '"':
			inString = true
		case codecSpaceTable[c]:
			dst = append(dst, src[start:i]...)
			start = i + 1
		}
	}
	return append(dst, src[start:]...)
}
