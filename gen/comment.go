package gen

import (
	"go/build/constraint"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// commentWidth is the width doc comments are wrapped at, in bytes.
const commentWidth = 100

// sanitize makes documentation text safe for a // comment: one line,
// printable, valid UTF-8, no line or paragraph separators. Each run of
// invalid bytes becomes U+FFFD, control characters and line or paragraph
// separators become spaces, other unprintable runes are dropped, and runs
// of spaces become one space, none at either end. It runs for every
// documented field, so it makes one pass and copies only unclean text.
func sanitize(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false   // a space is due before the next kept rune
	invalid := false // the previous byte was invalid UTF-8
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			if invalid {
				continue // one U+FFFD per run, as strings.ToValidUTF8
			}
			invalid = true
		} else {
			invalid = false
		}
		switch {
		case r == ' ' || r == '\u2028' || r == '\u2029' || r == '\u0085' || unicode.IsControl(r):
			space = true
		case !unicode.IsPrint(r):
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clean reports whether sanitize keeps s as it is: printable ASCII, with
// single spaces between words and none at either end.
func clean(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// comment adds a doc comment made of sentences, wrapped at about 100
// columns, one // line each. A comment of plain paragraphs is written in
// the one-line form that the renderer expands after formatting (see
// docMark).
func comment(parts ...string) jen.Code {
	lines := commentLines(parts)
	if plainDoc(lines) {
		return encodeDoc(lines)
	}
	return slashLines(lines)
}

// slashLines writes lines as a comment of "//" lines, one each ("" is an
// empty "//" line), for gofmt to format.
func slashLines(lines []string) *jen.Statement {
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

// commentLines sanitizes and wraps parts into comment lines, one
// paragraph each, separated by "" lines.
func commentLines(parts []string) []string {
	var lines []string
	for _, p := range parts {
		p = sanitize(p)
		if p == "" {
			continue
		}
		// A one-line paragraph without final punctuation would become a
		// heading when gofmt formats the doc comment.
		if strings.IndexByte(".!?:)", p[len(p)-1]) < 0 {
			p += "."
		}
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		for rest := p; rest != ""; {
			var l string
			l, rest = cutLine(rest, commentWidth)
			lines = append(lines, defuse(l))
		}
	}
	return lines
}

// defuse escapes a comment line that the go command would read as a
// build constraint: gofmt moves every "// +build" line of a file, wherever
// it is, above the package clause and adds the matching //go:build line.
func defuse(l string) string {
	if strings.Contains(l, "+build") && constraint.IsPlusBuild("// "+l) {
		return `\` + l
	}
	return l
}

// cutLine cuts the first line off s, sanitized text (words separated by
// one space): as many words as fit in width bytes, or the first word
// alone when it is longer.
func cutLine(s string, width int) (line, rest string) {
	if len(s) <= width {
		return s, ""
	}
	cut := strings.LastIndexByte(s[:width+1], ' ')
	if cut < 0 {
		if cut = strings.IndexByte(s, ' '); cut < 0 {
			return s, ""
		}
	}
	return s[:cut], s[cut+1:]
}
