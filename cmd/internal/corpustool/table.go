package corpustool

import (
	"fmt"
	"io"
)

// Table prints rows of figures with one column per item of cols (a corpus
// folder, say): a label padded to a width, then each column's cell
// right-aligned. It keeps the first write error for Err.
type Table[T any] struct {
	w           io.Writer
	label, cell int
	cols        []T
	err         error
}

// NewTable returns a table writing to w with labels label bytes wide and
// cells cell bytes wide.
func NewTable[T any](w io.Writer, label, cell int, cols []T) *Table[T] {
	return &Table[T]{w: w, label: label, cell: cell, cols: cols}
}

// Row prints label and, for each column, the cell f returns.
func (t *Table[T]) Row(label string, f func(col T) string) {
	t.printf("%-*s", t.label, label)
	for _, c := range t.cols {
		t.printf(" %*s", t.cell, f(c))
	}
	t.printf("\n")
}

// Printf prints a line of its own (a heading, a list under the table).
func (t *Table[T]) Printf(format string, args ...any) {
	t.printf(format, args...)
}

func (t *Table[T]) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

// Err returns the first error writing the table.
func (t *Table[T]) Err() error { return t.err }
