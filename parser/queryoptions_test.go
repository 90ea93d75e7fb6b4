package parser

import (
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
	} {
		got, stated := statedQueryOptions(parseCell(c.raw, 0, nil))
		if stated != c.stated || !cmp.Equal(c.want, got) {
			t.Errorf("%s:\ngot %v, %v; want %v, %v", c.raw, got, stated, c.want, c.stated)
		}
	}
}
