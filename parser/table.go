package parser

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
)

// table is a pipe table read from the source lines goldmark identified,
// so that cells keep exact positions and broken tables can be recovered.
type table struct {
	header []cell
	rows   []row
	line   int // 1-based line of the header row
}

// row is one body row of a table.
type row struct {
	cells []cell
	line  int
	// group marks a group heading inside a table ("|**Onboarding**| | |"):
	// the first cell is wholly bold and every other cell is empty or
	// missing. It labels the rows below it and is not a row of data.
	group bool
}

// cell is one table cell: its raw markdown and the pieces the parser needs.
type cell struct {
	raw   string
	off   int    // offset of raw[0] in the source
	text  string // plain text: markup removed, entities decoded, spaces collapsed
	links []link
	codes []span // `code` spans in order
}

// link is a markdown link in a cell.
type link struct {
	text, dest string
	off        int
}

// span is a piece of text with its source offset.
type span struct {
	text string
	off  int
}

// readTable splits the lines of a table block into cells. It reports
// recoveries through d.
func (p *pageParser) readTable(b block) *table {
	s := p.src
	t := &table{line: b.firstLine}
	first, last := b.firstLine, b.lastLine
	// A recovered paragraph may start with prose lines; find the header.
	for first+1 <= last && !isDelimiterRow(s.line(first+1)) {
		first++
	}
	t.line = first
	t.header = splitRow(s.line(first), s.lineStart(first), -1, s.refs)
	ncol := len(t.header)
	leadingPipe := strings.HasPrefix(strings.TrimSpace(s.line(first)), "|")
	if delim := splitRow(s.line(first+1), s.lineStart(first+1), -1, s.refs); len(delim) != ncol && b.recovered {
		p.warn(s.lineStart(first+1), diag.TableDelimiterMismatch, "table delimiter row has %d cells but the header has %d; table recovered", len(delim), ncol)
	}
	for n := first + 2; n <= last; n++ {
		l := s.line(n)
		if strings.TrimSpace(l) == "" {
			continue
		}
		trimmed := strings.TrimSpace(l)
		wrapped := !strings.Contains(l, "|") || leadingPipe && !strings.HasPrefix(trimmed, "|")
		if wrapped && len(t.rows) > 0 {
			prev := &t.rows[len(t.rows)-1]
			if k := len(prev.cells); k > 0 {
				c := &prev.cells[k-1]
				extra := parseCell(strings.TrimSuffix(trimmed, "|"), s.lineStart(n)+len(l)-len(strings.TrimLeft(l, " \t")), s.refs)
				c.raw += " " + extra.raw
				c.text = collapseSpace(c.text + " " + extra.text)
				c.links = append(c.links, extra.links...)
				c.codes = append(c.codes, extra.codes...)
				p.warn(s.lineStart(n), diag.TableRowWrapped, "table row continues on a line without a leading '|'; joined to the row above")
				continue
			}
		}
		cells := splitRow(l, s.lineStart(n), ncol, s.refs)
		group := isGroupRow(cells, ncol)
		if len(cells) != ncol && !group {
			p.warn(s.lineStart(n), diag.TableCellCount, "table row has %d cells, the header has %d", len(cells), ncol)
		}
		t.rows = append(t.rows, row{cells: cells, line: n, group: group})
	}
	return t
}

// isGroupRow reports whether a row is a group heading: in a table of two
// or more columns, a first cell that is one bold span ("**Onboarding**")
// and no other cell with content. A one-column table has no such rows:
// there a bold cell is the row's only datum.
func isGroupRow(cells []cell, ncol int) bool {
	if ncol < 2 || len(cells) == 0 || len(cells) > ncol {
		return false
	}
	for _, c := range cells[1:] {
		if c.raw != "" {
			return false
		}
	}
	return isBoldSpan(cells[0].raw)
}

// isBoldSpan reports whether raw is one strong-emphasis span, "**x**" or
// "__x__", with text inside and no other emphasis marker of its kind.
func isBoldSpan(raw string) bool {
	for _, m := range []string{"**", "__"} {
		if len(raw) > 2*len(m) && strings.HasPrefix(raw, m) && strings.HasSuffix(raw, m) {
			inner := raw[len(m) : len(raw)-len(m)]
			return strings.TrimSpace(inner) != "" && !strings.Contains(inner, m)
		}
	}
	return false
}

// splitRow splits one table row into cells. Escaped pipes stay in the cell.
// When want >= 0 and a plain GFM split gives a different count, pipes inside
// `code` spans are kept in their cell if that yields the wanted count.
func splitRow(line string, lineOff, want int, refs linkRefs) []cell {
	cells := splitCells(line, lineOff, false, refs)
	if want >= 0 && len(cells) != want {
		if alt := splitCells(line, lineOff, true, refs); len(alt) == want {
			return alt
		}
	}
	return cells
}

func splitCells(line string, lineOff int, codeAware bool, refs linkRefs) []cell {
	start := 0
	for start < len(line) && (line[start] == ' ' || line[start] == '\t') {
		start++
	}
	end := len(line)
	for end > start && (line[end-1] == ' ' || line[end-1] == '\t') {
		end--
	}
	if start < end && line[start] == '|' {
		start++
	}
	if end > start && line[end-1] == '|' && (end < 2 || line[end-2] != '\\') {
		end--
	}
	out := make([]cell, 0, strings.Count(line[start:end], "|")+1) // at most one cell per '|', and one more
	cellStart := start
	inCode := 0
	for i := start; i < end; i++ {
		switch c := line[i]; {
		case c == '\\':
			i++
		case c == '`' && codeAware:
			n := 1
			for i+n < end && line[i+n] == '`' {
				n++
			}
			if inCode == 0 {
				inCode = n
			} else if inCode == n {
				inCode = 0
			}
			i += n - 1
		case c == '|' && inCode == 0:
			out = append(out, trimCell(line, cellStart, i, lineOff, refs))
			cellStart = i + 1
		}
	}
	if cellStart <= end {
		out = append(out, trimCell(line, cellStart, end, lineOff, refs))
	}
	return out
}

func trimCell(line string, a, b, lineOff int, refs linkRefs) cell {
	for a < b && (line[a] == ' ' || line[a] == '\t') {
		a++
	}
	for b > a && (line[b-1] == ' ' || line[b-1] == '\t') {
		b--
	}
	return parseCell(line[a:b], lineOff+a, refs)
}

// col returns the index of the first header cell whose text, lower-cased,
// is one of names; -1 if none.
func (t *table) col(names ...string) int {
	for i, h := range t.header {
		k := headerKey(h.text)
		for _, n := range names {
			if k == n {
				return i
			}
		}
	}
	return -1
}

// headerKey normalizes a header cell for comparison.
func headerKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimSuffix(s, "?")
}

// at returns cell i of r, or an empty cell at the row start.
func (r row) at(i int) cell {
	if i >= 0 && i < len(r.cells) {
		return r.cells[i]
	}
	if len(r.cells) > 0 {
		return cell{off: r.cells[len(r.cells)-1].off}
	}
	return cell{}
}
