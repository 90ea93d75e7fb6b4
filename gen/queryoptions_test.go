package gen_test

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
)

// TestStatedOptionsRequestLines: a page lists $select as the only query
// option of GET /users/{id}, and another page's request line, a route the
// first page keeps, uses $expand on it (v1.0 user-get.md and
// user-list-manager.md). The list is evidently incomplete: the handler
// must not enforce it, and a query-options-incomplete warning names the
// request line. Without that request line the list is enforced.
func TestStatedOptionsRequestLines(t *testing.T) {
	userPage := "# user resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| id | String | The id. |\n| displayName | String | The name. |\n"
	getPage := "# Get user\n\nNamespace: microsoft.graph\n\nGet a user.\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /users/{id}\n```\n\n" +
		"## Optional query parameters\n\nThis method supports the `$select` [OData query parameter](/graph/query-parameters) to help customize the response.\n\n" +
		"## Response\n\nIf successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.\n"
	managerPage := "# List manager\n\nNamespace: microsoft.graph\n\nGet a user's manager.\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /users/{id}/manager\nGET /users/{id}?$expand=manager\n```\n\n" +
		"## Response\n\nIf successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.\n"
	for _, withManager := range []bool{false, true} {
		files := []parser.File{
			{Path: "docs/api/user-get.md", Rel: "api/user-get.md", Data: []byte(getPage)},
			{Path: "docs/resources/user.md", Rel: "resources/user.md", Data: []byte(userPage)},
		}
		if withManager {
			files = append(files, parser.File{Path: "docs/api/user-list-manager.md", Rel: "api/user-list-manager.md", Data: []byte(managerPage)})
		}
		s, out := parseAndGenerate(t, files)
		var warned []string
		for _, d := range s.Diagnostics {
			if d.Code == "query-options-incomplete" {
				warned = append(warned, d.String())
			}
		}
		enforced := false
		for _, f := range out {
			if f.Name == "api-user-get.go" {
				enforced = strings.Contains(string(f.Data), `Options: []string{"$select"}`)
			}
		}
		if withManager {
			want := `docs/api/user-list-manager.md:12:1: warning: query-options-incomplete: the request line GET /users/{id}?$expand=manager uses $expand, which the page of GetUser does not list among its query options ($select); the handler does not check the list`
			if len(warned) != 1 || warned[0] != want {
				t.Errorf("warnings %q, want %q", warned, want)
			}
			if enforced {
				t.Error("the handler enforces $select alone on GET /users/{id}")
			}
		} else {
			if len(warned) != 0 {
				t.Errorf("warnings %q, want none", warned)
			}
			if !enforced {
				t.Error("the handler does not enforce the list of GET /users/{id}")
			}
		}
	}
}
