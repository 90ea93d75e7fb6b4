package parser

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/parser/diag"
)

// source is one page's text after normalization, with a line index that
// turns byte offsets back into 1-based line and column numbers.
type source struct {
	path  string // as reported in diagnostics
	text  []byte // LF line endings, no BOM, front matter blanked out
	lines []int  // byte offset of the start of each line
	front map[string]string
	// refs are the link reference definitions (set by blocks).
	refs linkRefs
	// size is the length of the raw page; over maxPageBytes, text is
	// empty and the page is not read.
	size int
	// end is len(text), kept when release drops text: positions are
	// computed from lines and end alone.
	end int
	// withinLimits records that overLimit found none exceeded, so that
	// asking again (parsePage, then blocks) does not scan the page again.
	withinLimits bool
}

// newSource normalizes raw page bytes: it drops a UTF-8 BOM, turns CRLF and
// lone CR into LF, and replaces the YAML front matter with spaces so that
// goldmark does not read it as a heading while offsets stay unchanged.
func newSource(path string, raw []byte) *source {
	if len(raw) > maxPageBytes {
		return &source{path: path, lines: []int{0}, size: len(raw)}
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(raw, '\r') >= 0 {
		raw = bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
		raw = bytes.ReplaceAll(raw, []byte("\r"), []byte("\n"))
	} else {
		raw = bytes.Clone(raw)
	}
	lines := make([]int, 1, 1+bytes.Count(raw, []byte("\n")))
	s := &source{path: path, text: raw, lines: lines, size: len(raw), end: len(raw)}
	for i := bytes.IndexByte(raw, '\n'); i >= 0; {
		s.lines = append(s.lines, i+1)
		j := bytes.IndexByte(raw[i+1:], '\n')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	s.front = s.blankFrontMatter()
	return s
}

// lineCol returns the 1-based line and byte column of offset off.
func (s *source) lineCol(off int) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > s.end {
		off = s.end
	}
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	return i + 1, off - s.lines[i] + 1
}

// line returns the text of 1-based line n without its newline ("" once
// the text is released).
func (s *source) line(n int) string {
	if n < 1 || n > len(s.lines) || s.text == nil {
		return ""
	}
	start := s.lines[n-1]
	end := len(s.text)
	if n < len(s.lines) {
		end = s.lines[n] - 1
	}
	return string(s.text[start:end])
}

// lineStart returns the byte offset of 1-based line n.
func (s *source) lineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(s.lines) {
		return s.end
	}
	return s.lines[n-1]
}

// release drops the page text once the page is read: what resolve needs
// of a source is its path and positions (lines, end), and the text of
// every page held until then would be a copy of the whole corpus.
func (s *source) release() { s.text = nil }

