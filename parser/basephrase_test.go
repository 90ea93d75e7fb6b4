package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBaseIsTheLinkAfterThePhrase checks that a type's base is the first
// link after "Inherits from", not the first link of its paragraph:
// application.md links a registration guide first, so application had no
// base (base-undefined named the guide), and a page saying another type
// "inherits from this base type" after linking that type names no base.
func TestBaseIsTheLinkAfterThePhrase(t *testing.T) {
	page := func(name, intro string) File {
		return File{Path: "resources/" + name + ".md", Data: []byte("# " + name + " resource type\n\nNamespace: microsoft.graph\n\n" + intro +
			"\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|x" + name + "|String|A property.|\n")}
	}
	s := Parse([]File{
		page("directoryObject", "An object."),
		page("application", "An application. See [Basics of registering](/azure/basics). Inherits from [directoryObject](directoryobject.md)."),
		page("target", "The [groupTarget](grouptarget.md) resource inherits from this base type."),
		page("groupTarget", "A group. Inherits from [target](target.md)."),
	})
	got := map[string]string{}
	for _, ty := range s.Types {
		got[ty.Name] = ""
		if ty.Base != nil {
			got[ty.Name] = *ty.Base
		}
	}
	want := map[string]string{"directoryObject": "", "application": "microsoft.graph.directoryObject", "target": "", "groupTarget": "microsoft.graph.target"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("bases (-want +got):\n%s", diff)
	}
	for _, d := range s.Diagnostics {
		if d.Code == "base-undefined" || d.Code == "base-cycle" {
			t.Errorf("%s", d)
		}
	}
}
