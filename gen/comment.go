package gen

import (
	"go/build/constraint"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// sanitize makes documentation text safe for a // comment: one line,
// printable, valid UTF-8, no line or paragraph separators.
func sanitize(s string) string {
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

// comment adds a doc comment made of sentences, wrapped at about 100
// columns, one // line each.
func comment(parts ...string) jen.Code {
	var lines []string
	for i, p := range parts {
		p = sanitize(p)
		if p == "" {
			continue
		}
		// A one-line paragraph without final punctuation would become a
		// heading when gofmt formats the doc comment.
		if !strings.ContainsAny(p[len(p)-1:], ".!?:)") {
			p += "."
		}
		if i > 0 && len(lines) > 0 {
			lines = append(lines, "")
		}
		for _, l := range wrap(p, 100) {
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

// defuse escapes a comment line that the go command would read as a
// build constraint: gofmt moves every "// +build" line of a file, wherever
// it is, above the package clause and adds the matching //go:build line.
func defuse(l string) string {
	if constraint.IsPlusBuild("// " + l) {
		return `\` + l
	}
	return l
}

func wrap(s string, width int) []string {
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
