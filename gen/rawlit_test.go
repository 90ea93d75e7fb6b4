package gen

import (
	"bytes"
	"go/format"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestRawLitsExpand checks that formatting with placeholders and putting
// the literals back gives what formatting the literals gives.
func TestRawLitsExpand(t *testing.T) {
	bodies := []string{"{\n  \"a\": 1\n}", "", "x\ty", "line\n\n\tindented\n"}
	build := func(lit func(string) jen.Code) *jen.File {
		f := jen.NewFile("p")
		var stmts []jen.Code
		for i, b := range bodies {
			stmts = append(stmts, jen.Const().Id("b"+string(rune('a'+i))).Op("=").Add(lit(b)),
				jen.Id("_").Op("=").Id("b"+string(rune('a'+i))))
		}
		f.Func().Id("f").Params().Block(jen.Id("m").Op(":=").Map(jen.String()).Int().Values(jen.Dict{jen.Lit("k"): jen.Lit(1), jen.Lit("long key"): jen.Lit(2)}),
			jen.Id("_").Op("=").Id("m"), jen.Func().Params().Block(stmts...).Call())
		return f
	}
	var want bytes.Buffer
	if err := build(func(s string) jen.Code { return jen.Op("`" + s + "`") }).Render(&want); err != nil {
		t.Fatal(err)
	}
	lits := &rawLits{}
	var buf bytes.Buffer
	if err := build(lits.bodyLit).Render(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := lits.expand(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("expanded:\n%s\nwant:\n%s", got, want.Bytes())
	}
	if formatted, err := format.Source(got); err != nil || !bytes.Equal(formatted, got) {
		t.Errorf("expanded output is not gofmt-clean (%v)", err)
	}
}

func TestRawLitsExpandRejects(t *testing.T) {
	lits := &rawLits{lits: []string{"a", "b"}}
	for _, src := range []string{
		"x := `\x010\x01`", // placeholder 1 lost
		"x := `\x010\x01` + `\x010\x01` + `\x011\x01`", // used twice
		"x := `\x019\x01` + `\x011\x01`",               // out of range
		"x := `\x010\x01` + `\x011\x01` \x01",          // stray mark
	} {
		if _, err := lits.expand([]byte(src)); err == nil {
			t.Errorf("expand(%q) succeeded", src)
		}
	}
}
