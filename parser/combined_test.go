package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCombinedValuesStayString checks that a String or Enumeration
// property whose description says a value combines the values it lists
// stays a string with those values documented, where an enum would
// refuse the docs' own "created,updated" (beta subscription.changeType
// was bound to the changeType enum; workforceIntegration.supports was
// read as an enum from its evolvable values). A property listing values
// without such words still becomes an enum.
func TestCombinedValuesStayString(t *testing.T) {
	s := Parse([]File{{Path: "resources/subscription.md", Data: []byte(`# subscription resource type

Namespace: microsoft.graph

A subscription.

## Properties
|Property|Type|Description|
|:---|:---|:---|
|changeType|String|The changes. The supported values are: ` + "`created`, `updated`, `deleted`" + `. Multiple values can be combined using a comma-separated list.|
|supports|Enumeration|The entities. Possible values are: ` + "`none`, `shift`, `swapRequest`, `unknownFutureValue`" + `. If selecting more than one value, all values must start with the first letter in uppercase.|
|kind|String|The kind. Possible values are: ` + "`a`, `b`, `unknownFutureValue`" + `.|
`)}})
	got := map[string]string{}
	var values []string
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			got[p.Name] = p.Type.String()
			values = append(values, fmt.Sprint(p.Name, p.Values))
		}
	}
	want := map[string]string{"changeType": "Edm.String", "supports": "Edm.String", "kind": "microsoft.graph.subscriptionKind"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("property types (-want +got):\n%s", diff)
	}
	wantValues := []string{"changeType[created updated deleted]", "supports[none shift swapRequest unknownFutureValue]", "kind[]"}
	if diff := cmp.Diff(wantValues, values); diff != "" {
		t.Errorf("documented values (-want +got):\n%s", diff)
	}
	var diags []string
	for _, d := range s.Diagnostics {
		if d.Code == "enum-values-combined" || d.Code == "enum-from-string" {
			diags = append(diags, fmt.Sprintf("%d %s", d.Line, d.Code))
		}
	}
	if diff := cmp.Diff([]string{"10 enum-values-combined", "11 enum-values-combined", "12 enum-from-string"}, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
