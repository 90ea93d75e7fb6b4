package rt

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// embA is embedded by value in fieldRules.
type embA struct {
	X      Optional[string] `json:"x,omitzero"`
	Shared Optional[int]    `json:"shared,omitzero"`
	Amb    Optional[int]    `json:"amb,omitzero"`
	Plain2 string
}

// embB is embedded by pointer in fieldRules.
type embB struct {
	Y       Optional[string] `json:"y,omitzero"`
	Amb     Optional[int]    `json:"amb,omitzero"`
	Shared2 int              `json:"shared"`
	P2      string           `json:"Plain2"`
}

// Named is embedded with a tag, so its fields are not promoted.
type Named struct {
	Z string `json:"z"`
}

// Word is an embedded non-struct type.
type Word string

// fieldRules is the runtime's behaviour test of the field rules.
type fieldRules struct {
	embA
	*embB
	Named `json:"named"`
	Word
	Shared Optional[int] `json:"shared,omitzero"`
	Skip   string        `json:"-"`
	hidden string
	Plain  string
	Dash   string `json:"-,"`
	// Tag names encoding/json rejects fall back to the field name.
	Quoted    string `json:"a\"b,omitempty"`
	Euro      string `json:"€uro"`
	Apostr    string `json:"it's"`
	Separator string `json:"x y"`
	Spaced    string `json:"a b!#$%&()*+-./:;<=>?@[]^_{|}~"`
}

// plainRules is fieldRules without Optionals, for encoding/json.
type plainRules struct {
	plainEmbA
	*plainEmbB
	Named `json:"named"`
	Word
	Shared    int    `json:"shared,omitzero"`
	Skip      string `json:"-"`
	hidden    string
	Plain     string
	Dash      string `json:"-,"`
	Quoted    string `json:"a\"b,omitempty"`
	Euro      string `json:"€uro"`
	Apostr    string `json:"it's"`
	Separator string `json:"x y"`
	Spaced    string `json:"a b!#$%&()*+-./:;<=>?@[]^_{|}~"`
}

// plainEmbA is embA without Optionals.
type plainEmbA struct {
	X      string `json:"x,omitzero"`
	Shared int    `json:"shared,omitzero"`
	Amb    int    `json:"amb,omitzero"`
	Plain2 string
}

// plainEmbB is embB without Optionals.
type plainEmbB struct {
	Y       string `json:"y,omitzero"`
	Amb     int    `json:"amb,omitzero"`
	Shared2 int    `json:"shared"`
	P2      string `json:"Plain2"`
}

func TestStructFields(t *testing.T) {
	p := plainRules{plainEmbA: plainEmbA{X: "x", Shared: 1, Amb: 1, Plain2: "p"}, plainEmbB: &plainEmbB{Y: "y", Amb: 2, Shared2: 3, P2: "q"},
		Named: Named{Z: "z"}, Word: "w", Shared: 4, Skip: "s", hidden: "h", Plain: "p", Dash: "d",
		Quoted: "q", Euro: "e", Apostr: "a", Separator: "s", Spaced: "sp"}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		t.Fatal(err)
	}
	want := strings.TrimSuffix(buf.String(), "\n")
	got, err := AppendJSON(nil, &p, nil)
	if err != nil || string(got) != want {
		t.Errorf("appendJSON = %s, %v\nencoding/json %s", got, err, want)
	}
	var names []string
	for _, f := range codecPlanFor(reflect.TypeFor[fieldRules]()).st.fields {
		names = append(names, f.name)
	}
	var m map[string]any
	_ = json.Unmarshal([]byte(want), &m)
	wantNames := slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	})
	slices.Sort(names)
	if diff := cmp.Diff(wantNames, names); diff != "" {
		t.Errorf("field names (-encoding/json +codec):\n%s", diff)
	}
	for body, want := range map[string]string{
		`{"amb":1}`:         "Property 'amb' is not defined.",
		`{"z":"a"}`:         "Property 'z' is not defined.",
		`{"Skip":"a"}`:      "Property 'Skip' is not defined.",
		`{"hidden":"a"}`:    "Property 'hidden' is not defined.",
		`{"shared":"x"}`:    "Property 'shared' must be an integer",
		`{"named":{"y":1}}`: "Property 'named.y' is not defined.",
		`{"Plain2":1}`:      "Property 'Plain2' must be a string.",
		`{"Word":1}`:        "Property 'Word' must be a string.",
		`{"x":1}`:           "Property 'x' must be a string.",
		`{"y":1}`:           "Property 'y' must be a string.",
		`{"plain":1}`:       "Property 'plain' must be a string.",
		`{"-":1}`:           "Property '-' must be a string.",
		`{"named":{"z":1}}`: "Property 'named.z' must be a string.",
		`{"a\"b":"q"}`:      "Property 'a\"b' is not defined.",
		`{"€uro":"q"}`:      "Property '€uro' is not defined.",
		`{"quoted":1}`:      "Property 'quoted' must be a string.",
		`{"Euro":1}`:        "Property 'Euro' must be a string.",
		`{"y":"b"}`:         "The request body could not be decoded.",
		`{"x":"a","named":{"z":"c"},"plain":"d","-":"e","Word":"f","shared":1,"Apostr":"g","separator":"h","a b!#$%&()*+-./:;<=>?@[]^_{|}~":"i"}`: "",
	} {
		var v fieldRules
		e := decodeStrict([]byte(body), &v, nil)
		if want == "" && e != nil || want != "" && (e == nil || !strings.Contains(e.Message, want)) {
			t.Errorf("decodeStrict(%s) = %v, want %q", body, e, want)
		}
	}
}

