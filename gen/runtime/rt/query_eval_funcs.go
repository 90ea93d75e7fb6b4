package rt

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// odataEvalCall evaluates a call of a built-in function. A null argument
// makes the result null.
func odataEvalCall(e *ODataCall, s *odataScope) (any, error) {
	switch e.Name {
	case "cast", "isof":
		return odataEvalTypeCall(e, s)
	case "now":
		return time.Now(), nil
	case "mindatetime":
		return time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), nil
	case "maxdatetime":
		return time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), nil
	}
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		v, err := odataEval(a, s)
		if err != nil || v == nil {
			return nil, err
		}
		if g, ok := v.(odataGuid); ok {
			v = string(g)
		}
		args[i] = v
	}
	if rv, ok := args[0].(reflect.Value); ok && e.Name == "length" && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) {
		return int64(rv.Len()), nil
	}
	if fn, ok := odataStringFuncs[e.Name]; ok {
		return odataCallStrings(e.Name, fn, args)
	}
	switch e.Name {
	case "hassubset", "hassubsequence":
		return odataSubset(e.Name, args[0], args[1])
	case "round", "floor", "ceiling":
		return odataRound(e.Name, args[0])
	}
	return odataTimeFunc(e.Name, args[0])
}

// odataStringFuncs are the functions of strings, each given its string
// arguments and any integer ones.
var odataStringFuncs = map[string]func(s []string, n []int64) any{
	"contains":   func(s []string, _ []int64) any { return strings.Contains(s[0], s[1]) },
	"startswith": func(s []string, _ []int64) any { return strings.HasPrefix(s[0], s[1]) },
	"endswith":   func(s []string, _ []int64) any { return strings.HasSuffix(s[0], s[1]) },
	"length":     func(s []string, _ []int64) any { return int64(utf8.RuneCountInString(s[0])) },
	"tolower":    func(s []string, _ []int64) any { return strings.ToLower(s[0]) },
	"toupper":    func(s []string, _ []int64) any { return strings.ToUpper(s[0]) },
	"trim":       func(s []string, _ []int64) any { return strings.TrimSpace(s[0]) },
	"concat":     func(s []string, _ []int64) any { return s[0] + s[1] },
	"indexof": func(s []string, _ []int64) any {
		i := strings.Index(s[0], s[1])
		if i < 0 {
			return int64(-1)
		}
		return int64(utf8.RuneCountInString(s[0][:i]))
	},
	"substring": func(s []string, n []int64) any {
		r := []rune(s[0])
		start := min(max(n[0], 0), int64(len(r)))
		end := int64(len(r))
		if len(n) > 1 {
			end = min(start+max(n[1], 0), end)
		}
		return string(r[start:end])
	},
	"matchesPattern": nil, // compiled per call, see odataCallStrings
}

// odataCallStrings checks the arguments of the string function name
// (strings, then for substring integers) and calls fn.
func odataCallStrings(name string, fn func([]string, []int64) any, args []any) (any, error) {
	var strs []string
	var ints []int64
	for i, a := range args {
		switch v := a.(type) {
		case string:
			if i > 0 && name == "substring" {
				return nil, fmt.Errorf("the positions given to substring must be integers, found %s", odataTypeName(a))
			}
			strs = append(strs, v)
		case int64:
			if i == 0 || name != "substring" {
				return nil, fmt.Errorf("%s needs strings, found %s", name, odataTypeName(a))
			}
			ints = append(ints, v)
		default:
			return nil, fmt.Errorf("%s needs strings, found %s", name, odataTypeName(a))
		}
	}
	if name == "matchesPattern" {
		re, err := regexp.Compile(strs[1])
		if err != nil {
			return nil, fmt.Errorf("matchesPattern: %v", err)
		}
		return re.MatchString(strs[0]), nil
	}
	return fn(strs, ints), nil
}

// odataSubset evaluates hassubset (every member of b is in a) and
// hassubsequence (the members of b appear in a in that order).
func odataSubset(name string, a, b any) (any, error) {
	as, err := odataMembers(a)
	if err != nil {
		return nil, err
	}
	bs, err := odataMembers(b)
	if err != nil {
		return nil, err
	}
	i := 0
	for _, m := range bs {
		found := false
		for j, x := range as {
			if name == "hassubsequence" && j < i {
				continue
			}
			if eq, _ := odataEqual(m, x); eq {
				found, i = true, j+1
				break
			}
		}
		if !found {
			return false, nil
		}
	}
	return true, nil
}

