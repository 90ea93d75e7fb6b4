package parser

import "sort"

// cellScan is what one left-to-right pass over a piece of inline text
// finds, so that reading it never searches the text again: the ']' that
// closes each '[', the end of each code span, and where ')' and '>' are.
// Building it and reading the text both take time linear in its length;
// steps counts the bytes and look-ups spent, for the bounds tests. The
// maps stay nil until something goes in: most cells have no link and no
// code span.
type cellScan struct {
	raw     string
	refs    linkRefs
	close   map[int]int // index of '[' -> index of its ']'
	codeEnd map[int]int // index of an opening backtick run -> index after its closing run
	opens   []int       // indexes of '[' outside code spans and escapes, ascending
	parens  []int       // indexes of ')', ascending
	gts     []int       // indexes of '>', ascending
	steps   int
}

// newCellScan scans raw once. Backslash escapes and code spans are read as
// CommonMark reads them: an escaped bracket is text, and brackets inside a
// code span do not count.
func newCellScan(raw string, refs linkRefs) *cellScan {
	s := &cellScan{raw: raw, refs: refs}
	runs := s.backtickRuns()
	var next map[int]int // per run length: first run in runs[n] not yet passed
	var open []int
	for i := 0; i < len(raw); {
		s.steps++
		switch ch := raw[i]; {
		case ch == '\\' && i+1 < len(raw) && isPunct(raw[i+1]):
			i += 2
		case ch == '`':
			n := runLen(raw, i, '`')
			s.steps += n
			if next == nil {
				next, s.codeEnd = map[int]int{}, map[int]int{}
			}
			if end := s.closingRun(runs[n], next, i+n, n); end >= 0 {
				s.codeEnd[i] = end
				i = end
				continue
			}
			i += n
		case ch == '[':
			open = append(open, i)
			s.opens = append(s.opens, i)
			i++
		case ch == ']':
			if k := len(open); k > 0 {
				if s.close == nil {
					s.close = map[int]int{}
				}
				s.close[open[k-1]] = i
				open = open[:k-1]
			}
			i++
		default:
			i++
		}
	}
	return s
}

// backtickRuns lists the start of every maximal run of backticks by run
// length, and records where ')' and '>' are.
func (s *cellScan) backtickRuns() map[int][]int {
	var runs map[int][]int // nil when there is no backtick
	for i := 0; i < len(s.raw); i++ {
		s.steps++
		switch s.raw[i] {
		case '`':
			if runs == nil {
				runs = map[int][]int{}
			}
			n := runLen(s.raw, i, '`')
			runs[n] = append(runs[n], i)
			i += n - 1
			s.steps += n - 1
		case ')':
			s.parens = append(s.parens, i)
		case '>':
			s.gts = append(s.gts, i)
		}
	}
	return runs
}

// closingRun returns the index after the first run of exactly n backticks
// that starts at or after from, -1 when there is none. Openers are met in
// ascending order, so next[n] only moves forward.
func (s *cellScan) closingRun(starts []int, next map[int]int, from, n int) int {
	k := next[n]
	for k < len(starts) && starts[k] < from {
		k++
		s.steps++
	}
	next[n] = k
	if k == len(starts) {
		return -1
	}
	return starts[k] + n
}

// isLabel reports whether raw[from:to] can be a link label: CommonMark
// labels hold no unescaped bracket. So labels never nest, and reading all
// of them costs time linear in the text.
func (s *cellScan) isLabel(from, to int) bool {
	return to-from <= maxLabelBytes && s.after(s.opens, from, to) < 0
}

// after returns the first index in the ascending list at that is >= from
// and < to, -1 when none (a binary search).
func (s *cellScan) after(at []int, from, to int) int {
	s.steps++
	k := sort.SearchInts(at, from)
	if k < len(at) && at[k] < to {
		return at[k]
	}
	return -1
}
