package rt

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// TestAnyOfDecode checks that AnyOf decodes the member its @odata.type
// names (qualified or not, any case, the last one when repeated), else the
// base, in strict and lenient mode, and checks the member strictly.
func TestAnyOfDecode(t *testing.T) {
	cases := []struct {
		body string
		want reflect.Type
	}{
		{`{"@odata.type":"#microsoft.graph.lobApp","fileName":"f","id":"1"}`, reflect.TypeFor[*fxLobApp]()},
		{`{"id":"1","@odata.type":"microsoft.graph.webApp","appUrl":"u"}`, reflect.TypeFor[*fxWebApp]()},
		{`{"@odata.type":"#Microsoft.Graph.LOBAPP"}`, reflect.TypeFor[*fxLobApp]()},
		{`{"@odata.type":"webApp"}`, reflect.TypeFor[*fxWebApp]()},
		{`{"@ODATA.TYPE":"webApp"}`, reflect.TypeFor[*fxWebApp]()},
		{`{"@odata.type":"webApp","x":{"@odata.type":"lobApp"},"@odata.type":"lobApp"}`, reflect.TypeFor[*fxLobApp]()},
		{`{"@odata.type":"webApp","@odata.type":null}`, reflect.TypeFor[*fxWebApp]()},
		{`{"@odata.type":"#microsoft.graph.other"}`, reflect.TypeFor[*fxApp]()},
		{`{}`, reflect.TypeFor[*fxApp]()},
	}
	for _, c := range cases {
		var lenient AnyOf[fxAppKind]
		err := json.Unmarshal([]byte(c.body), &lenient)
		if got := reflect.TypeOf(lenient.Value); got != c.want {
			t.Errorf("json.Unmarshal(%s) = %v, %v; want %v", c.body, got, err, c.want)
		}
		var strict AnyOf[fxAppKind]
		e := decodeStrict([]byte(c.body), &strict, nil)
		if got := reflect.TypeOf(strict.Value); e == nil && got != c.want {
			t.Errorf("decodeStrict(%s) = %v; want %v", c.body, got, c.want)
		}
	}
	var a AnyOf[fxAppKind]
	if e := decodeStrict([]byte(`{"@odata.type":"#microsoft.graph.lobApp","fileName":"f","id":"1","kind":"reset"}`), &a, nil); e != nil {
		t.Fatal(e)
	}
	if lob := a.Value.(*fxLobApp); *lob.FileName.Value != "f" || *lob.ID.Value != "1" || *lob.Kind.Value != "reset" {
		t.Errorf("member %+v", lob)
	}
	for body, msg := range map[string]string{
		`{"fileName":"f"}`:                        "Property 'fileName' is not defined.",
		`{"@odata.type":"webApp","fileName":"f"}`: "Property 'fileName' is not defined.",
		`{"@odata.type":5}`:                       "Property '@odata.type' must be a string.",
		`{"@odata.type":"lobApp","kind":"x"}`:     "Property 'kind' must be one of: registration, reset, unknownFutureValue.",
		`null`:                                    "The request body must be an object.",
		`[]`:                                      "The request body must be an object.",
		`{"@odata.type":"lobApp","fileName":"f"} x`:    "The request body is not valid JSON (error at byte 41).",
		`{"@odata.type":"lobApp","fileName":"f",`:      "The request body is not valid JSON (error at byte 39).",
		`{"@odata.type":"lobApp" "fileName":"f"}`:      "The request body is not valid JSON (error at byte 25).",
		`{"@odata.type":"lob\u0041pp","fileName":"f"}`: "",
	} {
		var a AnyOf[fxAppKind]
		if e := decodeStrict([]byte(body), &a, nil); e == nil && msg != "" || e != nil && e.Message != msg {
			t.Errorf("%s: %v, want %q", body, e, msg)
		}
	}
	var apps fxApps
	e := decodeStrict([]byte(`{"main":null,"all":[{"@odata.type":"lobApp"},{"@odata.type":"webApp","kind":"x"}]}`), &apps, nil)
	if e == nil || e.Message != "Property 'all[1].kind' must be one of: registration, reset, unknownFutureValue." {
		t.Errorf("path through AnyOf: %v", e)
	}
	if err := json.Unmarshal([]byte(`null`), &a); err != nil || a.Value != nil {
		t.Errorf("null: %v %v", err, a.Value)
	}
	if err := json.Unmarshal([]byte(`{"@odata.type":5}`), &a); err == nil {
		t.Error("lenient: @odata.type 5 decodes")
	}
}

// fxUnregistered is a family that is not registered.
type fxUnregistered interface{ unregistered() }

// TestAnyOfEncode checks that AnyOf writes its member, null for none, and
// that an unregistered family cannot be decoded.
func TestAnyOfEncode(t *testing.T) {
	lob := &fxLobApp{FileName: Some("f")}
	lob.ODataType = Some("#microsoft.graph.lobApp")
	for _, v := range []any{AnyOf[fxAppKind]{Value: lob}, &AnyOf[fxAppKind]{Value: lob}} {
		out, err := json.Marshal(v)
		if err != nil || string(out) != `{"@odata.type":"#microsoft.graph.lobApp","fileName":"f"}` {
			t.Errorf("json.Marshal = %s, %v", out, err)
		}
	}
	if out, err := json.Marshal(AnyOf[fxAppKind]{}); err != nil || string(out) != "null" {
		t.Errorf("empty: %s, %v", out, err)
	}
	apps := fxApps{All: Some([]AnyOf[fxAppKind]{{Value: lob}, {}})}
	if out, err := AppendJSON(nil, &apps, nil); err != nil || string(out) != `{"all":[{"@odata.type":"#microsoft.graph.lobApp","fileName":"f"},null]}` {
		t.Errorf("in a struct: %s, %v", out, err)
	}
	var u AnyOf[fxUnregistered]
	if e := decodeStrict([]byte(`{}`), &u, nil); e == nil || e.Message != "The request body could not be decoded." {
		t.Errorf("unregistered, strict: %v", e)
	}
	if err := json.Unmarshal([]byte(`{}`), &u); err == nil {
		t.Error("unregistered, lenient: no error")
	}
	bad := AnyOf[fxAppKind]{Value: &fxApp{Kind: Some(fxFeature("x"))}}
	var ve *ValidationError
	if err := ValidateStruct(&fxApps{Main: Some(bad)}); !errors.As(err, &ve) || ve.Property != "main.kind" {
		t.Errorf("validate through AnyOf: %v", err)
	}
}
