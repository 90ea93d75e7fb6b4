package rt

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// The decoder has two modes. Strict mode decodes a request body: every
// member must be declared (or be an annotation, or the type be open),
// values must fit their Go type, enum values must be members and Edm
// strings well-formed; the first failure stops it. Lenient mode is
// encoding/json's: unknown members are skipped, no enum or form checks, and
// a value of the wrong JSON type is skipped and reported at the end.

// codecFailKind is why a decode failed.
type codecFailKind uint8

// The kinds of failure.
const (
	codecFailSyntax    codecFailKind = iota + 1 // not valid JSON
	codecFailType                               // a value that does not fit its Go type
	codecFailUndefined                          // a member the type does not declare (strict)
	codecFailDepth                              // nested too deep (strict)
	codecFailDecode                             // a value that passes the checks but cannot be stored
)

// codecFailure describes a failed decode.
type codecFailure struct {
	kind codecFailKind
	path string // type, undefined: the property path
	what string // type: what the value must be
	err  error  // decode: the cause (in lenient mode a *json.UnmarshalTypeError for a value of the wrong type)
}

// codecSyntaxFailure is the failure of input that is not valid JSON; the
// caller finds the offset with encoding/json.
var codecSyntaxFailure = &codecFailure{kind: codecFailSyntax}

// value decodes the JSON value at pos into v, whose plan is p.
func (d *codecDecoder) value(p *codecPlan, v reflect.Value) *codecFailure {
	c := d.peek()
	if c == 'n' {
		return d.null(p, v)
	}
	if p.decodeWith != codecMethodNone {
		return d.method(p, v, c)
	}
	switch p.kind {
	case codecKindString:
		return d.str(p, v, c)
	case codecKindOptional:
		ptr := reflect.New(p.elem.typ)
		if f := d.value(p.elem, ptr.Elem()); f != nil {
			return f
		}
		v.Field(1).Set(ptr)
		v.Field(2).SetBool(false)
		return nil
	case codecKindStruct:
		return d.object(p, v, c)
	case codecKindBool:
		return d.boolean(p, v, c)
	case codecKindInt, codecKindUint, codecKindFloat:
		return d.number(p, v, c)
	case codecKindPointer:
		if v.IsNil() {
			v.Set(reflect.New(p.elem.typ))
		}
		return d.value(p.elem, v.Elem())
	case codecKindSlice, codecKindArray:
		return d.array(p, v, c)
	case codecKindBytes:
		return d.bytes(p, v, c)
	case codecKindMap:
		return d.mapObject(p, v, c)
	case codecKindAnyOf:
		return d.anyOf(p, v, c)
	}
	return d.other(p, v, c)
}

// other decodes the plans that are neither scalars nor containers:
// interfaces, raw JSON, numbers, and types without a JSON form.
func (d *codecDecoder) other(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	switch p.kind {
	case codecKindAny:
		x, f := d.generic()
		if f != nil {
			return f
		}
		if x == nil {
			v.SetZero()
		} else {
			v.Set(reflect.ValueOf(x))
		}
		return nil
	case codecKindRaw:
		raw, f := d.raw()
		if f != nil {
			return f
		}
		v.SetBytes(append(v.Bytes()[:0], raw...))
		return nil
	case codecKindNumber:
		return d.jsonNumber(p, v, c)
	case codecKindInterface:
		if d.strict {
			return d.cannotStore(fmt.Errorf("json: cannot unmarshal into Go value of type %v", p.typ))
		}
	}
	return d.mismatch(p, c)
}