// odataRound evaluates round, floor and ceiling.
func odataRound(name string, v any) (any, error) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case float64:
		switch name {
		case "round":
			return math.Round(x), nil
		case "floor":
			return math.Floor(x), nil
		}
		return math.Ceil(x), nil
	}
	return nil, fmt.Errorf("%s needs a number, found %s", name, odataTypeName(v))
}

// odataTimeFunc evaluates the functions of dates, times and durations.
func odataTimeFunc(name string, v any) (any, error) {
	switch x := v.(type) {
	case time.Time:
		if r, ok := odataTimeParts(name, x); ok {
			return r, nil
		}
	case odataClock:
		t := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(x))
		if r, ok := odataTimeParts(name, t); ok && name != "date" && name != "year" && name != "month" && name != "day" {
			return r, nil
		}
	case time.Duration:
		if name == "totalseconds" {
			return x.Seconds(), nil
		}
	}
	return nil, fmt.Errorf("%s cannot odataTake %s", name, odataTypeName(v))
}

// odataTimeParts evaluates a function taking a date and time.
func odataTimeParts(name string, t time.Time) (any, bool) {
	switch name {
	case "year":
		return int64(t.Year()), true
	case "month":
		return int64(t.Month()), true
	case "day":
		return int64(t.Day()), true
	case "hour":
		return int64(t.Hour()), true
	case "minute":
		return int64(t.Minute()), true
	case "second":
		return int64(t.Second()), true
	case "fractionalseconds":
		return float64(t.Nanosecond()) / 1e9, true
	case "totaloffsetminutes":
		_, off := t.Zone()
		return int64(off / 60), true
	case "date":
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
	case "time":
		y, m, d := t.Date()
		return odataClock(t.Sub(time.Date(y, m, d, 0, 0, 0, 0, t.Location()))), true
	}
	return nil, false
}

// odataEvalTypeCall evaluates cast(x, T) and isof(x, T), and their forms
// on the current instance, cast(T) and isof(T). Primitive types (Edm.*)
// convert or test the value; other types test its @odata.type. A value
// that cannot be cast is null.
func odataEvalTypeCall(e *ODataCall, s *odataScope) (any, error) {
	typ := odataTypeArg(e.Args[len(e.Args)-1])
	if typ == "" {
		return nil, fmt.Errorf("the last argument of %s must be a type name", e.Name)
	}
	var v any
	var err error
	if len(e.Args) == 2 {
		v, err = odataEval(e.Args[0], s)
	} else {
		v, err = odataPrimitive(s.value)
	}
	if err != nil || v == nil {
		return nil, err
	}
	cast, ok := odataCast(v, typ)
	if e.Name == "isof" {
		return ok && (!strings.HasPrefix(typ, "Edm.") || odataCastExact(v, cast)), nil
	}
	if !ok {
		return nil, nil
	}
	return cast, nil
}

// odataTypeArg returns the type name a cast or isof argument holds: a
// qualified name as a path, or in a string.
func odataTypeArg(e ODataExpr) string {
	switch e := e.(type) {
	case *ODataPath:
		if len(e.Segments) == 1 && strings.Contains(e.Segments[0], ".") {
			return e.Segments[0]
		}
	case *ODataLiteral:
		if e.Kind == ODataKindString {
			return e.Value
		}
	}
	return ""
}

// odataCastExact reports whether casting v gave a value of v's own type,
// which is what isof asks of a primitive type.
func odataCastExact(v, cast any) bool {
	return reflect.TypeOf(v) == reflect.TypeOf(cast)
}

// odataCast converts v to the type named typ: an Edm primitive type, or a
// structured type that v's @odata.type does not contradict.
func odataCast(v any, typ string) (any, bool) {
	edm, ok := strings.CutPrefix(typ, "Edm.")
	if !ok {
		rv, isStruct := v.(reflect.Value)
		return v, isStruct && odataTypeIs(rv, typ)
	}
	s := fmt.Sprint(v)
	switch edm {
	case "String":
		if _, ok := v.(reflect.Value); ok {
			return nil, false
		}
		return s, true
	case "Boolean":
		b, err := strconv.ParseBool(s)
		return b, err == nil
	case "Byte", "SByte", "Int16", "Int32", "Int64":
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil
	case "Single", "Double", "Decimal":
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil
	case "Guid":
		return odataGuid(s), len(s) == 36
	case "DateTimeOffset", "Date":
		if t, ok := v.(time.Time); ok {
			return t, true
		}
		t, err := odataParseTime(s)
		return t, err == nil
	case "Duration":
		d, err := Duration(s).Duration()
		return d, err == nil
	}
	return nil, false
}
