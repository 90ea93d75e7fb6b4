package rt

import (
	"encoding/json"
	"strings"
	"testing"
)

// fxHolder has a property typed as the base of a family, not as the
// family (AnyOf): a value naming a derived type in @odata.type carries
// that type's members.
type fxHolder struct {
	App              Optional[fxApp] `json:"app,omitzero"`
	ODataAnnotations Annotations     `json:"-" graphjson:",annotations"`
}

func init() {
	RegisterTables(nil, nil, []TypeInfo{
		{Typ: (*fxApp)(nil), Name: "microsoft.graph.app"},
		{Typ: (*fxLobApp)(nil), Name: "microsoft.graph.lobApp"},
		{Typ: (*fxAddress)(nil), Name: "microsoft.graph.address"},
	})
}

// TestDerivedMembers: members of the derived type an object's
// @odata.type names are checked as that type's fields and kept in the
// base's annotations, so they survive a round trip; members that type
// does not have either, a value of the wrong kind, or a type that does
// not derive from the base are refused as before.
func TestDerivedMembers(t *testing.T) {
	body := `{"app":{"@odata.type":"#microsoft.graph.lobApp","id":"1","fileName":"a.msi"}}`
	var h fxHolder
	if err := decodeStrict([]byte(body), &h, nil); err != nil {
		t.Fatalf("strict decode: %v", err)
	}
	if got, _ := h.App.Value.ODataAnnotations.Get("fileName"); string(got) != `"a.msi"` {
		t.Errorf("fileName kept as %q, want %q", got, `"a.msi"`)
	}
	out, err := AppendJSON(nil, &h, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	if err := json.Unmarshal([]byte(body), &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if w, g := mustJSON(t, want), mustJSON(t, got); w != g {
		t.Errorf("round trip: got %s, want %s", g, w)
	}
	for _, tc := range []struct{ body, want string }{
		{`{"app":{"@odata.type":"#microsoft.graph.lobApp","fileName":3}}`, "app.fileName"},
		{`{"app":{"@odata.type":"#microsoft.graph.lobApp","appUrl":"x"}}`, "app.appUrl"},
		{`{"app":{"fileName":"a.msi"}}`, "app.fileName"},
		{`{"app":{"fileName":"a.msi","@odata.type":"microsoft.graph.address"}}`, "app.fileName"},
		{`{"app":{"@odata.type":"#microsoft.graph.app","fileName":"a.msi"}}`, "app.fileName"},
	} {
		var h fxHolder
		err := decodeStrict([]byte(tc.body), &h, nil)
		if err == nil || !strings.Contains(err.Message, "'"+tc.want+"'") {
			t.Errorf("%s: error %v, want one naming %s", tc.body, err, tc.want)
		}
	}
	// The @odata.type may come after the member it explains.
	var late fxHolder
	if err := decodeStrict([]byte(`{"app":{"fileName":"b","@odata.type":"lobApp"}}`), &late, nil); err != nil {
		t.Errorf("@odata.type after the member: %v", err)
	}
	// Lenient decoding (a response) keeps them too.
	var lenient fxHolder
	if err := UnmarshalStruct([]byte(body), &lenient); err != nil {
		t.Fatal(err)
	}
	if _, ok := lenient.App.Value.ODataAnnotations.Get("fileName"); !ok {
		t.Error("lenient decode dropped the derived member")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestOData3ControlNames: "odata.context" and the other control names in
// OData 3's spelling (no "@"), which the parser reads as control
// information, are kept as annotations and written back, never refused.
func TestOData3ControlNames(t *testing.T) {
	body := `{"odata.context":"https://graph.microsoft.com/beta/$metadata#x","id":"1"}`
	var a fxApp
	if err := decodeStrict([]byte(body), &a, nil); err != nil {
		t.Fatalf("strict decode: %v", err)
	}
	if _, ok := a.ODataAnnotations.Get("odata.context"); !ok {
		t.Error("odata.context not kept")
	}
	out, err := AppendJSON(nil, &a, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	_ = json.Unmarshal([]byte(body), &want)
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if w, g := mustJSON(t, want), mustJSON(t, got); w != g {
		t.Errorf("round trip: got %s, want %s", g, w)
	}
}