// null decodes JSON null: an Optional becomes null; pointers, slices,
// maps and interfaces nil; a raw value holds "null"; a type with its own
// UnmarshalJSON gets "null" as encoding/json passes it. Strict mode rejects
// null for other types; lenient mode leaves them as they are.
func (d *codecDecoder) null(p *codecPlan, v reflect.Value) *codecFailure {
	if f := d.literal("null"); f != nil {
		return f
	}
	switch {
	case p.kind == codecKindOptional:
		v.Field(1).SetZero()
		v.Field(2).SetBool(true)
	case p.kind == codecKindRaw:
		v.SetBytes(append(v.Bytes()[:0], "null"...))
	case p.decodeWith == codecMethodJSON && (p.nullable || !d.strict):
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON([]byte("null")); err != nil {
			d.softFail(&codecFailure{kind: codecFailDecode, err: err})
		}
	case p.nullable:
		v.SetZero()
	case p.kind == codecKindAnyOf && !d.strict:
		v.Field(1).SetZero()
	case d.strict:
		return d.typeFailure(p.describe)
	}
	return nil
}

// method decodes a value with the type's own UnmarshalJSON or
// UnmarshalText (for a JSON string). Strict mode does not look inside.
func (d *codecDecoder) method(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	if p.decodeWith == codecMethodText {
		if c != '"' {
			return d.mismatch(p, c)
		}
		b, f := d.stringBytes()
		if f != nil {
			return f
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(b); err != nil {
			d.softFail(&codecFailure{kind: codecFailDecode, err: err})
		}
		return nil
	}
	raw, f := d.raw()
	if f != nil {
		return f
	}
	if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
		d.softFail(&codecFailure{kind: codecFailDecode, err: err})
	}
	return nil
}

// object decodes a JSON object into the struct v.
func (d *codecDecoder) object(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	if c != '{' {
		return d.mismatch(p, c)
	}
	start := d.pos
	d.pos++
	if f := d.enter(); f != nil {
		return f
	}
	if d.peek() == '}' {
		d.pos++
		d.leave()
		return nil
	}
	var derived *codecPlan // the type @odata.type names, once looked up
	var foreign, looked bool
	for {
		if d.peek() != '"' {
			return codecSyntaxFailure
		}
		key, f := d.stringBytes()
		if f != nil {
			return f
		}
		if f := d.expect(':'); f != nil {
			return f
		}
		d.pushName(key)
		if p.st.annotations != nil && p.st.additional == nil && p.st.lookup(key) < 0 && !isAnnotationName(key) {
			if !looked {
				derived, foreign = d.derivedPlan(p, start)
				looked = true
			}
			f = d.derivedMember(derived, foreign, p.st, v, key)
		} else {
			f = d.member(p.st, v, key)
		}
		d.pop()
		if f != nil {
			return f
		}
		more, f := d.next('}')
		if f != nil {
			return f
		}
		if !more {
			d.leave()
			return nil
		}
	}
}

// member decodes the value of the member named key into the struct v: into
// its field; into the annotations field for a name holding "@"; into the
// additional field of an open type; into the annotations field for a
// directory extension property of a closed type. Strict mode rejects
// other members; lenient mode skips them.
func (d *codecDecoder) member(st *codecStruct, v reflect.Value, key []byte) *codecFailure {
	if i := st.lookup(key); i >= 0 {
		fd := &st.fields[i]
		fv, ok := codecFieldForWrite(v, fd.index, fd.viaPtr)
		if !ok {
			d.softFail(&codecFailure{kind: codecFailDecode, err: fmt.Errorf("json: cannot set embedded pointer to unexported struct: %v", fv.Type().Elem())})
			fv = reflect.New(fd.plan.typ).Elem()
		}
		return d.value(fd.plan, fv)
	}
	keep := st.additional
	if isAnnotationName(key) {
		keep = st.annotations
		if keep == nil {
			return d.skip()
		}
	}
	if keep == nil && isDirectoryExtensionName(key) {
		keep = st.annotations // a closed type: kept with the annotations
	}
	if keep == nil {
		if d.strict {
			return &codecFailure{kind: codecFailUndefined, path: d.pathString()}
		}
		return d.skip()
	}
	raw, f := d.raw()
	if f != nil {
		return f
	}
	codecKeepRaw(v, keep, key, raw)
	return nil
}

