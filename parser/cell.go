package parser

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// parseCell reads the inline markdown of one table cell (or any short piece
// of inline text): links, code spans, emphasis, HTML tags and entities.
func parseCell(raw string, off int) cell {
	c := cell{raw: raw, off: off}
	var sb strings.Builder
	for i := 0; i < len(raw); {
		ch := raw[i]
		switch {
		case ch == '\\' && i+1 < len(raw) && isPunct(raw[i+1]):
			sb.WriteByte(raw[i+1])
			i += 2
		case ch == '`':
			n := runLen(raw, i, '`')
			j := strings.Index(raw[i+n:], strings.Repeat("`", n))
			if j < 0 {
				sb.WriteString(raw[i : i+n])
				i += n
				continue
			}
			code := raw[i+n : i+n+j]
			c.codes = append(c.codes, span{text: strings.TrimSpace(code), off: off + i + n + (len(code) - len(strings.TrimLeft(code, " ")))})
			sb.WriteString(code)
			i += n + j + n
		case ch == '[':
			if l, n, ok := readLink(raw, i); ok {
				l.off = off + i
				inner := parseCell(l.text, off+i+1)
				l.text = inner.text
				c.codes = append(c.codes, inner.codes...)
				c.links = append(c.links, l)
				sb.WriteString(inner.text)
				i += n
				continue
			}
			sb.WriteByte(ch)
			i++
		case ch == '<':
			if j := strings.IndexByte(raw[i:], '>'); j > 0 && isTag(raw[i:i+j+1]) {
				sb.WriteByte(' ')
				i += j + 1
				continue
			}
			sb.WriteByte(ch)
			i++
		case ch == '*' || (ch == '_' && runLen(raw, i, '_') >= 2):
			i += runLen(raw, i, ch)
		default:
			sb.WriteByte(ch)
			i++
		}
	}
	c.text = collapseSpace(html.UnescapeString(sb.String()))
	return c
}

var tagRe = regexp.MustCompile(`^</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>$`)

func isTag(s string) bool { return tagRe.MatchString(s) }

// readLink reads [text](dest), [text][ref] or [text][] at raw[i].
func readLink(raw string, i int) (link, int, bool) {
	depth := 0
	j := i
	for ; j < len(raw); j++ {
		if raw[j] == '\\' {
			j++
			continue
		}
		if raw[j] == '[' {
			depth++
		} else if raw[j] == ']' {
			depth--
			if depth == 0 {
				break
			}
		}
	}
	if j >= len(raw) {
		return link{}, 0, false
	}
	text := raw[i+1 : j]
	rest := raw[j+1:]
	switch {
	case strings.HasPrefix(rest, "("):
		k := strings.IndexByte(rest, ')')
		if k < 0 {
			return link{}, 0, false
		}
		dest := strings.TrimSpace(rest[1:k])
		if sp := strings.IndexAny(dest, " \t"); sp >= 0 {
			dest = dest[:sp] // drop a link title
		}
		return link{text: text, dest: strings.Trim(dest, "<>")}, j + 1 + k + 1 - i, true
	case strings.HasPrefix(rest, "["):
		k := strings.IndexByte(rest, ']')
		if k < 0 {
			return link{}, 0, false
		}
		return link{text: text}, j + 1 + k + 1 - i, true
	}
	return link{text: text}, j + 1 - i, true
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

func isPunct(c byte) bool { return strings.IndexByte("\\`*_{}[]()#+-.!|<>\"'~", c) >= 0 }

// collapseSpace turns runs of white space (unicode.IsSpace, so NBSP and
// narrow NBSP too) into one space and trims the ends.
func collapseSpace(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for f := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

// isCollapsed reports whether s is ASCII with single spaces between words
// and none at the ends, the common case collapseSpace returns unchanged.
func isCollapsed(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}
