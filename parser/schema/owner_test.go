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
		// A segment followed by a key names a family qualified by an
		// earlier segment; a collection without a key does not.
		{"/me/outlook/tasks/{id}", "outlooktask-update", true},
		{"/me/outlook/taskFolders/{id}/tasks/{id}", "outlooktask-update", true},
		{"/me/outlook/tasks/{id}", "multivaluelegacyextendedproperty-post-multivalueextendedproperties", false},
		{"/education/schools", "educationschool-get", false},
		{"/education/schools", "educationroot-list-schools", false},
		{"/me/tasks/{id}", "outlooktask-update", false},
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
	// It names a type by its last words when an earlier segment names
	// the words before them.
	for _, tc := range []struct {
		pattern, typ string
		want         bool
	}{
		{"/me/outlook/taskFolders", "outlookTaskFolder", true},
		{"/me/outlook/taskGroups/{id}/taskFolders", "outlookTaskFolder", true},
		{"/me/taskFolders", "outlookTaskFolder", false},
		{"/deviceManagement/settingDefinitions", "deviceManagementSettingDefinition", true},
		{"/deviceManagement/settingDefinitions", "deviceManagementAbstractComplexSettingDefinition", false},
		{"/deviceManagement/deviceConfigurations", "androidDeviceOwnerGeneralDeviceConfiguration", false},
		{"/deviceManagement/deviceConfigurations", "deviceConfiguration", true},
		{"/me/outlook/askFolders", "outlookTaskFolder", false},
	} {
		if got := namesType(tc.pattern, &TypeRef{Name: "microsoft.graph." + tc.typ}); got != tc.want {
			t.Errorf("namesType(%q, %s) = %v, want %v", tc.pattern, tc.typ, got, tc.want)
		}
	}
}