// isDirectoryExtensionName reports whether a member name is a directory
// extension property, "extension_" + an application id without hyphens
// (32 hexadecimal digits) + "_" + a name: Graph adds these to directory
// objects per application and tenant, so no type declares them, and a
// body may carry them (Graph accepts them in POST and PATCH).
func isDirectoryExtensionName(key []byte) bool {
	rest, ok := bytes.CutPrefix(key, []byte("extension_"))
	if !ok || len(rest) < 34 || rest[32] != '_' {
		return false
	}
	for _, c := range rest[:32] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// isAnnotationName reports whether a member name is an instance
// annotation or control information rather than a property: a name
// holding "@", or one in OData 3's spelling of control information
// ("odata.context", "odata.type"), which no property is named.
func isAnnotationName(key []byte) bool {
	return bytes.IndexByte(key, '@') >= 0 || bytes.HasPrefix(key, []byte("odata."))
}

// derivedPlan returns the plan of the type derived from p's that the
// @odata.type of the object at start names, nil when it names none; and
// whether it names a type p's cannot stand for (see foreignType).
func (d *codecDecoder) derivedPlan(p *codecPlan, start int) (*codecPlan, bool) {
	s := codecDecoder{data: d.data, pos: start, stack: d.stack[len(d.stack):]}
	name := s.odataTypeAhead()
	t := derivedType(p.typ, name)
	if t == nil {
		return nil, foreignType(p.typ, name)
	}
	return codecPlanFor(t), false
}

// derivedMember decodes a member the struct v does not declare, of an
// object whose @odata.type names the derived type dp (nil when none): a
// member of that type is checked as its field (in strict mode, as strictly
// as if v were that type) and kept as it is written in v's annotations,
// so that it survives a round trip. Lenient mode keeps any member of an
// object whose @odata.type names a foreign type (one v's type cannot
// stand for: a message where the docs give an outlookItem and name no
// base of message) as it is written too, the value being another type's;
// strict mode rejects it. Any other member is decoded as member does.
func (d *codecDecoder) derivedMember(dp *codecPlan, foreign bool, st *codecStruct, v reflect.Value, key []byte) *codecFailure {
	i := -1
	if dp != nil {
		i = dp.st.lookup(key)
	}
	if i < 0 && foreign && !d.strict {
		raw, f := d.raw()
		if f != nil {
			return f
		}
		codecKeepRaw(v, st.annotations, key, raw)
		return nil
	}
	if i < 0 {
		return d.member(st, v, key)
	}
	fd := &dp.st.fields[i]
	d.peek()
	from := d.pos
	if f := d.value(fd.plan, reflect.New(fd.plan.typ).Elem()); f != nil {
		return f
	}
	codecKeepRaw(v, st.annotations, key, d.data[from:d.pos])
	return nil
}

// codecKeepRaw stores a copy of raw under key in the annotations or
// additional map of the struct v.
func codecKeepRaw(v reflect.Value, keep *codecSpecial, key, raw []byte) {
	fv, ok := codecFieldForWrite(v, keep.index, keep.viaPtr)
	if !ok {
		return
	}
	var m map[string]json.RawMessage
	switch p := fv.Addr().Interface().(type) {
	case *Annotations:
		if *p == nil {
			*p = Annotations{}
		}
		m = *p
	case *map[string]json.RawMessage:
		if *p == nil {
			*p = map[string]json.RawMessage{}
		}
		m = *p
	}
	m[string(key)] = bytes.Clone(raw)
}

// codecFieldForWrite returns the field of the struct v at index, allocating
// nil embedded pointers on the way as encoding/json does; false when one
// cannot be set (a pointer to an unexported struct), with that pointer.
func codecFieldForWrite(v reflect.Value, index []int, viaPtr bool) (reflect.Value, bool) {
	if !viaPtr {
		for _, x := range index {
			v = v.Field(x)
		}
		return v, true
	}
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !v.CanSet() {
					return v, false
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

// str decodes a JSON string into a string kind. In strict mode an enum
// value must be a member (and, when the options say so, not one documented
// after unknownFutureValue), and an Edm string must have its form.
func (d *codecDecoder) str(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	if c != '"' {
		return d.mismatch(p, c)
	}
	b, f := d.stringBytes()
	if f != nil {
		return f
	}
	if e := p.enum; e != nil {
		m, ok := e.has(b)
		switch {
		case ok && d.strict && d.opts.rejectEvolvable && e.isEvolvable(m):
			return d.typeFailure("one of: " + strings.Join(e.visible, ", "))
		case ok:
			v.SetString(m)
			return nil
		case d.strict:
			return d.typeFailure("one of: " + strings.Join(e.members, ", "))
		}
	}
	s := string(b)
	if p.format != nil && d.strict && !p.format.valid(s) {
		return d.typeFailure(p.format.form)
	}
	v.SetString(s)
	return nil
}

// boolean decodes true or false.
func (d *codecDecoder) boolean(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	switch c {
	case 't':
		v.SetBool(true)
		return d.literal("true")
	case 'f':
		v.SetBool(false)
		return d.literal("false")
	}
	return d.mismatch(p, c)
}

// number decodes a JSON number into an integer or float kind; it must fit.
func (d *codecDecoder) number(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	if c != '-' && (c < '0' || c > '9') {
		return d.mismatch(p, c)
	}
	num, f := d.scanNumber()
	if f != nil {
		return f
	}
	switch p.kind {
	case codecKindInt:
		n, ok := codecParseInt(num, p.bits)
		if !ok {
			return d.outOfRange(p, num)
		}
		v.SetInt(n)
	case codecKindUint:
		n, err := strconv.ParseUint(string(num), 10, p.bits)
		if err != nil {
			return d.outOfRange(p, num)
		}
		v.SetUint(n)
	default:
		x, err := strconv.ParseFloat(string(num), p.bits)
		if err != nil {
			return d.outOfRange(p, num)
		}
		v.SetFloat(x)
	}
	return nil
}

// codecParseInt parses a JSON number as a signed integer of the given
// size, as strconv.ParseInt does, without allocating.
func codecParseInt(num []byte, bits int) (int64, bool) {
	s, neg := num, false
	if len(s) > 0 && s[0] == '-' {
		s, neg = s[1:], true
	}
	if len(s) == 0 || len(s) > 18 {
		n, err := strconv.ParseInt(string(num), 10, bits)
		return n, err == nil
	}
	var n int64
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	limit := int64(1) << (bits - 1)
	return n, n >= -limit && n <= limit-1
}

// jsonNumber decodes a JSON number, or a string holding one, into a
// json.Number.
func (d *codecDecoder) jsonNumber(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	if c == '"' {
		b, f := d.stringBytes()
		if f != nil {
			return f
		}
		if !codecIsNumber(b) {
			d.softFail(&codecFailure{kind: codecFailDecode, err: fmt.Errorf("json: invalid number literal, trying to unmarshal %q into Number", b)})
			return nil
		}
		v.SetString(string(b))
		return nil
	}
	if c != '-' && (c < '0' || c > '9') {
		return d.mismatch(p, c)
	}
	num, f := d.scanNumber()
	if f != nil {
		return f
	}
	v.SetString(string(num))
	return nil
}

// codecIsNumber reports whether b is exactly one JSON number.
func codecIsNumber(b []byte) bool {
	s := codecDecoder{data: b}
	_, f := s.scanNumber()
	return f == nil && s.pos == len(b)
}

// array decodes a JSON array into a slice or array. A slice is filled
// from its start, growing as needed; a fixed array keeps its first
// elements and zeroes the rest (strict mode still checks the extra ones).
func (d *codecDecoder) array(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	if c != '[' {
		return d.mismatch(p, c)
	}
	d.pos++
	if f := d.enter(); f != nil {
		return f
	}
	isSlice := v.Kind() == reflect.Slice
	i := 0
	if d.peek() == ']' {
		d.pos++
	} else {
		for more := true; more; i++ {
			d.pushIndex(i)
			f := d.element(p, v, i, isSlice)
			d.pop()
			if f != nil {
				return f
			}
			if more, f = d.next(']'); f != nil {
				return f
			}
		}
	}
	switch {
	case isSlice && v.IsNil():
		v.Set(reflect.MakeSlice(p.typ, 0, 0))
	case isSlice:
		v.SetLen(i)
	default:
		for ; i < v.Len(); i++ {
			v.Index(i).SetZero()
		}
	}
	d.leave()
	return nil
}

// element decodes the element i of an array into v.
func (d *codecDecoder) element(p *codecPlan, v reflect.Value, i int, isSlice bool) *codecFailure {
	switch {
	case isSlice:
		if i >= v.Len() {
			if i >= v.Cap() {
				v.Grow(1)
			}
			v.SetLen(i + 1)
			v.Index(i).SetZero()
		}
	case i >= v.Len() && d.strict:
		return d.value(p.elem, reflect.New(p.elem.typ).Elem())
	case i >= v.Len():
		return d.skip()
	}
	return d.value(p.elem, v.Index(i))
}

// bytes decodes a base64 string into a []byte (lenient mode also takes an
// array of numbers, as encoding/json does).
func (d *codecDecoder) bytes(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	if c == '[' && !d.strict {
		return d.array(p, v, c)
	}
	if c != '"' {
		return d.mismatch(p, c)
	}
	b, f := d.stringBytes()
	if f != nil {
		return f
	}
	dst := make([]byte, base64.StdEncoding.DecodedLen(len(b)))
	n, err := base64.StdEncoding.Decode(dst, b)
	if err != nil {
		d.softFail(&codecFailure{kind: codecFailDecode, err: err})
		return nil
	}
	v.SetBytes(dst[:n])
	return nil
}

// mapObject decodes a JSON object into a map, adding to the entries it
// has; each value is decoded into a new element.
func (d *codecDecoder) mapObject(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	if c != '{' {
		return d.mismatch(p, c)
	}
	d.pos++
	if f := d.enter(); f != nil {
		return f
	}
	if v.IsNil() {
		v.Set(reflect.MakeMap(p.typ))
	}
	if d.peek() == '}' {
		d.pos++
		d.leave()
		return nil
	}
	elem := reflect.New(p.elem.typ).Elem()
	for {
		if d.peek() != '"' {
			return codecSyntaxFailure
		}
		key, f := d.stringBytes()
		if f != nil {
			return f
		}
		if f := d.expect(':'); f != nil {
			return f
		}
		d.pushName(key)
		k, ok := d.mapKey(p, key)
		elem.SetZero()
		f = d.value(p.elem, elem)
		d.pop()
		if f != nil {
			return f
		}
		if ok {
			v.SetMapIndex(k, elem)
		}
		more, f := d.next('}')
		if f != nil {
			return f
		}
		if !more {
			d.leave()
			return nil
		}
	}
}

// mapKey converts a member name to the key type of the map; false (with a
// soft failure) when it does not fit.
func (d *codecDecoder) mapKey(p *codecPlan, key []byte) (reflect.Value, bool) {
	kt := p.typ.Key()
	switch {
	case p.keyBad:
		d.softFail(d.softType("object", p.typ))
		return codecZeroValue, false
	case !p.keyInt:
		k := reflect.ValueOf(string(key))
		if kt != k.Type() {
			k = k.Convert(kt)
		}
		return k, true
	}
	k := reflect.New(kt).Elem()
	switch kt.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(string(key), 10, 64)
		if err != nil || k.OverflowInt(n) {
			d.softFail(d.softType("number "+string(key), kt))
			return codecZeroValue, false
		}
		k.SetInt(n)
	default:
		n, err := strconv.ParseUint(string(key), 10, 64)
		if err != nil || k.OverflowUint(n) {
			d.softFail(d.softType("number "+string(key), kt))
			return codecZeroValue, false
		}
		k.SetUint(n)
	}
	return k, true
}

// anyOf decodes a JSON object into AnyOf[K]: a new value of the family
// member its @odata.type names, else of the base type. With the option
// lenientFamilies, strict mode decodes the member leniently (still within
// the nesting limit), as the handler did before the codec.
func (d *codecDecoder) anyOf(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	strict := d.strict
	d.strict = strict && !d.opts.lenientFamilies
	f := d.familyMember(p, v, c)
	d.strict = strict
	return f
}

// familyMember decodes the object at pos into a new value of the family member
// its @odata.type names, and stores it in the AnyOf v.
func (d *codecDecoder) familyMember(p *codecPlan, v reflect.Value, c byte) *codecFailure {
	if c != '{' {
		return d.mismatch(p, c)
	}
	var mt reflect.Type
	if fam := KindOf(p.family); fam != nil {
		mt = fam.Member(d.odataTypeAhead())
	}
	if mt == nil || !reflect.PointerTo(mt).Implements(p.family) {
		return d.cannotStore(fmt.Errorf("rt: no registered member of the family %v", p.family))
	}
	ptr := reflect.New(mt)
	if f := d.value(codecPlanFor(mt), ptr.Elem()); f != nil {
		return f
	}
	v.Field(1).Set(ptr)
	return nil
}

// odataTypeAhead returns the @odata.type string of the object at pos
// without consuming it: the last member so named (ignoring case, as
// encoding/json matches it) that holds a string; "" when none does or the
// object cannot be read.
func (d *codecDecoder) odataTypeAhead() string {
	s := codecDecoder{data: d.data, pos: d.pos + 1, stack: d.stack[len(d.stack):]}
	found := ""
	if s.peek() == '}' {
		return ""
	}
	for {
		if s.peek() != '"' {
			return found
		}
		key, f := s.stringBytes()
		if f != nil || s.expect(':') != nil {
			return found
		}
		switch {
		case !codecEqualFold("@odata.type", key):
			f = s.skip()
		case s.peek() == '"':
			var b []byte
			if b, f = s.stringBytes(); f == nil {
				found = string(b)
			}
		case s.peek() == 'n':
			f = s.literal("null")
		default:
			found = ""
			f = s.skip()
		}
		if f != nil {
			return found
		}
		if more, f := s.next('}'); f != nil || !more {
			return found
		}
	}
}

// generic decodes any JSON value as encoding/json does into an interface:
// map[string]any, []any, string, float64, bool or nil.
func (d *codecDecoder) generic() (any, *codecFailure) {
	switch c := d.peek(); c {
	case '{':
		return d.genericObject()
	case '[':
		return d.genericArray()
	case '"':
		b, f := d.stringBytes()
		return string(b), f
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	case 'n':
		return nil, d.literal("null")
	}
	num, f := d.scanNumber()
	if f != nil {
		return nil, f
	}
	x, err := strconv.ParseFloat(string(num), 64)
	if err != nil {
		d.softFail(d.softType("number "+string(num), reflect.TypeFor[float64]()))
		return nil, nil
	}
	return x, nil
}

// genericObject decodes a JSON object into a map[string]any.
func (d *codecDecoder) genericObject() (any, *codecFailure) {
	d.pos++
	if f := d.enter(); f != nil {
		return nil, f
	}
	m := map[string]any{}
	if d.peek() == '}' {
		d.pos++
		d.leave()
		return m, nil
	}
	for {
		if d.peek() != '"' {
			return nil, codecSyntaxFailure
		}
		key, f := d.stringBytes()
		if f != nil {
			return nil, f
		}
		if f := d.expect(':'); f != nil {
			return nil, f
		}
		x, f := d.generic()
		if f != nil {
			return nil, f
		}
		m[string(key)] = x
		more, f := d.next('}')
		if f != nil {
			return nil, f
		}
		if !more {
			d.leave()
			return m, nil
		}
	}
}

// genericArray decodes a JSON array into a []any.
func (d *codecDecoder) genericArray() (any, *codecFailure) {
	d.pos++
	if f := d.enter(); f != nil {
		return nil, f
	}
	a := make([]any, 0)
	if d.peek() == ']' {
		d.pos++
		d.leave()
		return a, nil
	}
	for {
		x, f := d.generic()
		if f != nil {
			return nil, f
		}
		a = append(a, x)
		more, f := d.next(']')
		if f != nil {
			return nil, f
		}
		if !more {
			d.leave()
			return a, nil
		}
	}
}
