package rt

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"sync"
)

// The codec reads and writes the generated types by reflection, driven by a
// plan per Go type: what JSON the type takes, its element plans, its struct
// fields with their encoded names, its enum members. A plan is built once,
// the first time a type is seen, and cached (like encoding/json's
// encoderCache), so the hot path is a walk of ready tables.

// codecKind is what a codecPlan does with its type.
type codecKind uint8

// The kinds of plan.
const (
	codecKindInvalid   codecKind = iota // chan, func, complex, unsafe.Pointer: no JSON
	codecKindBool                       // bool
	codecKindInt                        // int, int8 ... int64
	codecKindUint                       // uint, uint8 ... uintptr
	codecKindFloat                      // float32, float64
	codecKindString                     // string kinds (enums and Edm strings too)
	codecKindStruct                     // a struct the codec walks itself
	codecKindOptional                   // Optional[T]
	codecKindAnyOf                      // AnyOf[K]
	codecKindPointer                    // *T
	codecKindSlice                      // []T
	codecKindBytes                      // []byte: base64
	codecKindArray                      // [N]T
	codecKindMap                        // map[K]V
	codecKindAny                        // interface{}: generic JSON
	codecKindInterface                  // a non-empty interface: only null decodes
	codecKindRaw                        // json.RawMessage
	codecKindNumber                     // json.Number
)

// codecMethod says which method of its own a type is encoded or decoded
// with, instead of its structure.
type codecMethod uint8

// The methods a type can bring.
const (
	codecMethodNone     codecMethod = iota
	codecMethodJSON                 // json.Marshaler / json.Unmarshaler
	codecMethodJSONAddr             // json.Marshaler on the pointer receiver
	codecMethodText                 // encoding.TextMarshaler / TextUnmarshaler
	codecMethodTextAddr             // encoding.TextMarshaler on the pointer receiver
)

// codecPlan is what the codec knows about one Go type.
type codecPlan struct {
	typ  reflect.Type
	kind codecKind
	bits int // size of int, uint and float kinds

	elem   *codecPlan    // Optional, pointer, slice, array and map element
	st     *codecStruct  // struct fields
	enum   *codecEnum    // string kinds registered as enums
	format *codecFormat  // Edm strings with a form
	family reflect.Type  // AnyOf: the family interface K
	keyInt bool          // map: integer keys
	keyBad bool          // map: a key type JSON cannot hold
	zeroer codecZeroTest // how omitzero tests a value of this type

	encodeWith codecMethod // the type's own encoding method, if any
	decodeWith codecMethod // the type's own decoding method, if any

	describe string // what JSON value fits, for messages: "a boolean"
	nullable bool   // JSON null is accepted in a request body
	mayEnum  bool   // an enum value can be reached from a value of this type
}

// codecZeroTest is how the omitzero option tests a value.
type codecZeroTest uint8

// The zero tests of encoding/json's omitzero.
const (
	codecZeroReflect  codecZeroTest = iota // reflect.Value.IsZero
	codecZeroMethod                        // the type's IsZero method
	codecZeroAddr                          // IsZero on the pointer receiver
	codecZeroOptional                      // an absent Optional
)

// codecEnum is a registered enum type's members, in documented order.
type codecEnum struct {
	members []string
	index   map[string]int // member -> position
	// visible are the members a client sees without the Prefer header
	// include-unknown-enum-members: those up to unknownFutureValue. It is
	// members when the enum has no evolvable members.
	visible []string
	// evolvable is the position of the first member documented after
	// unknownFutureValue, len(members) when there is none.
	evolvable int
	// flags: a value may join several members with commas (EnumInfo.Flags).
	flags bool
}

// codecFutureMember is the sentinel member of evolvable enums.
const codecFutureMember = "unknownFutureValue"

// codecFormat is an Edm string type whose values have a form.
type codecFormat struct {
	valid func(string) bool
	form  string // edmForm, for messages
}

