package rt

import (
	"encoding/json"
	"testing"
)

// TestEvolvableEnums checks the options of issue #14: members documented
// after unknownFutureValue rejected in a request without the Prefer header,
// and answered as unknownFutureValue.
func TestEvolvableEnums(t *testing.T) {
	var r fxReport
	if e := decodeStrict([]byte(`{"level":"extreme"}`), &r, nil); e != nil || *r.Level.Value != "extreme" {
		t.Errorf("default: %v %v", e, r.Level)
	}
	hide := &decodeOptions{rejectEvolvable: true}
	for body, msg := range map[string]string{
		`{"level":"extreme"}`:            "Property 'level' must be one of: low, high, unknownFutureValue.",
		`{"level":"bogus"}`:              "Property 'level' must be one of: low, high, unknownFutureValue, extreme.",
		`{"level":"unknownFutureValue"}`: "",
		`{"feature":"reset"}`:            "",
	} {
		var r fxReport
		if e := decodeStrict([]byte(body), &r, hide); e == nil && msg != "" || e != nil && e.Message != msg {
			t.Errorf("%s: %v, want %q", body, e, msg)
		}
	}
	r = fxReport{Level: Some(fxLevel("extreme")), Feature: Some(fxFeature("reset"))}
	p := fxPrims{Levels: []fxLevel{"low", "extreme", "other"}}
	for _, c := range []struct {
		v    any
		opts *encodeOptions
		want string
	}{
		{&r, nil, `{"feature":"reset","level":"extreme"}`},
		{&r, &encodeOptions{hideEvolvable: true}, `{"feature":"reset","level":"unknownFutureValue"}`},
		{&p, &encodeOptions{hideEvolvable: true, Selected: map[string]bool{"levels": true}}, `{"levels":["low","unknownFutureValue","other"]}`},
	} {
		if got, err := AppendJSON(nil, c.v, c.opts); err != nil || string(got) != c.want {
			t.Errorf("appendJSON = %s, %v; want %s", got, err, c.want)
		}
	}
}

// TestSelect checks the $select projection: of the top-level object, or of
// the elements of a collection's value; control information and
// annotations always written.
func TestSelect(t *testing.T) {
	r := fxReport{Name: Some("n"), Feature: Some(fxFeature("reset")), Address: Some(fxAddress{City: Some("c"), Zip: Some(int32(1))})}
	r.ID, r.ODataType = Some("1"), Some("#t")
	r.ODataAnnotations = Annotations{"@odata.etag": []byte(`"e"`)}
	sel := map[string]bool{"name": true, "address": true}
	got, err := AppendJSON(nil, &r, &encodeOptions{Selected: sel})
	if want := `{"@odata.type":"#t","@odata.etag":"e","address":{"city":"c","zip":1},"name":"n"}`; err != nil || string(got) != want {
		t.Errorf("entity: %s, %v\nwant %s", got, err, want)
	}
	c := fxCollection[fxReport]{ODataContext: Some("ctx"), ODataCount: Some(int64(2)), Value: []fxReport{r, {}}}
	got, err = AppendJSON(nil, &c, &encodeOptions{Selected: sel, SelectInValue: true})
	if want := `{"@odata.context":"ctx","@odata.count":2,"value":[{"@odata.type":"#t","@odata.etag":"e","address":{"city":"c","zip":1},"name":"n"},{}]}`; err != nil || string(got) != want {
		t.Errorf("collection: %s, %v\nwant %s", got, err, want)
	}
	o := fxOpen{Name: Some("n"), AdditionalData: map[string]json.RawMessage{"a": json.RawMessage("1"), "b": json.RawMessage("2")}}
	got, _ = AppendJSON(nil, &o, &encodeOptions{Selected: map[string]bool{"b": true}})
	if string(got) != `{"b":2}` {
		t.Errorf("open type: %s", got)
	}
	got, _ = AppendJSON(nil, []fxAddress{{City: Some("c"), Zip: Some(int32(1))}}, &encodeOptions{Selected: map[string]bool{"zip": true}})
	if string(got) != `[{"zip":1}]` {
		t.Errorf("slice of entities: %s", got)
	}
}

// fxLate is an enum registered after its plan was built.
type fxLate string

// TestLateRegistration checks that registerTables applies to types whose
// plans exist already.
func TestLateRegistration(t *testing.T) {
	var v struct {
		L Optional[fxLate] `json:"l,omitzero"`
	}
	if e := decodeStrict([]byte(`{"l":"x"}`), &v, nil); e != nil {
		t.Fatal(e)
	}
	RegisterTables([]EnumInfo{{Typ: (*fxLate)(nil), Members: []string{"a"}}}, nil, nil)
	if e := decodeStrict([]byte(`{"l":"x"}`), &v, nil); e == nil || e.Message != "Property 'l' must be one of: a." {
		t.Errorf("after registration: %v", e)
	}
}

// fxParts is a flags enum, as team-clone's clonableTeamParts.
type fxParts string

// TestFlagsEnum checks a flags enum: a value is one member or several
// joined by commas (spaces around a comma allowed), in a strictly decoded
// body, in ValidateStruct and in IsFlags; a value naming a non-member, an
// empty part, or, for an enum without Flags, several members is refused.
func TestFlagsEnum(t *testing.T) {
	RegisterTables([]EnumInfo{{Typ: (*fxParts)(nil), Members: []string{"apps", "tabs", "settings"}, Flags: true}, {Typ: (*fxLate)(nil), Members: []string{"a", "b"}}}, nil, nil)
	members := []string{"apps", "tabs", "settings"}
	for _, c := range []struct {
		value string
		ok    bool
	}{
		{"apps", true}, {"apps,tabs,settings", true}, {"tabs, apps", true},
		{"apps,x", false}, {"apps,", false}, {"", false}, {"Apps", false},
	} {
		var v struct {
			P Optional[fxParts] `json:"p,omitzero"`
		}
		e := decodeStrict([]byte(`{"p":"`+c.value+`"}`), &v, nil)
		if (e == nil) != c.ok {
			t.Errorf("decoding %q: %v, want ok %v", c.value, e, c.ok)
		}
		if got := IsFlags(members, c.value); got != c.ok {
			t.Errorf("IsFlags(%q) = %v, want %v", c.value, got, c.ok)
		}
		if c.ok && (ValidateStruct(&v) != nil || v.P.Value == nil || *v.P.Value != fxParts(c.value)) {
			t.Errorf("%q: decoded as %v, ValidateStruct %v", c.value, v.P.Value, ValidateStruct(&v))
		}
	}
	var w struct {
		L Optional[fxLate] `json:"l,omitzero"`
	}
	if e := decodeStrict([]byte(`{"l":"a,b"}`), &w, nil); e == nil {
		t.Error("an enum without Flags took two members")
	}
}
