package rt

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"
)

// DateTimeOffset is an Edm.DateTimeOffset: a timestamp in RFC 3339 form,
// such as "2024-01-02T03:04:05.1234567Z". It is kept as the string that was
// received, so documented values round-trip byte for byte; use Time to parse
// it. The handler rejects a request body holding a value Time cannot parse.
type DateTimeOffset string

// Time parses d as RFC 3339, with or without fractional seconds. A value
// without a time zone offset is taken as UTC.
func (d DateTimeOffset) Time() (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, string(d))
	if err == nil {
		return t, nil
	}
	if t, err2 := time.Parse("2006-01-02T15:04:05.999999999", string(d)); err2 == nil {
		return t, nil
	}
	return time.Time{}, err
}

// IsValid reports whether d is a well-formed Edm.DateTimeOffset, one that Time accepts.
// The handler rejects a request body holding a malformed one with 400.
func (d DateTimeOffset) IsValid() bool {
	_, err := d.Time()
	return err == nil
}

// edmForm is the form of a well-formed DateTimeOffset, for the handler's error message.
func (DateTimeOffset) edmForm() string {
	return "an RFC 3339 date and time such as 2024-01-02T03:04:05Z"
}

// Date is an Edm.Date: a calendar date such as "2024-01-02". It is kept as
// the string that was received; use Time to parse it.
type Date string

// Time parses d as a date (layout 2006-01-02) at midnight UTC.
func (d Date) Time() (time.Time, error) {
	return time.Parse(time.DateOnly, string(d))
}

// IsValid reports whether d is a well-formed Edm.Date, one that Time accepts.
// The handler rejects a request body holding a malformed one with 400.
func (d Date) IsValid() bool {
	_, err := d.Time()
	return err == nil
}

// edmForm is the form of a well-formed Date, for the handler's error message.
func (Date) edmForm() string {
	return "a date such as 2024-01-02"
}

// TimeOfDay is an Edm.TimeOfDay: a time such as "13:45:30" or
// "13:45:30.5". It is kept as the string that was received; use Time to
// parse it.
type TimeOfDay string

// Time parses t as 15:04:05 with optional fractional seconds, on January 1
// of year 0, UTC.
func (t TimeOfDay) Time() (time.Time, error) {
	return time.Parse("15:04:05.999999999", string(t))
}

// IsValid reports whether t is a well-formed Edm.TimeOfDay, one that Time accepts.
// The handler rejects a request body holding a malformed one with 400.
func (t TimeOfDay) IsValid() bool {
	_, err := t.Time()
	return err == nil
}

// edmForm is the form of a well-formed TimeOfDay, for the handler's error message.
func (TimeOfDay) edmForm() string {
	return "a time of day such as 13:45:30"
}

// Duration is an Edm.Duration: an ISO 8601 duration such as "P1DT2H" or
// "-PT0.5S". It is kept as the string that was received; use Duration to
// convert it.
type Duration string

// Duration converts d to a time.Duration. Weeks, days, hours, minutes and
// seconds are exact; like .NET's XmlConvert, a year counts as 365 days and a
// month as 30 days. Fractions (with "." or ",") are accepted in every
// component; an error is returned for a malformed or out-of-range value.
func (d Duration) Duration() (time.Duration, error) {
	return parseISODuration(string(d))
}

// IsValid reports whether d is a well-formed Edm.Duration, one that Duration accepts.
// The handler rejects a request body holding a malformed one with 400.
func (d Duration) IsValid() bool {
	_, err := d.Duration()
	return err == nil
}

// edmForm is the form of a well-formed Duration, for the handler's error message.
func (Duration) edmForm() string {
	return "an ISO 8601 duration such as PT1H30M"
}

// Binary is an Edm.Binary: bytes in base64. It is kept as the string that
// was received; use Bytes to decode it.
type Binary string

// Bytes decodes b as standard or URL-safe base64, padded or not.
func (b Binary) Bytes() ([]byte, error) {
	var first error
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		data, err := enc.DecodeString(string(b))
		if err == nil {
			return data, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

// IsValid reports whether b is a well-formed Edm.Binary, one that Bytes accepts.
// The handler rejects a request body holding a malformed one with 400.
func (b Binary) IsValid() bool {
	_, err := b.Bytes()
	return err == nil
}

// edmForm is the form of a well-formed Binary, for the handler's error message.
func (Binary) edmForm() string {
	return "base64"
}

// formatValue is implemented by the Edm primitive types whose strings have
// a form (DateTimeOffset, Date, TimeOfDay, Duration, Binary): edmForm says
// which, for error messages.
type formatValue interface {
	IsValid() bool
	edmForm() string
}

// isoDurationUnits are the designators of an ISO 8601 duration in the order
// they must appear, with the Go unit and factor each one converts to.
var isoDurationUnits = []struct {
	designator byte
	unit       string
	factor     time.Duration
}{
	{'Y', "h", 365 * 24},
	{'M', "h", 30 * 24},
	{'W', "h", 7 * 24},
	{'D', "h", 24},
	{'T', "", 0},
	{'H', "h", 1},
	{'M', "m", 1},
	{'S', "s", 1},
}

// maxDuration is the longest time.Duration.
const maxDuration = time.Duration(1<<63 - 1)

// parseISODuration parses an ISO 8601 duration: an optional "-", "P",
// numbers with designators Y, M, W, D, then "T" and H, M, S.
func parseISODuration(s string) (time.Duration, error) {
	rest, neg := strings.CutPrefix(s, "-")
	rest, ok := strings.CutPrefix(rest, "P")
	if !ok || rest == "" || strings.HasSuffix(rest, "T") {
		return 0, fmt.Errorf("invalid ISO 8601 duration %q", s)
	}
	var total time.Duration
	next := 0
	for rest != "" {
		n := 0
		for n < len(rest) && strings.IndexByte("0123456789.,", rest[n]) >= 0 {
			n++
		}
		k := isoDurationUnit(rest[n:], next, n > 0)
		if k < 0 {
			return 0, fmt.Errorf("invalid ISO 8601 duration %q", s)
		}
		num, u := strings.Replace(rest[:n], ",", ".", 1), isoDurationUnits[k]
		next, rest = k+1, rest[n+1:]
		if n == 0 {
			continue
		}
		d, err := time.ParseDuration(num + u.unit)
		if err != nil {
			return 0, fmt.Errorf("invalid ISO 8601 duration %q", s)
		}
		if d > maxDuration/u.factor || total > maxDuration-d*u.factor {
			return 0, fmt.Errorf("ISO 8601 duration %q is out of range", s)
		}
		total += d * u.factor
	}
	if neg {
		total = -total
	}
	return total, nil
}

// isoDurationUnit returns the index in isoDurationUnits of the designator
// that starts s, searching from next without passing "T", or -1. A number
// must precede every designator but "T".
func isoDurationUnit(s string, next int, number bool) int {
	if s == "" {
		return -1
	}
	for k := next; k < len(isoDurationUnits); k++ {
		d := isoDurationUnits[k].designator
		if d == s[0] && number == (d != 'T') {
			return k
		}
		if d == 'T' {
			break
		}
	}
	return -1
}
