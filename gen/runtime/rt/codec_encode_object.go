package rt

import (
	"encoding/json"
	"reflect"
	"slices"
)

// object encodes the struct v: "@odata.context" first, then the other
// control information (declared members whose names start with "@"), the
// other annotations sorted by name, the properties in field order, and
// last the additional members of an open type sorted by name. A declared
// member wins over an annotation or additional member of the same name.
// sel, when not nil, is the set of properties written ($select).
func (e *codecEncoder) object(p *codecPlan, v reflect.Value, sel map[string]bool) error {
	st := p.st
	valueSel := e.valueSel
	e.valueSel = nil
	ann := codecSpecialMap(v, st.annotations)
	start := len(e.buf)
	e.buf = append(e.buf, '{')
	if raw, ok := ann["@odata.context"]; ok && !st.declares("@odata.context") {
		if err := e.rawMember(start, "@odata.context", raw); err != nil {
			return err
		}
	}
	for i, fi := range st.order {
		if i == st.controls {
			if err := e.annotations(st, ann, start); err != nil {
				return err
			}
		}
		f := &st.fields[fi]
		if sel != nil && !f.control && !sel[f.name] {
			continue
		}
		var fsel map[string]bool
		if fi == st.valueField {
			fsel = valueSel
		}
		if err := e.field(f, v, start, fsel); err != nil {
			return err
		}
	}
	if st.controls == len(st.order) {
		if err := e.annotations(st, ann, start); err != nil {
			return err
		}
	}
	if err := e.additional(st, codecSpecialMap(v, st.additional), start, sel); err != nil {
		return err
	}
	e.buf = append(e.buf, '}')
	return nil
}

// declares reports whether the struct has a member named name.
func (s *codecStruct) declares(name string) bool {
	_, ok := s.byName[name]
	return ok
}

// comma writes the comma before a member of the object that starts at
// start, unless it is the first.
func (e *codecEncoder) comma(start int) {
	if len(e.buf) > start+1 {
		e.buf = append(e.buf, ',')
	}
}

// field writes the member f of the struct v, unless omitzero or omitempty
// leaves it out: an absent Optional is omitted, a null one written as null.
func (e *codecEncoder) field(f *codecField, v reflect.Value, start int, sel map[string]bool) error {
	fv, ok := codecFieldForRead(v, f.index, f.viaPtr)
	if !ok {
		return nil
	}
	p := f.plan
	switch {
	case p.kind == codecKindOptional:
		if f.omitZero && fv.Field(1).IsNil() && !fv.Field(2).Bool() {
			return nil
		}
	case f.omitZero && codecIsZero(p, fv), f.omitEmpy && codecIsEmpty(fv):
		return nil
	}
	e.comma(start)
	e.buf = append(e.buf, f.key...)
	return e.value(p, fv, sel)
}

// rawMember writes a member whose value is raw JSON.
func (e *codecEncoder) rawMember(start int, name string, raw json.RawMessage) error {
	e.comma(start)
	e.buf = appendJSONString(e.buf, name)
	e.buf = append(e.buf, ':')
	var err error
	e.buf, err = codecAppendRaw(e.buf, raw, codecRawType)
	return err
}

// annotations writes the annotations other than @odata.context and the
// declared members, sorted by name.
func (e *codecEncoder) annotations(st *codecStruct, ann map[string]json.RawMessage, start int) error {
	if len(ann) == 0 {
		return nil
	}
	keys := e.keys[:0]
	for k := range ann {
		if k != "@odata.context" && !st.declares(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	e.keys = keys
	for _, k := range keys {
		if err := e.rawMember(start, k, ann[k]); err != nil {
			return err
		}
	}
	return nil
}

// additional writes the undeclared members of an open type sorted by
// name, only the selected ones when sel is not nil.
func (e *codecEncoder) additional(st *codecStruct, m map[string]json.RawMessage, start int, sel map[string]bool) error {
	if len(m) == 0 {
		return nil
	}
	keys := e.keys[:0]
	for k := range m {
		if !st.declares(k) && (sel == nil || sel[k]) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	e.keys = keys
	for _, k := range keys {
		if err := e.rawMember(start, k, m[k]); err != nil {
			return err
		}
	}
	return nil
}

// codecSpecialMap returns the map in the annotations or additional field sp
// of the struct v; nil when there is none.
func codecSpecialMap(v reflect.Value, sp *codecSpecial) map[string]json.RawMessage {
	if sp == nil {
		return nil
	}
	fv, ok := codecFieldForRead(v, sp.index, sp.viaPtr)
	if !ok {
		return nil
	}
	switch m := fv.Interface().(type) {
	case Annotations:
		return m
	case map[string]json.RawMessage:
		return m
	}
	return nil
}

// codecFieldForRead returns the field of the struct v at index; false when
// a nil embedded pointer is on the way.
func codecFieldForRead(v reflect.Value, index []int, viaPtr bool) (reflect.Value, bool) {
	if !viaPtr {
		for _, x := range index {
			v = v.Field(x)
		}
		return v, true
	}
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return v, false
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

// codecIsZero is the test of the omitzero option: the IsZero method of the
// value when it has one, else the zero value of its type.
func codecIsZero(p *codecPlan, v reflect.Value) bool {
	switch p.zeroer {
	case codecZeroOptional:
		return v.Field(1).IsNil() && !v.Field(2).Bool()
	case codecZeroMethod:
		if k := v.Kind(); (k == reflect.Pointer || k == reflect.Interface) && v.IsNil() ||
			k == reflect.Interface && v.Elem().Kind() == reflect.Pointer && v.Elem().IsNil() {
			return true
		}
		return v.Interface().(interface{ IsZero() bool }).IsZero()
	case codecZeroAddr:
		if !v.CanAddr() {
			c := reflect.New(v.Type()).Elem()
			c.Set(v)
			v = c
		}
		return v.Addr().Interface().(interface{ IsZero() bool }).IsZero()
	}
	return v.IsZero()
}

// codecIsEmpty is the test of the omitempty option.
func codecIsEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Struct:
		return false
	}
	return v.IsZero()
}
