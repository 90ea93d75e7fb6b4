package rt

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// MatchODataFilter reports whether value (a struct, a pointer to one, or a
// map[string]any such as decoded JSON) matches the $filter expression e,
// evaluated as OData defines:
//
//   - a property is found by its JSON name (exactly, else in another
//     case) through json and graphjson tags, embedded structs, pointers,
//     interfaces and Optional; an absent or null property is null;
//   - comparisons order numbers, strings (byte by byte, case-sensitive as
//     OData says; use tolower to fold case), Booleans, GUIDs (in any
//     case), and dates and times: DateTimeOffset, Date, TimeOfDay and
//     Duration values, and time.Time, compare as the instants or lengths
//     they stand for, a date as its midnight UTC;
//   - null equals only null, and ordering with null is false (but for
//     "le" and "ge" between two nulls); arithmetic and functions of null
//     are null; "and" and "or" follow three-valued logic, and a filter
//     that yields null does not match;
//   - any and all range over a slice (or array); a null collection is
//     empty; "has" tests the members of a flags enum value ("a,b");
//   - a type-cast segment passes a value through unless its @odata.type
//     names another type.
//
// An error reports an expression that does not fit the value's types
// (comparing a string with a number, a property the type lacks, an
// unsupported function); the handler's checks reject most of these with
// 400 before a service sees them.
func MatchODataFilter(e ODataExpr, value any) (bool, error) {
	budget := odataEvalBudget
	r, err := odataEval(e, &odataScope{value: reflect.ValueOf(value), budget: &budget})
	if err != nil {
		return false, err
	}
	switch r := r.(type) {
	case nil:
		return false, nil
	case bool:
		return r, nil
	}
	return false, errors.New("the filter is not a Boolean expression")
}

// odataScope is the value a path starts from: the root instance, or the
// member a lambda variable names (then parent is the enclosing scope).
type odataScope struct {
	name   string // the lambda variable, "" for the root
	value  reflect.Value
	parent *odataScope
	budget *int // the evaluation steps left, shared by the scopes of one match
}

// odataEvalBudget bounds the steps of one evaluation: nested lambdas over
// collections multiply, and a filter comes from the client.
const odataEvalBudget = 1_000_000

// odataErrTooCostly is the error of an evaluation over its budget.
var odataErrTooCostly = errors.New("the filter is too costly to evaluate: it takes more than a million steps")

// The values the evaluator computes with: nil (null), bool, int64,
// float64, string, odataGuid, time.Time (DateTimeOffset and Date),
// odataClock (TimeOfDay), time.Duration, odataBytes (Binary), and
// reflect.Value for structures and collections.
type (
	// odataGuid is a GUID; GUIDs compare in any case.
	odataGuid string
	// odataClock is a time of day, as the time since midnight.
	odataClock time.Duration
	// odataBytes is the content of an Edm.Binary.
	odataBytes string
)

// odataEval evaluates e in scope s.
func odataEval(e ODataExpr, s *odataScope) (any, error) {
	if *s.budget--; *s.budget < 0 {
		return nil, odataErrTooCostly
	}
	switch e := e.(type) {
	case *ODataLiteral:
		return odataLiteralValue(e)
	case *ODataPath:
		return odataResolve(e.Segments, s)
	case *ODataBinary:
		return odataEvalBinary(e, s)
	case *ODataUnary:
		return odataEvalUnary(e, s)
	case *ODataCall:
		return odataEvalCall(e, s)
	case *ODataLambda:
		return odataEvalLambda(e, s)
	case *ODataList:
		return nil, errors.New("a list in parentheses can only follow 'in'")
	}
	return nil, fmt.Errorf("unknown expression %T", e)
}

// odataResolve returns the value of the path segs in scope s.
func odataResolve(segs []string, s *odataScope) (any, error) {
	start := s.root()
	if len(segs) > 0 {
		if v, ok := s.lookup(segs[0]); ok {
			start, segs = v, segs[1:]
		}
	}
	cur, err := odataPrimitive(start)
	for _, seg := range segs {
		if err != nil || cur == nil && seg != "$count" {
			return nil, err
		}
		cur, err = odataStep(cur, seg)
	}
	return cur, err
}