// TestDepth is the runtime's behaviour test of the nesting limit.
func TestDepth(t *testing.T) {
	kids := func(n int) string { // 2n+1 levels
		return strings.Repeat(`{"kids":[`, n) + "{}" + strings.Repeat("]}", n)
	}
	for _, c := range []struct {
		body string
		ok   bool
	}{
		{`{"blob":` + nested(63) + `}`, true},
		{`{"blob":` + nested(64) + `}`, false},
		{`{"blob":` + nested(100000) + `}`, false},
		{kids(31), true},
		{kids(32), false},
		{`{"x@a.b":` + nested(63) + `}`, true},
		{`{"x@a.b":` + nested(64) + `}`, false},
		{`{"labels":{"a":` + nested(63) + `}}`, false},
	} {
		var r fxReport
		e := decodeStrict([]byte(c.body), &r, nil)
		if c.ok != (e == nil) || e != nil && !strings.Contains(e.Message, "64") && !strings.Contains(e.Message, "not valid JSON") && !strings.Contains(e.Message, "must be") {
			t.Errorf("%.40s... (%d bytes): %v", c.body, len(c.body), e)
		}
	}
	var r fxReport
	if err := UnmarshalStruct([]byte(`{"blob":`+nested(9999)+`}`), &r); err != nil {
		t.Errorf("lenient, 10000 levels: %v", err)
	}
	if err := UnmarshalStruct([]byte(`{"blob":`+nested(10000)+`}`), &r); err == nil {
		t.Error("lenient, 10001 levels: no error")
	}
	if !json.Valid([]byte(nested(10000))) || json.Valid([]byte(nested(10001))) || !codecValid([]byte(nested(10000))) || codecValid([]byte(nested(10001))) {
		t.Error("nesting limit differs from encoding/json")
	}
}

// TestConcurrentPlans builds the plans of new types from many goroutines
// at once (run with -race).
func TestConcurrentPlans(t *testing.T) {
	type leaf struct {
		Kind Optional[fxFeature] `json:"kind,omitzero"`
		N    Optional[int]       `json:"n,omitzero"`
	}
	type node struct {
		Leaves   Optional[[]leaf]           `json:"leaves,omitzero"`
		Children Optional[[]node]           `json:"children,omitzero"`
		ByName   Optional[map[string]leaf]  `json:"byName,omitzero"`
		Ann      Annotations                `json:"-" graphjson:",annotations"`
		Extra    map[string]json.RawMessage `json:"-" graphjson:",additional"`
	}
	body := []byte(`{"leaves":[{"kind":"reset","n":1}],"children":[{"byName":{"a":{"n":2}}}],"x":1,"@odata.id":"i"}`)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				var n node
				if e := decodeStrict(body, &n, nil); e != nil {
					errs <- e
					return
				}
				out, err := AppendJSON(nil, &n, nil)
				if err != nil || len(out) == 0 {
					errs <- fmt.Errorf("goroutine %d, %d: %v", g, i, err)
					return
				}
				if err := ValidateStruct(&n); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
