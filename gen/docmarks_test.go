package gen

import (
	"bytes"
	"testing"
)

// TestDocsExpand checks that the one-line doc comments come back
// indented like their placeholder, and that expand refuses what it cannot
// put back as gofmt would have printed it.
func TestDocsExpand(t *testing.T) {
	src := []byte("package p\n\n// \x02A.\x03\x03B c.\x02\ntype T struct {\n// \x02F.\x02\nF int\n}\n")
	short, d := cutDocs(src)
	if want := "package p\n\n/*\x020\x02*/\ntype T struct {\n/*\x021\x02*/\nF int\n}\n"; string(short) != want {
		t.Fatalf("cutDocs = %q, want %q", short, want)
	}
	formatted := []byte("package p\n\n/*\x020\x02*/\ntype T struct {\n\t/*\x021\x02*/\n\tF int\n}\n")
	got, ok := d.expand(formatted)
	if want := "package p\n\n// A.\n//\n// B c.\ntype T struct {\n\t// F.\n\tF int\n}\n"; !ok || string(got) != want {
		t.Fatalf("expand = %q, %v; want %q", got, ok, want)
	}
	if want := "package p\n\n// A.\n//\n// B c.\ntype T struct {\n// F.\nF int\n}\n"; string(d.inline(src)) != want {
		t.Fatalf("inline = %q, want %q", d.inline(src), want)
	}
	for name, bad := range map[string]string{
		"after code":  "package p\n\n/*\x020\x02*/\nvar x = 1 /*\x021\x02*/\n",
		"lost":        "package p\n\n/*\x020\x02*/\n",
		"twice":       "package p\n\n/*\x020\x02*/\n/*\x020\x02*/\n/*\x021\x02*/\n",
		"unknown":     "package p\n\n/*\x020\x02*/\n/*\x021\x02*/\n/*\x022\x02*/\n",
		"not numeric": "package p\n\n/*\x020\x02*/\n/*\x02x\x02*/\n/*\x021\x02*/\n",
		"unclosed":    "package p\n\n/*\x020\x02*/\n/*\x021\x02*/\n/*\x02",
	} {
		if out, ok := d.expand([]byte(bad)); ok {
			t.Errorf("%s: expand = %q, true; want false", name, out)
		}
	}
}

// TestFormatFileTrailingDoc checks the fallback: a doc comment gofmt
// leaves after code on the same line is formatted whole, as gofmt would.
func TestFormatFileTrailingDoc(t *testing.T) {
	parts := []string{"T is a type.", "trailing"}
	got, err := formatFile(commentFile(comment, parts))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte("var x = 1 // T is a type.\n")) || bytes.Contains(got, []byte(docMark)) {
		t.Fatalf("trailing doc comment not formatted whole:\n%s", got)
	}
}