// blankFrontMatter reads "key: value" pairs of a leading --- block and
// overwrites the block with spaces. Quotes and surrounding spaces are
// stripped from values.
func (s *source) blankFrontMatter() map[string]string {
	if len(s.lines) < 2 || strings.TrimSpace(s.line(1)) != "---" {
		return nil
	}
	end := 0
	for n := 2; n <= len(s.lines) && n < 200; n++ {
		if strings.TrimSpace(s.line(n)) == "---" {
			end = n
			break
		}
	}
	if end == 0 {
		return nil
	}
	front := map[string]string{}
	for n := 2; n < end; n++ {
		k, v, ok := strings.Cut(s.line(n), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		v = strings.Trim(v, `"'`)
		front[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
	}
	stop := s.lineStart(end + 1)
	for i := 0; i < stop && i < len(s.text); i++ {
		if s.text[i] != '\n' {
			s.text[i] = ' '
		}
	}
	return front
}

// notText reports whether the page is not text: a NUL byte, or bytes that
// are not UTF-8 (a binary file or a UTF-16 one named .md), with the offset
// of the first such byte and the message of the error to report; the page
// is then not read.
func (s *source) notText() (off int, msg string, bad bool) {
	nul := bytes.IndexByte(s.text, 0)
	if nul >= 0 && utf8.Valid(s.text[:nul]) {
		return nul, "page holds a NUL byte, so it is not text (a binary or UTF-16 file?); not read", true
	}
	if utf8.Valid(s.text) {
		return 0, "", false
	}
	for off < len(s.text) {
		r, n := utf8.DecodeRune(s.text[off:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		off += n
	}
	return off, fmt.Sprintf("page is not UTF-8 text (byte 0x%02x is not UTF-8); not read", s.text[off]), true
}

// Limits that keep the work on one page linear in its size. goldmark
// (v1.8.7) takes time quadratic in the number of block quotes and lists
// opened on one line ("> > > ...", "- - - ..."), and parseCell in the
// number of "[" in the text it reads (a paragraph, or a table cell). The
// corpus has at most 2 quotes or lists opening a line, 607 "[" in a block
// and 32 on a line, 11,721 bytes on a line and 118 KB in a page.
const (
	maxPageBytes     = 4 << 20
	maxLineBytes     = 256 << 10
	maxLineNesting   = 16
	maxBlockBrackets = 1024
)

// overLimit reports the first limit the page exceeds, with the offset,
// code and message of the error to report; the page is then not read.
func (s *source) overLimit() (off int, code, msg string, over bool) {
	if s.withinLimits {
		return 0, "", "", false
	}
	if s.size > maxPageBytes {
		return 0, diag.PageTooLarge, fmt.Sprintf("page is %d bytes, over the limit of %d; not read", s.size, maxPageBytes), true
	}
	var b blockScan
	for n := 1; n <= len(s.lines); n++ {
		start, end := s.lineStart(n), s.lineEnd(n)
		line := s.text[start:end]
		switch {
		case end-start > maxLineBytes:
			return start, diag.LineTooLong, fmt.Sprintf("line is %d bytes, over the limit of %d; page not read", end-start, maxLineBytes), true
		case containerDepth(line) > maxLineNesting:
			return start, diag.NestingTooDeep, fmt.Sprintf("line opens more than %d nested quotes or lists; page not read", maxLineNesting), true
		case !b.add(line, start):
			return b.start, diag.BlockTooComplex, fmt.Sprintf("block holds more than %d '['; page not read", maxBlockBrackets), true
		}
	}
	s.withinLimits = true
	return 0, "", "", false
}

// blockScan counts the "[" of a block (a run of non-blank lines), or of
// each line once the block has turned into a table.
type blockScan struct {
	start, brackets int
	table           bool
	prev            []byte
}

// add adds the line at offset off and reports whether the count is
// within maxBlockBrackets.
func (b *blockScan) add(line []byte, off int) bool {
	switch {
	case len(bytes.TrimSpace(line)) == 0:
		*b = blockScan{}
		return true
	case b.prev == nil:
		b.start = off
	case !b.table && bytes.IndexByte(b.prev, '|') >= 0 && isDelimiterRow(string(line)):
		b.table = true
	}
	if b.table {
		b.brackets = 0
	}
	b.prev = line
	b.brackets += bytes.Count(line, []byte("["))
	return b.brackets <= maxBlockBrackets
}

// lineEnd returns the byte offset of the end of 1-based line n, before its
// newline.
func (s *source) lineEnd(n int) int {
	if n < len(s.lines) {
		return s.lines[n] - 1
	}
	return s.end
}

// containerDepth counts the block quote and list markers that open line,
// stopping after maxLineNesting+1.
func containerDepth(line []byte) int {
	depth, i := 0, 0
	for depth <= maxLineNesting {
		j := i
		for j < len(line) && j-i < 3 && line[j] == ' ' {
			j++
		}
		k := containerMarker(line, j)
		if k == j {
			return depth
		}
		depth, i = depth+1, k
	}
	return depth
}

// containerMarker returns the end of the block quote or list marker at
// line[i] ("> ", "- ", "* ", "+ ", "1. ", "1) "), or i when there is none.
func containerMarker(line []byte, i int) int {
	if i >= len(line) {
		return i
	}
	switch c := line[i]; {
	case c == '>':
		return i + 1
	case c == '-' || c == '*' || c == '+':
		return spaceAfter(line, i+1, i)
	}
	j := i
	for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
		j++
	}
	if j == i || j >= len(line) || line[j] != '.' && line[j] != ')' {
		return i
	}
	return spaceAfter(line, j+1, i)
}

// spaceAfter returns the end of the spaces or tabs at line[j] when there is
// at least one, or none when j is the end of the line; else fail.
func spaceAfter(line []byte, j, fail int) int {
	if j < len(line) && line[j] != ' ' && line[j] != '\t' {
		return fail
	}
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	return j
}