// The reflect.Types the plan builder looks for.
var (
	codecRawType           = reflect.TypeFor[json.RawMessage]()
	codecNumberType        = reflect.TypeFor[json.Number]()
	codecMarshalerType     = reflect.TypeFor[json.Marshaler]()
	codecUnmarshalerType   = reflect.TypeFor[json.Unmarshaler]()
	codecTextMarshalType   = reflect.TypeFor[encoding.TextMarshaler]()
	codecTextUnmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
	codecFormatType        = reflect.TypeFor[formatValue]()
	codecZeroerType        = reflect.TypeFor[interface{ IsZero() bool }]()
	codecOptionalTagType   = reflect.TypeFor[[0]optionalTag]()
	codecAnyOfTagType      = reflect.TypeFor[[0]anyOfTag]()
	codecAnnotationsType   = reflect.TypeFor[Annotations]()
	codecRawMapType        = reflect.TypeFor[map[string]json.RawMessage]()
)

var (
	// codecPlans maps a reflect.Type to its complete *codecPlan. Readers
	// load from it without locking; a plan is stored only once the plans
	// of every type it reaches are complete.
	codecPlans sync.Map
	// codecPlanMu serializes the building of plans.
	codecPlanMu sync.Mutex
)

// codecPlanFor returns the plan of t, building it (and the plans of the
// types it holds) the first time.
func codecPlanFor(t reflect.Type) *codecPlan {
	if p, ok := codecPlans.Load(t); ok {
		return p.(*codecPlan)
	}
	codecPlanMu.Lock()
	defer codecPlanMu.Unlock()
	if p, ok := codecPlans.Load(t); ok {
		return p.(*codecPlan)
	}
	b := &codecPlanBuilder{building: map[reflect.Type]*codecPlan{}}
	p := b.plan(t)
	b.markEnums()
	for t, p := range b.building {
		codecPlans.Store(t, p)
	}
	return p
}

// codecForgetPlans drops the plans built so far, for registerTables: a
// plan holds the members of the enums it reaches. It must not be called
// with tablesMu held (building a plan reads the tables).
func codecForgetPlans() {
	codecPlanMu.Lock()
	defer codecPlanMu.Unlock()
	codecPlans.Clear()
}

// codecPlanBuilder builds the plans of a type and the types it reaches.
// A plan is registered in building before it is filled in, so recursive
// types point at their own plan.
type codecPlanBuilder struct {
	building map[reflect.Type]*codecPlan
	order    []*codecPlan
}

// plan returns the plan of t: a published one, one being built, or a new
// one.
func (b *codecPlanBuilder) plan(t reflect.Type) *codecPlan {
	if p, ok := codecPlans.Load(t); ok {
		return p.(*codecPlan)
	}
	if p, ok := b.building[t]; ok {
		return p
	}
	p := &codecPlan{typ: t, describe: codecDescribe(t)}
	b.building[t] = p
	b.order = append(b.order, p)
	b.fill(p, t)
	return p
}

// fill classifies t and builds what its kind needs.
func (b *codecPlanBuilder) fill(p *codecPlan, t reflect.Type) {
	k := t.Kind()
	p.nullable = k == reflect.Pointer || k == reflect.Slice || k == reflect.Map || k == reflect.Interface
	p.zeroer = codecZeroTestOf(t)
	switch {
	case t == codecRawType:
		p.kind = codecKindRaw
		return
	case t == codecNumberType:
		p.kind = codecKindNumber
		return
	case codecIsOptional(t):
		p.kind, p.nullable, p.zeroer = codecKindOptional, true, codecZeroOptional
		p.elem = b.plan(t.Field(1).Type.Elem())
		return
	case codecIsAnyOf(t):
		p.kind, p.family = codecKindAnyOf, t.Field(1).Type
		return
	}
	if k != reflect.Pointer && k != reflect.Interface && !(k == reflect.Struct && codecOwnsStruct(t)) {
		p.encodeWith, p.decodeWith = codecMethodsOf(t)
	}
	b.fillKind(p, t)
}

