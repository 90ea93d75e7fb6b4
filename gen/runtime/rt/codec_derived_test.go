package rt

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/schema"
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
	sameJSON(t, body, out)
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

// sameJSON fails t unless out is the JSON of body, members in any order.
func sameJSON(t *testing.T, body string, out []byte) {
	t.Helper()
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
	sameJSON(t, body, out)
}

// TestForeignTypeMembers: lenient decoding (a response) keeps the
// members of an object whose @odata.type names a type the struct cannot
// stand for (not it, not derived from it, not its base: the docs give an
// outlookItem and the value is a message whose page names no base) as
// they are written, so that the value round-trips without a field for
// them; strict decoding (a request) still rejects them. A name that is
// the struct's own in another namespace, or a base of it, is no foreign
// type: an undeclared member is dropped there as before.
func TestForeignTypeMembers(t *testing.T) {
	for _, body := range []string{
		`{"app":{"@odata.type":"#microsoft.graph.address","id":"1","city":"Oslo","zip":{"a":[1]}}}`,
		`{"app":{"@odata.type":"#Microsoft.OutlookServices.FileAttachment","contentBytes":"AA=="}}`,
	} {
		var h fxHolder
		if err := UnmarshalStruct([]byte(body), &h); err != nil {
			t.Fatalf("%s: lenient decode: %v", body, err)
		}
		out, err := AppendJSON(nil, &h, nil)
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, body, out)
		var strict fxHolder
		if err := decodeStrict([]byte(body), &strict, nil); err == nil {
			t.Errorf("%s: strict decode accepted a foreign type's member", body)
		}
	}
	for _, tc := range []struct {
		body string
		typ  any
	}{
		{`{"@odata.type":"#other.ns.app","fileName":"a"}`, &fxApp{}},
		{`{"@odata.type":"App","fileName":"a"}`, &fxApp{}},
		{`{"@odata.type":"#microsoft.graph.app","city":"a"}`, &fxLobApp{}},
	} {
		if err := UnmarshalStruct([]byte(tc.body), tc.typ); err != nil {
			t.Fatalf("%s: %v", tc.body, err)
		}
		out, err := AppendJSON(nil, tc.typ, nil)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(out), `"fileName"`) || strings.Contains(string(out), `"city"`) {
			t.Errorf("%s: kept an undeclared member of a type that is no foreign one: %s", tc.body, out)
		}
	}
}

// TestDirectoryExtensionMembers: a directory extension property
// ("extension_" + 32 hex digits + "_" + name), which Graph adds to
// directory objects per application and tenant, is kept with a closed
// type's annotations, in requests (Graph accepts them) and responses, and
// round-trips; a name that only looks like one is still refused.
func TestDirectoryExtensionMembers(t *testing.T) {
	body := `{"id":"1","extension_fe2174665583431c953114ff7268b7b3_Education_City":"Oslo"}`
	for _, strict := range []bool{true, false} {
		var a fxApp
		var err error
		if strict {
			if e := decodeStrict([]byte(body), &a, nil); e != nil {
				err = e
			}
		} else {
			err = UnmarshalStruct([]byte(body), &a)
		}
		if err != nil {
			t.Fatalf("strict %v: %v", strict, err)
		}
		out, err := AppendJSON(nil, &a, nil)
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, body, out)
	}
	for _, name := range []string{"extension_fe21746655_City", "extension_fe2174665583431c953114ff7268b7bz_City", "extension_fe2174665583431c953114ff7268b7b3_"} {
		var a fxApp
		if err := decodeStrict([]byte(`{"`+name+`":1}`), &a, nil); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestDirectoryExtensionAgreesWithParser: the decoder keeps as directory
// extension properties exactly the names the parser makes no field of.
func TestDirectoryExtensionAgreesWithParser(t *testing.T) {
	const app = "fe2174665583431c953114ff7268b7b3"
	for _, name := range []string{
		"extension_" + app + "_City", "extension_" + app + "_", "extension_" + app + "City",
		"extension_" + strings.ToUpper(app) + "_x", "extension_" + app[:31] + "g_x", "Extension_" + app + "_x",
		"extension_" + app[:31] + "_x", "extension__" + app + "_x", "extension_" + app + "_a_b", "x", "",
	} {
		if got, want := isDirectoryExtensionName([]byte(name)), schema.IsDirectoryExtension(name); got != want {
			t.Errorf("%q: decoder %v, parser %v", name, got, want)
		}
	}
}
