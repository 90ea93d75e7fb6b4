package parser

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/jsondoc"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestTypesOutsideInputs reads v1.0 operation pages copied without their
// resource pages (fixtures): the types they name are built from what the
// examples show, with one warning per type naming the page that would
// define it, and the examples check against them.
func TestTypesOutsideInputs(t *testing.T) {
	files, err := ReadPaths([]string{"testdata/issue13/alone"})
	if err != nil {
		t.Fatal(err)
	}
	s := Parse(files)
	types := map[string]*schema.Type{}
	for _, ty := range s.Types {
		types[ty.QualifiedName()] = ty
	}
	for _, name := range []string{"microsoft.graph.user", "microsoft.graph.message", "microsoft.graph.drive"} {
		ty := types[name]
		if ty == nil {
			t.Errorf("no type %s", name)
			continue
		}
		if !ty.Open || len(ty.Properties) == 0 {
			t.Errorf("%s: open %v, %d properties", name, ty.Open, len(ty.Properties))
		}
	}
	if u := types["microsoft.graph.user"]; u != nil {
		for _, p := range u.Properties {
			if p.Name == "businessPhones" && p.Type.String() != "Collection(Edm.String)" {
				t.Errorf("user.businessPhones is %s, want Collection(Edm.String) (typed from the example's values)", p.Type)
			}
		}
	}
	warned := map[string]int{}
	for _, d := range s.Diagnostics {
		switch d.Code {
		case "type-not-in-inputs":
			warned[strings.Fields(d.Message)[1]]++
			if !strings.Contains(d.Message, "not among the inputs") {
				t.Errorf("message %q", d.Message)
			}
		case "property-undocumented", "type-undefined", "example-response-untyped":
			t.Errorf("%s", d)
		}
		if strings.Contains(d.Message, "names no response type") {
			t.Errorf("%s", d)
		}
	}
	for name, n := range warned {
		if n != 1 {
			t.Errorf("%s: %d type-not-in-inputs warnings, want 1", name, n)
		}
	}
	if len(warned) != 3 {
		t.Errorf("types reported: %v, want user, message and drive", warned)
	}
	for _, op := range s.Operations {
		if op.ResponseType == nil {
			t.Errorf("%s: no response type", op.Source)
		}
		for _, ex := range op.Examples {
			if ex.ResponseMismatch != "" || ex.Rejects != "" {
				t.Errorf("%s: example %s: mismatch %q, rejects %q", op.Source, ex.Name, ex.ResponseMismatch, ex.Rejects)
			}
		}
	}
}

// TestOutsideTypeWithoutExample: a type the pages name but no example
// shows is any JSON.
func TestOutsideTypeWithoutExample(t *testing.T) {
	page := resourcePageText("holder", "", "| widget | [widget](widget.md) | A widget. |\n| gadgets | [gadget](gadget.md) collection | Gadgets. |\n", "")
	s := Parse([]File{{Path: "resources/holder.md", Data: []byte(page)}})
	for _, ty := range s.Types {
		if ty.Name != "holder" {
			t.Errorf("unexpected type %s", ty.Name)
			continue
		}
		got := map[string]string{}
		for _, p := range ty.Properties {
			got[p.Name] = p.Type.String()
		}
		if got["widget"] != "Edm.Untyped" || got["gadgets"] != "Collection(Edm.Untyped)" {
			t.Errorf("properties %v, want any JSON", got)
		}
	}
	n := 0
	for _, d := range s.Diagnostics {
		if d.Code == "type-not-in-inputs" {
			n++
			if !strings.Contains(d.Message, "resources/widget.md would define it") && !strings.Contains(d.Message, "resources/gadget.md would define it") || !strings.Contains(d.Message, "any JSON") {
				t.Errorf("message %q", d.Message)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d type-not-in-inputs warnings, want 2", n)
	}
}

// TestInferredTypes: a property inferred from examples is typed from its
// values where they tell it, and widened as more examples show it.
func TestInferredTypes(t *testing.T) {
	for _, tc := range []struct {
		values []string
		want   string
	}{
		{[]string{`"a"`}, "Edm.String"},
		{[]string{`1`, `2.5`}, "Edm.Double"},
		{[]string{`["a", null, "b"]`}, "Collection(Edm.String)"},
		{[]string{`[1, 2]`, `[3.5]`}, "Collection(Edm.Double)"},
		{[]string{`["a"]`, `[]`, `null`}, "Collection(Edm.String)"},
		{[]string{`[]`}, "Edm.Untyped"},
		{[]string{`["a", 1]`}, "Edm.Untyped"},
		{[]string{`[{"a": 1}]`}, "Edm.Untyped"},
		{[]string{`{"a": 1}`}, "Edm.Untyped"},
		{[]string{`["a"]`, `"a"`}, "Edm.Untyped"},
		{[]string{`true`, `"true"`}, "Edm.Untyped"},
	} {
		var p *schema.Property
		for _, v := range tc.values {
			val, _, err := jsondocParse(v)
			if err != nil {
				t.Fatal(err)
			}
			if p == nil {
				p = &schema.Property{Type: jsonTypeRef(val), Inferred: true}
				continue
			}
			widen(p, val)
		}
		if got := p.Type.String(); got != tc.want {
			t.Errorf("%v: %s, want %s", tc.values, got, tc.want)
		}
	}
}

func jsondocParse(s string) (*jsondoc.Value, []jsondoc.Repair, error) {
	return jsondoc.ParseLenient([]byte(s), 100)
}
