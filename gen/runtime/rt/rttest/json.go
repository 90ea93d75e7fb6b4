package rttest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/gen/runtime/rt"
)

// checkJSON compares two JSON documents by value (numbers compare by
// value, so 1, 1.0 and 1e0 are equal). With subset false they must be
// equal; with subset true every member of want must be in got with an equal
// value, recursively (arrays must have the same length and match element by
// element). A mismatch is reported with t.Errorf naming what, with a diff.
func checkJSON(t *testing.T, what string, want, got []byte, subset bool) {
	t.Helper()
	compareTestJSON(t, what, want, got, subset, false)
}

// checkJSONFold is checkJSON comparing object member names ignoring
// letter case: for a documented response that spells a property in other
// case, which the handler answers as the property spells it.
func checkJSONFold(t *testing.T, what string, want, got []byte, subset bool) {
	t.Helper()
	compareTestJSON(t, what, want, got, subset, true)
}

func compareTestJSON(t *testing.T, what string, want, got []byte, subset, fold bool) {
	t.Helper()
	diff, err := rt.CompareTestJSON(want, got, subset, fold, func(w, g any) string {
		return cmp.Diff(w, g, cmp.Comparer(rt.EqualTestNumbers))
	})
	if err != nil {
		t.Errorf("%s: %v", what, err)
	} else if diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", what, diff)
	}
}
