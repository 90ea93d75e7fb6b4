package parser

import (
	"fmt"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// diags collects diagnostics for one page.
type diags struct {
	src  *source
	list []schema.Diagnostic
}

func (d *diags) add(sev schema.Severity, off int, code, format string, args ...any) {
	line, col := d.src.lineCol(off)
	d.list = append(d.list, schema.Diagnostic{
		File: d.src.path, Line: line, Col: col, Severity: sev, Code: code,
		Message: fmt.Sprintf(format, args...),
	})
}

// warn reports something the tool guessed, repaired or skipped.
func (d *diags) warn(off int, code, format string, args ...any) {
	d.add(schema.Warning, off, code, format, args...)
}

// errorf reports something the tool could not use at all.
func (d *diags) errorf(off int, code, format string, args ...any) {
	d.add(schema.Error, off, code, format, args...)
}

// pos converts a source offset to a schema position (line and column).
func (s *source) pos(off int) schema.Pos {
	l, c := s.lineCol(off)
	return schema.Pos{File: s.path, Line: l, Col: c}
}
