package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGroupRowsSkipped checks that a table row holding only a bold label
// ("|**Onboarding**|", "|**Apps**| | |") is a group heading: not a
// property, not an enum member, and one table-group-row warning where it
// stands. Intune's beta pages group their properties so, and 52 labels
// had become fields such as `json:"Device management"` that clients saw.
// A bold property name with a type, and bold members of a one-column
// table, stay. A row naming a path ("file/localizations", agreement.md)
// is skipped too, with a property-name-path warning.
func TestGroupRowsSkipped(t *testing.T) {
	page := `# widget resource type

Namespace: microsoft.graph

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|The identifier.|
|**Onboarding**|
|enrollLimit|Int32|The limit.|
|**Device management**| | |
|**serial**|String|A bold name with a type is a property.|
|file/localizations|String collection|A path, not a property.|
|**Apps**||The label has a description, so it is not a group heading.|

### color values

|Member|Description|
|:---|:---|
|__Primary__|
|red|Red.|

### size values

|Member|
|:---|
|**small**|
|large|
`
	s := Parse([]File{{Path: "resources/widget.md", Data: []byte(page)}})
	if len(s.Types) != 1 {
		t.Fatalf("%d types, want 1", len(s.Types))
	}
	var props []string
	for _, p := range s.Types[0].Properties {
		props = append(props, p.Name)
	}
	if diff := cmp.Diff([]string{"id", "enrollLimit", "serial", "Apps"}, props); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	members := map[string][]string{}
	for _, e := range s.Enums {
		members[e.Name] = e.Members
	}
	if diff := cmp.Diff(map[string][]string{"color": {"red"}, "size": {"small", "large"}}, members); diff != "" {
		t.Errorf("enum members (-want +got):\n%s", diff)
	}
	var got []string
	for _, d := range s.Diagnostics {
		if d.Code == "table-group-row" || d.Code == "table-cell-count" || d.Code == "property-name-path" {
			got = append(got, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
		}
	}
	want := []string{"9:2 table-group-row", "11:2 table-group-row", "13:2 property-name-path", "20:2 table-group-row"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestIsBoldSpan(t *testing.T) {
	for raw, want := range map[string]bool{
		"**Onboarding**":          true,
		"__Onboarding__":          true,
		"** Device management **": true,
		"****":                    false,
		"**a** and **b**":         false,
		"**a**b":                  false,
		"*a*":                     false,
		"Onboarding":              false,
		"":                        false,
	} {
		if got := isBoldSpan(raw); got != want {
			t.Errorf("isBoldSpan(%q) = %v, want %v", raw, got, want)
		}
	}
}
