package rttest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseDocRoutes checks the "routes" file: one request per line,
// method, quoted path, operation.
func TestParseDocRoutes(t *testing.T) {
	got, err := parseDocRoutes([]byte("GET \"/me/todo/lists/v1\" GetTodoTaskList\n\nPATCH \"/a b/\\\"q\\\"/é\\x00\"  Update\r\nDELETE `/raw`\tDel\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []docRouteCase{{"GET", "/me/todo/lists/v1", "GetTodoTaskList"}, {"PATCH", "/a b/\"q\"/é\x00", "Update"}, {"DELETE", "/raw", "Del"}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(docRouteCase{})); diff != "" {
		t.Errorf("routes (-want +got):\n%s", diff)
	}
	if got, err := parseDocRoutes(nil); err != nil || len(got) != 0 {
		t.Errorf("empty file: %v %v", got, err)
	}
	for _, bad := range []string{
		"GET /x Op",
		"GET",
		"GET \"/x",
		"GET \"\\q\" Op",
		"\"/x\" Op",
		"GET \"/x\"",
		"GET \"/x\" ",
		"GET \"/x\" Op extra",
		"GET \"/x\"Op",
		"GET \"/x\" Op\nGET /y Op",
	} {
		if got, err := parseDocRoutes([]byte(bad)); err == nil {
			t.Errorf("parseDocRoutes(%q) = %v, want an error", bad, got)
		} else if !strings.Contains(err.Error(), "route") {
			t.Errorf("parseDocRoutes(%q): error %q does not name the route", bad, err)
		}
	}
}
