package parser

import (
	"slices"
	"sort"
)

// cellScan is what one left-to-right pass over a piece of inline text
// finds, so that reading it never searches the text again: the ']' that
// closes each '[', the end of each code span, and where ')' and '>' are.
// Building it and reading the text both take time linear in its length;
// steps counts the bytes and look-ups spent, for the bounds tests. Its
// lists are ascending, so a look-up is a binary search; they stay nil
// until something goes in.
type cellScan struct {
	raw        string
	refs       linkRefs
	opens      []int // indexes of '[' outside code spans and escapes, ascending
	closes     []int // closes[k]: index of the ']' that closes opens[k], -1 for none
	codeStarts []int // indexes of the opening backtick runs of code spans, ascending
	codeEnds   []int // codeEnds[k]: index after the run that closes codeStarts[k]
	parens     []int // indexes of ')', ascending
	gts        []int // indexes of '>', ascending
	steps      int
}

// newCellScan scans raw once. Backslash escapes and code spans are read as
// CommonMark reads them: an escaped bracket is text, and brackets inside a
// code span do not count.
func newCellScan(raw string, refs linkRefs) cellScan {
	s := cellScan{raw: raw, refs: refs}
	runs := s.backtickRuns()
	var next map[int]int // per run length: first run in runs[n] not yet passed
	var open []int       // indexes in s.opens of the '[' not yet closed
	for i := 0; i < len(raw); {
		s.steps++
		switch ch := raw[i]; {
		case ch == '\\' && i+1 < len(raw) && isPunct(raw[i+1]):
			i += 2
		case ch == '`':
			n := runLen(raw, i, '`')
			s.steps += n
			if next == nil {
				next = map[int]int{}
			}
			if end := s.closingRun(runs[n], next, i+n, n); end >= 0 {
				s.codeStarts = append(s.codeStarts, i)
				s.codeEnds = append(s.codeEnds, end)
				i = end
				continue
			}
			i += n
		case ch == '[':
			open = append(open, len(s.opens))
			s.opens = append(s.opens, i)
			s.closes = append(s.closes, -1)
			i++
		case ch == ']':
			if k := len(open); k > 0 {
				s.closes[open[k-1]] = i
				open = open[:k-1]
			}
			i++
		default:
			i++
		}
	}
	return s
}

// closeOf returns the index of the ']' that closes the '[' at raw[i];
// false when there is none (or no '[' that counts at i).
func (s *cellScan) closeOf(i int) (int, bool) {
	k, found := slices.BinarySearch(s.opens, i)
	if !found || s.closes[k] < 0 {
		return 0, false
	}
	return s.closes[k], true
}

// codeEnd returns the index after the code span whose opening run starts
// at raw[i]; false when no code span starts there.
func (s *cellScan) codeEnd(i int) (int, bool) {
	k, found := slices.BinarySearch(s.codeStarts, i)
	if !found {
		return 0, false
	}
	return s.codeEnds[k], true
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
