package rt

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// TestNewTestRequest checks that a documented request target becomes a
// request whose URL.Path is the documented path (spaces, braces, quotes,
// "%" and "#" included), whose query keeps its escapes, and which the
// handler routes by that path.
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

// TestCheckJSON checks documents checkJSON finds equal: by value, with
// numbers by value, and as a subset.
func TestCheckJSON(t *testing.T) {
	checkJSON(t, "equal", []byte(`{"a":1.0,"b":[1,2e0],"c":{"d":null}}`), []byte(`{"c":{"d":null},"b":[1.00,2],"a":1}`), false)
	checkJSON(t, "subset", []byte(`{"a":100,"b":[{"x":1}]}`), []byte(`{"a":1e2,"b":[{"x":1,"y":2}],"z":true}`), true)
	checkJSON(t, "scalars", []byte(`"x"`), []byte(` "x" `), true)
	checkJSON(t, "big", []byte(`12345678901234567890123`), []byte(`12345678901234567890123.0`), false)
	checkJSON(t, "long fraction", []byte(`0.1000000000000000055511151231257827`), []byte(`0.1`), false)
	checkJSON(t, "escapes", []byte(`"\u003cé\u00e9"`), []byte(`"<éé"`), false)
	checkJSONFold(t, "fold", []byte(`{"DateTime":"x","Value":[{"ID":1}],"@odata.Type":"#t"}`), []byte(`{"dateTime":"x","value":[{"id":1}],"@odata.type":"#t"}`), false)
	checkJSONFold(t, "fold subset", []byte(`{"Model":"m"}`), []byte(`{"model":"m","name":"n"}`), true)
	docRoundTrip(t, reflect.TypeFor[*address](), []byte(`{"city":"c","zip":1}`))
	docRoundTrip(t, reflect.TypeFor[address](), []byte(`{}`))
	for a, b := range map[string]string{"1": "1.0", "-0": "0", "1e2": "100", "9007199254740993.0": "9007199254740993"} {
		if !equalTestNumbers(json.Number(a), json.Number(b)) {
			t.Errorf("%s and %s differ", a, b)
		}
	}
	for _, ab := range [][2]string{{"1", "2"}, {"9007199254740993", "9007199254740992"}, {"0.5", "0.25"}, {"1", "x"}, {"x", "y"}} {
		if equalTestNumbers(json.Number(ab[0]), json.Number(ab[1])) {
			t.Errorf("%s and %s are equal", ab[0], ab[1])
		}
	}
	if !equalTestNumbers("x", "x") {
		t.Error("equal texts that are not numbers differ")
	}
}

// address is a body type for the round-trip checks.
type address struct {
	City string `json:"city,omitempty"`
	Zip  int32  `json:"zip,omitempty"`
}

