package rt

import (
	"encoding/json"
	"errors"
	"reflect"
)

// UnmarshalStruct decodes the JSON data into the value x points to with the
// semantics of encoding/json, for the UnmarshalJSON methods of the
// generated types (and AnyOf): members match fields exactly, else ignoring
// case; unknown members are skipped, except instance annotations and the
// members of an open type, which go to the struct's annotations and
// additional fields; enum values and Edm strings are not checked (an
// evolvable enum's newer members must decode); null leaves a value as it
// is, except that an Optional becomes null and a pointer, slice, map or
// interface nil. A value of the wrong JSON type is skipped and reported as
// a *json.UnmarshalTypeError once the rest is decoded; invalid JSON gives
// the *json.SyntaxError of encoding/json (json.Unmarshal checks the syntax
// before it calls UnmarshalJSON, so through it x is untouched then; called
// directly, x may be partly written).
func UnmarshalStruct(data []byte, x any) error {
	rv := reflect.ValueOf(x)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &json.InvalidUnmarshalError{Type: reflect.TypeOf(x)}
	}
	p := codecPlanFor(rv.Type().Elem())
	d := codecNewDecoder(data, false)
	f := d.value(p, rv.Elem())
	if f == nil {
		f = d.end()
	}
	if f == nil {
		f = d.soft
	}
	d.release()
	switch {
	case f == nil:
		return nil
	case f.kind != codecFailSyntax:
		return f.err
	}
	if err := json.Unmarshal(data, new(json.RawMessage)); err != nil {
		return err
	}
	return errors.New("rt: invalid JSON")
}
