package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEnumValuesDisagree checks a property whose description lists
// values its enum does not have: the enum stays when some listed value
// is a member (call.requestedModalities lists "unknown" beside modality's
// members), with a warning; when none is (v1.0's changeType table holds
// countryLookupMethodType's members, where changeNotification.changeType
// lists created, updated, deleted), the property is a string with its
// listed values, as the handler must accept what the property documents.
func TestEnumValuesDisagree(t *testing.T) {
	s := Parse([]File{
		{Path: "resources/enums.md", Data: []byte(`# Enum values

Namespace: microsoft.graph

### changeType values

|Member|
|:---|
|clientIpAddress|
|authenticatorAppGps|

### modality values

|Member|
|:---|
|audio|
|video|
`)},
		{Path: "resources/changenotification.md", Data: []byte(`# changeNotification resource type

Namespace: microsoft.graph

A notification.

## Properties
|Property|Type|Description|
|:---|:---|:---|
|changeType|[changeType](enums.md#changetype-values)|The change. The supported values are: ` + "`created`, `updated`, `deleted`" + `.|
|modalities|[modality](enums.md#modality-values) collection|The modalities. Possible values are: ` + "`unknown`, `audio`, `video`" + `.|
|kind|[modality](enums.md#modality-values)|The kind. Possible values are: ` + "`Audio`, `Video`" + `.|
`)},
	})
	got := map[string]string{}
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			got[p.Name] = fmt.Sprint(p.Type, p.Values)
		}
	}
	want := map[string]string{
		"changeType": "Edm.String [created updated deleted]",
		"modalities": "Collection(microsoft.graph.modality) []",
		"kind":       "microsoft.graph.modality []", // the same members in another case
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	var diags []string
	for _, d := range s.Diagnostics {
		if d.Code == "enum-values-disagree" {
			diags = append(diags, fmt.Sprintf("%d %s", d.Line, d.Code))
			if d.Line == 12 && !strings.Contains(d.Message, "spells only in another case") {
				t.Errorf("line 12: %q does not say the values differ only in case", d.Message)
			}
		}
	}
	if diff := cmp.Diff([]string{"10 enum-values-disagree", "11 enum-values-disagree", "12 enum-values-disagree"}, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