// fillKind builds the plan of t by its reflect.Kind.
func (b *codecPlanBuilder) fillKind(p *codecPlan, t reflect.Type) {
	switch t.Kind() {
	case reflect.Bool:
		p.kind = codecKindBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind, p.bits = codecKindInt, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.kind, p.bits = codecKindUint, t.Bits()
	case reflect.Float32, reflect.Float64:
		p.kind, p.bits = codecKindFloat, t.Bits()
	case reflect.String:
		p.kind, p.enum, p.format = codecKindString, codecEnumOf(t), codecFormatOf(t)
	case reflect.Struct:
		p.kind, p.st = codecKindStruct, b.structOf(t)
	case reflect.Pointer:
		p.kind, p.elem = codecKindPointer, b.plan(t.Elem())
	case reflect.Slice:
		p.kind, p.elem = codecKindSlice, b.plan(t.Elem())
		if codecIsByteSlice(t) {
			p.kind = codecKindBytes
		}
	case reflect.Array:
		p.kind, p.elem = codecKindArray, b.plan(t.Elem())
	case reflect.Map:
		p.kind, p.elem = codecKindMap, b.plan(t.Elem())
		b.fillMapKey(p, t.Key())
	case reflect.Interface:
		p.kind = codecKindInterface
		if t.NumMethod() == 0 {
			p.kind = codecKindAny
		}
	}
}

// fillMapKey records how the keys of a map are written: strings as they
// are, integers in decimal; other key types have no JSON form.
func (b *codecPlanBuilder) fillMapKey(p *codecPlan, k reflect.Type) {
	switch k.Kind() {
	case reflect.String:
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.keyInt = true
	default:
		p.keyBad = true
	}
}

// markEnums computes mayEnum for the plans built: an enum, an interface
// (its dynamic value may hold one), or a type reaching either. It iterates
// to a fixed point, as recursive types reach themselves.
func (b *codecPlanBuilder) markEnums() {
	for changed := true; changed; {
		changed = false
		for _, p := range b.order {
			if !p.mayEnum && b.reachesEnum(p) {
				p.mayEnum, changed = true, true
			}
		}
	}
}

// reachesEnum reports whether p is an enum or interface, or holds a plan
// already known to reach one.
func (b *codecPlanBuilder) reachesEnum(p *codecPlan) bool {
	switch {
	case p.enum != nil, p.kind == codecKindAny, p.kind == codecKindInterface, p.kind == codecKindAnyOf:
		return true
	case p.elem != nil && p.elem.mayEnum:
		return true
	case p.st != nil:
		for i := range p.st.fields {
			if p.st.fields[i].plan.mayEnum {
				return true
			}
		}
	}
	return false
}

// codecIsOptional reports whether t is an Optional[T], by its marker field.
func codecIsOptional(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.NumField() == 3 && t.Field(0).Type == codecOptionalTagType
}

// codecIsAnyOf reports whether t is an AnyOf[K], by its marker field.
func codecIsAnyOf(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.NumField() == 2 && t.Field(0).Type == codecAnyOfTagType
}

// codecIsByteSlice reports whether encoding/json writes the slice type t as
// base64: its elements are bytes without JSON or text methods.
func codecIsByteSlice(t reflect.Type) bool {
	if t.Elem().Kind() != reflect.Uint8 {
		return false
	}
	p := reflect.PointerTo(t.Elem())
	return !p.Implements(codecMarshalerType) && !p.Implements(codecTextMarshalType)
}

// codecOwnsStruct reports whether the codec walks the fields of the struct
// type t even when t has MarshalJSON or UnmarshalJSON: the methods of the
// generated structs call the codec, so calling them would recurse. A
// struct is the codec's when a field (its own or promoted) carries a
// graphjson tag or is an Optional; every generated struct has one (its
// annotations field). Other structs with their own methods are encoded and
// decoded with them.
func codecOwnsStruct(t reflect.Type) bool {
	for _, sf := range reflect.VisibleFields(t) {
		if _, ok := sf.Tag.Lookup("graphjson"); ok || codecIsOptional(sf.Type) {
			return true
		}
	}
	return false
}

