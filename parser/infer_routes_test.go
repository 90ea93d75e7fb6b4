package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestInferPattern checks how an example's request path becomes a route
// pattern; the paths come from corpus examples whose operations document
// no request line they match.
func TestInferPattern(t *testing.T) {
	vocab := segmentVocab{}
	for _, p := range []string{"/external/connections/{connectionsId}/items/{externalItemId}", "/education/schools/{id}/classes/{classId}",
		"/me/mailFolders/inbox/messageRules/{id}", "/me/mailFolders/{id}", "/me/drive/items/{id}/workbook/worksheets/{id}", "/me/drive/items/{id}/workbook/worksheets/add"} {
		vocab.add(p)
	}
	own := &schema.Operation{Routes: []schema.Route{{Pattern: "/education/schools/{educationSchoolId}/classes/{educationClassId}/$ref"}, {Pattern: "/me/messages/{id}"}}}
	tests := []struct {
		path, want string
		post       bool
	}{
		{path: "/education/schools/10001/classes/11001", want: "/education/schools/{educationSchoolId}/classes/{educationClassId}"},
		{path: "/connections/contosohr/items/TSP228082938", want: "/connections/{connection-id}/items/{item-id}"},
		{path: "/me/mailfolders/inbox/messagerules('AQAAAJ5dZqA=')", want: "/me/mailfolders/inbox/messagerules('{messagerule-id}')"},
		{path: "/me/messages('AAMkADA1M-zAAA=')/attachments('AAMkADA1M-CJ=')", want: "/me/messages('{id}')/attachments('{attachment-id}')"},
		{path: "/me/messages/AAMkADA1MTAAAH5JaKAAA=/replyAll", want: "/me/messages/{id}/replyAll", post: true},
		{path: "/me/chats/19:8b081ef6-4792@unq.gbl.spaces/members", want: "/me/chats/{chat-id}/members"},
		{path: "/chats/{id}/messages/1615971548136", want: "/chats/{id}/messages/{message-id}"},
		{path: "/me/drive/root:/FolderA/FileB.txt:/content", want: "/me/drive/root:/{item-path}:/content"},
		{path: "/drive/root:/{item-path}:/createUploadSession", want: "/drive/root:/{item-path}:/createUploadSession", post: true},
		{path: "/me/drive/search(q='Contoso Project')", want: "/me/drive/search(q='{q}')"},
		{path: "/reports/get(groupId='{id}',startDateTime=<timestamp>,count=2)", want: "/reports/get(groupId='{id}',startDateTime={startDateTime},count={count})"},
		{path: "/me/drive/items/{drive-item-id}/workbook/worksheets({id})/createSession", want: "/me/drive/items/{drive-item-id}/workbook/worksheets({id})/createSession", post: true},
		{path: "/me/drive/items/{id}/workbook/worksheets/addMore", want: "/me/drive/items/{id}/workbook/worksheets/addMore", post: true},
		{path: "/me/drive/items/{id}/workbook/worksheets/Sheet1", want: "/me/drive/items/{id}/workbook/worksheets/{worksheet-id}"},
		{path: "/me/drive/items/{id}/workbook/worksheets/add", want: "/me/drive/items/{id}/workbook/worksheets/add"},
		{path: "/me/activities//article", want: ""},
		{path: "/tables/$/add", want: ""},
		{path: "/getRoleScopeTagsByIds(ids=[", want: ""},
		{path: "/x/resizedRange(deltaRows={n}, deltaColumns={n})", want: ""},
	}
	for _, tc := range tests {
		names, ownSegs := placeholderNames(own)
		pi := &patternInferrer{vocab: vocab, names: names, own: ownSegs, post: tc.post}
		got, ok := pi.pattern(tc.path)
		if ok != (tc.want != "") || got != tc.want {
			t.Errorf("pattern(%q) = %q, %v; want %q", tc.path, got, ok, tc.want)
		}
	}
}

// inferPage is an operation page whose example requests path.
func inferPage(title, method, line, path string) string {
	return fmt.Sprintf("# %s\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\n%s %s\n```\n\n"+
		"## Response\n\nIf successful, this method returns a `204 No Content` response code.\n\n## Examples\n\n"+
		"### Request\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"ex\"\n}\n-->\n```http\n%s https://graph.microsoft.com/v1.0%s\n```\n\n"+
		"### Response\n<!-- {\n  \"blockType\": \"response\"\n}\n-->\n```http\nHTTP/1.1 204 No Content\n```\n", title, method, line, method, path)
}

// TestInferRoutes checks that an example whose path no request line
// matches adds an inferred route with a warning at the example, and that
// a path another page documents adds none, nor does one that routes with
// its OData key in parentheses as a key segment, nor one that drops the
// $ref every request line ends in (request-line-not-inferred: deleting a
// member is not deleting its reference).
func TestInferRoutes(t *testing.T) {
	got := Parse([]File{
		{Path: "a/calendar-delete.md", Data: []byte(inferPage("Delete calendar", "DELETE", "/users/{id}/calendars/{id}", "/me/calendar"))},
		{Path: "a/event-delete.md", Data: []byte(inferPage("Delete event", "DELETE", "/users/{id}/events/{id}", "/me/calendar/events/AAMkAGI1AAAt9AHjAAA="))},
		{Path: "a/me-delete.md", Data: []byte(inferPage("Delete me event", "DELETE", "/me/calendar/events/{id}", "/me/calendar/events/{id}"))},
		{Path: "a/rule-delete.md", Data: []byte(inferPage("Delete rule", "DELETE", "/me/mailFolders/inbox/messageRules/{id}", "/me/mailfolders/inbox/messagerules('AQAAAJ5dZp8=')"))},
		{Path: "a/class-delete-members.md", Data: []byte(inferPage("Remove member", "DELETE", "/education/classes/{id}/members/{userId}/$ref", "/education/classes/11003/members/14008"))},
	})
	type route struct {
		Pattern  string
		Inferred bool
	}
	var routes [][]route
	for _, op := range got.Operations {
		var rs []route
		for _, r := range op.Routes {
			rs = append(rs, route{r.Pattern, r.Inferred})
		}
		routes = append(routes, rs)
	}
	want := [][]route{
		{{"/users/{id}/calendars/{id}", false}, {"/me/calendar", true}},
		{{"/education/classes/{id}/members/{userId}/$ref", false}},
		{{"/users/{id}/events/{id}", false}},
		{{"/me/calendar/events/{id}", false}},
		{{"/me/mailFolders/inbox/messageRules/{id}", false}}, // the handler routes messagerules('...') as messagerules/...
	}
	if diff := cmp.Diff(want, routes); diff != "" {
		t.Errorf("routes (-want +got):\n%s", diff)
	}
	var inferred []string
	for _, d := range got.Diagnostics {
		if d.Code == "request-line-inferred" || d.Code == "request-line-not-inferred" {
			inferred = append(inferred, fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Code))
		}
	}
	if diff := cmp.Diff([]string{"a/calendar-delete.md:24 request-line-inferred", "a/class-delete-members.md:24 request-line-not-inferred"}, inferred); diff != "" {
		t.Errorf("request-line-inferred warnings (-want +got):\n%s", diff)
	}
}
