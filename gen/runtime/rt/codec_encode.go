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
	selected      map[string]bool
	selectInValue bool
	// hideEvolvable writes the enum members documented after
	// unknownFutureValue as unknownFutureValue (issue #14): the handler
	// sets it when the request has no "Prefer: include-unknown-enum-members".
	hideEvolvable bool
}

// codecEncoder is the state of one encode.
type codecEncoder struct {
	buf      []byte
	own      []byte // the pooled buffer of marshalStruct
	opts     encodeOptions
	valueSel map[string]bool // $select for the "value" of the first object
	ptrLevel int
	ptrSeen  map[codecSeenPtr]bool
	keys     []string // scratch for sorting annotation names
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
	e.buf, e.opts, e.valueSel = nil, encodeOptions{}, nil
	clear(e.ptrSeen)
	clear(e.keys)
	if cap(e.own) > 1<<20 {
		e.own = nil
	}
	codecEncoders.Put(e)
}

// marshalStruct encodes the value x points to (a generated struct, AnyOf,
// or any other value) as JSON, for the MarshalJSON methods of the
// generated types: declared members in field order after the control
// information and annotations, absent Optionals left out, null ones written
// as null, embedded structs walked (their own MarshalJSON is not called),
// strings escaped as encoding/json does with SetEscapeHTML(false). The
// result is a new slice.
func marshalStruct(x any) ([]byte, error) {
	e := codecNewEncoder(nil)
	e.buf = e.own[:0]
	err := e.top(x)
	var out []byte
	if err == nil {
		out = bytes.Clone(e.buf)
	}
	e.own = e.buf
	e.release()
	return out, err
}

// appendJSON appends the JSON encoding of v to buf, as marshalStruct
// writes it, with the handler's options (nil for none). On error it
// returns buf as it was.
func appendJSON(buf []byte, v any, opts *encodeOptions) ([]byte, error) {
	e := codecNewEncoder(opts)
	e.buf = buf
	err := e.top(v)
	out := e.buf
	e.release()
	if err != nil {
		return buf, err
	}
	return out, nil
}

