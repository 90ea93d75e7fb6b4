package gen

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// commentSeeds are doc texts with every kind of rune sanitize treats
// apart, and lines around the wrap width.
var commentSeeds = []string{
	"", " ", "plain words.", "  lead and trail  ", "a\nb\r\nc\u2028d\u2029e\u0085f", "nul\x00 bom\ufeff bidi\u202e",
	"invalid \xff\xfe utf-8 \xff x\xff", "\ufffd\xff", "a\u00a0b a \u00a0 b\u3000c", "tab\tand\vff\f", "del\x7fx",
	"+build linux", "x +build", strings.Repeat("word ", 19) + "+build linux", strings.Repeat("ab ", 40),
	strings.Repeat("x", 99) + " y", strings.Repeat("x", 100) + " y", strings.Repeat("x", 101) + " y z", "é" + strings.Repeat("é", 60),
	"ends with é", "ends with a paren)", "Heading", "trailing", "# Heading", "[link]: https://example.com", "[a] b",
	"x # not a heading", "Heading\n\nNext", "see https://example.com/a_b. More", "a - list? no", "1. one",
	"``quoted''", "```code```", "it''s", "see `x` and ``y", "- item\n  - nested",
}

// TestSanitizeReference checks sanitize and the wrapped lines of comment
// against their first, plainer implementation.
func TestSanitizeReference(t *testing.T) {
	for _, s := range commentSeeds {
		checkCommentReference(t, s)
	}
}

// FuzzComment compares sanitize and comment wrapping with their first,
// plainer implementation on arbitrary text.
func FuzzComment(f *testing.F) {
	for _, s := range commentSeeds {
		f.Add(s)
	}
	f.Fuzz(checkCommentReference)
}

func checkCommentReference(t *testing.T, s string) {
	if got, want := sanitize(s), referenceSanitize(s); got != want {
		t.Fatalf("sanitize(%q) = %q, want %q", s, got, want)
	}
	parts := []string{"T is a type.", s, s + " again"}
	got, err := formatFile(commentFile(comment, parts))
	if err != nil {
		t.Fatalf("comment(%q): %v", s, err)
	}
	var want bytes.Buffer
	if err := commentFile(referenceComment, parts).Render(&want); err != nil {
		t.Fatalf("referenceComment(%q): %v", s, err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("comment(%q) renders\n%s\nwant (gofmt of the // lines)\n%s", s, got, want.Bytes())
	}
}

// commentFile puts the comment that doc makes of parts wherever the
// generator writes doc comments: above a declaration, a struct field, a
// statement, a composite literal element, and after code on the same line
// (which the one-line form cannot stay in, so the file is formatted with
// its comments whole).
func commentFile(doc func(...string) jen.Code, parts []string) *jen.File {
	f := jen.NewFile("p")
	f.HeaderComment(Header)
	f.Add(doc(parts...))
	f.Type().Id("T").Struct(doc(parts...), jen.Id("A").Int().Tag(map[string]string{"json": "a"}), jen.Line(), doc(parts...), jen.Id("B").String())
	f.Func().Id("f").Params().Block(
		doc(parts...),
		jen.Id("routes").Op("=").Append(jen.Id("routes"), jen.Line().Add(doc(parts...)).Line().Id("T").Values(jen.Dict{jen.Id("A"): jen.Lit(1)})),
	)
	if len(parts) > 1 && parts[1] == "trailing" {
		f.Var().Id("x").Op("=").Lit(1).Add(doc(parts...))
	}
	return f
}

func referenceSanitize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.Map(func(r rune) rune {
		if r == '\u2028' || r == '\u2029' || r == '\u0085' || unicode.IsControl(r) {
			return ' '
		}
		if !unicode.IsPrint(r) && r != ' ' {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func referenceComment(parts ...string) jen.Code {
	var lines []string
	for i, p := range parts {
		p = referenceSanitize(p)
		if p == "" {
			continue
		}
		if !strings.ContainsAny(p[len(p)-1:], ".!?:)") {
			p += "."
		}
		if i > 0 && len(lines) > 0 {
			lines = append(lines, "")
		}
		for _, l := range referenceWrap(p, 100) {
			lines = append(lines, defuse(l))
		}
	}
	return slashLines(lines)
}

func referenceWrap(s string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}
