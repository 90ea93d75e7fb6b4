package gen

import (
	"fmt"
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
	"ends with é", "ends with a paren)", "Heading",
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
	got := fmt.Sprintf("%#v", comment("T is a type.", s, s+" again"))
	want := fmt.Sprintf("%#v", referenceComment("T is a type.", s, s+" again"))
	if got != want {
		t.Fatalf("comment(%q) =\n%s\nwant\n%s", s, got, want)
	}
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
	s := jen.Null()
	for i, l := range lines {
		if i > 0 {
			s.Line()
		}
		if l == "" {
			s.Comment("//")
			continue
		}
		s.Comment("// " + l)
	}
	return s
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
