package rt

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAnnotationsDecoded checks that instance annotations land in the
// annotations field of the object they are in, in strict and lenient mode,
// and that the methods read them.
func TestAnnotationsDecoded(t *testing.T) {
	body := []byte(`{"@odata.context":"ctx","@odata.etag":"W/\"1\"","manager@odata.bind":"https://g/users/1",
		"members@odata.bind":[ "a", "b" ],"id":"1","@odata.type":"#t","address":{"city":"c","city@x.y":{"n":1}},
		"bad@odata.bind":5,"list@odata.bind":["a",1]}`)
	var strict, lenient fxReport
	if e := decodeStrict(body, &strict, nil); e != nil {
		t.Fatal(e)
	}
	if err := json.Unmarshal(body, &lenient); err != nil {
		t.Fatal(err)
	}
	want := Annotations{
		"@odata.context": json.RawMessage(`"ctx"`), "@odata.etag": json.RawMessage(`"W/\"1\""`),
		"manager@odata.bind": json.RawMessage(`"https://g/users/1"`), "members@odata.bind": json.RawMessage(`[ "a", "b" ]`),
		"bad@odata.bind": json.RawMessage(`5`), "list@odata.bind": json.RawMessage(`["a",1]`),
	}
	for _, r := range []fxReport{strict, lenient} {
		if diff := cmp.Diff(want, r.ODataAnnotations); diff != "" {
			t.Errorf("annotations (-want +got):\n%s", diff)
		}
		if r.fxEntity.ODataAnnotations != nil || *r.ODataType.Value != "#t" {
			t.Errorf("the shallowest annotations field holds them, @odata.type is a field: %+v", r.fxEntity)
		}
		if a := r.Address.Value.ODataAnnotations; string(a["city@x.y"]) != `{"n":1}` {
			t.Errorf("nested annotations %v", a)
		}
	}
	a := strict.ODataAnnotations
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"Bind manager", bindResult(a.Bind("manager")), bindResult([]string{"https://g/users/1"}, true)},
		{"Bind members", bindResult(a.Bind("members")), bindResult([]string{"a", "b"}, true)},
		{"Bind bad", bindResult(a.Bind("bad")), bindResult(nil, false)},
		{"Bind list", bindResult(a.Bind("list")), bindResult(nil, false)},
		{"Bind none", bindResult(a.Bind("id")), bindResult(nil, false)},
		{"Bound", a.Bound(), []string{"bad", "list", "manager", "members"}},
		{"GetString etag", stringResult(a.GetString("@odata.etag")), stringResult(`W/"1"`, true)},
		{"GetString bind", stringResult(a.GetString("members@odata.bind")), stringResult("", false)},
		{"GetString none", stringResult(a.GetString("@odata.id")), stringResult("", false)},
	}
	for _, c := range checks {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
	if v, ok := a.Get("@odata.context"); !ok || string(v) != `"ctx"` {
		t.Errorf("Get = %s, %v", v, ok)
	}
	var none Annotations
	none.SetString("@odata.nextLink", "https://x/?$skiptoken=\"a\"")
	none.Set("@odata.count", json.RawMessage(`2`))
	if s, ok := none.GetString("@odata.nextLink"); !ok || s != `https://x/?$skiptoken="a"` || string(none["@odata.count"]) != "2" {
		t.Errorf("Set: %v", none)
	}
}

// bindResult pairs the results of Bind for comparing.
func bindResult(refs []string, ok bool) []any { return []any{refs, ok} }

// stringResult pairs the results of GetString for comparing.
func stringResult(s string, ok bool) []any { return []any{s, ok} }

