package schema

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Pos is a place in a page: 1-based line and byte column.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as file:line:col (col omitted when zero).
func (p Pos) String() string {
	if p.Col == 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// MarshalJSON writes "file:line", the schema's source format.
func (p Pos) MarshalJSON() ([]byte, error) {
	return json.Marshal(fmt.Sprintf("%s:%d", p.File, p.Line))
}

// UnmarshalJSON reads "file:line".
func (p *Pos) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return fmt.Errorf("schema: source %q is not file:line", s)
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return fmt.Errorf("schema: source %q is not file:line", s)
	}
	*p = Pos{File: s[:i], Line: n}
	return nil
}

// String formats d as a compiler would: file:line:col: severity: code: message.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s: %s", d.File, d.Line, d.Col, d.Severity, d.Code, d.Message)
}

// SortDiagnostics orders diagnostics by file, line, column and code, the
// order in which they are printed.
func SortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Code < b.Code
	})
}
