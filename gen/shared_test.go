package gen_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSharedRoute generates the pages of testdata/shared: two operations
// document GET /gadgets/{id} with different response types; the one that
// keeps the route serves the other's examples when they fit its types
// (example-served-by-other), and the others stay explained
// (example-route-ambiguous, naming the value that does not fit).
func TestSharedRoute(t *testing.T) {
	s, out := generateDirs(t, "testdata/shared/api", "testdata/shared/resources")
	got := testsAndReasons(s)
	want := map[string]string{
		"get_gadget":            "TestExamples/GetGadget/get_gadget",
		"get_gadget_card":       "TestExamples/GetGadgetCard/get_gadget_card",
		"get_gadget_card_score": "reason example-route-ambiguous",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tests and reasons (-want +got):\n%s", diff)
	}
	var diags []string
	for _, d := range s.Diagnostics {
		if d.Code == "example-served-by-other" || d.Code == "example-route-ambiguous" {
			diags = append(diags, d.Code+": "+d.Message[:strings.Index(d.Message, " (")])
		}
	}
	wantDiags := []string{
		"example-served-by-other: example get_gadget_card requests GET /gadgets/g1, which the handler routes to GetGadget",
		"example-route-ambiguous: example get_gadget_card_score requests GET /gadgets/g1, which the handler routes to GetGadget",
	}
	if diff := cmp.Diff(wantDiags, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	m := newModule(t)
	m.add("shared", out)
	m.mustGo("vet", "./...")
	m.mustGo("test", "./...")
}
