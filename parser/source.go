package parser

import (
	"bytes"
	"sort"
	"strings"
)

// source is one page's text after normalization, with a line index that
// turns byte offsets back into 1-based line and column numbers.
type source struct {
	path  string // as reported in diagnostics
	text  []byte // LF line endings, no BOM, front matter blanked out
	lines []int  // byte offset of the start of each line
	front map[string]string
}

// newSource normalizes raw page bytes: it drops a UTF-8 BOM, turns CRLF and
// lone CR into LF, and replaces the YAML front matter with spaces so that
// goldmark does not read it as a heading while offsets stay unchanged.
func newSource(path string, raw []byte) *source {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(raw, '\r') >= 0 {
		raw = bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
		raw = bytes.ReplaceAll(raw, []byte("\r"), []byte("\n"))
	} else {
		raw = bytes.Clone(raw)
	}
	s := &source{path: path, text: raw, lines: []int{0}}
	for i, c := range raw {
		if c == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	s.front = s.blankFrontMatter()
	return s
}

// lineCol returns the 1-based line and byte column of offset off.
func (s *source) lineCol(off int) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > len(s.text) {
		off = len(s.text)
	}
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	return i + 1, off - s.lines[i] + 1
}

// line returns the text of 1-based line n without its newline.
func (s *source) line(n int) string {
	if n < 1 || n > len(s.lines) {
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
		return len(s.text)
	}
	return s.lines[n-1]
}

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