// root returns the value of the outermost scope.
func (s *odataScope) root() reflect.Value {
	for s.parent != nil {
		s = s.parent
	}
	return s.value
}

// lookup returns the value a path's first segment names when it is a
// lambda variable, $it (the root) or $this (the innermost member).
func (s *odataScope) lookup(seg string) (reflect.Value, bool) {
	switch seg {
	case "$it":
		return s.root(), true
	case "$this":
		return s.value, true
	}
	for ; s != nil; s = s.parent {
		if s.name != "" && s.name == seg {
			return s.value, true
		}
	}
	return reflect.Value{}, false
}

// odataStep applies one path segment to the non-null value cur.
func odataStep(cur any, seg string) (any, error) {
	if seg == "$count" {
		return odataCollectionCount(cur)
	}
	v, ok := cur.(reflect.Value)
	if !ok {
		return nil, fmt.Errorf("cannot read '%s' of the primitive value %v", seg, cur)
	}
	if strings.Contains(seg, ".") {
		if odataTypeIs(v, seg) {
			return v, nil
		}
		return nil, nil
	}
	switch v.Kind() {
	case reflect.Struct:
		f, ok := odataFieldByName(v.Type(), seg)
		if !ok {
			return nil, fmt.Errorf("Could not find a property named '%s' on type '%s'.", seg, v.Type())
		}
		fv, ok := odataFieldValue(v, f)
		if !ok {
			return nil, nil
		}
		return odataPrimitive(fv)
	case reflect.Map:
		return odataPrimitive(odataMapIndex(v, seg))
	case reflect.Slice, reflect.Array:
		return nil, fmt.Errorf("'%s' is read from a collection: use any or all", seg)
	}
	return nil, fmt.Errorf("cannot read '%s' of a %s", seg, v.Type())
}

// odataMapIndex returns the member of the map v (with string keys) named
// key, exactly, else in another case; the zero Value if there is none.
func odataMapIndex(v reflect.Value, key string) reflect.Value {
	if v.Type().Key().Kind() != reflect.String {
		return reflect.Value{}
	}
	if m := v.MapIndex(reflect.ValueOf(key).Convert(v.Type().Key())); m.IsValid() {
		return m
	}
	it := v.MapRange()
	for it.Next() {
		if strings.EqualFold(it.Key().String(), key) {
			return it.Value()
		}
	}
	return reflect.Value{}
}

// odataCollectionCount returns the number of members of a collection, 0 for null.
func odataCollectionCount(cur any) (any, error) {
	if cur == nil {
		return int64(0), nil
	}
	if v, ok := cur.(reflect.Value); ok {
		switch v.Kind() {
		case reflect.Slice, reflect.Array, reflect.Map:
			return int64(v.Len()), nil
		}
	}
	return nil, errors.New("'$count' must follow a collection")
}

// odataTypeIs reports whether the structure v may be of the type named
// name: true unless its @odata.type property names another type.
func odataTypeIs(v reflect.Value, name string) bool {
	var t reflect.Value
	switch v.Kind() {
	case reflect.Struct:
		if f, ok := odataFieldByName(v.Type(), "@odata.type"); ok {
			t, _ = odataFieldValue(v, f)
		}
	case reflect.Map:
		t = odataMapIndex(v, "@odata.type")
	}
	s, _ := odataPrimitive(t)
	if s, ok := s.(string); ok && s != "" {
		return odataSameType(s, name)
	}
	return true
}

// odataSameType reports whether the type names a and b (with or without
// "#", "microsoft.graph." or another namespace on one side) are the same,
// in any case.
func odataSameType(a, b string) bool {
	a, b = strings.TrimPrefix(a, "#"), strings.TrimPrefix(b, "#")
	if strings.EqualFold(a, b) {
		return true
	}
	short := func(s string) string { return s[strings.LastIndexByte(s, '.')+1:] }
	return (!strings.Contains(a, ".") || !strings.Contains(b, ".")) && strings.EqualFold(short(a), short(b))
}
