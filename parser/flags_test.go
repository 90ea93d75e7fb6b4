package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFlagsEnum checks that an enum a property's description says
// combines ("A comma-separated list of the parts to clone", team-clone's
// partsToClone typed clonableTeamParts) is a flags enum, reported once,
// and that an example sending members joined by commas is a value of it
// while one naming a non-member is still rejected.
func TestFlagsEnum(t *testing.T) {
	s := Parse([]File{
		{Path: "resources/enums.md", Data: []byte("# Enum values\n\nNamespace: microsoft.graph\n\n### parts values\n\n|Member|\n|:---|\n|apps|\n|tabs|\n|settings|\n")},
		{Path: "resources/team.md", Data: []byte("# team resource type\n\nNamespace: microsoft.graph\n\nA team.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|The id.|\n" +
			"|parts|[parts](enums.md#parts-values)|A comma-separated list of the parts to clone.|\n|also|[parts](enums.md#parts-values)|More than one value can be given.|\n")},
		{Path: "api/team-post.md", Data: []byte(postPage("team", "/teams", "/teams", `{"parts": "apps,tabs, settings"}`, "/teams", `{"parts": "apps,files"}`))},
	})
	if len(s.Enums) != 1 || !s.Enums[0].Flags {
		t.Fatalf("enums %+v, want one flags enum", s.Enums)
	}
	var got []string
	for _, d := range s.Diagnostics {
		switch d.Code {
		case "enum-flags", "example-enum-value":
			got = append(got, fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Code))
		}
	}
	if diff := cmp.Diff([]string{"api/team-post.md:40 example-enum-value", "resources/team.md:11 enum-flags"}, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
