package gen_test

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestCountSegment generates the pages of testdata/count: the example GET
// /devices/$count must become a test of ListDevices (not GetDevice with
// the id "$count"), answered with the count as text, the type-cast
// examples GET /devices/{id}/memberOf/microsoft.graph.group tests of the
// memberOf list, the memberOf count whose answer the page writes after
// its response block is read with that answer, the count of a type cast
// (GET /groups/{id}/members/microsoft.graph.user/$count) is a test of the
// members list, the page that documents only GET
// /users/{id}/transitiveReports/$count gets an operation answering a count
// (an int64, as text) and a test, and all of them pass.
func TestCountSegment(t *testing.T) {
	s, out := generateDirs(t, "testdata/count/api", "testdata/count/resources")
	want := map[string]string{
		"ListDevices get_count_only":                             "TestExamples/ListDevices/get_count_only",
		"ListDeviceGroups get_video_count":                       "TestExamples/ListDeviceGroups/get_video_count", // .../memberOf/microsoft.graph.group
		"ListDeviceGroups get_a_count":                           "TestExamples/ListDeviceGroups/get_a_count",
		"ListDeviceGroups get_count_only":                        "TestExamples/ListDeviceGroups/get_count_only", // 394 written after the block
		"ListMembers get_count_user_only":                        "TestExamples/ListMembers/get_count_user_only", // .../members/microsoft.graph.user/$count
		"GetTransitiveReportsForUser get_transitivereports_user": "TestExamples/GetTransitiveReportsForUser/get_transitivereports_user",
	}
	for _, op := range s.Operations {
		for _, ex := range op.Examples {
			k := op.GoName + " " + ex.Name
			w, ok := want[k]
			if !ok {
				continue
			}
			delete(want, k)
			if ex.Test == nil || *ex.Test != w {
				t.Errorf("%s: test %v (reason %v), want %s", k, ex.Test, ex.Reason, w)
			}
		}
	}
	for k := range want {
		t.Errorf("no example %s", k)
	}
	found := false
	for _, f := range out {
		if f.Name == "user-get-transitivereports.go" {
			found = true
			if !strings.Contains(string(f.Data), "(int64, error)") || !strings.Contains(string(f.Data), "Count: true") {
				t.Errorf("%s declares no method returning (int64, error), or no row with Count: true:\n%s", f.Name, f.Data)
			}
		}
	}
	if !found {
		names := []string{}
		for _, f := range out {
			names = append(names, f.Name)
		}
		t.Errorf("no file user-get-transitivereports.go among %v", names)
	}
	m := newModule(t)
	m.add("count", out)
	m.mustGo("vet", "./...")
	m.mustGo("test", "./...")
}

// generateDirs reads the pages under dirs and generates them with
// parseAndGenerate (which also checks the files are well formed).
func generateDirs(t *testing.T, dirs ...string) (*schema.Schema, []gen.File) {
	t.Helper()
	files, err := parser.ReadPaths(dirs)
	if err != nil {
		t.Fatal(err)
	}
	return parseAndGenerate(t, files)
}
