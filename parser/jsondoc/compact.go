package jsondoc

import "unicode/utf8"

// Compact returns v as compact JSON: members in source order (duplicates
// kept), strings escaped as encoding/json escapes them with HTML escaping
// off, and numbers as written. A nil v is null.
func (v *Value) Compact() []byte {
	return v.AppendCompact(nil)
}

// AppendCompact appends the Compact form of v to dst and returns the result.
// It does not recurse, so any nesting depth is safe.
func (v *Value) AppendCompact(dst []byte) []byte {
	type open struct {
		v *Value
		i int // next member or element to write
	}
	stack := []open{{v: v, i: -1}}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		w := top.v
		if top.i < 0 {
			dst = appendOpen(dst, w)
			if w == nil || (w.Kind != Object && w.Kind != Array) {
				stack = stack[:len(stack)-1]
				continue
			}
			top.i = 0
		}
		n := len(w.Elems)
		if w.Kind == Object {
			n = len(w.Members)
		}
		if top.i == n {
			dst = append(dst, closer(w.Kind))
			stack = stack[:len(stack)-1]
			continue
		}
		if top.i > 0 {
			dst = append(dst, ',')
		}
		var child *Value
		if w.Kind == Object {
			m := w.Members[top.i]
			dst = append(appendString(dst, m.Key), ':')
			child = m.Value
		} else {
			child = w.Elems[top.i]
		}
		top.i++
		stack = append(stack, open{v: child, i: -1})
	}
	return dst
}

// appendOpen writes a scalar, or the opening bracket of a container.
func appendOpen(dst []byte, v *Value) []byte {
	if v == nil {
		return append(dst, "null"...)
	}
	switch v.Kind {
	case Bool:
		if v.Bool {
			return append(dst, "true"...)
		}
		return append(dst, "false"...)
	case Number:
		return append(dst, v.Str...)
	case String:
		return appendString(dst, v.Str)
	case Object:
		return append(dst, '{')
	case Array:
		return append(dst, '[')
	}
	return append(dst, "null"...)
}

// closer returns the closing bracket of an object or array kind.
func closer(k Kind) byte {
	if k == Object {
		return '}'
	}
	return ']'
}

const hex = "0123456789abcdef"

// appendString writes s as a JSON string the way encoding/json does with
// HTML escaping off: short escapes for \b \f \n \r \t, \u00XX for other
// control characters, \ufffd for invalid UTF-8, and \u2028 \u2029 escaped.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(append(dst, s[start:i]...), `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(append(dst, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(dst, s[start:]...), '"')
}
