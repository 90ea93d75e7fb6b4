package rt

// This file is the reference the codec is tested against: the body
// checker, field rules, graphjson marshalling, enum validator, Optional and
// AnyOf of the runtime that gen/runtime emitted before the codec
// (generated/graphdocgen_runtime.go at 55ed6d2), copied verbatim with every
// top-level name prefixed "ref". badRequest, mustBe, joinPath and the Edm
// types are shared with rt, unchanged. It runs on the old-style fixture
// types of codec_reffixture_test.go.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// refOptional is a JSON property that can be absent, null, or hold a value.
//
// The zero refOptional is absent. With the "omitzero" option of encoding/json
// an absent property is left out of the JSON, a null one is written as null,
// and a set one as its value. Use refSome and refNull to build one, and Get, Or,
// IsSet and IsNull to read it.
//
// refOptional stores a pointer to its value, so a struct can hold an refOptional
// of its own type.
type refOptional[T any] struct {
	v    *T
	null bool
}

// refSome returns an refOptional holding v.
func refSome[T any](v T) refOptional[T] {
	return refOptional[T]{v: &v}
}

// refNull returns an refOptional that is present in the JSON as null.
func refNull[T any]() refOptional[T] {
	return refOptional[T]{null: true}
}

// Get returns the value and true when o holds a value; the zero value
// and false when o is absent or null.
func (o refOptional[T]) Get() (T, bool) {
	if o.v == nil {
		var zero T
		return zero, false
	}
	return *o.v, true
}

// Or returns the value of o, or def when o is absent or null.
func (o refOptional[T]) Or(def T) T {
	if o.v == nil {
		return def
	}
	return *o.v
}

// IsSet reports whether o is present in the JSON, as a value or as null.
func (o refOptional[T]) IsSet() bool {
	return o.v != nil || o.null
}

// IsNull reports whether o is present in the JSON as null.
func (o refOptional[T]) IsNull() bool {
	return o.null
}

// IsZero reports whether o is absent. It makes the "omitzero" option of
// encoding/json leave absent properties out.
func (o refOptional[T]) IsZero() bool {
	return !o.IsSet()
}

