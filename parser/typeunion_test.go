package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTypeUnionCommonBase checks that a type cell naming alternatives
// ("[a](a.md) or [b](b.md)", as call.md types mediaConfig) is read as
// their nearest common base type, whose derived types a body names in
// @odata.type, and as any JSON when they share none or one is not
// documented. It had been read as the first alternative, so that every
// serviceHostedMediaConfig a client sent was checked against
// appHostedMediaConfig's table, and the example's preFetchMedia became a
// field of appHostedMediaConfig. A type listed in another's "Derived
// types" table (meetingInfo lists organizerMeetingInfo), whose page names
// no base, has that type as its base (base-from-derived-list).
func TestTypeUnionCommonBase(t *testing.T) {
	res := func(name, intro, props string) File {
		return File{Path: "resources/" + name + ".md", Data: []byte("# " + name + " resource type\n\nNamespace: microsoft.graph\n\n" + intro +
			"\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n" + props)}
	}
	s := Parse([]File{
		res("mediaConfig", "Abstract.", "|blob|String|A blob.|\n"),
		res("appHostedMediaConfig", "Inherits from [mediaConfig](mediaconfig.md).", "|extra|String|Extra.|\n"),
		res("serviceHostedMediaConfig", "Inherits from [mediaConfig](mediaconfig.md).", "|preFetchMedia|String|Media.|\n"),
		res("nestedMediaConfig", "Inherits from [serviceHostedMediaConfig](servicehostedmediaconfig.md).", "|depth|Int32|Depth.|\n"),
		res("meetingA", "One kind.", "|a|String|A.|\n"),
		res("meetingB", "Another kind.", "|b|String|B.|\n"),
		res("otherA", "One kind.", "|a|String|A.|\n"),
		res("otherB", "Another kind, with a base of its own. Inherits from [meetingA](meetinga.md).", "|b|String|B.|\n"),
		{Path: "resources/otherinfo.md", Data: []byte("# otherInfo resource type\n\nNamespace: microsoft.graph\n\nAbstract.\n\n## Derived types\n\n|Type|Description|\n|:--|:--|\n" +
			"|[otherA](./othera.md)|One.|\n|[otherB](otherb.md)|Another.|\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|kind|String|Kind.|\n")},
		res("call", "A call.", "|mediaConfig|[appHostedMediaConfig](apphostedmediaconfig.md) or [serviceHostedMediaConfig](servicehostedmediaconfig.md)|How.|\n"+
			"|nested|[nestedMediaConfig](nestedmediaconfig.md) or [serviceHostedMediaConfig](servicehostedmediaconfig.md)|Either.|\n"+
			"|meetingInfo|[meetingA](meetinga.md) or [meetingB](meetingb.md)|Which meeting.|\n"+
			"|other|[meetingA](meetinga.md) or [gadget](gadget.md) collection|Not all documented.|\n"+
			"|loose|[meetingA](meetinga.md) or String|Not all links.|\n"+
			"|listed|[otherA](othera.md) or [meetingB](meetingb.md)|No common base.|\n"+
			"|both|[otherA](othera.md) or [otherInfo](otherinfo.md)|otherInfo lists otherA as derived.|\n"),
	})
	got := map[string]string{}
	for _, ty := range s.Types {
		if ty.Name == "call" {
			for _, p := range ty.Properties {
				got[p.Name] = p.Type.String()
			}
		}
	}
	want := map[string]string{
		"mediaConfig": "microsoft.graph.mediaConfig",
		"nested":      "microsoft.graph.serviceHostedMediaConfig",
		"meetingInfo": "Edm.Untyped",
		"other":       "Collection(Edm.Untyped)",
		"loose":       "Edm.Untyped",
		"listed":      "Edm.Untyped",
		"both":        "microsoft.graph.otherInfo",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("call's property types (-want +got):\n%s", diff)
	}
	n := 0
	var derived []string
	for _, d := range s.Diagnostics {
		switch d.Code {
		case "type-union":
			n++
		case "base-from-derived-list":
			derived = append(derived, fmt.Sprintf("%s:%d", d.File, d.Line))
		}
	}
	if n != len(want) {
		t.Errorf("%d type-union warnings, want %d", n, len(want))
	}
	// otherInfo's "Derived types" table makes it otherA's base; otherB
	// keeps the base its page names.
	bases := map[string]string{}
	for _, ty := range s.Types {
		if ty.Base != nil {
			bases[ty.Name] = *ty.Base
		}
	}
	if bases["otherA"] != "microsoft.graph.otherInfo" || bases["otherB"] != "microsoft.graph.meetingA" {
		t.Errorf("bases: otherA %q, otherB %q; want microsoft.graph.otherInfo, microsoft.graph.meetingA", bases["otherA"], bases["otherB"])
	}
	if diff := cmp.Diff([]string{"resources/otherinfo.md:11"}, derived); diff != "" {
		t.Errorf("base-from-derived-list warnings (-want +got):\n%s", diff)
	}
}
