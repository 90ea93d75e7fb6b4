package route

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		path    string
		want    []string
		ok      bool
	}{
		{"literal", "/me/events", "/me/events", nil, true},
		{"literal case folds", "/me/Events", "/ME/events", nil, true},
		{"literal no prefix match", "/me/events", "/me/events/x", nil, false},
		{"non-ASCII is not folded", "/café", "/CAFÉ", nil, false},
		{"values keep case", "/users/{id}", "/USERS/AbC", []string{"AbC"}, true},
		{"empty value", "/users/{id}/events", "/users//events", nil, false},
		{"no slash in value", "/users/{id}", "/users/a/b", nil, false},
		{"spaces allowed", "/healthOverviews/{ServiceName}", "/healthOverviews/Microsoft 365 suite", []string{"Microsoft 365 suite"}, true},
		{"repeated names", "/applications/{id}/tokenLifetimePolicies/{id}/$ref", "/applications/a1/tokenLifetimePolicies/b2/$REF", []string{"a1", "b2"}, true},
		{"function argument", "/reports/getOffice365ActiveUserCounts(period='{period_value}')", "/reports/getoffice365activeusercounts(period='D7')", []string{"D7"}, true},
		{"quoted segment", "/recoveryKeys/'{id}'", "/recoveryKeys/'k1'", []string{"k1"}, true},
		{"multi spans slashes", "/me/drive/root:/{item-path}:/content", "/me/drive/root:/a/b/c.txt:/content", []string{"a/b/c.txt"}, true},
		{"multi at end", "/sites/{hostname}:/{path}", "/sites/contoso.com:/teams/hr", []string{"contoso.com", "teams/hr"}, true},
		{"non-multi after colon", "/drive/root:/{path}/children", "/drive/root:/a/b/children", nil, false},
		{"leftmost shortest", "/x/{a}-{b}", "/x/1-2-3", []string{"1", "2-3"}, true},
		{"backtracking", "/x/{a}b{c}", "/x/abab", []string{"a", "ab"}, true},
		{"adjacent placeholders", "/{a}{b}", "/xyz", []string{"x", "yz"}, true},
		{"multi lazy", "/r:/{p}:/{q}", "/r:/a:/b:/c", []string{"a", "b:/c"}, true},
		{"multi lazy with colon end", "/r:/{p}:/c", "/r:/a:/b:/c", []string{"a:/b"}, true},
		{"pattern longer than path", "/users/{id}/events", "/users", nil, false},
		{"empty pattern and path", "", "", nil, true},
		{"too long", "/{a}", "/" + strings.Repeat("a", MaxPathLen), nil, false},
		{"longest allowed", "/{a}", "/" + strings.Repeat("a", MaxPathLen-1), []string{strings.Repeat("a", MaxPathLen-1)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Match(tt.pattern, tt.path)
			if ok != tt.ok {
				t.Fatalf("Match(%q, %q) ok = %v, want %v", tt.pattern, tt.path, ok, tt.ok)
			}
			if !ok {
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Match(%q, %q) (-want +got):\n%s", tt.pattern, tt.path, diff)
			}
		})
	}
}

// TestMatchBounded checks that a pattern built to make naive backtracking
// exponential is matched quickly.
func TestMatchBounded(t *testing.T) {
	pattern := "/" + strings.Repeat("{a}:/", 40) + "b"
	path := "/" + strings.Repeat("x:/", MaxPathLen/3-1)
	start := time.Now()
	if _, ok := Match(pattern, path); ok {
		t.Errorf("unexpected match")
	}
	pattern = "/" + strings.Repeat("{a}a", 2000)
	path = "/" + strings.Repeat("a", MaxPathLen-1)
	Match(pattern, path)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Match took %v", d)
	}
}
