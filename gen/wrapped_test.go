package gen

import (
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestDocumentedResponse checks the body a golden test compares with the
// handler's answer: a wrapped example's entity, from {"value": {...}}
// (Intune pages) or a list of one, {"value": [{...}]} (a GET by key whose
// example answers a list); any other body as documented.
func TestDocumentedResponse(t *testing.T) {
	for _, c := range []struct {
		body    string
		wrapped bool
		want    string
	}{
		{`{"value": {"id": "1"}}`, true, `{"id": "1"}`},
		{`{"@odata.context": "x", "value": [{"id": "1"}]}`, true, `{"id": "1"}`},
		{`{"value": [{"id": "1"}, {"id": "2"}]}`, true, `{"value": [{"id": "1"}, {"id": "2"}]}`},
		{`{"value": [{"id": "1"}]}`, false, `{"value": [{"id": "1"}]}`},
		{`not json`, true, `not json`},
	} {
		ex := &schema.Example{ResponseWrapped: c.wrapped, Response: schema.HTTPMessage{Body: c.body}}
		if got := documentedResponse(ex); got != c.want {
			t.Errorf("documentedResponse(%s, wrapped %v) = %s, want %s", c.body, c.wrapped, got, c.want)
		}
	}
}
