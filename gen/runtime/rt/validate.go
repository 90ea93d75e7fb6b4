package rt

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// IsMember reports whether s is one of members: the body of every
// generated enum's IsValid method. It is not inlined, so each IsValid
// compiles to one call rather than a copy of the loop.
//
//go:noinline
func IsMember(members []string, s string) bool {
	return slices.Contains(members, s)
}

// IsFlags reports whether s is one or more of members joined by commas,
// the value of a flags enum ("apps,tabs,settings"; spaces around a comma
// are allowed): the body of a flags enum's IsValid method.
//
//go:noinline
func IsFlags(members []string, s string) bool {
	return flagsOf(s, func(m string) bool { return slices.Contains(members, m) })
}

// flagsOf reports whether s is one or more names joined by commas, each
// (without the spaces around it) one that member accepts.
func flagsOf(s string, member func(string) bool) bool {
	for part := range strings.SplitSeq(s, ",") {
		if !member(strings.TrimSpace(part)) {
			return false
		}
	}
	return true
}

// codecValidateDepth bounds the recursion of validateStruct.
const codecValidateDepth = 1000

// ValidateStruct checks every enum value reachable from x (through
// Optionals, pointers, interfaces, AnyOf, slices, arrays, maps in key order,
// and struct fields, embedded ones included) and returns a
// *ValidationError for the first one that is not a documented member, in
// field order; nil when all are valid. Shared and cyclic values are walked
// once; the walk stops 1000 levels deep. The Validate methods of the
// generated types call it.
func ValidateStruct(x any) error {
	if x == nil {
		return nil
	}
	v := reflect.ValueOf(x)
	w := codecValidator{}
	if e := w.check(codecPlanFor(v.Type()), v, 0); e != nil {
		return e
	}
	return nil
}

// codecValidator walks a value looking for invalid enum values.
type codecValidator struct {
	seen map[codecVisit]bool
	path []codecValidatePathSeg
}

// codecVisit identifies a pointer, slice or map already walked.
type codecVisit struct {
	ptr uintptr
	typ reflect.Type
	len int
}

// codecValidatePathSeg is a step of the path to the value checked: a
// member name, or an array index when index >= 0.
type codecValidatePathSeg struct {
	name  string
	index int
}

// check returns the first invalid enum value in v, whose plan is p.
func (w *codecValidator) check(p *codecPlan, v reflect.Value, depth int) *ValidationError {
	if !p.mayEnum || depth > codecValidateDepth {
		return nil
	}
	switch p.kind {
	case codecKindString:
		if s := v.String(); p.enum != nil {
			if _, ok := p.enum.has([]byte(s)); !ok {
				return &ValidationError{Property: w.pathString(), Value: s, Allowed: slices.Clone(p.enum.members)}
			}
		}
	case codecKindOptional:
		return w.pointee(p.elem, v.Field(1), depth)
	case codecKindPointer:
		return w.pointee(p.elem, v, depth)
	case codecKindAny, codecKindInterface:
		return w.dynamic(v, depth)
	case codecKindAnyOf:
		return w.dynamic(v.Field(1), depth)
	case codecKindSlice, codecKindArray:
		return w.elements(p, v, depth)
	case codecKindMap:
		return w.mapValues(p, v, depth)
	case codecKindStruct:
		return w.fields(p, v, depth)
	}
	return nil
}

// pointee checks what the pointer ptr points to, once.
func (w *codecValidator) pointee(p *codecPlan, ptr reflect.Value, depth int) *ValidationError {
	if ptr.IsNil() || !w.visit(ptr) {
		return nil
	}
	return w.check(p, ptr.Elem(), depth+1)
}

// dynamic checks the value the interface v holds.
func (w *codecValidator) dynamic(v reflect.Value, depth int) *ValidationError {
	if v.IsNil() {
		return nil
	}
	el := v.Elem()
	return w.check(codecPlanFor(el.Type()), el, depth+1)
}

// visit reports whether the pointer, slice or map v is walked for the
// first time.
func (w *codecValidator) visit(v reflect.Value) bool {
	k := codecVisit{ptr: v.Pointer(), typ: v.Type()}
	if v.Kind() == reflect.Slice {
		k.len = v.Len()
	}
	if w.seen[k] {
		return false
	}
	if w.seen == nil {
		w.seen = map[codecVisit]bool{}
	}
	w.seen[k] = true
	return true
}

// elements checks the elements of a slice or array.
func (w *codecValidator) elements(p *codecPlan, v reflect.Value, depth int) *ValidationError {
	if v.Kind() == reflect.Slice && (v.IsNil() || !w.visit(v)) {
		return nil
	}
	for i := range v.Len() {
		w.path = append(w.path, codecValidatePathSeg{index: i})
		e := w.check(p.elem, v.Index(i), depth+1)
		w.path = w.path[:len(w.path)-1]
		if e != nil {
			return e
		}
	}
	return nil
}

// mapValues checks the values of a map, in key order.
func (w *codecValidator) mapValues(p *codecPlan, v reflect.Value, depth int) *ValidationError {
	if v.IsNil() || !w.visit(v) {
		return nil
	}
	type entry struct {
		name string
		key  reflect.Value
	}
	entries := make([]entry, 0, v.Len())
	for _, k := range v.MapKeys() {
		entries = append(entries, entry{name: fmt.Sprint(k), key: k})
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.name, b.name) })
	for _, en := range entries {
		w.path = append(w.path, codecValidatePathSeg{name: en.name, index: -1})
		e := w.check(p.elem, v.MapIndex(en.key), depth+1)
		w.path = w.path[:len(w.path)-1]
		if e != nil {
			return e
		}
	}
	return nil
}

// fields checks the declared members of a struct, in field order.
func (w *codecValidator) fields(p *codecPlan, v reflect.Value, depth int) *ValidationError {
	for i := range p.st.fields {
		f := &p.st.fields[i]
		if !f.plan.mayEnum {
			continue
		}
		fv, ok := codecFieldForRead(v, f.index, f.viaPtr)
		if !ok {
			continue
		}
		w.path = append(w.path, codecValidatePathSeg{name: f.name, index: -1})
		e := w.check(f.plan, fv, depth+1)
		w.path = w.path[:len(w.path)-1]
		if e != nil {
			return e
		}
	}
	return nil
}

// pathString returns the path of the value checked: "kids[1].address.kind".
func (w *codecValidator) pathString() string {
	path := ""
	for _, s := range w.path {
		if s.index >= 0 {
			path += "[" + strconv.Itoa(s.index) + "]"
		} else {
			path = joinPath(path, s.name)
		}
	}
	return path
}
