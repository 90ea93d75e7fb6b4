package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStatedQueryOptions covers the phrasings of the corpus's "Optional
// query parameters" sections (v1.0 and beta api pages).
func TestStatedQueryOptions(t *testing.T) {
	for _, c := range []struct {
		raw    string
		want   []string
		stated bool
	}{
		{"This method supports the `$select`, `$filter` and `$top` [OData query parameters](/graph/query-parameters) to help customize the response.", []string{"$filter", "$select", "$top"}, true},
		{"This method supports the `$select` OData query parameter to help customize the response. For general information, see [OData query parameters](/graph/query-parameters).", []string{"$select"}, true},
		{"This method supports `$filter`, `$count`, `$select`, `$search`, and `$top` OData query parameters to help customize the response.", []string{"$count", "$filter", "$search", "$select", "$top"}, true},
		{"This method does not support OData query parameters to customize the response.", []string{}, true},
		{"This operation does not support the [OData query parameters](/graph/query-parameters) to customize the response.", []string{}, true},
		{"This method does **not** support the [OData Query Parameters](/graph/query-parameters) to help customize the response (e.g. $filter is not supported here).", []string{}, true},
		{"Not supported.", []string{}, true},
		{"This method supports the [OData Query Parameters](/graph/query-parameters) to help customize the response.", nil, false},
		{"This method supports some of the OData query parameters to help customize the response.", nil, false},
		{"This method supports the [OData query parameters](/graph/query-parameters) to help customize the response, including `$search`, `$count`, and `$filter`.", nil, false},
		{"This method supports the following [OData query parameters](/graph/query-parameters) to help customize the response:", nil, false},
		{"You can use `$top` to control the number of items per response.", nil, false},
		{"This method supports the `$select` and `$levels` OData query parameters.", nil, false},
		// A denial that names options or exceptions is no list (beta
		// governanceroleassignment-get.md).
		{"This method does **not** supports [OData Query Parameters](/graph/query-parameters) other than `$filter` to help customize the response.", nil, false},
		{"This method supports the `$select` OData query parameter but does not support `$filter`.", nil, false},
		{"This method does not support any OData query parameters to help customize the response (for example, `$filter` is not supported here).", []string{}, true},
		{"This method does not support the use of query parameters, but does require the `$count` query segment.", []string{}, true},
	} {
		got, stated, doubt := statedQueryOptions(parseCell(c.raw, 0, nil))
		if stated != c.stated || !cmp.Equal(c.want, got) {
			t.Errorf("%s:\ngot %v, %v; want %v, %v", c.raw, got, stated, c.want, c.stated)
		}
		if wantDoubt := strings.Contains(strings.ReplaceAll(c.raw, "*", ""), "not support") && !stated; (doubt != "") != wantDoubt {
			t.Errorf("%s: doubt %q, want one: %v", c.raw, doubt, wantDoubt)
		}
	}
}

// TestPageOptionsUsed reads a page whose list of query options lacks one
// its own table of request URLs uses (v1.0
// directory-deleteditems-list.md, cut down): the list is dropped, with a
// query-options-incomplete warning at the use.
func TestPageOptionsUsed(t *testing.T) {
	page := "# List deleted items\n\n## HTTP request\n\n```http\nGET /directory/deletedItems/microsoft.graph.group\n```\n\n" +
		"## Optional query parameters\n\nThis method supports the `$orderBy` OData query parameter.\n\n" +
		"| Request | Note |\n|---|---|\n| `GET /directory/deletedItems/microsoft.graph.group?$orderBy=deletedDateTime asc&$count=true` | ordered |\n\n" +
		"## Response\n\nIf successful, this method returns a `200 OK` response code and a collection of [group](../resources/group.md) objects.\n\n" +
		"```http\nGET /directory/deletedItems/microsoft.graph.group?$top=2\n```\n"
	res := Parse([]File{{Path: "api/directory-deleteditems-list.md", Data: []byte(page)}})
	if len(res.Operations) != 1 {
		t.Fatalf("operations: %d", len(res.Operations))
	}
	if got := res.Operations[0].QueryOptions; got != nil {
		t.Errorf("query options %v, want none stated", *got)
	}
	var warned []string
	for _, d := range res.Diagnostics {
		if d.Code == "query-options-incomplete" {
			warned = append(warned, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Message))
		}
	}
	want := []string{"15:83 the page uses $count in a URL, but its list of query options ($orderby) does not name it; the handler does not check the list"}
	if diff := cmp.Diff(want, warned); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

func TestOptionUses(t *testing.T) {
	text := "a ?$top=1 and &$Count=true, ?$levels=2, ?$filter x, $select=a\n```\nGET /x?$expand=y\n```\nb ?$skip=3"
	var got []string
	for _, u := range optionUses([]byte(text)) {
		got = append(got, fmt.Sprintf("%s@%d", u.name, u.off))
	}
	want := []string{"$top@3", "$count@15", "$skip@90"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("optionUses (-want +got):\n%s", diff)
	}
}
