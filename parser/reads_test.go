package parser

import (
	"regexp"

	"github.com/yuin/goldmark/text"
)

// countingReader counts the calls goldmark makes on a page's text.Reader:
// a step count of goldmark's block parsing, which (unlike its clock time)
// does not depend on the machine's load.
type countingReader struct {
	text.Reader
	n *uint64
}

func (r countingReader) Peek() byte                       { *r.n++; return r.Reader.Peek() }
func (r countingReader) PeekLine() ([]byte, text.Segment) { *r.n++; return r.Reader.PeekLine() }
func (r countingReader) PrecendingCharacter() rune        { *r.n++; return r.Reader.PrecendingCharacter() }
func (r countingReader) Value(s text.Segment) []byte      { *r.n++; return r.Reader.Value(s) }
func (r countingReader) LineOffset() int                  { *r.n++; return r.Reader.LineOffset() }
func (r countingReader) Position() (int, text.Segment)    { *r.n++; return r.Reader.Position() }
func (r countingReader) SetPosition(l int, s text.Segment) {
	*r.n++
	r.Reader.SetPosition(l, s)
}
func (r countingReader) SetPadding(v int)              { *r.n++; r.Reader.SetPadding(v) }
func (r countingReader) Advance(n int)                 { *r.n++; r.Reader.Advance(n) }
func (r countingReader) AdvanceAndSetPadding(n, p int) { *r.n++; r.Reader.AdvanceAndSetPadding(n, p) }
func (r countingReader) AdvanceToEOL()                 { *r.n++; r.Reader.AdvanceToEOL() }
func (r countingReader) AdvanceLine()                  { *r.n++; r.Reader.AdvanceLine() }
func (r countingReader) SkipSpaces() (text.Segment, int, bool) {
	*r.n++
	return r.Reader.SkipSpaces()
}
func (r countingReader) SkipBlankLines() (text.Segment, int, bool) {
	*r.n++
	return r.Reader.SkipBlankLines()
}
func (r countingReader) Match(re *regexp.Regexp) bool { *r.n++; return r.Reader.Match(re) }
func (r countingReader) FindSubMatch(re *regexp.Regexp) [][]byte {
	*r.n++
	return r.Reader.FindSubMatch(re)
}

// countReads runs f with goldmark reading through countingReader and
// returns the number of reads. Not safe with parallel tests.
func countReads(f func()) uint64 {
	var n uint64
	defer func(old func([]byte) text.Reader) { newReader = old }(newReader)
	newReader = func(src []byte) text.Reader { return countingReader{text.NewReader(src), &n} }
	f()
	return n
}
