package gen

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// Doc comments are most of the text of the per-page files, and gofmt
// parses each one as a doc comment (go/doc/comment) and prints it again.
// A doc comment made of plain paragraphs comes out of that as it went in,
// so comment writes such a comment as one line, "// " docMark, its lines
// joined by docSep, docMark, and the file is formatted with a short
// numbered placeholder in its place (cutDocs); the lines are put back,
// indented like the placeholder, into the formatted text (docs.expand).
// The placeholder is a one-line /* */ comment, which gofmt leaves as it
// is without parsing it as a doc comment. sanitize turns control
// characters into spaces, so the marks never occur in documentation text.
const (
	docMark  = "\x02"
	docSep   = "\x03"
	docHead  = "// " + docMark
	holdHead = "/*" + docMark
	holdTail = docMark + "*/"
)

// plainDoc reports whether go/doc/comment reads lines (paragraphs
// separated by "") as plain paragraphs and prints them unchanged. lines
// hold sanitized text: no line is indented, so none starts a code block
// or a list, and every one-line paragraph ends in punctuation, so none is
// an old-style heading. What remains is a line that starts a "# " heading
// or a "[text]: URL" link definition, and the “ and ” that it prints as
// curly quotes.
func plainDoc(lines []string) bool {
	for _, l := range lines {
		if l != "" && (l[0] == '#' || l[0] == '[') || strings.Contains(l, "``") || strings.Contains(l, "''") {
			return false
		}
	}
	return true
}

// encodeDoc is the one-line form of a plain doc comment.
func encodeDoc(lines []string) jen.Code {
	return jen.Comment(docHead + strings.Join(lines, docSep) + docMark)
}

// docs holds the doc comments of one file cut out while it is formatted.
type docs struct {
	texts [][]byte // joined lines, by placeholder number
}

// cutDocs returns src with each one-line doc comment replaced by a
// numbered placeholder, and the comments it took out.
func cutDocs(src []byte) ([]byte, *docs) {
	if !bytes.Contains(src, []byte(docHead)) {
		return src, nil
	}
	d := &docs{}
	out := make([]byte, 0, len(src)/2)
	for {
		head, text, rest, ok := nextDoc(src)
		if !ok {
			break
		}
		out = append(out, head...)
		out = append(out, holdHead...)
		out = strconv.AppendInt(out, int64(len(d.texts)), 10)
		out = append(out, holdTail...)
		d.texts = append(d.texts, text)
		src = rest
	}
	return append(out, src...), d
}

// expand puts the comments back into src, the formatted file, each line
// indented like its placeholder. It reports false when a placeholder is
// not alone on its line after indentation, is malformed, or is not found
// exactly once: the file must then be formatted with its comments whole
// (inline).
func (d *docs) expand(src []byte) ([]byte, bool) {
	if d == nil {
		return src, true
	}
	size := len(src)
	for _, t := range d.texts {
		size += 2 * len(t)
	}
	out := make([]byte, 0, size)
	used := make([]bool, len(d.texts))
	for {
		i := bytes.Index(src, []byte(holdHead))
		if i < 0 {
			break
		}
		line := bytes.LastIndexByte(src[:i], '\n') + 1
		indent := src[line:i]
		if len(bytes.Trim(indent, "\t")) != 0 {
			return nil, false
		}
		rest := src[i+len(holdHead):]
		j := bytes.Index(rest, []byte(holdTail))
		if j < 0 {
			return nil, false
		}
		n, err := strconv.Atoi(string(rest[:j]))
		if err != nil || n < 0 || n >= len(d.texts) || used[n] {
			return nil, false
		}
		used[n] = true
		out = append(out, src[:i]...)
		out = appendDoc(out, indent, d.texts[n])
		src = rest[j+len(holdTail):]
	}
	for _, ok := range used {
		if !ok {
			return nil, false
		}
	}
	return append(out, src...), true
}

// inline returns src, not yet formatted, with each one-line doc comment
// written out as // lines.
func (d *docs) inline(src []byte) []byte {
	var out []byte
	for {
		head, text, rest, ok := nextDoc(src)
		if !ok {
			break
		}
		out = append(out, head...)
		out = appendDoc(out, nil, text)
		src = rest
	}
	return append(out, src...)
}

// nextDoc finds the first one-line doc comment in src: head is what
// precedes it, text its lines joined by docSep, rest what follows it.
func nextDoc(src []byte) (head, text, rest []byte, ok bool) {
	i := bytes.Index(src, []byte(docHead))
	if i < 0 {
		return nil, nil, nil, false
	}
	after := src[i+len(docHead):]
	j := bytes.IndexByte(after, docMark[0])
	if j < 0 {
		return nil, nil, nil, false
	}
	return src[:i], after[:j], after[j+1:], true
}

// appendDoc appends the // lines of text (lines joined by docSep), the
// first at the current position and the others after indent.
func appendDoc(out, indent, text []byte) []byte {
	for i, l := range bytes.Split(text, []byte(docSep)) {
		if i > 0 {
			out = append(out, '\n')
			out = append(out, indent...)
		}
		out = append(out, '/', '/')
		if len(l) > 0 {
			out = append(out, ' ')
			out = append(out, l...)
		}
	}
	return out
}
