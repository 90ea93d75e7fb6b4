package parser

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// parseCell reads the inline markdown of one table cell (or any short piece
// of inline text) as CommonMark renders it: links, code spans, emphasis,
// HTML tags, backslash escapes and entities. refs are the link reference
// definitions of the page: "[a]" is a link only when "a" is defined, so
// that a name like a[0] keeps its brackets.
func parseCell(raw string, off int, refs linkRefs) cell {
	c, _ := scanCell(raw, off, refs)
	return c
}

// scanCell is parseCell; it also returns the steps spent (see cellScan).
func scanCell(raw string, off int, refs linkRefs) (cell, int) {
	if isPlainInline(raw) {
		return cell{raw: raw, off: off, text: collapseSpace(raw)}, len(raw)
	}
	s := newCellScan(raw, refs)
	c := cell{raw: raw, off: off}
	c.text = s.read(&c, 0, len(raw), off)
	return c, s.steps
}

// read reads raw[from:to], adding its links and code spans to c, and
// returns its text. off is the source offset of raw[0].
func (s *cellScan) read(c *cell, from, to, off int) string {
	raw := s.raw
	var sb strings.Builder
	sb.Grow(to - from) // the text is rarely longer than the markdown
	for i := from; i < to; {
		s.steps++
		ch := raw[i]
		switch {
		case ch == '\\' && i+1 < to && isPunct(raw[i+1]):
			sb.WriteByte(raw[i+1])
			i += 2
		case ch == '`':
			n := min(runLen(raw, i, '`'), to-i)
			end, ok := s.codeEnd(i)
			if !ok || end > to {
				sb.WriteString(raw[i : i+n])
				i += n
				continue
			}
			code := raw[i+n : end-n]
			s.steps += len(code)
			c.codes = append(c.codes, span{text: strings.TrimSpace(code), off: off + i + n + (len(code) - len(strings.TrimLeft(code, " ")))})
			sb.WriteString(code)
			i = end
		case ch == '[':
			l, textEnd, end, ok := s.link(i, to)
			if !ok {
				sb.WriteByte(ch)
				i++
				continue
			}
			l.off = off + i
			l.text = s.read(c, i+1, textEnd, off)
			c.links = append(c.links, l)
			sb.WriteString(l.text)
			i = end
		case ch == '<':
			if j := s.after(s.gts, i+1, to); j > 0 && isTag(raw[i:j+1]) {
				s.steps += j - i
				sb.WriteByte(' ')
				i = j + 1
				continue
			}
			sb.WriteByte(ch)
			i++
		case ch == '&':
			text, n := entity(raw[i:min(to, i+maxEntityBytes)])
			sb.WriteString(text)
			i += n
		case ch == '*' || (ch == '_' && runLen(raw[:to], i, '_') >= 2):
			n := runLen(raw[:to], i, ch)
			s.steps += n
			i += n
		default:
			sb.WriteByte(ch)
			i++
		}
	}
	return collapseSpace(sb.String())
}

// inlineMarkup holds the bytes that read treats as more than text: an
// escape, a code span, a link, a tag, an entity or emphasis.
var inlineMarkup = [256]bool{'\\': true, '`': true, '[': true, '<': true, '&': true, '*': true, '_': true}

// isPlainInline reports whether raw holds none of inlineMarkup, so that
// reading it copies every byte: its text is raw with white space collapsed,
// and it has no link or code span. Most table cells are plain.
func isPlainInline(raw string) bool {
	for i := 0; i < len(raw); i++ {
		if inlineMarkup[raw[i]] {
			return false
		}
	}
	return true
}

var tagRe = regexp.MustCompile(`^</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>$`)

func isTag(s string) bool { return tagRe.MatchString(s) }

// link reads the link whose text starts with the '[' at raw[i], within
// raw[:to]: [text](dest), or a reference [text][label], [text][] or
// [text] whose label the page defines. It returns the link (text not yet
// read), the index of the ']' that ends the text and the index after the
// link.
func (s *cellScan) link(i, to int) (l link, textEnd, end int, ok bool) {
	raw := s.raw
	j, found := s.closeOf(i)
	if !found || j >= to {
		return link{}, 0, 0, false
	}
	if j+1 < to && raw[j+1] == '(' {
		if k := s.after(s.parens, j+2, to); k >= 0 {
			dest := strings.TrimSpace(raw[j+2 : k])
			if sp := strings.IndexAny(dest, " \t"); sp >= 0 {
				dest = dest[:sp] // drop a link title
			}
			s.steps += k - j
			return link{dest: strings.Trim(dest, "<>")}, j, k + 1, true
		}
	}
	if j+1 < to && raw[j+1] == '[' {
		if k, found := s.closeOf(j + 1); found && k < to {
			from, end := j+2, k // [text][label]
			if from == end {
				from, end = i+1, j // [text][]
			}
			if s.isLabel(from, end) && s.defined(from, end) {
				return link{}, j, k + 1, true
			}
		}
	}
	if s.isLabel(i+1, j) && s.defined(i+1, j) {
		return link{}, j, j + 1, true // [text]
	}
	return link{}, 0, 0, false
}

// defined reports whether the label raw[from:to] is defined on the page.
func (s *cellScan) defined(from, to int) bool {
	s.steps += to - from
	return s.refs.has(s.raw[from:to])
}

// maxEntityBytes bounds an entity reference: "&" + 31 name bytes + ";"
// (the longest HTML5 name is 31 bytes; numeric ones are shorter).
const maxEntityBytes = 33

var entityRe = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// entity decodes the entity reference at the start of s, as CommonMark
// does: only with its final ';' ("&amp" stays text) and only for a
// numeric reference or a whole HTML5 entity name. It returns the text and
// the bytes read; "&" and 1 when s does not start with one.
func entity(s string) (string, int) {
	m := entityRe.FindString(s)
	if m == "" {
		return "&", 1
	}
	u := html.UnescapeString(m)
	// html.UnescapeString also decodes a known prefix of an unknown name
	// ("&ampx;" -> "&x;"); an entity is one or two code points.
	if u == m || m[1] != '#' && utf8.RuneCountInString(u) > 2 {
		return "&", 1
	}
	return u, len(m)
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// isPunct reports whether c is ASCII punctuation, which a backslash
// escapes.
func isPunct(c byte) bool { return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0 }

// collapseSpace turns runs of white space into one space and trims the
// ends. White space is CommonMark's (space, tab, line feed, line
// tabulation, form feed, carriage return) plus no-break and thin spaces,
// which read as a space; line and paragraph separators and NEL are kept,
// since a name may hold them. Invalid UTF-8 bytes become U+FFFD.
func collapseSpace(s string) string {
	if isCollapsed(s) {
		return s
	}
	if !utf8.ValidString(s) {
		// Each invalid byte becomes U+FFFD, as encoding/json reads it in
		// a JSON example, so the names agree.
		s = strings.Map(func(r rune) rune { return r }, s)
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u202f', '\u2009':
			return true
		}
		return false
	}), " ")
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
