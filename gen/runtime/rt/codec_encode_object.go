package rt

import (
	"encoding/json"
	"reflect"
	"slices"
)

// object appends the struct v: "@odata.context" first, then the other
// control information (declared members whose names start with "@"), the
// other annotations sorted by name, the properties in field order, and
// last the additional members of an open type sorted by name. A declared
// member wins over an annotation or additional member of the same name.
// sel, when not nil, is the set of properties written ($select).
func (e *codecEncoder) object(b []byte, p *codecPlan, v reflect.Value, sel map[string]bool) ([]byte, error) {
	st := p.st
	var valueSel map[string]bool
	if e.valueSel != nil {
		valueSel, e.valueSel = e.valueSel, nil
	}
	ann := codecSpecialMap(v, st.annotations)
	start := len(b)
	b = append(b, '{')
	var err error
	if raw, ok := ann["@odata.context"]; ok && !st.declares("@odata.context") {
		if b, err = codecRawMember(b, start, "@odata.context", raw); err != nil {
			return b, err
		}
	}
	for i, fi := range st.order {
		if i == st.controls && len(ann) > 0 {
			if b, err = e.annotations(b, st, ann, start); err != nil {
				return b, err
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
		if b, err = e.field(b, f, v, start, fsel); err != nil {
			return b, err
		}
	}
	if st.controls == len(st.order) && len(ann) > 0 {
		if b, err = e.annotations(b, st, ann, start); err != nil {
			return b, err
		}
	}
	if st.additional != nil {
		if b, err = e.additional(b, st, codecSpecialMap(v, st.additional), start, sel); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

// declares reports whether the struct has a member named name.
func (s *codecStruct) declares(name string) bool {
	_, ok := s.byName[name]
	return ok
}

// codecComma appends the comma before a member of the object that starts
// at start, unless it is the first.
func codecComma(b []byte, start int) []byte {
	if len(b) > start+1 {
		b = append(b, ',')
	}
	return b
}

// field appends the member f of the struct v, unless omitzero or omitempty
// leaves it out: an absent Optional is omitted, a null one written as null.
func (e *codecEncoder) field(b []byte, f *codecField, v reflect.Value, start int, sel map[string]bool) ([]byte, error) {
	fv, ok := codecFieldForRead(v, f.index, f.viaPtr)
	if !ok {
		return b, nil
	}
	p := f.plan
	if p.kind == codecKindOptional {
		ptr := fv.Field(1)
		if ptr.IsNil() && f.omitZero && !fv.Field(2).Bool() {
			return b, nil
		}
		b = codecComma(b, start)
		b = append(b, f.key...)
		return e.pointee(b, p.elem, ptr, sel)
	}
	if f.omitZero && codecIsZero(p, fv) || f.omitEmpy && codecIsEmpty(fv) {
		return b, nil
	}
	b = codecComma(b, start)
	b = append(b, f.key...)
	return e.value(b, p, fv, sel)
}

// codecRawMember appends a member whose value is raw JSON.
func codecRawMember(b []byte, start int, name string, raw json.RawMessage) ([]byte, error) {
	b = codecComma(b, start)
	b = appendJSONString(b, name)
	b = append(b, ':')
	return codecAppendRaw(b, raw, codecRawType)
}

// annotations appends the annotations other than @odata.context and the
// declared members, sorted by name.
func (e *codecEncoder) annotations(b []byte, st *codecStruct, ann map[string]json.RawMessage, start int) ([]byte, error) {
	keys := e.keys[:0]
	for k := range ann {
		if k != "@odata.context" && !st.declares(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	e.keys = keys
	var err error
	for _, k := range keys {
		if b, err = codecRawMember(b, start, k, ann[k]); err != nil {
			return b, err
		}
	}
	return b, nil
}

// additional appends the undeclared members of an open type sorted by
// name, only the selected ones when sel is not nil.
func (e *codecEncoder) additional(b []byte, st *codecStruct, m map[string]json.RawMessage, start int, sel map[string]bool) ([]byte, error) {
	if len(m) == 0 {
		return b, nil
	}
	keys := e.keys[:0]
	for k := range m {
		if !st.declares(k) && (sel == nil || sel[k]) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	e.keys = keys
	var err error
	for _, k := range keys {
		if b, err = codecRawMember(b, start, k, m[k]); err != nil {
			return b, err
		}
	}
	return b, nil
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
