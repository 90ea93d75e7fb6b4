package rt

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestUnmarshalStructAgainstEncodingJSON decodes random valid bodies with
// UnmarshalStruct (directly, and through json.Unmarshal and the fixture
// types' methods)
// and with json.Unmarshal into the old-style types, and compares: both fail
// or both succeed with the same value.
func TestUnmarshalStructAgainstEncodingJSON(t *testing.T) {
	g := &bodyGen{r: rand.New(rand.NewPCG(7, 8))}
	decoded := 0
	for _, pair := range diffPairs {
		for range 2000 {
			body := g.body(pair.ref)
			if !json.Valid(body) {
				continue
			}
			want := reflect.New(pair.ref)
			werr := json.Unmarshal(body, want.Interface())
			got := reflect.New(pair.fx)
			gerr := UnmarshalStruct(body, got.Interface())
			if got.Type().Implements(codecUnmarshalerType) {
				again := reflect.New(pair.fx)
				if err := json.Unmarshal(body, again.Interface()); (err == nil) != (gerr == nil) || !reflect.DeepEqual(canon(again.Elem()), canon(got.Elem())) {
					t.Fatalf("%s: %q: json.Unmarshal %v, unmarshalStruct %v", pair.name, body, err, gerr)
				}
			}
			if (werr == nil) != (gerr == nil) {
				t.Fatalf("%s: %q: encoding/json %v, codec %v", pair.name, body, werr, gerr)
			}
			if werr != nil {
				continue
			}
			decoded++
			if w, g := canon(want.Elem()), canon(got.Elem()); !reflect.DeepEqual(w, g) {
				t.Fatalf("%s: value decoded from %q differs: %s", pair.name, body, canonDiff("", w, g))
			}
		}
	}
	if decoded < 2000 {
		t.Errorf("only %d bodies decoded", decoded)
	}
}

// TestUnmarshalStruct checks encoding/json's semantics: unknown members
// skipped, no enum or form checks, case-insensitive names, type errors
// reported after the rest is decoded, null keeping values.
func TestUnmarshalStruct(t *testing.T) {
	var r fxReport
	err := json.Unmarshal([]byte(`{"FEATURE":"newMember","when":"yesterday","unknown":{"a":1},"x@odata.bind":"u",
		"name":5,"isSuccess":true,"small":300,"level":"extreme","tags":["a",1,"b"]}`), &r)
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Value != "number" || te.Field != "name" {
		t.Errorf("type error: %#v", err)
	}
	if r.Feature.Value == nil || *r.Feature.Value != "newMember" || *r.When.Value != "yesterday" || !*r.IsSuccess.Value || *r.Level.Value != "extreme" {
		t.Errorf("decoded %+v", r)
	}
	if r.Name.Value == nil || *r.Name.Value != "" || r.Small.Value == nil || *r.Small.Value != 0 {
		t.Errorf("a value of the wrong type must leave a zero value: name %v small %v", r.Name, r.Small)
	}
	if tags := *r.Tags.Value; len(tags) != 3 || tags[2] != "b" {
		t.Errorf("tags %q", tags)
	}
	if refs, ok := r.ODataAnnotations.Bind("x"); !ok || refs[0] != "u" {
		t.Errorf("annotations %v", r.ODataAnnotations)
	}
	keep := fxReport{Name: Some("kept")}
	if err := json.Unmarshal([]byte(`null`), &keep); err != nil || *keep.Name.Value != "kept" {
		t.Errorf("null: %v %v", err, keep.Name)
	}
	if err := keep.UnmarshalJSON([]byte(`{"isSuccess":null,"name":"x"}`)); err != nil || !keep.IsSuccess.Null || *keep.Name.Value != "x" {
		t.Errorf("merge: %v %+v", err, keep)
	}
	var se *json.SyntaxError
	if err := keep.UnmarshalJSON([]byte(`{"name":`)); !errors.As(err, &se) {
		t.Errorf("syntax: %#v", err)
	}
	if err := UnmarshalStruct([]byte(`{}`), keep); err == nil {
		t.Error("unmarshalStruct into a non-pointer succeeds")
	}
	var p fxPrims
	for body, want := range map[string]string{
		`{"bytes":"!!"}`:   "illegal base64",
		`{"any":1e400}`:    "number 1e400",
		`{"plain":[1]}`:    "cannot unmarshal array",
		`{"num":1.5}`:      "number 1.5",
		`{"levels":[{}]}`:  "cannot unmarshal object",
		`{"ptr":true}`:     "cannot unmarshal bool",
		`{"day":{"a":[]}}`: "cannot unmarshal object",
	} {
		if err := UnmarshalStruct([]byte(body), &p); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", body, err, want)
		}
	}
	if err := UnmarshalStruct([]byte(`{"bytes":[104,105],"ptr":"p","plain":"x"}`), &p); err != nil || string(*p.Bytes.Value) != "hi" || *p.Ptr != "p" {
		t.Errorf("bytes from an array: %v %q", err, *p.Bytes.Value)
	}
	ptr := p.Ptr
	if err := UnmarshalStruct([]byte(`{"ptr":"q","plain":null}`), &p); err != nil || p.Ptr != ptr || *ptr != "q" || p.Plain != "x" {
		t.Errorf("a pointer is reused and null leaves a string: %v %+v", err, p)
	}
}

// TestUnmarshalContainers checks slices, arrays and maps as encoding/json
// fills them.
func TestUnmarshalContainers(t *testing.T) {
	var v struct {
		Arr  [3]int            `json:"arr"`
		Sl   []int             `json:"sl"`
		M    map[string]int    `json:"m"`
		MK   map[int8]string   `json:"mk"`
		Raw  json.RawMessage   `json:"raw"`
		Num  json.Number       `json:"num"`
		Text map[string]string `json:"text"`
	}
	v.Sl, v.M, v.Arr = make([]int, 5, 10), map[string]int{"old": 1}, [3]int{9, 9, 9}
	if err := UnmarshalStruct([]byte(`{"arr":[1,2],"sl":[3],"m":{"new":2},"mk":{"-3":"x"},"raw":null,"num":"12"}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.Arr != [3]int{1, 2, 0} || len(v.Sl) != 1 || v.M["old"] != 1 || v.M["new"] != 2 || v.MK[-3] != "x" || string(v.Raw) != "null" || v.Num != "12" {
		t.Errorf("decoded %+v", v)
	}
	if err := UnmarshalStruct([]byte(`{"arr":[1,2,3,4],"sl":[],"mk":{"300":"x"}}`), &v); err == nil || v.Arr != [3]int{1, 2, 3} || v.Sl == nil || len(v.Sl) != 0 {
		t.Errorf("extra elements, empty slice, key out of range: %v %+v", err, v)
	}
	if err := UnmarshalStruct([]byte(`{"num":"x"}`), &v); err == nil {
		t.Error("json.Number from a string that is not a number")
	}
}
