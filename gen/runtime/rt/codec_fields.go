package rt

import (
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// codecStruct is the plan of a struct: its JSON members and where the
// codec keeps the members it does not declare.
type codecStruct struct {
	// fields are the declared members in field order (of their index
	// paths), as encoding/json finds and orders them, promoted fields of
	// embedded structs included.
	fields []codecField
	// byName finds a field by its exact name.
	byName map[string]int
	// byFold finds a field by its name in ASCII lower case, the first in
	// field order; nil when a name is not ASCII (then fields are searched
	// with bytes.EqualFold).
	byFold map[string]int
	// order lists fields in writing order: @odata.context, the other
	// control information (names starting with "@"), then properties;
	// controls is how many of them are control information.
	order    []int
	controls int
	// annotations and additional are the fields tagged
	// graphjson:",annotations" and graphjson:",additional"; nil when absent.
	annotations *codecSpecial
	additional  *codecSpecial
	// valueField is the position of the member named "value" in fields,
	// -1 when none ($select of a collection projects its elements).
	valueField int
}

// codecField is one declared JSON member of a struct.
type codecField struct {
	name     string
	key      []byte // the name as a JSON string and a colon: "name":
	index    []int  // reflect field index path
	viaPtr   bool   // the path crosses an embedded pointer
	plan     *codecPlan
	omitZero bool
	omitEmpy bool
	control  bool // the name starts with "@": written first
	tagged   bool // named by a tag (for choosing among fields of one name)
}

// codecSpecial is the field holding annotations or additional members.
type codecSpecial struct {
	index  []int
	viaPtr bool
}

// The graphjson tag values that mark special fields. Any other graphjson
// value is the member name of its field, taken whole (it may hold a
// comma): the generator never writes these two as a name.
const (
	codecTagAnnotations = ",annotations"
	codecTagAdditional  = ",additional"
)

// structOf collects the JSON members of the struct type t with the rules of
// encoding/json: exported fields named by their json tag or Go name, the
// fields of embedded structs without a tag promoted, and for each name the
// shallowest field, or the tagged one among equals; none when ambiguous. A
// graphjson tag names its field whatever the json tag says and makes it
// omitzero; graphjson:",annotations" and ",additional" mark where the codec
// keeps instance annotations and undeclared members (the shallowest such
// field).
func (b *codecPlanBuilder) structOf(t reflect.Type) *codecStruct {
	s := &codecStruct{byName: map[string]int{}, valueField: -1}
	var order []string
	byName := map[string][]codecField{}
	var hidden [][]int
	var annotations, additional []codecSpecial
	for _, sf := range reflect.VisibleFields(t) {
		if slices.ContainsFunc(hidden, func(p []int) bool { return codecIndexWithin(sf.Index, p) }) {
			continue
		}
		switch sf.Tag.Get("graphjson") {
		case codecTagAnnotations:
			annotations = codecAddSpecial(annotations, t, sf)
			continue
		case codecTagAdditional:
			additional = codecAddSpecial(additional, t, sf)
			continue
		}
		f, ok, promote := codecFieldOf(sf)
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
		if f, ok := codecDominantField(byName[name]); ok {
			s.fields = append(s.fields, f)
		}
	}
	slices.SortFunc(s.fields, func(a, b codecField) int { return slices.Compare(a.index, b.index) })
	for i := range s.fields {
		f := &s.fields[i]
		f.viaPtr = codecCrossesPointer(t, f.index)
		f.plan = b.plan(codecFieldType(t, f.index))
		f.key = append(appendJSONString(nil, f.name), ':')
		s.byName[f.name] = i
	}
	s.annotations, s.additional = codecChooseSpecial(annotations), codecChooseSpecial(additional)
	s.index()
	return s
}

// index fills byFold, order, controls and valueField from fields.
func (s *codecStruct) index() {
	s.byFold = map[string]int{}
	for i, f := range s.fields {
		if !codecIsASCII(f.name) {
			s.byFold = nil
		}
		if s.byFold != nil {
			if _, ok := s.byFold[codecLowerASCII(f.name)]; !ok {
				s.byFold[codecLowerASCII(f.name)] = i
			}
		}
		if f.name == "value" {
			s.valueField = i
		}
	}
	if i, ok := s.byName["@odata.context"]; ok {
		s.order = append(s.order, i)
	}
	for i, f := range s.fields {
		if f.control && f.name != "@odata.context" {
			s.order = append(s.order, i)
		}
	}
	s.controls = len(s.order)
	for i, f := range s.fields {
		if !f.control {
			s.order = append(s.order, i)
		}
	}
}

// codecAddSpecial records an annotations or additional field when its type
// is a map of raw JSON values that the codec can set.
func codecAddSpecial(list []codecSpecial, t reflect.Type, sf reflect.StructField) []codecSpecial {
	if (sf.Type != codecAnnotationsType && sf.Type != codecRawMapType) || !sf.IsExported() {
		return list
	}
	return append(list, codecSpecial{index: sf.Index, viaPtr: codecCrossesPointer(t, sf.Index)})
}

// codecChooseSpecial picks the shallowest special field; none when two are
// equally shallow.
func codecChooseSpecial(list []codecSpecial) *codecSpecial {
	slices.SortStableFunc(list, func(a, b codecSpecial) int { return len(a.index) - len(b.index) })
	if len(list) == 0 || len(list) > 1 && len(list[0].index) == len(list[1].index) {
		return nil
	}
	return &list[0]
}

// codecIndexWithin reports whether the field at index lies inside the
// field at prefix.
func codecIndexWithin(index, prefix []int) bool {
	return len(index) > len(prefix) && slices.Equal(index[:len(prefix)], prefix)
}

// codecCrossesPointer reports whether the field path index of t goes
// through an embedded pointer.
func codecCrossesPointer(t reflect.Type, index []int) bool {
	for i, x := range index {
		if i > 0 && t.Kind() == reflect.Pointer {
			return true
		}
		t = t.Field(x).Type
	}
	return false
}

// codecFieldType returns the type of the field of t at the path index.
func codecFieldType(t reflect.Type, index []int) reflect.Type {
	for _, x := range index {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		t = t.Field(x).Type
	}
	return t
}

// codecFieldOf returns the JSON member for sf and true; promote is true for
// an embedded struct whose fields are promoted instead.
func codecFieldOf(sf reflect.StructField) (f codecField, ok, promote bool) {
	tag := sf.Tag.Get("json")
	named, isNamed := sf.Tag.Lookup("graphjson")
	opts := strings.Split(tag, ",")
	name := opts[0]
	if !codecValidTagName(name) {
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
	f = codecField{name: name, index: sf.Index, tagged: name != "" || isNamed,
		omitZero: isNamed || slices.Contains(opts[1:], "omitzero"), omitEmpy: !isNamed && slices.Contains(opts[1:], "omitempty")}
	switch {
	case isNamed:
		f.name = named
	case name == "":
		f.name = sf.Name
	}
	f.control = strings.HasPrefix(f.name, "@")
	return f, true, false
}

// codecValidTagName reports whether encoding/json accepts name as the name
// in a json struct tag; it uses the Go field name for a name it does not
// accept.
func codecValidTagName(name string) bool {
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

// codecDominantField picks the field encoding/json uses among fields with
// the same name: the shallowest, preferring a tagged one; none when
// ambiguous.
func codecDominantField(fields []codecField) (codecField, bool) {
	slices.SortStableFunc(fields, func(a, b codecField) int {
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
		return codecField{}, false
	}
	return fields[0], true
}

// lookup returns the position of the field a member named key goes to: the
// exact name, else the first equal under case folding (as encoding/json
// matches names), else -1.
func (s *codecStruct) lookup(key []byte) int {
	if i, ok := s.byName[string(key)]; ok {
		return i
	}
	if s.byFold != nil && len(key) <= 64 && codecIsASCII(string(key)) {
		var buf [64]byte
		for i, c := range key {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if i, ok := s.byFold[string(buf[:len(key)])]; ok {
			return i
		}
		return -1
	}
	for i := range s.fields {
		if codecEqualFold(s.fields[i].name, key) {
			return i
		}
	}
	return -1
}

// codecEqualFold is strings.EqualFold for a string and bytes.
func codecEqualFold(s string, b []byte) bool {
	for len(s) > 0 && len(b) > 0 {
		if s[0] < utf8.RuneSelf && b[0] < utf8.RuneSelf {
			x, y := s[0], b[0]
			if 'A' <= x && x <= 'Z' {
				x += 'a' - 'A'
			}
			if 'A' <= y && y <= 'Z' {
				y += 'a' - 'A'
			}
			if x != y {
				return false
			}
			s, b = s[1:], b[1:]
			continue
		}
		return strings.EqualFold(s, string(b))
	}
	return len(s) == len(b)
}

// codecIsASCII reports whether s holds only ASCII bytes.
func codecIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// codecLowerASCII folds the ASCII upper-case letters of s to lower case.
func codecLowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
