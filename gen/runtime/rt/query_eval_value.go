package rt

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// The Edm types with a string form, which the evaluator reads as the
// values they stand for.
var (
	odataTypeDateTimeOffset = reflect.TypeFor[DateTimeOffset]()
	odataTypeDate           = reflect.TypeFor[Date]()
	odataTypeTimeOfDay      = reflect.TypeFor[TimeOfDay]()
	odataTypeDuration       = reflect.TypeFor[Duration]()
	odataTypeBinary         = reflect.TypeFor[Binary]()
	odataTypeTime           = reflect.TypeFor[time.Time]()
)

// odataPrimitive returns the evaluator's value for the Go value v: nil for
// none, a primitive for a Boolean, number, string or Edm type, else v
// itself (a structure or collection) with pointers and Optional removed.
// An Edm string that does not parse stays a string.
func odataPrimitive(v reflect.Value) (any, error) {
	v, ok := odataIndirect(v)
	if !ok {
		return nil, nil
	}
	switch v.Type() {
	case odataTypeDateTimeOffset, odataTypeDate, odataTypeTimeOfDay, odataTypeDuration:
		if x, err := odataParseTemporal(v.Type(), v.String()); err == nil {
			return x, nil
		}
		return v.String(), nil
	case odataTypeBinary:
		if b, err := Binary(v.String()).Bytes(); err == nil {
			return odataBytes(b), nil
		}
		return v.String(), nil
	case odataTypeTime:
		return v.Interface(), nil
	}
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if u := v.Uint(); u <= math.MaxInt64 {
			return int64(u), nil
		}
		return float64(v.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return v.Float(), nil
	case reflect.String:
		return v.String(), nil
	case reflect.Struct, reflect.Map, reflect.Slice, reflect.Array:
		return v, nil
	}
	return nil, fmt.Errorf("cannot evaluate a value of type %s", v.Type())
}

// odataParseTemporal parses s as a value of the Edm type t (one of
// DateTimeOffset, Date, TimeOfDay, Duration).
func odataParseTemporal(t reflect.Type, s string) (any, error) {
	switch t {
	case odataTypeDuration:
		return Duration(s).Duration()
	case odataTypeTimeOfDay:
		return odataParseClock(s)
	}
	return odataParseTime(s)
}

// odataTimeLayouts are the forms of a DateTimeOffset or Date the evaluator
// reads: RFC 3339, with the seconds or the zone left out, or a date.
var odataTimeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	time.DateOnly,
}

// odataParseTime parses a DateTimeOffset or a Date (as midnight UTC); a
// value without a zone is UTC.
func odataParseTime(s string) (time.Time, error) {
	var first error
	for _, layout := range odataTimeLayouts {
		t, err := time.Parse(layout, s)
		if err == nil {
			return t, nil
		}
		if first == nil {
			first = err
		}
	}
	return time.Time{}, first
}

// odataParseClock parses a TimeOfDay: hh:mm, hh:mm:ss or hh:mm:ss.fff.
func odataParseClock(s string) (odataClock, error) {
	layout := "15:04:05.999999999"
	if len(s) == 5 {
		layout = "15:04"
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return 0, err
	}
	return odataClock(t.Sub(time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC))), nil
}

// odataLiteralValue returns the evaluator's value of a literal.
func odataLiteralValue(e *ODataLiteral) (any, error) {
	switch e.Kind {
	case ODataKindNull:
		return nil, nil
	case ODataKindBoolean:
		return e.Value == "true", nil
	case ODataKindInt:
		if n, err := strconv.ParseInt(e.Value, 10, 64); err == nil {
			return n, nil
		}
		return strconv.ParseFloat(e.Value, 64)
	case ODataKindDecimal:
		return strconv.ParseFloat(e.Value, 64)
	case ODataKindGuid:
		return odataGuid(e.Value), nil
	case ODataKindDate, ODataKindDateTimeOffset:
		return odataParseTime(e.Value)
	case ODataKindTimeOfDay:
		return odataParseClock(e.Value)
	case ODataKindDuration:
		return Duration(e.Value).Duration()
	case ODataKindBinary:
		b, err := Binary(e.Value).Bytes()
		return odataBytes(b), err
	}
	return e.Value, nil // strings and enum members
}

// odataCompare orders two non-null values, converting a string to the
// other side's type (a GUID, a date or time, a duration) when they
// differ. It fails for values that have no order between them.
func odataCompare(a, b any) (int, error) {
	a, b = odataAlign(a, b), odataAlign(b, a)
	switch x := a.(type) {
	case bool:
		if y, ok := b.(bool); ok {
			return odataCmpBool(x, y), nil
		}
	case int64:
		switch y := b.(type) {
		case int64:
			return cmp.Compare(x, y), nil
		case float64:
			return cmp.Compare(float64(x), y), nil
		}
	case float64:
		switch y := b.(type) {
		case int64:
			return cmp.Compare(x, float64(y)), nil
		case float64:
			return cmp.Compare(x, y), nil
		}
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y), nil
		}
	case odataGuid:
		if y, ok := b.(odataGuid); ok {
			return strings.Compare(strings.ToLower(string(x)), strings.ToLower(string(y))), nil
		}
	case time.Time:
		if y, ok := b.(time.Time); ok {
			return x.Compare(y), nil
		}
	case odataClock:
		if y, ok := b.(odataClock); ok {
			return cmp.Compare(x, y), nil
		}
	case time.Duration:
		if y, ok := b.(time.Duration); ok {
			return cmp.Compare(x, y), nil
		}
	case odataBytes:
		if y, ok := b.(odataBytes); ok {
			return strings.Compare(string(x), string(y)), nil
		}
	}
	return 0, fmt.Errorf("cannot compare %s with %s", odataTypeName(a), odataTypeName(b))
}

// odataCmpBool orders false before true.
func odataCmpBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case y:
		return -1
	}
	return 1
}

// odataAlign converts the string a to the type of b when b is a GUID, a
// date or time, or a duration, and a parses as one; else it returns a.
func odataAlign(a, b any) any {
	s, ok := a.(string)
	if !ok {
		return a
	}
	switch b.(type) {
	case odataGuid:
		return odataGuid(s)
	case time.Time:
		if t, err := odataParseTime(s); err == nil {
			return t
		}
	case odataClock:
		if c, err := odataParseClock(s); err == nil {
			return c
		}
	case time.Duration:
		if d, err := Duration(s).Duration(); err == nil {
			return d
		}
	}
	return a
}

// odataTypeName names the kind of an evaluator value, for messages.
func odataTypeName(v any) string {
	switch v := v.(type) {
	case bool:
		return "a Boolean"
	case int64, float64:
		return "a number"
	case string:
		return "a string"
	case odataGuid:
		return "a GUID"
	case time.Time:
		return "a date and time"
	case odataClock:
		return "a time of day"
	case time.Duration:
		return "a duration"
	case odataBytes:
		return "binary"
	case reflect.Value:
		return "a value of type " + v.Type().String()
	}
	return fmt.Sprintf("%T", v)
}

// odataEqual reports whether a and b are equal, null equal only to null.
func odataEqual(a, b any) (bool, error) {
	if a == nil || b == nil {
		return a == nil && b == nil, nil
	}
	c, err := odataCompare(a, b)
	return c == 0 && err == nil, err
}
