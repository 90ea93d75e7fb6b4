package parser

import (
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	gmparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// blockKind tells what a block is.
type blockKind int

const (
	blockHeading blockKind = iota
	blockFence             // fenced or indented code
	blockTable             // a table (from goldmark, or recovered from a paragraph)
	blockComment           // an HTML comment, usually a JSON annotation
	blockText              // a paragraph or other prose
	blockRule              // a thematic break (closes a tab group)
)

// block is one top-level markdown construct, in source order. Blocks hold
// offsets into source.text, never copies of markdown structure.
type block struct {
	kind  blockKind
	off   int // byte offset where the block starts
	level int // heading level
	// text: heading text, paragraph text, comment body, or fence content.
	text string
	// textOff is the offset of text[0] in the source (fence content start).
	textOff int
	lang    string // fence info string, lower-cased first word
	// tab is the tab label when a heading is a docs tab marker
	// ("# [HTTP](#tab/http)").
	tab string
	// firstLine, lastLine: the 1-based line range (tables and paragraphs).
	firstLine, lastLine int
	// recovered marks a table goldmark did not accept (read from a paragraph).
	recovered bool
	// quoted marks a block inside a blockquote: in these docs a callout
	// ("> **Note:** ...", "> **Important:** ..."), never a page's
	// description.
	quoted bool
}

// newBlockParser returns a goldmark parser that reads block structure
// only. Without inline parsers goldmark spends no time on links, emphasis
// or code spans, which the parser reads from the raw text itself
// (parseCell); goldmark v1.8.7 reads some inline shapes in time quadratic
// in their length ("[[[[...", "[a](" repeated).
func newBlockParser() gmparser.Parser {
	return goldmark.New(
		goldmark.WithParser(gmparser.NewParser(
			gmparser.WithBlockParsers(gmparser.DefaultBlockParsers()...),
			gmparser.WithParagraphTransformers(gmparser.DefaultParagraphTransformers()...),
		)),
		goldmark.WithExtensions(extension.Table),
	).Parser()
}

// blockParsers holds goldmark parsers for reuse. goldmark does not promise
// that a parser is safe for concurrent use, and Parse reads pages on
// several goroutines, so each page takes a parser of its own from the pool
// and gives it back when done.
var blockParsers = sync.Pool{New: func() any { return newBlockParser() }}

// newReader gives goldmark the page's text. Tests wrap it to count
// goldmark's reads (bounds_hostile_test.go).
var newReader = text.NewReader

// blocks parses the page with goldmark and flattens block-level nodes
// (including those nested in lists and quotes) into source order, and
// records the page's link reference definitions in s.refs. A page over
// one of the limits of overLimit has no blocks.
func (s *source) blocks() []block {
	if _, _, _, over := s.overLimit(); over {
		return nil
	}
	pc := gmparser.NewContext()
	md := blockParsers.Get().(gmparser.Parser)
	doc := md.Parse(newReader(s.text), gmparser.WithContext(pc))
	blockParsers.Put(md)
	s.refs = linkRefs{}
	for _, r := range pc.References() {
		s.refs[util.ToLinkReference(r.Label())] = true
	}
	out := make([]block, 0, doc.ChildCount()) // most blocks are the document's children
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b, ok := s.block(n)
		if !ok {
			return ast.WalkContinue, nil
		}
		b.quoted = inBlockquote(n)
		out = append(out, b)
		return ast.WalkSkipChildren, nil
	})
	return out
}

// inBlockquote reports whether n is nested in a blockquote.
func inBlockquote(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindBlockquote {
			return true
		}
	}
	return false
}