// top encodes the top-level value v.
func (e *codecEncoder) top(v any) error {
	if v == nil {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	rv := reflect.ValueOf(v)
	sel := e.opts.selected
	if e.opts.selectInValue {
		e.valueSel, sel = sel, nil
	}
	return e.value(codecPlanFor(rv.Type()), rv, sel)
}

// value encodes v, whose plan is p. sel is the $select projection of the
// entity v is (or holds), nil for all properties.
func (e *codecEncoder) value(p *codecPlan, v reflect.Value, sel map[string]bool) error {
	if p.encodeWith != codecMethodNone {
		if done, err := e.method(p, v); done {
			return err
		}
	}
	var err error
	switch p.kind {
	case codecKindBool:
		e.buf = strconv.AppendBool(e.buf, v.Bool())
	case codecKindInt:
		e.buf = strconv.AppendInt(e.buf, v.Int(), 10)
	case codecKindUint:
		e.buf = strconv.AppendUint(e.buf, v.Uint(), 10)
	case codecKindFloat:
		e.buf, err = codecAppendFloat(e.buf, v.Float(), p.bits, v)
	case codecKindString:
		e.str(p, v)
	case codecKindStruct:
		return e.object(p, v, sel)
	case codecKindOptional:
		return e.pointee(p.elem, v.Field(1), sel)
	case codecKindPointer:
		return e.pointee(p.elem, v, sel)
	case codecKindSlice, codecKindArray:
		return e.array(p, v, sel)
	default:
		return e.other(p, v, sel)
	}
	return err
}

// other encodes the kinds value leaves: byte slices, maps, interfaces,
// AnyOf, raw JSON and numbers.
func (e *codecEncoder) other(p *codecPlan, v reflect.Value, sel map[string]bool) error {
	var err error
	switch p.kind {
	case codecKindBytes:
		e.bytes(v)
	case codecKindMap:
		return e.mapObject(p, v)
	case codecKindAny, codecKindInterface:
		return e.dynamic(v, sel)
	case codecKindAnyOf:
		return e.dynamic(v.Field(1), sel)
	case codecKindRaw:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		e.buf, err = codecAppendRaw(e.buf, v.Bytes(), p.typ)
	case codecKindNumber:
		s := v.String()
		if s == "" {
			s = "0"
		}
		if !codecIsNumber([]byte(s)) {
			return &json.MarshalerError{Type: p.typ, Err: strconv.ErrSyntax}
		}
		e.buf = append(e.buf, s...)
	default:
		return &json.UnsupportedTypeError{Type: p.typ}
	}
	return err
}

// str encodes a string kind; with hideEvolvable, an evolvable enum member
// as unknownFutureValue.
func (e *codecEncoder) str(p *codecPlan, v reflect.Value) {
	s := v.String()
	if p.enum != nil && e.opts.hideEvolvable && p.enum.isEvolvable(s) {
		s = codecFutureMember
	}
	e.buf = appendJSONString(e.buf, s)
}

// bytes encodes a []byte as a base64 string, nil as null.
func (e *codecEncoder) bytes(v reflect.Value) {
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	b := v.Bytes()
	e.buf = append(e.buf, '"')
	e.buf = base64.StdEncoding.AppendEncode(e.buf, b)
	e.buf = append(e.buf, '"')
}

// dynamic encodes the value an interface holds, null for nil.
func (e *codecEncoder) dynamic(v reflect.Value, sel map[string]bool) error {
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	el := v.Elem()
	return e.value(codecPlanFor(el.Type()), el, sel)
}

// pointee encodes what the pointer ptr points to, null for nil. Past
// codecCycleDepth nested pointers it fails on a pointer it is already
// inside.
func (e *codecEncoder) pointee(p *codecPlan, ptr reflect.Value, sel map[string]bool) error {
	if ptr.IsNil() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	if e.ptrLevel++; e.ptrLevel <= codecCycleDepth {
		err := e.value(p, ptr.Elem(), sel)
		e.ptrLevel--
		return err
	}
	k := codecSeenPtr{ptr: ptr.Pointer(), typ: ptr.Type()}
	if e.ptrSeen[k] {
		e.ptrLevel--
		return &json.UnsupportedValueError{Value: ptr, Str: "encountered a cycle via " + ptr.Type().String()}
	}
	if e.ptrSeen == nil {
		e.ptrSeen = map[codecSeenPtr]bool{}
	}
	e.ptrSeen[k] = true
	err := e.value(p, ptr.Elem(), sel)
	delete(e.ptrSeen, k)
	e.ptrLevel--
	return err
}

// method encodes v with its own MarshalJSON or MarshalText, and reports
// whether it did: a method with a pointer receiver is used only when v is
// addressable, as encoding/json does.
func (e *codecEncoder) method(p *codecPlan, v reflect.Value) (bool, error) {
	switch p.encodeWith {
	case codecMethodJSONAddr, codecMethodTextAddr:
		if !v.CanAddr() {
			return false, nil
		}
		v = v.Addr()
	}
	switch p.encodeWith {
	case codecMethodJSON, codecMethodJSONAddr:
		b, err := v.Interface().(json.Marshaler).MarshalJSON()
		if err != nil {
			return true, &json.MarshalerError{Type: v.Type(), Err: err}
		}
		e.buf, err = codecAppendRaw(e.buf, b, v.Type())
		return true, err
	}
	b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
	if err != nil {
		return true, &json.MarshalerError{Type: v.Type(), Err: err}
	}
	e.buf = appendJSONString(e.buf, string(b))
	return true, nil
}

// array encodes a slice (nil as null) or array; sel passes to the
// elements.
func (e *codecEncoder) array(p *codecPlan, v reflect.Value, sel map[string]bool) error {
	if v.Kind() == reflect.Slice && v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	e.buf = append(e.buf, '[')
	for i, n := 0, v.Len(); i < n; i++ {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		if err := e.value(p.elem, v.Index(i), sel); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, ']')
	return nil
}

// codecMapEntry is a map entry with its key as written.
type codecMapEntry struct {
	key string
	val reflect.Value
}

// mapObject encodes a map as an object with sorted keys, nil as null.
func (e *codecEncoder) mapObject(p *codecPlan, v reflect.Value) error {
	if p.keyBad {
		return &json.UnsupportedTypeError{Type: p.typ}
	}
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return nil
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
	e.buf = append(e.buf, '{')
	for i, en := range entries {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.buf = appendJSONString(e.buf, en.key)
		e.buf = append(e.buf, ':')
		if err := e.value(p.elem, en.val, nil); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, '}')
	return nil
}
