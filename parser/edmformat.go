package parser

import (
	"encoding/base64"
	"strings"
	"time"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// edmFormat describes the form of an Edm primitive whose JSON value is a
// string that the generated handler checks, for diagnostics.
var edmFormat = map[string]string{
	schema.EdmDateTimeOffset: "an RFC 3339 date and time such as 2024-01-02T03:04:05Z",
	schema.EdmDate:           "a date such as 2024-01-02",
	schema.EdmTimeOfDay:      "a time of day such as 13:45:30",
	schema.EdmDuration:       "an ISO 8601 duration such as PT1H30M",
	schema.EdmBinary:         "base64",
}

// edmStringOK reports whether s is a well-formed value of the Edm
// primitive edm, as the generated handler checks it: the IsValid methods
// of DateTimeOffset, Date, TimeOfDay, Duration and Binary in the generated
// runtime, which accept what their Time, Duration and Bytes methods parse
// (FuzzEdmFormat compares the two). Other types accept any string.
func edmStringOK(edm, s string) bool {
	switch edm {
	case schema.EdmDateTimeOffset:
		return parsesAs(s, time.RFC3339Nano, "2006-01-02T15:04:05.999999999")
	case schema.EdmDate:
		return parsesAs(s, time.DateOnly)
	case schema.EdmTimeOfDay:
		return parsesAs(s, "15:04:05.999999999")
	case schema.EdmDuration:
		return validISODuration(s)
	case schema.EdmBinary:
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
			if _, err := enc.DecodeString(s); err == nil {
				return true
			}
		}
		return false
	}
	return true
}

// parsesAs reports whether time.Parse accepts s with one of layouts.
func parsesAs(s string, layouts ...string) bool {
	for _, l := range layouts {
		if _, err := time.Parse(l, s); err == nil {
			return true
		}
	}
	return false
}

// isoDesignators are the designators of an ISO 8601 duration in the order
// they must appear, with the Go unit and factor of each (the generated
// runtime's isoDurationUnits).
var isoDesignators = []struct {
	designator byte
	unit       string
	factor     time.Duration
}{
	{'Y', "h", 365 * 24}, {'M', "h", 30 * 24}, {'W', "h", 7 * 24}, {'D', "h", 24},
	{'T', "", 0}, {'H', "h", 1}, {'M', "m", 1}, {'S', "s", 1},
}

// validISODuration reports whether the generated runtime's
// parseISODuration accepts s: an optional "-", "P", numbers with
// designators Y, M, W, D, then "T" and H, M, S, within time.Duration's
// range.
func validISODuration(s string) bool {
	rest, _ := strings.CutPrefix(s, "-")
	rest, ok := strings.CutPrefix(rest, "P")
	if !ok || rest == "" || strings.HasSuffix(rest, "T") {
		return false
	}
	const maxDuration = time.Duration(1<<63 - 1)
	var total time.Duration
	next := 0
	for rest != "" {
		n := 0
		for n < len(rest) && strings.IndexByte("0123456789.,", rest[n]) >= 0 {
			n++
		}
		k := isoDesignator(rest[n:], next, n > 0)
		if k < 0 {
			return false
		}
		num, u := strings.Replace(rest[:n], ",", ".", 1), isoDesignators[k]
		next, rest = k+1, rest[n+1:]
		if n == 0 {
			continue
		}
		d, err := time.ParseDuration(num + u.unit)
		if err != nil || d > maxDuration/u.factor || total > maxDuration-d*u.factor {
			return false
		}
		total += d * u.factor
	}
	return true
}

// isoDesignator returns the index in isoDesignators of the designator that
// starts s, searching from next without passing "T", or -1. A number must
// precede every designator but "T".
func isoDesignator(s string, next int, number bool) int {
	if s == "" {
		return -1
	}
	for k := next; k < len(isoDesignators); k++ {
		d := isoDesignators[k].designator
		if d == s[0] && number == (d != 'T') {
			return k
		}
		if d == 'T' {
			break
		}
	}
	return -1
}