// MarshalJSON writes the value, or null when o is null or absent. It does
// not escape HTML characters; json.Marshal escapes them afterwards, a
// json.Encoder with SetEscapeHTML(false) does not.
func (o refOptional[T]) MarshalJSON() ([]byte, error) {
	if o.v == nil {
		return []byte("null"), nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(o.v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON sets o to null for JSON null, and to the decoded value
// otherwise.
func (o *refOptional[T]) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		*o = refOptional[T]{null: true}
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*o = refOptional[T]{v: &v}
	return nil
}

// anyValue returns the value of o as an any, and whether o holds one.
func (o refOptional[T]) anyValue() (any, bool) {
	if o.v == nil {
		return nil, false
	}
	return *o.v, true
}

// elemType returns the type of the value of o.
func (refOptional[T]) elemType() reflect.Type {
	return reflect.TypeFor[T]()
}

// refOptionalValue is implemented by every refOptional type; the reflective
// walkers use it to see through Optionals.
type refOptionalValue interface {
	anyValue() (any, bool)
	elemType() reflect.Type
}

// refOptionalValueType is the reflect.Type of refOptionalValue.
var refOptionalValueType = reflect.TypeFor[refOptionalValue]()

// refMaxJSONDepth is the deepest nesting of arrays and objects accepted in a
// request body.
const refMaxJSONDepth = 64

// refCheckBody checks that body is valid JSON whose shape fits the Go type t,
// and returns a 400 error naming the first property that does not.
func refCheckBody(body []byte, t reflect.Type) *Error {
	var syntax *json.SyntaxError
	if err := json.Unmarshal(body, new(json.RawMessage)); errors.As(err, &syntax) {
		return badRequest(fmt.Sprintf("The request body is not valid JSON (error at byte %d).", syntax.Offset))
	} else if err != nil {
		return refErrInvalidJSON
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	c := &refBodyChecker{dec: dec}
	return c.value(t, "")
}

// refErrInvalidJSON reports a body that is not valid JSON.
var refErrInvalidJSON = badRequest("The request body is not valid JSON.")

// refBodyChecker walks the tokens of a request body alongside a Go type.
type refBodyChecker struct {
	dec   *json.Decoder
	depth int
}

// refEnumValue is implemented by the generated enum types.
type refEnumValue interface {
	IsValid() bool
	enumMembers() []string
}

// refOpenType is implemented by pointers to the generated open types, which
// accept properties they do not declare.
type refOpenType interface {
	graphOpenType()
}

// The reflect.Types the body checker looks for.
var (
	refEnumValueType   = reflect.TypeFor[refEnumValue]()
	refFormatValueType = reflect.TypeFor[formatValue]()
	refOpenTypeType    = reflect.TypeFor[refOpenType]()
	refRawMessageType  = reflect.TypeFor[json.RawMessage]()
	refUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
)

// refUnwrapJSONType strips pointers and Optionals from t, and reports whether
// JSON null is accepted for t.
func refUnwrapJSONType(t reflect.Type) (reflect.Type, bool) {
	nullable := false
	for {
		switch {
		case t.Kind() == reflect.Pointer:
			t, nullable = t.Elem(), true
		case t.Implements(refOptionalValueType):
			t, nullable = reflect.Zero(t).Interface().(refOptionalValue).elemType(), true
		default:
			k := t.Kind()
			return t, nullable || k == reflect.Slice || k == reflect.Map || k == reflect.Interface
		}
	}
}

// value checks the next JSON value against t. path names the property, ""
// for the whole body.
func (c *refBodyChecker) value(t reflect.Type, path string) *Error {
	tok, err := c.dec.Token()
	if err != nil {
		return refErrInvalidJSON
	}
	t, nullable := refUnwrapJSONType(t)
	switch {
	case tok == nil && nullable:
		return nil
	case tok == nil:
		return mustBe(path, refDescribeJSONType(t))
	case t == refRawMessageType || t.Kind() == reflect.Interface || reflect.PointerTo(t).Implements(refUnmarshalerType) && !refNamedStruct(t):
		return c.skip(tok)
	case t.Kind() == reflect.Struct:
		return c.object(tok, t, path)
	case t.Kind() == reflect.Map:
		return c.members(tok, path, func(string) (reflect.Type, bool) {
			return t.Elem(), true
		})
	case t.Kind() == reflect.Array || t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		return c.array(tok, t, path)
	}
	return refCheckScalar(tok, t, path)
}

// refDescribeJSONType says what JSON value fits t, for error messages.
func refDescribeJSONType(t reflect.Type) string {
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

// refCheckScalar checks a string, boolean or number token against t; a string
// for an enum type must be one of its members, one for an Edm primitive
// with a form (DateTimeOffset, ...) must have that form.
func refCheckScalar(tok json.Token, t reflect.Type, path string) *Error {
	ok := false
	switch v := tok.(type) {
	case string:
		ok = t.Kind() == reflect.String || t.Kind() == reflect.Slice
		if ok && t.Implements(refEnumValueType) && !reflect.ValueOf(v).Convert(t).Interface().(refEnumValue).IsValid() {
			return mustBe(path, "one of: "+strings.Join(reflect.Zero(t).Interface().(refEnumValue).enumMembers(), ", "))
		}
		if ok && t.Implements(refFormatValueType) {
			if f := reflect.ValueOf(v).Convert(t).Interface().(formatValue); !f.IsValid() {
				return mustBe(path, f.edmForm())
			}
		}
	case bool:
		ok = t.Kind() == reflect.Bool
	case json.Number:
		ok = refNumberFits(string(v), t)
	}
	if !ok {
		return mustBe(path, refDescribeJSONType(t))
	}
	return nil
}

// refNumberFits reports whether the JSON number s can be stored in a value of
// type t: an integer in range for integer types, a finite value for floats.
func refNumberFits(s string, t reflect.Type) bool {
	var err error
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		_, err = strconv.ParseInt(s, 10, t.Bits())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		_, err = strconv.ParseUint(s, 10, t.Bits())
	case reflect.Float32, reflect.Float64:
		_, err = strconv.ParseFloat(s, t.Bits())
	default:
		return false
	}
	return err == nil
}

// object checks the members of a JSON object against the struct type t.
// Members named like a field (exactly, else ignoring case, as encoding/json
// matches them) are checked against the field; other members are accepted
// when t is an open type, the name holds "@" (an instance annotation) or
// starts with "odata." (OData 3's spelling of control information).
func (c *refBodyChecker) object(tok json.Token, t reflect.Type, path string) *Error {
	fields := refJSONFieldsOf(t)
	return c.members(tok, path, func(key string) (reflect.Type, bool) {
		if f, ok := fields.field(key); ok {
			return f.typ, true
		}
		return nil, fields.open || strings.Contains(key, "@") || strings.HasPrefix(key, "odata.")
	})
}

// members checks a JSON object that starts with tok. field returns the type
// of the member named key; a nil type with true accepts any value, false
// means the member is not defined.
func (c *refBodyChecker) members(tok json.Token, path string, field func(key string) (reflect.Type, bool)) *Error {
	if tok != json.Delim('{') {
		return mustBe(path, "an object")
	}
	if e := c.enter(); e != nil {
		return e
	}
	for c.dec.More() {
		tok, err := c.dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			return refErrInvalidJSON
		}
		t, ok := field(key)
		var e *Error
		switch {
		case !ok:
			e = badRequest("Property '" + joinPath(path, key) + "' is not defined.")
		case t == nil:
			e = c.skipValue()
		default:
			e = c.value(t, joinPath(path, key))
		}
		if e != nil {
			return e
		}
	}
	return c.leave()
}

// array checks the elements of a JSON array against the slice or array
// type t.
func (c *refBodyChecker) array(tok json.Token, t reflect.Type, path string) *Error {
	if tok != json.Delim('[') {
		return mustBe(path, "an array")
	}
	if e := c.enter(); e != nil {
		return e
	}
	for i := 0; c.dec.More(); i++ {
		if e := c.value(t.Elem(), fmt.Sprintf("%s[%d]", path, i)); e != nil {
			return e
		}
	}
	return c.leave()
}

// skipValue skips the next JSON value.
func (c *refBodyChecker) skipValue() *Error {
	tok, err := c.dec.Token()
	if err != nil {
		return refErrInvalidJSON
	}
	return c.skip(tok)
}

// skip skips the rest of a JSON value that starts with tok, counting its
// depth.
func (c *refBodyChecker) skip(tok json.Token) *Error {
	if d, ok := tok.(json.Delim); !ok || d == '}' || d == ']' {
		return nil
	}
	if e := c.enter(); e != nil {
		return e
	}
	for c.dec.More() {
		if e := c.skipValue(); e != nil {
			return e
		}
	}
	return c.leave()
}

// enter counts an opened array or object.
func (c *refBodyChecker) enter() *Error {
	c.depth++
	if c.depth > refMaxJSONDepth {
		return badRequest(fmt.Sprintf("The request body is nested more than %d levels deep.", refMaxJSONDepth))
	}
	return nil
}

// leave reads the end of an array or object.
func (c *refBodyChecker) leave() *Error {
	c.depth--
	if _, err := c.dec.Token(); err != nil {
		return refErrInvalidJSON
	}
	return nil
}

// refJSONField is a struct field as encoding/json sees it, or a field named
// by a graphjson tag (named), which refMarshalNamed and refUnmarshalNamed read
// and write.
type refJSONField struct {
	name                               string
	index                              []int
	typ                                reflect.Type
	tagged, named, omitZero, omitEmpty bool
}

// refStructFields lists the JSON fields of a struct type in field order, and
// whether it is an open type and has graphjson fields (named).
type refStructFields struct {
	fields      []refJSONField
	byName      map[string]int
	open, named bool
}

// refStructFieldsCache maps a struct reflect.Type to its *refStructFields.
var refStructFieldsCache sync.Map

// refJSONFieldsOf returns the JSON fields of the struct type t.
func refJSONFieldsOf(t reflect.Type) *refStructFields {
	if v, ok := refStructFieldsCache.Load(t); ok {
		return v.(*refStructFields)
	}
	v, _ := refStructFieldsCache.LoadOrStore(t, refNewStructFields(t))
	return v.(*refStructFields)
}

// field returns the field for a JSON member name: the exact match, else the
// first one equal under case folding, as encoding/json does.
func (s *refStructFields) field(key string) (refJSONField, bool) {
	if i, ok := s.byName[key]; ok {
		return s.fields[i], true
	}
	for _, f := range s.fields {
		if strings.EqualFold(f.name, key) {
			return f, true
		}
	}
	return refJSONField{}, false
}

// refNewStructFields collects the JSON fields of t with the rules of
// encoding/json: exported fields named by their json tag or Go name, fields
// promoted from embedded structs without a tag, and for each name the
// shallowest field, or the tagged one among equals; none when ambiguous.
func refNewStructFields(t reflect.Type) *refStructFields {
	s := &refStructFields{byName: map[string]int{}, open: reflect.PointerTo(t).Implements(refOpenTypeType)}
	var order []string
	byName := map[string][]refJSONField{}
	var hidden [][]int
	for _, sf := range reflect.VisibleFields(t) {
		if slices.ContainsFunc(hidden, func(p []int) bool {
			return refHasIndexPrefix(sf.Index, p)
		}) {
			continue
		}
		f, ok, promote := refToJSONField(sf)
		if sf.Anonymous && !promote {
			hidden = append(hidden, sf.Index)
		}
		if !ok {
			continue
		}
		if byName[f.name] == nil {
			order = append(order, f.name)
		}
		byName[f.name] = append(byName[f.name], f)
	}
	for _, name := range order {
		if f, ok := refDominantField(byName[name]); ok {
			s.byName[name] = len(s.fields)
			s.fields = append(s.fields, f)
			s.named = s.named || f.named
		}
	}
	return s
}

// refHasIndexPrefix reports whether the field at index lies inside the field
// at prefix.
func refHasIndexPrefix(index, prefix []int) bool {
	return len(index) > len(prefix) && slices.Equal(index[:len(prefix)], prefix)
}

// refToJSONField returns the JSON field for sf and true; promote is true for
// an embedded struct whose fields are promoted instead. A graphjson tag
// names the field whatever its json tag says, and makes it omitzero.
func refToJSONField(sf reflect.StructField) (f refJSONField, ok, promote bool) {
	tag := sf.Tag.Get("json")
	named, isNamed := sf.Tag.Lookup("graphjson")
	opts := strings.Split(tag, ",")
	name := opts[0]
	if !refValidTagName(name) {
		name = ""
	}
	ft := sf.Type
	if ft.Kind() == reflect.Pointer {
		ft = ft.Elem()
	}
	switch {
	case tag == "-" && !isNamed:
		return f, false, false
	case sf.Anonymous && name == "" && !isNamed && ft.Kind() == reflect.Struct:
		return f, false, true
	case !sf.IsExported() && (!sf.Anonymous || ft.Kind() != reflect.Struct):
		return f, false, false
	}
	f = refJSONField{name: name, index: sf.Index, typ: sf.Type, tagged: name != "" || isNamed, named: isNamed, omitZero: isNamed || slices.Contains(opts, "omitzero"), omitEmpty: slices.Contains(opts, "omitempty")}
	switch {
	case isNamed:
		f.name = named
	case name == "":
		f.name = sf.Name
	}
	return f, true, false
}

// refValidTagName reports whether encoding/json accepts name as the name in a
// json struct tag; it uses the Go field name for a name it does not accept.
func refValidTagName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// refDominantField picks the field encoding/json uses among fields with the
// same name: the shallowest, preferring a tagged one; none when ambiguous.
func refDominantField(fields []refJSONField) (refJSONField, bool) {
	slices.SortStableFunc(fields, func(a, b refJSONField) int {
		if len(a.index) != len(b.index) {
			return len(a.index) - len(b.index)
		}
		if a.tagged != b.tagged && a.tagged {
			return -1
		}
		if a.tagged != b.tagged {
			return 1
		}
		return 0
	})
	if len(fields) > 1 && len(fields[0].index) == len(fields[1].index) && fields[0].tagged == fields[1].tagged {
		return refJSONField{}, false
	}
	return fields[0], true
}

// refMarshalNamed encodes the struct x as encoding/json does, the members
// named by graphjson tags included: the fields of refJSONFieldsOf in order,
// with the omitzero and omitempty options (a graphjson field is omitzero).
// HTML characters are not escaped; json.Marshal escapes them afterwards, a
// json.Encoder with SetEscapeHTML(false) does not.
func refMarshalNamed(x any) ([]byte, error) {
	v := reflect.ValueOf(x)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for _, f := range refJSONFieldsOf(v.Type()).fields {
		fv, err := v.FieldByIndexErr(f.index)
		if err != nil || !fv.CanInterface() || f.omitted(fv) {
			continue
		}
		if buf.Len() > 1 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(f.name); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1)
		buf.WriteByte(':')
		if err := enc.Encode(fv.Interface()); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// omitted reports whether encoding/json leaves the value fv of f out.
func (f refJSONField) omitted(fv reflect.Value) bool {
	return f.omitZero && refIsZeroValue(fv) || f.omitEmpty && refIsEmptyValue(fv)
}

// refIsZeroValue is the test of the omitzero option: the IsZero method of the
// value when it has one, else the zero value of its type.
func refIsZeroValue(fv reflect.Value) bool {
	if fv.Kind() == reflect.Pointer && fv.IsNil() {
		return true
	}
	if z, ok := fv.Interface().(interface {
		IsZero() bool
	}); ok {
		return z.IsZero()
	}
	return fv.IsZero()
}

// refIsEmptyValue is the test of the omitempty option.
func refIsEmptyValue(fv reflect.Value) bool {
	switch fv.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return fv.Len() == 0
	case reflect.Struct:
		return false
	}
	return fv.IsZero()
}

// refUnmarshalNamed decodes the JSON object data into the struct x points to
// as encoding/json does, the members named by graphjson tags included: a
// member goes to the field of the same name (exactly, else ignoring case),
// other members are skipped, and null leaves x unchanged.
func refUnmarshalNamed(data []byte, x any) error {
	v := reflect.ValueOf(x).Elem()
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	switch {
	case err != nil:
		return err
	case tok == nil:
		return nil
	case tok != json.Delim('{'):
		return &json.UnmarshalTypeError{Value: refJSONTokenKind(tok), Type: v.Type(), Offset: dec.InputOffset()}
	}
	fields := refJSONFieldsOf(v.Type())
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		var dst any = new(json.RawMessage)
		if f, ok := fields.field(key); ok {
			if fv, ok := refSettableField(v, f.index); ok {
				dst = fv.Addr().Interface()
			}
		}
		if err := dec.Decode(dst); err != nil {
			return err
		}
	}
	_, err = dec.Token()
	return err
}

// refSettableField returns the field of v at index, allocating nil embedded
// pointers on the way as encoding/json does, and whether it can be set.
func refSettableField(v reflect.Value, index []int) (reflect.Value, bool) {
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
	return v, v.CanSet()
}

// refJSONTokenKind names the kind of JSON value that starts with tok, as
// json.UnmarshalTypeError does.
func refJSONTokenKind(tok json.Token) string {
	switch tok.(type) {
	case json.Delim:
		return "array"
	case string:
		return "string"
	case bool:
		return "bool"
	}
	return "number"
}

// refNamedStruct reports whether t is a struct with graphjson fields: its
// MarshalJSON and UnmarshalJSON follow refJSONFieldsOf, so the body checker
// walks it like any struct.
func refNamedStruct(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && refJSONFieldsOf(t).named
}

// refMaxValidateDepth bounds the recursion of refValidateStruct.
const refMaxValidateDepth = 1000

// refValidateStruct checks every enum value reachable from x (through
// Optionals, pointers, slices, maps and struct fields) and returns a
// *ValidationError for the first one that is not a documented member, in
// field order; nil when all are valid. Shared and cyclic values are walked
// once.
func refValidateStruct(x any) error {
	v := &refEnumValidator{seen: map[refValidatorKey]bool{}}
	if e := v.check(reflect.ValueOf(x), "", 0); e != nil {
		return e
	}
	return nil
}

// refEnumValidator walks a value looking for invalid enum values.
type refEnumValidator struct {
	seen map[refValidatorKey]bool
}

// refValidatorKey identifies a pointer, slice or map already walked.
type refValidatorKey struct {
	ptr uintptr
	typ reflect.Type
	len int
}

// check returns the first invalid enum value in v, which is at path.
func (c *refEnumValidator) check(v reflect.Value, path string, depth int) *ValidationError {
	if !v.IsValid() || !v.CanInterface() || depth > refMaxValidateDepth {
		return nil
	}
	t := v.Type()
	switch {
	case t.Implements(refOptionalValueType):
		inner, ok := v.Interface().(refOptionalValue).anyValue()
		if !ok {
			return nil
		}
		return c.check(reflect.ValueOf(inner), path, depth+1)
	case t.Implements(reflect.TypeFor[refKindHolder]()):
		return c.check(reflect.ValueOf(v.Interface().(refKindHolder).kindValue()), path, depth+1)
	case t.Kind() == reflect.String && t.Implements(refEnumValueType):
		if e := v.Interface().(refEnumValue); !e.IsValid() {
			return &ValidationError{Property: path, Value: v.String(), Allowed: slices.Clone(e.enumMembers())}
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() || !c.visit(v) {
			return nil
		}
		return c.check(v.Elem(), path, depth+1)
	case reflect.Slice, reflect.Array:
		return c.elements(v, path, depth)
	case reflect.Map:
		return c.mapValues(v, path, depth)
	case reflect.Struct:
		return c.fields(v, path, depth)
	}
	return nil
}

// visit reports whether the pointer, slice or map v is walked for the
// first time.
func (c *refEnumValidator) visit(v reflect.Value) bool {
	if v.Kind() == reflect.Interface {
		return true
	}
	k := refValidatorKey{ptr: v.Pointer(), typ: v.Type()}
	if v.Kind() == reflect.Slice {
		k.len = v.Len()
	}
	if c.seen[k] {
		return false
	}
	c.seen[k] = true
	return true
}

// elements checks the elements of a slice or array.
func (c *refEnumValidator) elements(v reflect.Value, path string, depth int) *ValidationError {
	if v.Kind() == reflect.Slice && (v.IsNil() || !c.visit(v)) {
		return nil
	}
	for i := range v.Len() {
		if e := c.check(v.Index(i), fmt.Sprintf("%s[%d]", path, i), depth+1); e != nil {
			return e
		}
	}
	return nil
}

// mapValues checks the values of a map, in key order.
func (c *refEnumValidator) mapValues(v reflect.Value, path string, depth int) *ValidationError {
	if v.IsNil() || !c.visit(v) {
		return nil
	}
	keys := v.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int {
		return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
	})
	for _, k := range keys {
		if e := c.check(v.MapIndex(k), joinPath(path, fmt.Sprint(k)), depth+1); e != nil {
			return e
		}
	}
	return nil
}

// fields checks the JSON fields of a struct.
func (c *refEnumValidator) fields(v reflect.Value, path string, depth int) *ValidationError {
	for _, f := range refJSONFieldsOf(v.Type()).fields {
		fv, err := v.FieldByIndexErr(f.index)
		if err != nil {
			continue
		}
		if e := c.check(fv, joinPath(path, f.name), depth+1); e != nil {
			return e
		}
	}
	return nil
}

// refAnyOf holds a value of a type family: a documented base type or any type
// derived from it, each a pointer to its struct. K is the family's interface
// (for example MobileAppKind), which the pointers to all its members
// implement. Decoding picks the member named by the body's @odata.type

type refAnyOf[K any] struct {
	Value K
}

// MarshalJSON writes the member Value holds, or null when it holds none.
func (a refAnyOf[K]) MarshalJSON() ([]byte, error) {
	return json.Marshal(any(a.Value))
}

// UnmarshalJSON decodes data into the family member its @odata.type names.
func (a *refAnyOf[K]) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		var zero K
		a.Value = zero
		return nil
	}
	var probe struct {
		Type string `json:"@odata.type"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return err
	}
	v := refNewKind[K](probe.Type)
	if err := json.Unmarshal(data, any(v)); err != nil {
		return err
	}
	a.Value = v
	return nil
}

// kindValue returns the member for the validator.
func (a refAnyOf[K]) kindValue() any {
	return a.Value
}

// refKindHolder is implemented by refAnyOf.
type refKindHolder interface {
	kindValue() any
}

// refKindTable builds the members of one family: byType by lower-cased
// qualified name, base when no member is named.
type refKindTable[K any] struct {
	base   func() K
	byType map[string]func() K
}

// refKindTables holds a refKindTable[K] per family interface K. It is filled by
// init functions and only read afterwards.
var refKindTables = map[reflect.Type]any{}

// refRegisterKinds records the members of the family K.
func refRegisterKinds[K any](base func() K, byType map[string]func() K) {
	refKindTables[reflect.TypeFor[K]()] = refKindTable[K]{base, byType}
}

// refNewKind returns a new member of the family K: the one odataType names
// ("#microsoft.graph.x", "microsoft.graph.x" or "x"), else the base type.
func refNewKind[K any](odataType string) K {
	t, _ := refKindTables[reflect.TypeFor[K]()].(refKindTable[K])
	name := strings.ToLower(strings.TrimPrefix(odataType, "#"))
	if f, ok := t.byType[name]; ok {
		return f()
	}
	if f, ok := t.byType["microsoft.graph."+name]; ok {
		return f()
	}
	if t.base == nil {
		var zero K
		return zero
	}
	return t.base()
}
