package gen

import (
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestOwnerRank checks which of the operations documenting one method and
// path keeps it: a documented request line before an inferred one, then
// one without a query string, then one whose body type the last segment
// names, then file order (equal ranks).
func TestOwnerRank(t *testing.T) {
	op := func(path string, resp string) *opPlan {
		return &opPlan{op: &schema.Operation{
			Paths:        []string{path},
			Routes:       []schema.Route{{Pattern: routePattern(path)}},
			ResponseType: &schema.TypeRef{Name: resp},
		}}
	}
	listMessages := op("/me/messages", "microsoft.graph.message")
	extended := op("/me/messages?$filter=singleValueExtendedProperties/Any(ep: ep/id eq '{id_value}')", "microsoft.graph.singleValueLegacyExtendedProperty")
	postOnMessages := op("/me/messages", "microsoft.graph.post")
	policies := op("/policies/tokenLifetimePolicies", "microsoft.graph.tokenLifetimePolicy")
	categories := op("/me/outlook/masterCategories", "microsoft.graph.outlookCategory")
	getUser := op("/users/{id}", "microsoft.graph.user")
	inferred := op("/me/messages", "microsoft.graph.message")
	inferred.op.Routes[0].Inferred = true
	for _, tc := range []struct {
		name          string
		better, worse *opPlan
	}{
		{"query string", listMessages, extended},
		{"type named by the path", listMessages, postOnMessages},
		{"plural -ies", policies, categories},
		{"documented before inferred", extended, inferred},
	} {
		if b, w := ownerRank(tc.better, 0), ownerRank(tc.worse, 0); b >= w {
			t.Errorf("%s: rank %d, want less than %d", tc.name, b, w)
		}
	}
	if r := ownerRank(getUser, 0); r != 1 {
		t.Errorf("placeholder last segment: rank %d, want 1 (names no type)", r)
	}
	if !namesType("/policies/tokenLifetimePolicies", &schema.TypeRef{Name: "microsoft.graph.tokenLifetimePolicy"}) {
		t.Error("tokenLifetimePolicies does not name tokenLifetimePolicy")
	}
}

// routePattern drops the query string of a documented path.
func routePattern(path string) string {
	for i := range len(path) {
		if path[i] == '?' {
			return path[:i]
		}
	}
	return path
}
