package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestReadTypeCell(t *testing.T) {
	p := &pageParser{diags: diags{src: newSource("api-reference/beta/resources/x.md", nil)}}
	for _, tc := range []struct {
		cell string
		want typeSpec
	}{
		{"String", typeSpec{edm: "Edm.String"}},
		{"string", typeSpec{edm: "Edm.String"}},
		{"Int32", typeSpec{edm: "Edm.Int32"}},
		{"int", typeSpec{edm: "Edm.Int32"}},
		{"DateTimeOffset", typeSpec{edm: "Edm.DateTimeOffset"}},
		{"dateTimeOffset", typeSpec{edm: "Edm.DateTimeOffset"}},
		{"GUID", typeSpec{edm: "Edm.Guid"}},
		{"Edm.Int64", typeSpec{edm: "Edm.Int64"}},
		{"Duration", typeSpec{edm: "Edm.Duration"}},
		{"Date", typeSpec{edm: "Edm.Date"}},
		{"TimeOfDay", typeSpec{edm: "Edm.TimeOfDay"}},
		{"Binary", typeSpec{edm: "Edm.Binary"}},
		{"Stream", typeSpec{edm: "Edm.Stream"}},
		{"Json", typeSpec{edm: "Edm.Untyped"}},
		{"String collection", typeSpec{edm: "Edm.String", collection: true}},
		{"Collection(String)", typeSpec{edm: "Edm.String", collection: true}},
		{"string (url)", typeSpec{edm: "Edm.String"}},
		{"String (optional)", typeSpec{edm: "Edm.String"}},
		{"string, maximum size 20", typeSpec{edm: "Edm.String"}},
		{"Enumeration", typeSpec{anonEnum: true}},
		{"riskLevel", typeSpec{name: "riskLevel"}},
		{"microsoft.graph.callRecords.endpoint", typeSpec{name: "microsoft.graph.callRecords.endpoint"}},
		{"[user](user.md)", typeSpec{name: "user", page: "api-reference/beta/resources/user.md"}},
		{"[user](user.md) collection", typeSpec{name: "user", page: "api-reference/beta/resources/user.md", collection: true}},
		{"Collection([user](../resources/user.md))", typeSpec{name: "user", page: "api-reference/beta/resources/user.md", collection: true}},
		{"[microsoft.graph.callRecords.endpoint](callrecords-endpoint.md)", typeSpec{name: "microsoft.graph.callRecords.endpoint", page: "api-reference/beta/resources/callrecords-endpoint.md"}},
		{"[itemActivityStat][]", typeSpec{name: "itemActivityStat"}},
		{"???", typeSpec{edm: "Edm.Untyped", unknown: true}},
	} {
		got := p.readTypeCell(parseCell(tc.cell, 0, linkRefs{"itemactivitystat": true}))
		if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(typeSpec{}), cmpopts.IgnoreFields(typeSpec{}, "raw", "off")); diff != "" {
			t.Errorf("readTypeCell(%q) (-want +got):\n%s", tc.cell, diff)
		}
	}
}
