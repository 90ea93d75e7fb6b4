package gen_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestExampleStatus generates the pages of testdata/status: an example
// answering a success status the page does not document becomes a test
// whose service chooses that status with SetStatus, a request without a
// documented response becomes a request-only test, and a 409 example with
// a Graph error a test whose service returns that error, and a 204
// example that shows a body a test of the request and a 204 answer without
// one (the operation gets no result from that body), each with a warning; a 503 answered with text and a request to another host stay
// explained. The generated tests must pass.
func TestExampleStatus(t *testing.T) {
	s, out := generateDirs(t, "testdata/status/api", "testdata/status/resources")
	got := testsAndReasons(s)
	want := map[string]string{
		"create_widget":              "TestExamples/CreateWidget/create_widget",
		"create_widget_conflict":     "TestExamples/CreateWidget/create_widget_conflict",
		"create_widget_unavailable":  "reason example-status-mismatch",
		"create_widget_request_only": "TestExamples/CreateWidget/create_widget_request_only",
		"create_widget_notification": "reason example-foreign-host",
		"delete_widget":              "TestExamples/DeleteWidget/delete_widget",
		"get_widget_name_case":       "TestExamples/GetWidget/get_widget_name_case",
		"update_widget":              "TestExamples/UpdateWidget/update_widget",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tests and reasons (-want +got):\n%s", diff)
	}
	var diags []string
	for _, d := range s.Diagnostics {
		if strings.HasPrefix(d.Code, "example-") || d.Code == "property-name-variant" {
			diags = append(diags, d.File[strings.LastIndex(d.File, "/")+1:]+" "+d.Code+": "+d.Message)
		}
	}
	wantDiags := []string{
		"widget-delete.md example-status-differs: example delete_widget answers 200 but the page documents 204; the test has the service choose 200 with SetStatus",
		`widget-get.md property-name-variant: the example response of get_widget_name_case shows "Name", which widget spells "name"; read as that property`,
		"widget-post.md example-status-differs: example create_widget answers 201 but the page documents 200; the test has the service choose 201 with SetStatus",
		"widget-post.md example-error-answer: example create_widget_conflict answers the error 409; the test has the service return it as an *Error and checks the status, the error code and message, and its target and details (code, message, target), not other members",
		"widget-post.md example-status-mismatch: example create_widget_unavailable answers 503 but the page documents 200, with a body that is not a Graph error",
		"widget-post.md example-request-only: example create_widget_request_only documents no response; the test checks the request only (it routes to CreateWidget, its body decodes as documented, and the handler answers 200)",
		"widget-post.md example-foreign-host: example create_widget_notification calls bot.contoso.com, not the Graph service; it is not a route of this package",
		"widget-update.md example-body-on-204: example update_widget answers 204 No Content with a body; a 204 answer carries none, so the test checks the request and a 204 answer without a body",
	}
	if diff := cmp.Diff(wantDiags, diags); diff != "" {
		t.Errorf("example diagnostics (-want +got):\n%s", diff)
	}
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			if p.Name == "error" {
				t.Errorf("type %s got the property error from an error answer", ty.Name)
			}
		}
	}
	// The documented response spells name as "Name": the handler answers
	// "name", so the test compares names ignoring case and does not claim
	// the body round-trips as written.
	archives := 0
	for _, f := range out {
		if !strings.HasSuffix(f.Name, "widget-get.txtar") {
			continue
		}
		archives++
		if !strings.Contains(string(f.Data), "response-renamed \"Name\"\n") || strings.Contains(string(f.Data), "round-trip-response") {
			t.Errorf("%s: want response-renamed \"Name\" and no round-trip-response:\n%s", f.Name, f.Data)
		}
	}
	if archives != 1 {
		t.Errorf("%d archives for widget-get.md, want 1", archives)
	}
	for _, op := range s.Operations {
		if op.GoName == "UpdateWidget" && op.ResponseType != nil {
			t.Errorf("UpdateWidget answers %s; its page documents 204 without a body", op.ResponseType.Name)
		}
	}
	for _, f := range out {
		if strings.HasSuffix(f.Name, "widget-update.txtar") {
			archives++
			if d := string(f.Data); strings.Contains(d, "-- response --") || !strings.Contains(d, "status 204\n") || !strings.Contains(d, "round-trip-request\n") {
				t.Errorf("%s: want status 204, a request round trip and no response file:\n%s", f.Name, d)
			}
		}
	}
	if archives != 2 {
		t.Errorf("%d archives for widget-get.md and widget-update.md, want 2", archives)
	}
	m := newModule(t)
	m.add("status", out)
	m.mustGo("vet", "./...")
	res := m.mustGo("test", "-v", "-run", "TestExamples/(CreateWidget|DeleteWidget|GetWidget|UpdateWidget)/", "./...")
	for _, name := range []string{"TestExamples/CreateWidget/create_widget", "TestExamples/CreateWidget/create_widget_request_only", "TestExamples/DeleteWidget/delete_widget", "TestExamples/GetWidget/get_widget_name_case", "TestExamples/UpdateWidget/update_widget"} {
		if !strings.Contains(res, "--- PASS: "+name+" ") {
			t.Errorf("%s did not pass:\n%s", name, res)
		}
	}
}

// testsAndReasons maps each example's name to its test, or to "reason "
// and the code of the diagnostic that explains why it has none.
func testsAndReasons(s *schema.Schema) map[string]string {
	got := map[string]string{}
	for _, op := range s.Operations {
		for _, ex := range op.Examples {
			switch {
			case ex.Test != nil:
				got[ex.Name] = *ex.Test
			case ex.Reason != nil:
				got[ex.Name] = "reason " + *ex.Reason
			}
		}
	}
	return got
}
