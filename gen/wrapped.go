package gen

import (
	"encoding/json"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// documentedResponse is the documented response body a golden test
// compares with the handler's answer: the body, or, for an example that
// wraps the single entity in {"value": {...}} (Example.ResponseWrapped),
// the entity, which the handler answers unwrapped as Graph does.
func documentedResponse(ex *schema.Example) string {
	if !ex.ResponseWrapped {
		return ex.Response.Body
	}
	var w struct {
		Value json.RawMessage `json:"value"`
	}
	if json.Unmarshal([]byte(ex.Response.Body), &w) != nil || len(w.Value) == 0 {
		return ex.Response.Body
	}
	return string(w.Value)
}
