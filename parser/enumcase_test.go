package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEnumConflictSpellings checks that an enum documented twice with
// members differing only in case keeps one member, the first spelling or
// OData's unknownFutureValue (beta's tokenIssuerType accepted both
// UnknownFutureValue and unknownFutureValue, printMultipageLayout eight
// spellings of four members), and says so in its enum-conflict warning.
func TestEnumConflictSpellings(t *testing.T) {
	s := Parse([]File{{Path: "resources/enums.md", Data: []byte(`# Enum values

Namespace: microsoft.graph

### layout values

|Member|
|:---|
|counterclockwise|
|UnknownFutureValue|

### layout values

|Member|
|:---|
|counterClockwise|
|clockwise|
|unknownFutureValue|
`)}})
	if len(s.Enums) != 1 {
		t.Fatalf("%d enums, want 1", len(s.Enums))
	}
	if diff := cmp.Diff([]string{"counterclockwise", "unknownFutureValue", "clockwise"}, s.Enums[0].Members); diff != "" {
		t.Errorf("members (-want +got):\n%s", diff)
	}
	n := 0
	for _, d := range s.Diagnostics {
		if d.Code == "enum-conflict" {
			n++
			if !strings.Contains(d.Message, "counterClockwise (kept as counterclockwise), UnknownFutureValue (kept as unknownFutureValue)") {
				t.Errorf("message %q does not name the spellings", d.Message)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d enum-conflict warnings, want 1", n)
	}
}
