package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// keyPage is an operation page answering a riskyUser (see keyPageOf).
func keyPage(title, lines, path string, bodies ...string) string {
	return keyPageOf("riskyUser", lines, path, bodies...)
}

// keyPageOf is an operation page whose request lines are lines, whose
// Response section names typ, and whose examples answer bodies, each
// requested at path.
func keyPageOf(typ, lines, path string, bodies ...string) string {
	s := "# Operation on " + typ + "\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\n" + lines + "\n```\n\n" +
		"## Response\n\nIf successful, this method returns a `200 OK` response code and a [" + typ + "](../resources/" + strings.ToLower(typ) + ".md) object in the response body.\n\n"
	for i, b := range bodies {
		s += fmt.Sprintf("## Example %d\n\n### Request\n\n<!-- { \"blockType\": \"request\", \"name\": \"ex%d\" } -->\n```http\nGET https://graph.microsoft.com/v1.0%s\n```\n\n"+
			"### Response\n\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.%s\" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n%s\n```\n\n", i+1, i+1, path, typ, b)
	}
	return s
}

// TestKeyAddressedAnswersOne checks that an operation whose request
// lines all end in a key answers one entity whatever its examples show:
// v1.0's riskyuser-get, signin-get and directoryaudit-get answered
// {"value": [...]}, which made their GET by id answer a collection. A
// list of one value is read and tested through that value; a longer one
// has no test and adds no "value" field. A request line that does not
// end in a key still reads a collection from its example.
func TestKeyAddressedAnswersOne(t *testing.T) {
	one := `{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#riskyUsers", "value": [{"id": "1", "userDisplayName": "Ann"}]}`
	two := `{"value": [{"id": "1"}, {"id": "2", "riskLevel": "low"}]}`
	s := Parse([]File{
		{Path: "resources/riskyuser.md", Data: []byte("# riskyUser resource type\n\nNamespace: microsoft.graph\n\nA user.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|The id.|\n|userDisplayName|String|The name.|\n")},
		{Path: "api/riskyuser-get.md", Data: []byte(keyPage("Get riskyUser", "GET /identityProtection/riskyUsers/{riskyUserId}", "/identityProtection/riskyUsers/1", one, two))},
		{Path: "api/riskyuser-filter.md", Data: []byte(keyPage("Filter riskyUsers", "GET /identityProtection/riskyUsers/filter", "/identityProtection/riskyUsers/filter", two))},
	})
	type op struct {
		Response string
		Examples []string
	}
	var got []op
	for _, o := range s.Operations {
		g := op{Response: o.ResponseType.String()}
		for _, ex := range o.Examples {
			g.Examples = append(g.Examples, fmt.Sprintf("%s wrapped=%v tested=%v", ex.Name, ex.ResponseWrapped, ex.ResponseMismatch == ""))
		}
		got = append(got, g)
	}
	want := []op{
		{"Collection(microsoft.graph.riskyUser)", []string{"ex1 wrapped=false tested=true"}},
		{"microsoft.graph.riskyUser", []string{"ex1 wrapped=true tested=true", "ex2 wrapped=false tested=false"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("operations (-want +got):\n%s", diff)
	}
	var props []string
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			props = append(props, p.Name)
		}
	}
	if diff := cmp.Diff([]string{"id", "userDisplayName", "riskLevel"}, props); diff != "" {
		t.Errorf("riskyUser properties (-want +got):\n%s", diff)
	}
	var diags []string
	for _, d := range s.Diagnostics {
		switch d.Code {
		case "response-collection-refused", "response-collection-inferred":
			diags = append(diags, fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Code))
		}
	}
	wantDiags := []string{"api/riskyuser-filter.md:31 response-collection-inferred", "api/riskyuser-get.md:31 response-collection-refused", "api/riskyuser-get.md:50 response-collection-refused"}
	if diff := cmp.Diff(wantDiags, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