// codecMethodsOf returns the methods t is encoded and decoded with, as
// encoding/json chooses them: MarshalJSON, else MarshalText (on the value or
// the pointer receiver); UnmarshalJSON, else UnmarshalText.
func codecMethodsOf(t reflect.Type) (enc, dec codecMethod) {
	pt := reflect.PointerTo(t)
	switch {
	case t.Implements(codecMarshalerType):
		enc = codecMethodJSON
	case pt.Implements(codecMarshalerType):
		enc = codecMethodJSONAddr
	case t.Implements(codecTextMarshalType):
		enc = codecMethodText
	case pt.Implements(codecTextMarshalType):
		enc = codecMethodTextAddr
	}
	switch {
	case pt.Implements(codecUnmarshalerType):
		dec = codecMethodJSON
	case pt.Implements(codecTextUnmarshalType):
		dec = codecMethodText
	}
	return enc, dec
}

// codecZeroTestOf returns how omitzero tests a value of type t, as
// encoding/json does: its IsZero method if it has one, else the zero value.
func codecZeroTestOf(t reflect.Type) codecZeroTest {
	switch {
	case t.Implements(codecZeroerType):
		return codecZeroMethod
	case t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && reflect.PointerTo(t).Implements(codecZeroerType):
		return codecZeroAddr
	}
	return codecZeroReflect
}

// codecEnumOf returns the members of t when it is a registered enum.
func codecEnumOf(t reflect.Type) *codecEnum {
	info := enumOf(t)
	if info == nil {
		return nil
	}
	e := &codecEnum{members: info.Members, index: make(map[string]int, len(info.Members)), visible: info.Members, evolvable: len(info.Members), flags: info.Flags}
	for i, m := range info.Members {
		if _, dup := e.index[m]; !dup {
			e.index[m] = i
		}
	}
	if i, ok := e.index[codecFutureMember]; ok && i+1 < len(info.Members) {
		e.visible, e.evolvable = info.Members[:i+1], i+1
	}
	return e
}

// has returns the member equal to s and whether there is one. Callers
// use the member's string rather than allocating one.
func (e *codecEnum) has(s []byte) (string, bool) {
	if i, ok := e.index[string(s)]; ok {
		return e.members[i], true
	}
	if e.flags && flagsOf(string(s), func(m string) bool { _, ok := e.index[m]; return ok }) {
		return string(s), true // several members of a flags enum
	}
	return "", false
}

// isEvolvable reports whether s is a member documented after
// unknownFutureValue.
func (e *codecEnum) isEvolvable(s string) bool {
	i, ok := e.index[s]
	return ok && i >= e.evolvable
}

// codecFormatOf returns the form check of the Edm string types; nil for
// other types.
func codecFormatOf(t reflect.Type) *codecFormat {
	switch t {
	case reflect.TypeFor[DateTimeOffset]():
		return &codecFormat{valid: func(s string) bool { return DateTimeOffset(s).IsValid() }, form: DateTimeOffset("").edmForm()}
	case reflect.TypeFor[Date]():
		return &codecFormat{valid: func(s string) bool { return Date(s).IsValid() }, form: Date("").edmForm()}
	case reflect.TypeFor[TimeOfDay]():
		return &codecFormat{valid: func(s string) bool { return TimeOfDay(s).IsValid() }, form: TimeOfDay("").edmForm()}
	case reflect.TypeFor[Duration]():
		return &codecFormat{valid: func(s string) bool { return Duration(s).IsValid() }, form: Duration("").edmForm()}
	case reflect.TypeFor[Binary]():
		return &codecFormat{valid: func(s string) bool { return Binary(s).IsValid() }, form: Binary("").edmForm()}
	}
	if !t.Implements(codecFormatType) {
		return nil
	}
	return &codecFormat{
		valid: func(s string) bool {
			v := reflect.New(t).Elem()
			v.SetString(s)
			return v.Interface().(formatValue).IsValid()
		},
		form: reflect.Zero(t).Interface().(formatValue).edmForm(),
	}
}

// codecDescribe says what JSON value fits t, for error messages.
func codecDescribe(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprintf("an integer between %d and %d", int64(-1)<<(t.Bits()-1), uint64(1)<<(t.Bits()-1)-1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return fmt.Sprintf("an integer between 0 and %d", ^uint64(0)>>(64-t.Bits()))
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && t.Kind() == reflect.Slice {
			return "a string"
		}
		return "an array"
	}
	return "a string"
}
