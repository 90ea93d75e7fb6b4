package schema

import "testing"

// TestNamesFamily checks which pages' resource family a pattern names (a
// part of OwnerRank; gen's TestOwnerRank checks the whole order).
func TestNamesFamily(t *testing.T) {
	for _, tc := range []struct {
		pattern, page string
		want          bool
	}{
		{"/users/{id}", "user-get", true},
		{"/me", "user-get", true},
		{"/users/{id}", "intune-devices-user-get", false},
		{"/identity/conditionalAccess/namedLocations/{id}", "namedlocation-get", true},
		{"/identity/conditionalAccess/namedLocations/{id}", "countrynamedlocation-get", false},
		{"/policies/tokenLifetimePolicies", "tokenlifetimepolicy-list", true},
	} {
		if got := namesFamily(tc.pattern, "docs/api/"+tc.page+".md"); got != tc.want {
			t.Errorf("namesFamily(%q, %s) = %v, want %v", tc.pattern, tc.page, got, tc.want)
		}
	}
	if !namesType("/policies/tokenLifetimePolicies", &TypeRef{Name: "microsoft.graph.tokenLifetimePolicy"}) {
		t.Error("tokenLifetimePolicies does not name tokenLifetimePolicy")
	}
	if namesType("/users/{id}", &TypeRef{Name: "microsoft.graph.user"}, nil) {
		t.Error("a placeholder last segment names a type")
	}
	// A segment names a type by its last word too: the outlook task
	// pages keep POST /me/outlook/tasks over the extended-property page,
	// which documents it with the result type post.
	if !namesType("/me/outlook/tasks", &TypeRef{Name: "microsoft.graph.outlookTask"}) {
		t.Error("tasks does not name outlookTask")
	}
	if namesType("/me/outlook/tasks", &TypeRef{Name: "microsoft.graph.post"}, &TypeRef{Name: "microsoft.graph.taskList"}) {
		t.Error("tasks names post or taskList")
	}
}
