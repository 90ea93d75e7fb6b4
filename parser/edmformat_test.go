package parser

import (
	"testing"

	"github.com/graphdocgen/graphdocgen/generated"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// generatedIsValid is the generated runtime's IsValid for each Edm
// primitive with a form (the seed package holds the same runtime as every
// generated package).
var generatedIsValid = map[string]func(string) bool{
	schema.EdmDateTimeOffset: func(s string) bool { return generated.DateTimeOffset(s).IsValid() },
	schema.EdmDate:           func(s string) bool { return generated.Date(s).IsValid() },
	schema.EdmTimeOfDay:      func(s string) bool { return generated.TimeOfDay(s).IsValid() },
	schema.EdmDuration:       func(s string) bool { return generated.Duration(s).IsValid() },
	schema.EdmBinary:         func(s string) bool { return generated.Binary(s).IsValid() },
}

var edmFormatSeeds = []string{
	"", "2016-12-31T23:58:34.1704434+00:00", "2019-11-02T19:00:00Z", "2017-09-04T00:00:00", "2017-09-04T00:00",
	"2018-10-04T00: 58: 45.340Z", "String (timestamp)", "2020-02-30T00:00:00Z", "2020-01-01T24:00:00Z",
	"2024-01-02", "2024-13-01", "Date", "13:45:30", "13:45:30.5", "13:45", "25:00:00",
	"P1DT2H", "-PT0.5S", "PT", "P", "P1Y2M3W4DT5H6M7,5S", "P9999999999Y", "PT1H30M", "datetime-value",
	"aGVsbG8=", "aGVsbG8", "aGV_bG8-", "MIIDYDCCAki...", "base64Y3YxN2E1MWFlYw==", "not base64!",
}

// TestEdmFormatAgrees checks the parser's example check against the
// generated handler's on documented and malformed values.
func TestEdmFormatAgrees(t *testing.T) {
	for edm, valid := range generatedIsValid {
		for _, s := range edmFormatSeeds {
			if got, want := edmStringOK(edm, s), valid(s); got != want {
				t.Errorf("edmStringOK(%s, %q) = %v, generated IsValid = %v", edm, s, got, want)
			}
		}
	}
	if !edmStringOK(schema.EdmString, "anything") || !edmStringOK(schema.EdmGuid, "not a guid") {
		t.Error("types without a checked form must accept any string")
	}
}

// FuzzEdmFormat compares the parser's check of each form with the
// generated handler's.
func FuzzEdmFormat(f *testing.F) {
	for _, s := range edmFormatSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for edm, valid := range generatedIsValid {
			if got, want := edmStringOK(edm, s), valid(s); got != want {
				t.Errorf("edmStringOK(%s, %q) = %v, generated IsValid = %v", edm, s, got, want)
			}
		}
	})
}
