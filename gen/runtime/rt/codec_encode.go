package rt

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// encodeOptions are the choices of the handler for one answer. The zero
// value (or nil) writes every value as it is.
type encodeOptions struct {
	// selected, when not nil, is the set of properties to write ($select):
	// of the top-level object, or, with selectInValue, of each element of
	// its "value" array (a collection). Control information (names starting
	// with "@") and annotations are always written; the members of an open
	// type only when selected.
	Selected      map[string]bool
	SelectInValue bool
	// hideEvolvable writes the enum members documented after
	// unknownFutureValue as unknownFutureValue (issue #14): the handler
	// sets it when the request has no "Prefer: include-unknown-enum-members".
	hideEvolvable bool
}

// codecEncoder is the state of one encode. The output buffer is passed
// from call to call, not kept here: a store into a heap object costs a
// write barrier while the GC runs.
type codecEncoder struct {
	opts     encodeOptions
	valueSel map[string]bool // $select for the "value" of the first object
	ptrLevel int
	ptrSeen  map[codecSeenPtr]bool
	keys     []string // scratch for sorting annotation names
	own      []byte   // the pooled buffer of marshalStruct
}

// codecSeenPtr identifies a pointer on the path being encoded, to find
// cycles.
type codecSeenPtr struct {
	ptr uintptr
	typ reflect.Type
}

// codecCycleDepth is the pointer depth after which the encoder looks for
// cycles, as encoding/json does.
const codecCycleDepth = 1000

// codecEncoders reuses encoders and their buffers.
var codecEncoders = sync.Pool{New: func() any { return new(codecEncoder) }}

// codecNewEncoder returns a pooled encoder with the options opts (nil for
// none).
func codecNewEncoder(opts *encodeOptions) *codecEncoder {
	e := codecEncoders.Get().(*codecEncoder)
	e.opts = encodeOptions{}
	if opts != nil {
		e.opts = *opts
	}
	e.valueSel, e.ptrLevel = nil, 0
	return e
}

// release returns e to the pool, keeping a buffer of reasonable size.
func (e *codecEncoder) release() {
	e.opts, e.valueSel = encodeOptions{}, nil
	clear(e.ptrSeen)
	clear(e.keys)
	if cap(e.own) > 1<<20 {
		e.own = nil
	}
	codecEncoders.Put(e)
}

// MarshalStruct encodes the value x points to (a generated struct, AnyOf,
// or any other value) as JSON, for the MarshalJSON methods of the
// generated types: declared members in field order after the control
// information and annotations, absent Optionals left out, null ones written
// as null, embedded structs walked (their own MarshalJSON is not called),
// strings escaped as encoding/json does with SetEscapeHTML(false). The
// result is a new slice.
func MarshalStruct(x any) ([]byte, error) {
	e := codecNewEncoder(nil)
	b, err := e.top(e.own[:0], x)
	var out []byte
	if err == nil {
		out = bytes.Clone(b)
	}
	e.own = b
	e.release()
	return out, err
}

// AppendJSON appends the JSON encoding of v to buf, as marshalStruct
// writes it, with the handler's options (nil for none). On error it
// returns buf as it was.
func AppendJSON(buf []byte, v any, opts *encodeOptions) ([]byte, error) {
	e := codecNewEncoder(opts)
	out, err := e.top(buf, v)
	e.release()
	if err != nil {
		return buf, err
	}
	return out, nil
}

// top encodes the top-level value v.
func (e *codecEncoder) top(b []byte, v any) ([]byte, error) {
	if v == nil {
		return append(b, "null"...), nil
	}
	rv := reflect.ValueOf(v)
	sel := e.opts.Selected
	if e.opts.SelectInValue {
		e.valueSel, sel = sel, nil
	}
	return e.value(b, codecPlanFor(rv.Type()), rv, sel)
}

// value appends v, whose plan is p. sel is the $select projection of the
// entity v is (or holds), nil for all properties.
func (e *codecEncoder) value(b []byte, p *codecPlan, v reflect.Value, sel map[string]bool) ([]byte, error) {
	if p.encodeWith != codecMethodNone {
		if out, done, err := e.method(b, p, v); done {
			return out, err
		}
	}
	switch p.kind {
	case codecKindBool:
		return strconv.AppendBool(b, v.Bool()), nil
	case codecKindInt:
		return strconv.AppendInt(b, v.Int(), 10), nil
	case codecKindUint:
		return strconv.AppendUint(b, v.Uint(), 10), nil
	case codecKindFloat:
		return codecAppendFloat(b, v.Float(), p.bits, v)
	case codecKindString:
		return e.str(b, p, v), nil
	case codecKindStruct:
		return e.object(b, p, v, sel)
	case codecKindOptional:
		return e.pointee(b, p.elem, v.Field(1), sel)
	case codecKindPointer:
		return e.pointee(b, p.elem, v, sel)
	case codecKindSlice, codecKindArray:
		return e.array(b, p, v, sel)
	}
	return e.other(b, p, v, sel)
}

