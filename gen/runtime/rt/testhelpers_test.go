package rt

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNewTestRequest checks that a documented request target becomes a
// request whose URL.Path is the documented path (spaces, braces, quotes,
// "%" and "#" included), whose query keeps its escapes, and which the
// Handler routes by that path.
func TestNewTestRequest(t *testing.T) {
	r := newTestRequest(t, "GET", `/reports/getX(period='D 7')/{x}/"q"/100%/a#b?$filter=name eq 'a b'&$search="x y"&q={z}`, http.Header{"X-A": {"1", "2"}}, "")
	if want := `/reports/getX(period='D 7')/{x}/"q"/100%/a#b`; r.URL.Path != want {
		t.Errorf("Path = %q, want %q", r.URL.Path, want)
	}
	// The handler routes a test request by the documented path: every "/"
	// of it separates segments, and a documented "%2F" is text.
	for _, doc := range []string{`/reports/getX(period='D 7')/{x}/"q"/100%/a#b`, "/drives/{id}/root:/a%2Fb c/$d=(1):/content", "/x%252F%/y"} {
		rp := routingPath(newTestRequest(t, "GET", doc+"?q=%2F", nil, ""))
		if rp.text != doc || rp.encoded != nil {
			t.Errorf("routingPath = %q %v, want %q with no encoded \"/\"", rp.text, rp.encoded, doc)
		}
	}
	q := r.URL.Query()
	if q.Get("$filter") != "name eq 'a b'" || q.Get("$search") != `"x y"` || q.Get("q") != "{z}" {
		t.Errorf("Query = %v", q)
	}
	if got := r.Header.Values("X-A"); len(got) != 2 {
		t.Errorf("header = %v", got)
	}
	if r.Body == nil {
		t.Error("a request without a body has a nil Body")
	} else if b, _ := io.ReadAll(r.Body); len(b) != 0 {
		t.Errorf("body %q, want none", b)
	}
	r = newTestRequest(t, "POST", "https://graph.microsoft.com/v1.0/me?x=%24y", nil, `{"a":1}`)
	if r.URL.Path != "/v1.0/me" || r.URL.Query().Get("x") != "$y" || r.Host != "graph.microsoft.com" {
		t.Errorf("absolute: %q %q %q", r.URL.Path, r.URL.RawQuery, r.Host)
	}
	if b, _ := io.ReadAll(r.Body); string(b) != `{"a":1}` {
		t.Errorf("body %q", b)
	}
	r = newTestRequest(t, "GET", "HTTP://Example.com/a b?%zz=1", nil, "")
	if r.URL.Path != "/a b" || r.URL.RawQuery != "%25zz=1" || r.Host != "Example.com" {
		t.Errorf("upper-case scheme, malformed query escape: %q %q %q", r.URL.Path, r.URL.RawQuery, r.Host)
	}
	for target, want := range map[string]string{
		"/a b":                        "/a%20b",
		"/a?b c":                      "/a?b%20c",
		"/a?b=%2F&c=%2":               "/a?b=%2F&c=%252",
		"/a?x=é":                      "/a?x=%C3%A9",
		"https://graph.microsoft.com": "https://graph.microsoft.com",
	} {
		if got := escapeDocTarget(target); got != want {
			t.Errorf("escapeDocTarget(%q) = %q, want %q", target, got, want)
		}
	}
}

// newTestRequest returns a server request for a documented request (see
// NewDocRequest); t fails when the target cannot be a request line. (The
// generated tests' runner, package rttest, has its own.)
func newTestRequest(t *testing.T, method, target string, header http.Header, body string) *http.Request {
	t.Helper()
	req, err := NewDocRequest(method, target, header, body)
	if err != nil {
		t.Fatalf("request %s %q: %v", method, target, err)
	}
	return req
}

// checkJSON reports with t.Errorf, naming what, how got differs from want
// (CompareTestJSON; with subset, want need only be a subset of got).
func checkJSON(t *testing.T, what string, want, got []byte, subset bool) {
	t.Helper()
	got = withoutInnerErrors(t, got)
	diff, err := CompareTestJSON(want, got, subset, false, func(w, g any) string {
		return cmp.Diff(w, g, cmp.Comparer(EqualTestNumbers))
	})
	if err != nil {
		t.Errorf("%s: %v", what, err)
	} else if diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", what, diff)
	}
}

// withoutInnerErrors returns the JSON data without the innerError of each
// error body in it (an object's "error" member), after checking that each
// has a date and a GUID request-id; data that is not JSON is returned as
// is.
func withoutInnerErrors(t *testing.T, data []byte) []byte {
	t.Helper()
	var v any
	if json.Unmarshal(data, &v) != nil {
		return data
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if e, ok := v["error"].(map[string]any); ok {
				ie, _ := e["innerError"].(map[string]any)
				id, _ := ie["request-id"].(string)
				date, _ := ie["date"].(string)
				if !isGUID(id) || date == "" {
					t.Errorf("error %v: innerError without a date and a GUID request-id", e)
				}
				delete(e, "innerError")
			}
			for _, m := range v {
				walk(m)
			}
		case []any:
			for _, m := range v {
				walk(m)
			}
		}
	}
	walk(v)
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