// TestAdditionalData checks open types: undeclared members are kept (and
// annotations apart), written back after the properties, and strict mode
// still checks the declared ones.
func TestAdditionalData(t *testing.T) {
	var o fxOpen
	if e := decodeStrict([]byte(`{"name":"n","extra":{"deep":[1,2,{"x":null}]},"more":5,"@odata.etag":"e","KIND":"reset"}`), &o, nil); e != nil {
		t.Fatal(e)
	}
	want := map[string]json.RawMessage{"extra": json.RawMessage(`{"deep":[1,2,{"x":null}]}`), "more": json.RawMessage(`5`)}
	if diff := cmp.Diff(want, o.AdditionalData); diff != "" || *o.Kind.Value != "reset" || string(o.ODataAnnotations["@odata.etag"]) != `"e"` {
		t.Errorf("additional (-want +got):\n%s\n%+v", diff, o)
	}
	out, err := json.Marshal(o)
	if err != nil || string(out) != `{"@odata.etag":"e","name":"n","kind":"reset","extra":{"deep":[1,2,{"x":null}]},"more":5}` {
		t.Errorf("encoded %s, %v", out, err)
	}
	for body, msg := range map[string]string{
		`{"kind":"bogus"}`:         "Property 'kind' must be one of: registration, reset, unknownFutureValue.",
		`{"KIND":"bogus"}`:         "Property 'KIND' must be one of: registration, reset, unknownFutureValue.",
		`{"name":1}`:               "Property 'name' must be a string.",
		`{"x":` + nested(64) + `}`: "The request body is nested more than 64 levels deep.",
	} {
		var o fxOpen
		if e := decodeStrict([]byte(body), &o, nil); e == nil || e.Message != msg {
			t.Errorf("%s: %v, want %q", body, e, msg)
		}
	}
	var plain struct {
		Name  Optional[string]           `json:"name,omitzero"`
		Extra map[string]json.RawMessage `json:"-" graphjson:",additional"`
	}
	if e := decodeStrict([]byte(`{"name":"n","x@odata.bind":"a","y":1}`), &plain, nil); e != nil || len(plain.Extra) != 1 {
		t.Errorf("an open type without annotations field drops annotations: %v %v", e, plain.Extra)
	}
}

// nested returns n nested arrays.
func nested(n int) string {
	b := make([]byte, 2*n)
	for i := range n {
		b[i], b[2*n-1-i] = '[', ']'
	}
	return string(b)
}

// TestSpecialFieldsRules checks which fields hold annotations and
// additional members: the shallowest, of the right type, exported.
func TestSpecialFieldsRules(t *testing.T) {
	type Inner struct {
		A Annotations `json:"-" graphjson:",annotations"`
	}
	type twoAtOneDepth struct {
		A Annotations                `json:"-" graphjson:",annotations"`
		B map[string]json.RawMessage `json:"-" graphjson:",annotations"`
	}
	type wrongType struct {
		A map[string]string `json:"-" graphjson:",annotations"`
		N Optional[int]     `json:"n,omitzero"`
	}
	type promoted struct {
		*Inner
		N Optional[int] `json:"n,omitzero"`
	}
	for _, c := range []struct {
		typ  reflect.Type
		want bool
	}{
		{reflect.TypeFor[Inner](), true},
		{reflect.TypeFor[twoAtOneDepth](), false},
		{reflect.TypeFor[wrongType](), false},
		{reflect.TypeFor[promoted](), true},
	} {
		if got := codecPlanFor(c.typ).st.annotations != nil; got != c.want {
			t.Errorf("%v: annotations field found %v, want %v", c.typ, got, c.want)
		}
	}
	var p promoted
	if e := decodeStrict([]byte(`{"n":1,"@odata.id":"x"}`), &p, nil); e != nil || p.Inner == nil || string(p.A["@odata.id"]) != `"x"` {
		t.Errorf("promoted through a pointer: %v %+v", e, p)
	}
	if out, _ := AppendJSON(nil, promoted{N: Some(1)}, nil); string(out) != `{"n":1}` {
		t.Errorf("nil embedded pointer: %s", out)
	}
	var w wrongType
	if e := decodeStrict([]byte(`{"@odata.id":"x"}`), &w, nil); e != nil || w.A != nil {
		t.Errorf("a field of the wrong type is left alone: %v %v", e, w.A)
	}
}
