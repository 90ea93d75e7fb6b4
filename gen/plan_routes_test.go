package gen

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestOwnerRank checks which of the operations documenting one method and
// path keeps it: a documented request line before an inferred one, then
// one without a query string, then the page of the resource family the
// path names, then one whose body type the last segment names, then, for a
// GET, one whose answer fits the path (a collection's name, a key), then
// file order (equal ranks).
func TestOwnerRank(t *testing.T) {
	op := func(page, path string, resp string) *opPlan {
		coll := strings.HasPrefix(resp, "Collection(")
		if coll {
			resp = strings.TrimSuffix(strings.TrimPrefix(resp, "Collection("), ")")
		}
		return &opPlan{op: &schema.Operation{
			Method:       "GET",
			Paths:        []string{path},
			Routes:       []schema.Route{{Pattern: routePattern(path)}},
			ResponseType: &schema.TypeRef{Name: resp, Collection: coll},
			Source:       schema.Pos{File: "docs/api/" + page + ".md"},
		}}
	}
	listMessages := op("user-list-messages", "/me/messages", "microsoft.graph.message")
	extended := op("singlevaluelegacyextendedproperty-get", "/me/messages?$filter=singleValueExtendedProperties/Any(ep: ep/id eq '{id_value}')", "microsoft.graph.singleValueLegacyExtendedProperty")
	postOnMessages := op("user-list-posts", "/me/messages", "microsoft.graph.post")
	policies := op("tokenlifetimepolicy-list", "/policies/tokenLifetimePolicies", "microsoft.graph.tokenLifetimePolicy")
	categories := op("outlookuser-list-mastercategories", "/policies/tokenLifetimePolicies", "microsoft.graph.outlookCategory")
	getUser := op("user-get", "/users/{id}", "microsoft.graph.user")
	intuneUser := op("intune-devices-user-get", "/users/{usersId}", "microsoft.graph.user")
	listManager := op("user-list-manager", "/users/{id}?$expand=manager", "microsoft.graph.directoryObject")
	getMessage := op("message-get", "/me/messages/{id}", "microsoft.graph.message")
	getEventMessage := op("eventmessage-get", "/me/messages/{id}", "microsoft.graph.eventMessage")
	inferred := op("user-list-messages", "/me/messages", "microsoft.graph.message")
	inferred.op.Routes[0].Inferred = true
	listSwaps := op("swapshiftschangerequest-list", "/teams/{teamId}/schedule/swapShiftsChangeRequests", "Collection(microsoft.graph.swapShiftsChangeRequest)")
	getSwaps := op("swapshiftschangerequest-get", "/teams/{teamId}/schedule/swapShiftsChangeRequests", "microsoft.graph.swapShiftsChangeRequest")
	getSwap := op("swapshiftschangerequest-get", "/teams/{teamId}/schedule/swapShiftsChangeRequests/{id}", "microsoft.graph.swapShiftsChangeRequest")
	listSwap := op("swapshiftschangerequest-list", "/teams/{teamId}/schedule/swapShiftsChangeRequests/{id}", "Collection(microsoft.graph.swapShiftsChangeRequest)")
	for _, tc := range []struct {
		name          string
		better, worse *opPlan
	}{
		{"query string", listMessages, extended},
		{"type named by the path", listMessages, postOnMessages},
		{"plural -ies", policies, categories},
		{"documented before inferred", extended, inferred},
		{"resource family before another service", getUser, intuneUser},
		{"resource family named by a segment", getMessage, getEventMessage},
		{"query string before family", intuneUser, listManager},
		{"a collection for a collection's name", listSwaps, getSwaps},
		{"one entity for a key", getSwap, listSwap},
	} {
		if b, w := ownerRank(tc.better, 0), ownerRank(tc.worse, 0); b >= w {
			t.Errorf("%s: rank %d, want less than %d", tc.name, b, w)
		}
	}
	if r := ownerRank(getUser, 0); r != 2 {
		t.Errorf("placeholder last segment: rank %d, want 2 (names no type)", r)
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

// TestContractDiff checks what a route-duplicate warning says of a page
// whose route another operation keeps with another status, body or
// answer (v1.0 group-update-thread.md answers 204, conversationthread-
// update.md 200 with the thread), and that it says nothing when they
// agree.
func TestContractDiff(t *testing.T) {
	thread := &schema.TypeRef{Name: "microsoft.graph.conversationThread"}
	keep := &schema.Operation{Status: 204, RequestType: thread}
	other := &schema.Operation{Status: 200, RequestType: thread, ResponseType: thread}
	want := "it follows its own page where they differ: status 204, not 200; answer none, not microsoft.graph.conversationThread"
	if got := contractDiff(keep, other); got != want {
		t.Errorf("contractDiff = %q, want %q", got, want)
	}
	if got := contractDiff(other, &schema.Operation{Status: 200, RequestType: &schema.TypeRef{Name: "microsoft.graph.ConversationThread"}, ResponseType: thread}); got != "" {
		t.Errorf("contractDiff of agreeing operations = %q, want none", got)
	}
}
