package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestReadQuery covers the phrasings of query capabilities in both corpus
// folders (each description is one found there).
func TestReadQuery(t *testing.T) {
	yes := func(ops ...string) *schema.QueryOption { return &schema.QueryOption{Supported: true, Operators: ops} }
	no := &schema.QueryOption{Supported: false}
	for _, tc := range []struct {
		desc   string
		want   *schema.Query
		unread int
	}{
		{"The name. Not nullable.", nil, 0},
		{"Allowed values: `null`, `minor`. Refer to the [definitions](#x). <br><br>Supports `$filter` (`eq`, `ne`, `NOT`, and `in`).",
			&schema.Query{Filter: yes("eq", "ne", "not", "in")}, 0},
		{"The user's name. <br><br>Returned by default. Supports `$filter` (`eq`, `ne`, `NOT` , `ge`, `le`, `in`, `startsWith`), `$orderBy`, and `$search`.",
			&schema.Query{Filter: yes("eq", "ne", "not", "ge", "le", "in", "startswith"), OrderBy: yes(), Search: yes(), Returned: &schema.Returned{ByDefault: true}}, 0},
		{"Risk level. Supports `$filter` (`eq` operator only).", &schema.Query{Filter: yes("eq")}, 0},
		{"OS. Supports `$filter` (`eq` and `startsWith` operators only).", &schema.Query{Filter: yes("eq", "startswith")}, 0},
		{"Status. Supports `$select`, `$orderby`, and `$filter` (`eq` only). Read-only.", &schema.Query{Select: yes(), OrderBy: yes(), Filter: yes("eq")}, 0},
		{"Id. Supports `$filter` (`eq` only) and `$orderby`.", &schema.Query{Filter: yes("eq"), OrderBy: yes()}, 0},
		{"Name. Supports \\$filter and \\$orderby.", &schema.Query{Filter: yes(), OrderBy: yes()}, 0},
		{"Mail. Supports `$filter` with the `eq` operator.", &schema.Query{Filter: yes("eq")}, 0},
		{"Members. Supports `$expand`.", &schema.Query{Expand: yes()}, 0},
		{"Age. <br><br>Returned only on `$select`.", &schema.Query{Returned: &schema.Returned{On: []string{"$select"}}}, 0},
		{"Body. Returned only on applying a `$select` query option. Read-only.", &schema.Query{Returned: &schema.Returned{On: []string{"$select"}}}, 0},
		{"Extra. Returned only on `$select`.For an example, see Example 2.", &schema.Query{Returned: &schema.Returned{On: []string{"$select"}}}, 0},
		{"Kind. Supports `$filter` (`eq`).Read-only.", &schema.Query{Filter: yes("eq")}, 0},
		{"Publication state. This property is not returned by default. Read-only.", &schema.Query{Returned: &schema.Returned{}}, 0},
		{"Results. By default, a `GET /threatAssessmentRequests/{id}` does not return this property unless you apply `$expand` on it.", &schema.Query{Returned: &schema.Returned{On: []string{"$expand"}}}, 0},
		{"Count. To get the property, please explictly use `$select=roleAssignmentCount` in the query.", &schema.Query{Returned: &schema.Returned{On: []string{"$select"}}}, 0},
		{"Classification. Does not support `$filter`.", &schema.Query{Filter: no}, 0},
		{"Type. Read-only. Not filterable.", &schema.Query{Filter: no}, 0},
		{"Role. Provided so that callers can get the role definition using `$expand` at the same time as getting the role assignment.", &schema.Query{Expand: yes()}, 0},
		{"Props. Get messages that contain a single-value extended property by using `$expand` or `$filter`.", &schema.Query{Expand: yes(), Filter: yes()}, 0},
		// Restrictions are kept as text.
		{"Identities. <br><br>Supports `$filter` (`eq`) only where the **signInType** is not `userPrincipalName`.",
			&schema.Query{Filter: &schema.QueryOption{Supported: true, Operators: []string{"eq"}, Condition: "only where the signInType is not userPrincipalName"}}, 0},
		{"SID. Supports `$filter` on `null` values.", &schema.Query{Filter: &schema.QueryOption{Supported: true, Condition: "on null values"}}, 0},
		{"Roles. Supports `$filter` (`eq` operator on **id**, and `startsWith` operator on **displayName**) and `$expand`.",
			&schema.Query{Filter: &schema.QueryOption{Supported: true, Operators: []string{"eq", "startswith"}, Condition: "eq operator on id, and startsWith operator on displayName"}, Expand: yes()}, 0},
		{"Instances. Returned only on `$select` and `$expand` in a [GET](../api/event-get.md) operation.",
			&schema.Query{Returned: &schema.Returned{On: []string{"$select", "$expand"}, Condition: "in a GET operation"}}, 0},
		// Sentences about queries the parser does not read.
		{"Device. Only returned if user signs in with a Microsoft account as part of Project Rome.", nil, 1},
		{"Attributes. Note that the individual extension attributes are neither selectable nor filterable.", nil, 1},
		{"Name. The property supports `$filter` (`eq`).", nil, 1},
		{"Name. No longer supports `$filter` (`eq`).", nil, 1},
		// A sentence the parser does not read, or one restricting where
		// support holds, makes the cell's readings conditions: kept as
		// text, not checked (v1.0 user.md onPremisesExtensionAttributes,
		// group.md allowExternalSenders).
		{"Attributes. Note that the individual extension attributes are neither selectable nor filterable. Supports `$filter` (`eq`, `NOT`, `ge`, `le`, `in`).",
			&schema.Query{Filter: &schema.QueryOption{Supported: true, Operators: []string{"eq", "not", "ge", "le", "in"}, Condition: "Note that the individual extension attributes are neither selectable nor filterable"}}, 1},
		{"Senders. Returned only on `$select`. Supported only on the Get group API (`GET /groups/{ID}`).",
			&schema.Query{Returned: &schema.Returned{On: []string{"$select"}, Condition: "Supported only on the Get group API (GET /groups/{ID})"}}, 0},
		{"Name. Supports `$filter` (`eq`). Not supported in national clouds.",
			&schema.Query{Filter: &schema.QueryOption{Supported: true, Operators: []string{"eq"}, Condition: "Not supported in national clouds"}}, 0},
		{"Name. Also supports `$filter` (`eq`).", &schema.Query{Filter: yes("eq")}, 0},
	} {
		p := &pageParser{diags: diags{src: newSource("x.md", []byte(tc.desc))}}
		got := p.readQuery(parseCell(tc.desc, 0, nil))
		if diff := cmp.Diff(tc.want, got, cmpopts.IgnoreFields(schema.Query{}, "Source")); diff != "" {
			t.Errorf("readQuery(%q) (-want +got):\n%s", tc.desc, diff)
		}
		unread := 0
		for _, d := range p.list {
			if d.Code == "query-unread" {
				unread++
			}
		}
		if unread != tc.unread {
			t.Errorf("readQuery(%q): %d query-unread, want %d (%v)", tc.desc, unread, tc.unread, p.list)
		}
	}
}

// TestQueryInSchema reads the query capabilities of beta user.md (a
// fixture) into the schema: the value list and the query capabilities of
// one description are apart.
func TestQueryInSchema(t *testing.T) {
	files, err := ReadPaths([]string{"testdata/issue13/beta/resources/user.md"})
	if err != nil {
		t.Fatal(err)
	}
	s := Parse(files)
	var ageGroup *schema.Property
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			if ty.Name == "user" && p.Name == "ageGroup" {
				ageGroup = p
			}
		}
	}
	if ageGroup == nil {
		t.Fatal("no user.ageGroup")
	}
	want := &schema.Query{Filter: &schema.QueryOption{Supported: true, Operators: []string{"eq", "ne", "not", "in"}}, Source: ageGroup.Query.Source}
	if diff := cmp.Diff(want, ageGroup.Query); diff != "" {
		t.Errorf("user.ageGroup query (-want +got):\n%s", diff)
	}
	if ageGroup.Query.Source.Line != 166 || ageGroup.Query.Source.Col == 0 {
		t.Errorf("query source %v, want line 166", ageGroup.Query.Source)
	}
}