// other appends the kinds value leaves: byte slices, maps, interfaces,
// AnyOf, raw JSON and numbers.
func (e *codecEncoder) other(b []byte, p *codecPlan, v reflect.Value, sel map[string]bool) ([]byte, error) {
	switch p.kind {
	case codecKindBytes:
		return codecAppendBytes(b, v), nil
	case codecKindMap:
		return e.mapObject(b, p, v)
	case codecKindAny, codecKindInterface:
		return e.dynamic(b, v, sel)
	case codecKindAnyOf:
		return e.dynamic(b, v.Field(1), sel)
	case codecKindRaw:
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		return codecAppendRaw(b, v.Bytes(), p.typ)
	case codecKindNumber:
		s := v.String()
		if s == "" {
			s = "0"
		}
		if !codecIsNumber([]byte(s)) {
			return b, &json.MarshalerError{Type: p.typ, Err: strconv.ErrSyntax}
		}
		return append(b, s...), nil
	}
	return b, &json.UnsupportedTypeError{Type: p.typ}
}

// str appends a string kind; with hideEvolvable, an evolvable enum member
// as unknownFutureValue.
func (e *codecEncoder) str(b []byte, p *codecPlan, v reflect.Value) []byte {
	s := v.String()
	if p.enum != nil && e.opts.hideEvolvable && p.enum.isEvolvable(s) {
		s = codecFutureMember
	}
	return appendJSONString(b, s)
}

// codecAppendBytes appends a []byte as a base64 string, nil as null.
func codecAppendBytes(b []byte, v reflect.Value) []byte {
	if v.IsNil() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = base64.StdEncoding.AppendEncode(b, v.Bytes())
	return append(b, '"')
}

// dynamic appends the value an interface holds, null for nil.
func (e *codecEncoder) dynamic(b []byte, v reflect.Value, sel map[string]bool) ([]byte, error) {
	if v.IsNil() {
		return append(b, "null"...), nil
	}
	el := v.Elem()
	return e.value(b, codecPlanFor(el.Type()), el, sel)
}

// pointee appends what the pointer ptr points to, null for nil. Past
// codecCycleDepth nested pointers it fails on a pointer it is already
// inside.
func (e *codecEncoder) pointee(b []byte, p *codecPlan, ptr reflect.Value, sel map[string]bool) ([]byte, error) {
	if ptr.IsNil() {
		return append(b, "null"...), nil
	}
	if e.ptrLevel++; e.ptrLevel <= codecCycleDepth {
		b, err := e.value(b, p, ptr.Elem(), sel)
		e.ptrLevel--
		return b, err
	}
	k := codecSeenPtr{ptr: ptr.Pointer(), typ: ptr.Type()}
	if e.ptrSeen[k] {
		e.ptrLevel--
		return b, &json.UnsupportedValueError{Value: ptr, Str: "encountered a cycle via " + ptr.Type().String()}
	}
	if e.ptrSeen == nil {
		e.ptrSeen = map[codecSeenPtr]bool{}
	}
	e.ptrSeen[k] = true
	b, err := e.value(b, p, ptr.Elem(), sel)
	delete(e.ptrSeen, k)
	e.ptrLevel--
	return b, err
}

// method appends v with its own MarshalJSON or MarshalText, and reports
// whether it did: a method with a pointer receiver is used only when v is
// addressable, as encoding/json does.
func (e *codecEncoder) method(b []byte, p *codecPlan, v reflect.Value) ([]byte, bool, error) {
	switch p.encodeWith {
	case codecMethodJSONAddr, codecMethodTextAddr:
		if !v.CanAddr() {
			return b, false, nil
		}
		v = v.Addr()
	}
	switch p.encodeWith {
	case codecMethodJSON, codecMethodJSONAddr:
		out, err := v.Interface().(json.Marshaler).MarshalJSON()
		if err != nil {
			return b, true, &json.MarshalerError{Type: v.Type(), Err: err}
		}
		b, err = codecAppendRaw(b, out, v.Type())
		return b, true, err
	}
	out, err := v.Interface().(encoding.TextMarshaler).MarshalText()
	if err != nil {
		return b, true, &json.MarshalerError{Type: v.Type(), Err: err}
	}
	return appendJSONString(b, string(out)), true, nil
}

// array appends a slice (nil as null) or array; sel passes to the
// elements.
func (e *codecEncoder) array(b []byte, p *codecPlan, v reflect.Value, sel map[string]bool) ([]byte, error) {
	if v.Kind() == reflect.Slice && v.IsNil() {
		return append(b, "null"...), nil
	}
	b = append(b, '[')
	for i, n := 0, v.Len(); i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = e.value(b, p.elem, v.Index(i), sel); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// codecMapEntry is a map entry with its key as written.
type codecMapEntry struct {
	key string
	val reflect.Value
}

// mapObject appends a map as an object with sorted keys, nil as null.
func (e *codecEncoder) mapObject(b []byte, p *codecPlan, v reflect.Value) ([]byte, error) {
	if p.keyBad {
		return b, &json.UnsupportedTypeError{Type: p.typ}
	}
	if v.IsNil() {
		return append(b, "null"...), nil
	}
	entries := make([]codecMapEntry, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		k := it.Key()
		var ks string
		switch k.Kind() {
		case reflect.String:
			ks = k.String()
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			ks = strconv.FormatInt(k.Int(), 10)
		default:
			ks = strconv.FormatUint(k.Uint(), 10)
		}
		entries = append(entries, codecMapEntry{key: ks, val: it.Value()})
	}
	slices.SortFunc(entries, func(a, b codecMapEntry) int { return strings.Compare(a.key, b.key) })
	b = append(b, '{')
	for i, en := range entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, en.key)
		b = append(b, ':')
		var err error
		if b, err = e.value(b, p.elem, en.val, nil); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}