func (s *source) block(n ast.Node) (block, bool) {
	switch n := n.(type) {
	case *ast.Heading:
		b := block{kind: blockHeading, level: n.Level, off: s.nodeStart(n)}
		b.text = strings.TrimSpace(s.inlineText(n))
		b.tab = tabLabel(b.text)
		return b, true
	case *ast.FencedCodeBlock:
		b := block{kind: blockFence, off: s.nodeStart(n)}
		if n.Info != nil {
			info := strings.TrimSpace(string(n.Info.Segment.Value(s.text)))
			if f := strings.Fields(info); len(f) > 0 {
				b.lang = strings.ToLower(f[0])
			}
			b.off = lineStartOf(s, n.Info.Segment.Start)
		} else if n.Lines().Len() > 0 {
			b.off = s.lineStart(lineOf(s, n.Lines().At(0).Start) - 1)
		}
		b.text, b.textOff = s.linesText(n.Lines())
		return b, true
	case *ast.CodeBlock:
		b := block{kind: blockFence, off: s.nodeStart(n)}
		b.text, b.textOff = s.linesText(n.Lines())
		return b, true
	case *ast.HTMLBlock:
		b := block{kind: blockText, off: s.nodeStart(n)}
		b.text, b.textOff = s.linesText(n.Lines())
		if n.HasClosure() {
			c := n.ClosureLine
			b.text += string(c.Value(s.text))
		}
		if strings.HasPrefix(strings.TrimSpace(b.text), "<!--") {
			b.kind = blockComment
		}
		return b, true
	case *extast.Table:
		b := block{kind: blockTable, off: n.Pos()}
		b.firstLine = lineOf(s, n.Pos())
		b.lastLine = b.firstLine + 1
		if last := n.LastChild(); last != nil {
			b.lastLine = lineOf(s, last.Pos())
		}
		return b, true
	case *ast.Paragraph:
		b := block{kind: blockText, off: s.nodeStart(n)}
		b.text, b.textOff = s.linesText(n.Lines())
		if n.Lines().Len() > 0 {
			b.firstLine = lineOf(s, n.Lines().At(0).Start)
			b.lastLine = lineOf(s, n.Lines().At(n.Lines().Len()-1).Start)
		}
		if looksLikeTable(b.text) {
			b.kind = blockTable
			b.recovered = true
		}
		return b, true
	case *ast.ThematicBreak:
		return block{kind: blockRule, off: s.nodeStart(n)}, true
	}
	return block{}, false
}

// nodeStart is the best offset goldmark gives for a block node.
func (s *source) nodeStart(n ast.Node) int {
	if n.Lines().Len() > 0 {
		return lineStartOf(s, n.Lines().At(0).Start)
	}
	if p := n.Pos(); p >= 0 {
		return p
	}
	return 0
}

func (s *source) linesText(ls *text.Segments) (string, int) {
	if ls.Len() == 0 {
		return "", 0
	}
	n := 0
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		n += seg.Len()
	}
	var sb strings.Builder
	sb.Grow(n)
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		sb.Write(seg.Value(s.text))
	}
	return sb.String(), ls.At(0).Start
}

// inlineText concatenates the raw source of a node's lines (headings).
func (s *source) inlineText(n ast.Node) string {
	t, _ := s.linesText(n.Lines())
	return t
}

// tabLabel recognizes docs tab markers: a heading whose only content is a
// link to "#tab/...", and returns the label after "#tab/". It matches as
// the regexp tabLabelRe in phrases_test.go: "[" text without brackets "]",
// "(", spaces, "#tab/", the label (no parenthesis or space), spaces, ")".
func tabLabel(heading string) string {
	rest, ok := strings.CutPrefix(heading, "[")
	if !ok {
		return ""
	}
	end := strings.IndexAny(rest, "[]")
	if end < 0 || rest[end] != ']' {
		return ""
	}
	rest, ok = strings.CutPrefix(rest[end+1:], "(")
	if !ok {
		return ""
	}
	rest, ok = strings.CutPrefix(strings.TrimLeft(rest, reSpace), "#tab/")
	if !ok {
		return ""
	}
	n := strings.IndexAny(rest, "()"+reSpace)
	if n < 0 {
		return ""
	}
	if strings.TrimLeft(rest[n:], reSpace) != ")" {
		return ""
	}
	return rest[:n]
}

// reSpace is the white space of \s in a regexp.
const reSpace = " \t\n\f\r"

func lineOf(s *source, off int) int {
	l, _ := s.lineCol(off)
	return l
}

func lineStartOf(s *source, off int) int { return s.lineStart(lineOf(s, off)) }

// looksLikeTable spots a pipe table that goldmark did not accept (for
// example a delimiter row with fewer cells than the header).
func looksLikeTable(t string) bool {
	lines := strings.Split(strings.TrimSpace(t), "\n")
	if len(lines) < 2 || !strings.Contains(lines[0], "|") {
		return false
	}
	return isDelimiterRow(lines[1])
}

// isDelimiterRow reports whether a line is a table delimiter row such as
// |:---|---:|.
func isDelimiterRow(l string) bool {
	l = strings.TrimSpace(l)
	if !strings.Contains(l, "-") || !strings.ContainsAny(l, "|") && !strings.HasPrefix(l, ":") {
		return false
	}
	for _, c := range l {
		switch c {
		case '|', '-', ':', ' ', '\t':
		default:
			return false
		}
	}
	return true
}
