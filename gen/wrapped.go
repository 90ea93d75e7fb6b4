package gen

import (
	"encoding/json"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// documentedResponse is the documented response body a golden test
// compares with the handler's answer: the body, or, for an example that
// wraps the single entity in {"value": {...}} or {"value": [{...}]}
// (Example.ResponseWrapped), the entity, which the handler answers
// unwrapped as Graph does.
func documentedResponse(ex *schema.Example) string {
	if !ex.ResponseWrapped {
		return ex.Response.Body
	}
	if v := wrappedValue([]byte(ex.Response.Body)); v != nil {
		return string(v)
	}
	return ex.Response.Body
}

// wrappedValue is the entity a wrapped body holds: the value of
// {"value": {...}}, or the one element of {"value": [{...}]}; nil when
// body is neither.
func wrappedValue(body []byte) json.RawMessage {
	var w struct {
		Value json.RawMessage `json:"value"`
	}
	if json.Unmarshal(body, &w) != nil || len(w.Value) == 0 {
		return nil
	}
	var list []json.RawMessage
	if json.Unmarshal(w.Value, &list) == nil {
		if len(list) != 1 {
			return nil
		}
		return list[0]
	}
	return w.Value
}
