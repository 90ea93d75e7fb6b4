// A test for the package generated from the "unrepresentable" hostile case
// (gen/inject_hostile_test.go), copied into it by
// TestHostileUnrepresentableNames: members whose names a json struct tag
// cannot hold round-trip on their own type and on a type that inherits
// them, and the handler's body checker knows them.

package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// childBody sets every member of OddChild, inherited ones included.
const childBody = `{"plain": "p", "a\"b": "q", "it's": "a", "a` + "`" + `b": "b", "a,b": "c", "a\\b": "d",
	"€uro": "e", "smile😀": "f", "ctl\u0001": null, "bad\ufffd": "h",
	"own": "o", "a,b,c": "g", "@odata.type": "#microsoft.graph.oddChild"}`

// jsonMap decodes a JSON object for comparison.
func jsonMap(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	return m
}

func TestHostileInherited(t *testing.T) {
	var c OddChild
	if err := json.Unmarshal([]byte(childBody), &c); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	out, err := json.Marshal(c)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	if diff := cmp.Diff(jsonMap(t, []byte(childBody)), jsonMap(t, out)); diff != "" {
		t.Errorf("round trip of OddChild (-in +out):\n%s", diff)
	}
	// Inside a slice too.
	wrapped, err := json.Marshal([]OddChild{c})
	if err != nil || !strings.Contains(string(wrapped), `"a,b,c":"g"`) || !strings.Contains(string(wrapped), `"a\"b":"q"`) {
		t.Errorf("[]OddChild{c} encodes as %s (%v)", wrapped, err)
	}
	// null leaves the value as it was and a non-object is an error, as
	// with encoding/json.
	if err := json.Unmarshal([]byte("null"), &c); err != nil || c.Own.Value == nil {
		t.Errorf("null: %v, own still set: %v", err, c.Own.Value != nil)
	}
	if err := json.Unmarshal([]byte(`[1]`), &c); err == nil || !strings.Contains(err.Error(), "array") {
		t.Errorf("an array decodes into OddChild: %v", err)
	}
}

// oddService records the body of CreateOdd.
type oddService struct {
	UnimplementedService
	got *CreateOddBody
}

func (s *oddService) CreateOdd(_ context.Context, req *CreateOddRequest) (*Odd, error) {
	s.got = &req.Body
	return &Odd{}, nil
}

// TestHostileCheckerNames: the body checker knows the names of the graphjson
// tags: it accepts them, rejects a wrong type under one, and rejects a name
// no field has (such as the Go name encoding/json alone would use).
func TestHostileCheckerNames(t *testing.T) {
	for _, tc := range []struct {
		body string
		ok   bool
	}{
		{`{"a,b": "x", "a\"b": null, "plain": "p"}`, true},
		{`{"A,B": "x"}`, true}, // matched ignoring case, as encoding/json does
		{`{"a,b": 1}`, false},
		{`{"a,b,c": "x"}`, false},
		{`{"AB_3": "x"}`, false},
	} {
		svc := &oddService{}
		r := httptest.NewRequest("POST", "/odds", strings.NewReader(tc.body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		NewHandler(svc).ServeHTTP(w, r)
		if ok := w.Code < 300; ok != tc.ok {
			t.Errorf("%s: status %d: %s", tc.body, w.Code, w.Body)
			continue
		}
		if !tc.ok {
			if w.Code != http.StatusBadRequest {
				t.Errorf("%s: status %d, want 400", tc.body, w.Code)
			}
			continue
		}
		got, err := json.Marshal(svc.got)
		if err != nil || jsonMap(t, got)["a,b"] != "x" {
			t.Errorf("%s: the service got %s (%v)", tc.body, got, err)
		}
	}
}
