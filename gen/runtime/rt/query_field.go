package rt

import (
	"reflect"
	"strings"
	"sync"
)

// The lookup of a struct's properties by their JSON names, shared by the
// $filter evaluator and the query checks. It is kept in this file so it
// can later use the codec's cached per-type plans instead.

// odataField is a property of a struct type, found by its JSON name.
type odataField struct {
	name  string       // the JSON name
	index []int        // the field's index path, through embedded structs
	typ   reflect.Type // the field's type
}

// odataFields are the JSON properties of one struct type.
type odataFields struct {
	byName map[string]*odataField // by JSON name
	byFold map[string]*odataField // by JSON name in lower case
}

// odataFieldCache maps a struct type to its *odataFields.
var odataFieldCache sync.Map

// odataFieldByName returns the property of struct type t whose JSON name
// is name, else the one whose name matches it in another case (Graph reads
// "DisplayName" as displayName). The JSON name comes from the json tag,
// or the graphjson tag of a field tagged json:"-", else the field's name;
// fields of embedded structs are promoted as encoding/json does, the
// shallower winning.
func odataFieldByName(t reflect.Type, name string) (*odataField, bool) {
	fs := odataFieldsOf(t)
	if f, ok := fs.byName[name]; ok {
		return f, true
	}
	f, ok := fs.byFold[strings.ToLower(name)]
	return f, ok
}

// odataFieldsOf returns the properties of struct type t, building them on
// first use.
func odataFieldsOf(t reflect.Type) *odataFields {
	if fs, ok := odataFieldCache.Load(t); ok {
		return fs.(*odataFields)
	}
	fs := &odataFields{byName: map[string]*odataField{}, byFold: map[string]*odataField{}}
	odataCollectFields(fs, t, nil, map[reflect.Type]bool{})
	actual, _ := odataFieldCache.LoadOrStore(t, fs)
	return actual.(*odataFields)
}

// odataCollectFields adds the properties of struct type t, reached through
// the field indexes prefix, to fs, breadth first so that a shallower
// property hides a deeper one of the same name.
func odataCollectFields(fs *odataFields, t reflect.Type, prefix []int, seen map[reflect.Type]bool) {
	seen[t] = true
	type embedded struct {
		t     reflect.Type
		index []int
	}
	var deeper []embedded
	for i := range t.NumField() {
		f := t.Field(i)
		index := append(append([]int(nil), prefix...), i)
		name, ok := odataJSONName(f)
		if !ok {
			continue
		}
		if name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && !seen[ft] {
				deeper = append(deeper, embedded{ft, index})
			}
			continue
		}
		if _, dup := fs.byName[name]; dup {
			continue
		}
		field := &odataField{name: name, index: index, typ: f.Type}
		fs.byName[name] = field
		if _, dup := fs.byFold[strings.ToLower(name)]; !dup {
			fs.byFold[strings.ToLower(name)] = field
		}
	}
	for _, e := range deeper {
		odataCollectFields(fs, e.t, e.index, seen)
	}
}

// odataJSONName returns the JSON name of field f, "" for an untagged
// embedded struct whose fields are promoted, and false for a field that
// is not a property.
func odataJSONName(f reflect.StructField) (string, bool) {
	tag := f.Tag.Get("json")
	if tag == "-" {
		name, _, _ := strings.Cut(f.Tag.Get("graphjson"), ",")
		return name, name != ""
	}
	name, _, _ := strings.Cut(tag, ",")
	if name != "" {
		return name, true
	}
	if f.Anonymous {
		return "", true
	}
	return f.Name, f.IsExported()
}

// odataFieldValue returns the field f of the struct value v, false when an
// embedded pointer on the way is nil.
func odataFieldValue(v reflect.Value, f *odataField) (reflect.Value, bool) {
	for i, x := range f.index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

// odataOptionalMarker is the type of Optional's marker field.
var odataOptionalMarker = reflect.TypeFor[[0]optionalTag]()

// odataIsOptional reports whether t is an Optional[T].
func odataIsOptional(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.NumField() == 3 && t.Field(0).Type == odataOptionalMarker
}

// odataIndirect sees through pointers, interfaces and Optional to the value
// they hold; false means there is none (nil, absent or null).
func odataIndirect(v reflect.Value) (reflect.Value, bool) {
	for v.IsValid() {
		switch {
		case v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface:
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		case odataIsOptional(v.Type()):
			v = v.Field(1)
		default:
			return v, true
		}
	}
	return v, false
}

// odataIndirectType sees through pointers and Optional to the type they
// hold.
func odataIndirectType(t reflect.Type) reflect.Type {
	for {
		switch {
		case t.Kind() == reflect.Pointer:
			t = t.Elem()
		case odataIsOptional(t):
			t = t.Field(1).Type.Elem()
		default:
			return t
		}
	}
}
