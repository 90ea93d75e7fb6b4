package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTypeOwnedByItsPage checks that a type several pages document is
// owned by the page named for it: beta's intune-shared-user.md sorts
// before user.md, and User had been "documented in
// resources/intune-shared-user.md", described as Intune's stub, with
// Intune's properties first. The owner's title, description and
// position are the type's, its properties come first, and a base only
// the other page gives is kept.
func TestTypeOwnedByItsPage(t *testing.T) {
	stub := `# widget resource type

Namespace: microsoft.graph

Intune's view of a widget. Inherits from [thing](thing.md).

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|Intune's id.|
|enrollLimit|Int32|The limit.|
`
	owner := `# widget resource type

Namespace: microsoft.graph

Represents a widget.

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|The id.|
|displayName|String|The name.|
`
	thing := "# thing resource type\n\nNamespace: microsoft.graph\n\nA thing.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|kind|String|The kind.|\n"
	s := Parse([]File{
		{Path: "resources/intune-shared-widget.md", Data: []byte(stub)},
		{Path: "resources/thing.md", Data: []byte(thing)},
		{Path: "resources/widget.md", Data: []byte(owner)},
	})
	for _, ty := range s.Types {
		if ty.Name != "widget" {
			continue
		}
		var props []string
		for _, p := range ty.Properties {
			props = append(props, p.Name+" "+p.Source.File)
		}
		got := map[string]any{"file": ty.Source.File, "line": ty.Source.Line, "description": ty.Description, "props": props, "base": ty.Base}
		base := "microsoft.graph.thing"
		want := map[string]any{"file": "resources/widget.md", "line": 1, "description": "Represents a widget.",
			"props": []string{"id resources/widget.md", "displayName resources/widget.md", "enrollLimit resources/intune-shared-widget.md"}, "base": &base}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("widget (-want +got):\n%s", diff)
		}
		return
	}
	t.Fatal("no type widget")
}
