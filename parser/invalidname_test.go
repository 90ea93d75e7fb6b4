package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInvalidNameAddsNoField checks that an example member whose name is
// no OData property name ("principalIds[]" beside principalIds, beta's
// rbacapplicationmultiple-list-roleassignments) becomes no field, with
// a property-name-invalid warning, while an instance annotation and an
// undocumented member with a proper name still do.
func TestInvalidNameAddsNoField(t *testing.T) {
	s := Parse([]File{
		{Path: "resources/roleassignment.md", Data: []byte("# roleAssignment resource type\n\nNamespace: microsoft.graph\n\nAn assignment.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|The id.|\n|principalIds|String collection|The principals.|\n")},
		{Path: "api/roleassignment-get.md", Data: []byte(keyPageOf("roleAssignment", "GET /roleAssignments/{id}", "/roleAssignments/1",
			`{"id": "1", "principalIds[]": ["a"], "principalIds": ["a"], "@microsoft.graph.tips": "t", "condition": "c"}`))},
	})
	var props []string
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			props = append(props, p.Name)
		}
	}
	if diff := cmp.Diff([]string{"id", "principalIds", "@microsoft.graph.tips", "condition"}, props); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	var diags []string
	for _, d := range s.Diagnostics {
		switch d.Code {
		case "property-name-invalid", "property-undocumented", "annotation-undocumented":
			diags = append(diags, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
		}
	}
	if diff := cmp.Diff([]string{"31:13 property-name-invalid", "31:61 annotation-undocumented", "31:91 property-undocumented"}, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
