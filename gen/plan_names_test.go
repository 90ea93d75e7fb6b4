package gen

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/route"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// namingSchema is a schema whose types and properties give the spellings
// the naming tests rely on (memberOf, groupLifecyclePolicy,
// administrativeUnit, todoTaskList, profilePhoto, calendarGroups,
// childFolders), with
// ops added.
func namingSchema(ops ...*schema.Operation) *schema.Schema {
	at := schema.Pos{File: "docs/resources/t.md", Line: 1, Col: 1}
	str := schema.TypeRef{Name: schema.EdmString}
	s := &schema.Schema{
		Types: []*schema.Type{
			{Name: "group", Namespace: "microsoft.graph", Source: at, Properties: []*schema.Property{
				{Name: "memberOf", Type: str, Source: at},
				{Name: "calendarGroups", Type: str, Source: at},
				{Name: "childFolders", Type: str, Source: at},
			}},
			{Name: "groupLifecyclePolicy", Namespace: "microsoft.graph", Source: at},
			{Name: "administrativeUnit", Namespace: "microsoft.graph", Source: at},
			{Name: "todoTaskList", Namespace: "microsoft.graph", Source: at},
			{Name: "list", Namespace: "microsoft.graph", Source: at},
			{Name: "profilePhoto", Namespace: "microsoft.graph", Source: at},
		},
		Pages: []schema.Page{{Path: "docs/resources/t.md", Rel: "resources/t.md", Kind: schema.PageResource}},
	}
	seen := map[string]bool{}
	for _, op := range ops {
		s.Operations = append(s.Operations, op)
		if f := op.Source.File; !seen[f] {
			seen[f] = true
			s.Pages = append(s.Pages, schema.Page{Path: f, Rel: strings.TrimPrefix(f, "docs/"), Kind: schema.PageOperation})
		}
	}
	return s
}

// namingOp is an operation of page (a file name under docs/api/) with one
// route per pattern.
func namingOp(page, title, method string, patterns ...string) *schema.Operation {
	op := &schema.Operation{Title: title, Method: method, Status: 204, Source: schema.Pos{File: "docs/api/" + page, Line: 1, Col: 1}}
	for _, p := range patterns {
		op.Paths = append(op.Paths, method+" "+p)
		op.Routes = append(op.Routes, schema.Route{Pattern: p, Params: route.Params(p), Source: op.Source})
	}
	return op
}

// TestOperationNames checks the names operations get: from the title
// without articles, respelled as the docs write the names it spells,
// without a repeated noun; from the page file (respelled) when titles
// clash or a page documents several methods; and from a section heading.
func TestOperationNames(t *testing.T) {
	list := func(op *schema.Operation, typ string) *schema.Operation {
		op.ResponseType = &schema.TypeRef{Name: "microsoft.graph." + typ, Collection: true}
		return op
	}
	section := func(op *schema.Operation, heading string) *schema.Operation {
		op.Section = heading
		return op
	}
	for _, tc := range []struct {
		name string
		ops  []*schema.Operation
		want []string // GoName of each op, in order
	}{
		{"articles", []*schema.Operation{
			namingOp("list-create.md", "Create a new list", "POST", "/sites/{site-id}/lists"),
			namingOp("groupsetting-post.md", "Create a group setting", "POST", "/groupSettings"),
			namingOp("driveitem-createlink.md", "Create a sharing link for a DriveItem", "POST", "/drive/items/{item-id}/createLink"),
			namingOp("user-list-signed.md", "List items shared with the signed-in user", "GET", "/me/drive/sharedWithMe"),
			namingOp("the.md", "The", "GET", "/the"),
		}, []string{"CreateNewList", "CreateGroupSetting", "CreateSharingLinkForDriveItem", "ListItemsSharedWithSignedInUser", "The"}},
		{"lower-case title words", []*schema.Operation{
			namingOp("administrativeunit-update.md", "Update administrativeunit", "PATCH", "/directory/administrativeUnits/{id}"),
			namingOp("grouplifecyclepolicy-list.md", "List grouplifecyclepolicies", "GET", "/groupLifecyclePolicies"),
		}, []string{"UpdateAdministrativeUnit", "ListGroupLifecyclePolicies"}},
		{"repeated noun", []*schema.Operation{
			list(namingOp("todo-list-lists.md", "List lists", "GET", "/me/todo/lists"), "todoTaskList"),
			list(namingOp("list-list.md", "List list", "GET", "/sites/{site-id}/lists"), "list"),
		}, []string{"ListTodoTaskLists", "ListList"}},
		{"clashing titles: page files, respelled", []*schema.Operation{
			namingOp("group-list-memberof.md", "List memberOf", "GET", "/groups/{id}/memberOf"),
			namingOp("user-list-memberof.md", "List memberOf", "GET", "/users/{id}/memberOf"),
			namingOp("grouplifecyclepolicy-list.md", "List groupLifecyclePolicies", "GET", "/groupLifecyclePolicies"),
			namingOp("group-list-grouplifecyclepolicies.md", "List a groupLifecyclePolicies", "GET", "/groups/{id}/groupLifecyclePolicies"),
		}, []string{"GroupListMemberOf", "UserListMemberOf", "GroupLifecyclePolicyList", "GroupListGroupLifecyclePolicies"}},
		{"several methods on a page", []*schema.Operation{
			namingOp("profilephoto-get.md", "Get photo", "GET", "/me/photo"),
			section(namingOp("profilephoto-get.md", "Get photo", "GET", "/me/photo/$value"), "Get the photo"),
			namingOp("orgbranding-update.md", "Update branding", "PATCH", "/branding"),
			namingOp("orgbranding-update.md", "Update branding", "PUT", "/branding"),
		}, []string{"ProfilePhotoGet", "GetPhoto", "OrgbrandingUpdatePatch", "OrgbrandingUpdatePut"}},
		{"a clash left: suffix", []*schema.Operation{
			namingOp("x.md", "Get x", "GET", "/x"),
			namingOp("x.md", "Get x", "GET", "/y"),
		}, []string{"XGet", "XGet_2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newPlan(namingSchema(tc.ops...))
			var got []string
			for _, op := range tc.ops {
				got = append(got, op.GoName)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("operation names (-want +got):\n%s", diff)
			}
			clashes := 0
			for _, d := range p.diags {
				if d.Code == diag.GoNameClash {
					clashes++
				}
			}
			if want := strings.Count(strings.Join(tc.want, " "), "_2"); clashes != want {
				t.Errorf("%d go-name-clash diagnostics, want %d: %v", clashes, want, p.diags)
			}
		})
	}
}

