package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEnvelopeAddsNoField checks that a top-level value or values member
// of an example answering one entity, or a value list in a resource's
// JSON representation, is an envelope, not a property: v1.0's
// organizationalBrandingProperties had got a values field from
// {"values": [...]} and a value field from {"value": "Welcome"}. A
// documented value property is no envelope, nor is a representation's
// values object (workbookFilterCriteria documents it only there), which
// then documents values for the examples too.
func TestEnvelopeAddsNoField(t *testing.T) {
	s := Parse([]File{
		{Path: "resources/branding.md", Data: []byte("# branding resource type\n\nNamespace: microsoft.graph\n\nBranding.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|The id.|\n\n" +
			"## JSON representation\n\n```json\n{\"id\": \"String\", \"values\": {\"@odata.type\": \"microsoft.graph.Json\"}}\n```\n")},
		{Path: "resources/source.md", Data: []byte("# source resource type\n\nNamespace: microsoft.graph\n\nA source.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|The id.|\n\n" +
			"## JSON representation\n\n```json\n{\"@odata.context\": \"x\", \"value\": [{\"id\": \"1\", \"name\": \"n\"}]}\n```\n")},
		{Path: "resources/setting.md", Data: []byte("# setting resource type\n\nNamespace: microsoft.graph\n\nA setting.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|value|String|The value.|\n")},
		{Path: "api/branding-get.md", Data: []byte(keyPageOf("branding", "GET /branding/localizations/{id}", "/branding/localizations/0",
			`{"values": [{"id": "0"}]}`, `{"value": "Welcome", "id": "0"}`))},
		{Path: "api/setting-get.md", Data: []byte(keyPageOf("setting", "GET /settings/{id}", "/settings/1", `{"value": "on"}`, `{"values": [{"value": "off"}]}`))},
	})
	got := map[string][]string{}
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			got[ty.Name] = append(got[ty.Name], p.Name)
		}
	}
	want := map[string][]string{"branding": {"id", "values"}, "source": {"id"}, "setting": {"value"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	var diags []string
	for _, d := range s.Diagnostics {
		if d.Code == "property-value-envelope" {
			diags = append(diags, fmt.Sprintf("%s:%d", d.File, d.Line))
		}
	}
	if diff := cmp.Diff([]string{"api/branding-get.md:50", "api/setting-get.md:50", "resources/source.md:15"}, diags); diff != "" {
		t.Errorf("property-value-envelope warnings (-want +got):\n%s", diff)
	}
}
