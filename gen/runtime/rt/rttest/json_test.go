package rttest

import (
	"encoding/json"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/gen/runtime/rt"
)

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
		if !rt.EqualTestNumbers(json.Number(a), json.Number(b)) {
			t.Errorf("%s and %s differ", a, b)
		}
	}
	for _, ab := range [][2]string{{"1", "2"}, {"9007199254740993", "9007199254740992"}, {"0.5", "0.25"}, {"1", "x"}, {"x", "y"}} {
		if rt.EqualTestNumbers(json.Number(ab[0]), json.Number(ab[1])) {
			t.Errorf("%s and %s are equal", ab[0], ab[1])
		}
	}
	if !rt.EqualTestNumbers("x", "x") {
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
		got, err := rt.ProjectJSON([]byte(c.data), sel, c.inValue, c.fold)
		if err != nil || string(got) != c.want {
			t.Errorf("projectJSON(%s, inValue %v, fold %v) = %s, %v; want %s", c.data, c.inValue, c.fold, got, err, c.want)
		}
	}
}