// failingChecks are checks that must fail, run by TestCheckJSONFailures in
// a child process: each must report its label (when it has one) and,
// when it compares documents, a diff.
var failingChecks = map[string]struct {
	check       func(t *testing.T)
	label, diff bool
}{
	"value":   {func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{"a":1}`), []byte(`{"a":2}`), true) }, true, true},
	"missing": {func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{"a":1,"b":2}`), []byte(`{"a":1}`), true) }, true, true},
	"extra":   {func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{"a":1}`), []byte(`{"a":1,"b":2}`), false) }, true, true},
	"length":  {func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`[1]`), []byte(`[1,2]`), true) }, true, true},
	"type":    {func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{"a":"1"}`), []byte(`{"a":1}`), true) }, true, true},
	"null":    {func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{"a":null}`), []byte(`{}`), true) }, true, true},
	"big ints": {func(t *testing.T) {
		checkJSON(t, "WHAT-LABEL", []byte(`9007199254740993`), []byte(`9007199254740992`), false)
	}, true, true},
	"case": {func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{"A":1}`), []byte(`{"a":1}`), false) }, true, true},
	"fold value": {func(t *testing.T) {
		checkJSONFold(t, "WHAT-LABEL", []byte(`{"A":[{"B":1}]}`), []byte(`{"a":[{"b":2}]}`), false)
	}, true, true},
	"fold extra": {func(t *testing.T) { checkJSONFold(t, "WHAT-LABEL", []byte(`{"A":1}`), []byte(`{"a":1,"b":2}`), false) }, true, true},
	"fold twice": {func(t *testing.T) { checkJSONFold(t, "WHAT-LABEL", []byte(`{"a":1,"A":1}`), []byte(`{"a":1}`), false) }, true, false},
	"fold twice got": {func(t *testing.T) {
		checkJSONFold(t, "WHAT-LABEL", []byte(`{"a":{"b":1}}`), []byte(`{"a":{"b":1,"B":1}}`), true)
	}, true, false},
	"invalid got":  {func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{}`), []byte(`{`), true) }, true, false},
	"invalid want": {func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{} {}`), []byte(`{}`), true) }, true, false},
	"round trip":   {func(t *testing.T) { docRoundTrip(t, reflect.TypeFor[*address](), []byte(`{"city":"a","unknown":1}`)) }, false, false},
	"round number": {func(t *testing.T) { docRoundTrip(t, reflect.TypeFor[*address](), []byte(`{"city":"c","zip":1.5}`)) }, false, false},
	"round syntax": {func(t *testing.T) { docRoundTrip(t, reflect.TypeFor[address](), []byte(`{"city":`)) }, false, false},
}

// TestCheckJSONFailures runs failing checks in a child process and checks
// that they fail, with their label and a diff.
func TestCheckJSONFailures(t *testing.T) {
	if name := os.Getenv("RT_FAIL_CASE"); name != "" {
		failingChecks[name].check(t)
		return
	}
	for name, c := range failingChecks {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCheckJSONFailures$", "-test.v")
		cmd.Env = append(os.Environ(), "RT_FAIL_CASE="+name)
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Errorf("%s: passed, want a failure:\n%s", name, out)
			continue
		}
		if !strings.Contains(string(out), "--- FAIL: TestCheckJSONFailures") {
			t.Errorf("%s: did not fail as a test:\n%s", name, out)
		}
		if c.diff && !strings.Contains(string(out), "(-want +got)") {
			t.Errorf("%s: no diff in\n%s", name, out)
		}
		if c.label && !strings.Contains(string(out), "WHAT-LABEL") {
			t.Errorf("%s: output does not name the check:\n%s", name, out)
		}
	}
}

// TestProjectJSON checks the projection of a documented response under
// $select: the selected members and control information are kept, of the
// value array's objects with inValue, names matched ignoring case only
// with fold (response-renamed).
func TestProjectJSON(t *testing.T) {
	sel := map[string]bool{"name": true}
	for _, c := range []struct {
		data          string
		inValue, fold bool
		want          string
	}{
		{`{"id":"1","name":"x","@odata.context":"c"}`, false, false, `{"@odata.context":"c","name":"x"}`},
		{`{"id":"1","Name":"x","@odata.context":"c"}`, false, false, `{"@odata.context":"c"}`},
		{`{"id":"1","Name":"x","@odata.context":"c"}`, false, true, `{"@odata.context":"c","Name":"x"}`},
		{`{"value":[{"id":"1","NAME":"x"}],"@odata.count":1}`, true, true, `{"@odata.count":1,"value":[{"NAME":"x"}]}`},
		{`{"value":[{"id":"1","NAME":"x"}]}`, true, false, `{"value":[{}]}`},
	} {
		got, err := projectJSON([]byte(c.data), sel, c.inValue, c.fold)
		if err != nil || string(got) != c.want {
			t.Errorf("projectJSON(%s, inValue %v, fold %v) = %s, %v; want %s", c.data, c.inValue, c.fold, got, err, c.want)
		}
	}
}
