package schema

import "testing"

func TestLookupNamedPrefersTypes(t *testing.T) {
	typ := &Type{Name: "widget", Namespace: "microsoft.graph"}
	en := &Enum{Name: "widget", Namespace: "microsoft.graph"}
	other := &Enum{Name: "kind", Namespace: "microsoft.graph"}
	types := map[string]*Type{"microsoft.graph.widget": typ}
	enums := map[string]*Enum{"microsoft.graph.widget": en, "microsoft.graph.kind": other}
	for _, tc := range []struct {
		name  string
		wantT *Type
		wantE *Enum
	}{
		{"microsoft.graph.widget", typ, nil},
		{"Microsoft.Graph.Widget", typ, nil},
		{"microsoft.graph.kind", nil, other},
		{"Edm.String", nil, nil},
		{"microsoft.graph.missing", nil, nil},
	} {
		gotT, gotE := LookupNamed(tc.name, types, enums)
		if gotT != tc.wantT || gotE != tc.wantE {
			t.Errorf("LookupNamed(%q) = %v, %v; want %v, %v", tc.name, gotT, gotE, tc.wantT, tc.wantE)
		}
	}
}