// TestPathParamNames checks the request fields path placeholders get: an
// {id} (or {id|...}) placeholder is named after the entity of the segment
// before it, singular and respelled, or the function argument it is the
// value of; any other after its first alternative; a name repeated within
// a route gets its occurrence number; routes share a field by name; a
// name the request struct declares gets the Scope suffix.
func TestPathParamNames(t *testing.T) {
	for _, tc := range []struct {
		name     string
		patterns []string
		params   []string // request fields
		paramOf  [][]int  // per route: field of each placeholder
	}{
		{"qualified by the segment",
			[]string{"/users/{id|userPrincipalName}/messages/{id}/attachments/{id}"},
			[]string{"UserID", "MessageID", "AttachmentID"}, [][]int{{0, 1, 2}}},
		{"singular, respelled",
			[]string{"/me/calendargroups/{id}/calendars/{Id}/policies/{ID}/classes/{id}"},
			[]string{"CalendarGroupID", "CalendarID", "PolicyID", "ClassID"}, [][]int{{0, 1, 2, 3}}},
		{"key and argument syntax",
			[]string{"/me/messages('{id}')", "/workbook/worksheets({id})/range", "/print/getJobs(userId='{id}',since={since})"},
			[]string{"MessageID", "WorksheetID", "UserID", "Since"}, [][]int{{0}, {1}, {2, 3}}},
		{"first alternative",
			[]string{"/drives/{drive-id}/root:/{item-path}:", "/sites/{site-id|name}", "/x/{ | user-id}"},
			[]string{"DriveID", "ItemPath", "SiteID", "UserID"}, [][]int{{0, 1}, {2}, {3}}},
		{"no entity before it",
			[]string{"/{id}", "/a/.../{id}", "/microsoft.graph.user/{id}", "/a/{x}/{id}"},
			[]string{"ID", "X"}, [][]int{{0}, {0}, {0}, {1, 0}}},
		{"repeated within a route",
			[]string{"/me/childFolders/{id}/childFolders/{id}/childFolders/{id}", "/me/childFolders/{id}"},
			[]string{"ChildFolderID", "ChildFolderID2", "ChildFolderID3"}, [][]int{{0, 1, 2}, {0}}},
		{"shared by name across routes",
			[]string{"/users/{user-id}/events/{event-id}", "/users/{id|userPrincipalName}/events/{id}", "/groups/{id}/events/{id}"},
			[]string{"UserID", "EventID", "GroupID"}, [][]int{{0, 1}, {0, 1}, {2, 1}}},
		{"names the request declares",
			[]string{"/a/{query}/{body}/{httpRequest}", "/f(query='{id}')"},
			[]string{"Query_2", "Body_2", "HTTPRequest_2"}, [][]int{{0, 1, 2}, {0}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			op := namingOp("x.md", "Get x", "GET", tc.patterns...)
			p := newPlan(namingSchema(op))
			o := p.ops[0]
			if diff := cmp.Diff(tc.params, o.params); diff != "" {
				t.Errorf("request fields (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.paramOf, o.paramOf); diff != "" {
				t.Errorf("fields of each route (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPathParamNamesMismatch checks that a route whose Params do not
// match its Pattern (a hand-built schema) is named after its Params.
func TestPathParamNamesMismatch(t *testing.T) {
	r := schema.Route{Pattern: "/users/{id}", Params: []string{"user-id|upn", "other"}}
	if diff := cmp.Diff([]string{"UserID", "Other"}, routeParamNames(newPlan(namingSchema()).spell, r)); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}
