package parser

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
)

var nameSuffixRe = regexp.MustCompile(`^(\S+)\s+\(([^()]*)\)$`)

// nameSuffix matches nameSuffixRe, a property name with a note in
// parentheses ("id (deprecated)"), skipping the regexp for the names that
// do not end in ')'.
func nameSuffix(name string) []string {
	if !strings.HasSuffix(name, ")") {
		return nil
	}
	return nameSuffixRe.FindStringSubmatch(name)
}

// readPropertyTable reads a property, relationship or parameter table.
// Rows without a name are reported and skipped.
func (p *pageParser) readPropertyTable(t *table, nav bool) []*propDraft {
	nameCol := t.col("property", "name", "parameter", "property name", "relationship", "query parameter", "parameter name")
	if nameCol < 0 {
		nameCol = 0
	}
	typeCol := t.col("type", "value type", "data type")
	if typeCol < 0 && len(t.header) > 1 {
		typeCol = 1
	}
	descCol := t.col("description")
	props := []*propDraft{}
	for _, r := range t.rows {
		if r.group {
			p.warn(r.at(0).off, diag.TableGroupRow, "table row %q is a group heading (one bold cell), not a property; skipped", r.at(0).text)
			continue
		}
		nc := r.at(nameCol)
		name := nc.text // trimmed by collapseSpace, which keeps U+0085 and U+2028
		if m := nameSuffix(name); m != nil {
			p.warn(nc.off, diag.PropertyNameNote, "property name %q carries a note; read as %q", name, m[1])
			name = m[1]
		}
		if name == "" {
			p.warn(r.at(0).off, diag.PropertyNameMissing, "table row has no property name; skipped")
			continue
		}
		if strings.Contains(name, "/") {
			// "file/localizations": a path to a property of another
			// type, which its own table documents; as a name it would
			// become a field `json:"file/localizations"` clients see.
			p.warn(nc.off, diag.PropertyNamePath, "property name %q is a path to a property of another type, not a property of this table's type; skipped", name)
			continue
		}
		pd := &propDraft{name: name, off: nc.off, nav: nav, page: p.res}
		if typeCol >= 0 {
			pd.spec = p.readTypeCell(r.at(typeCol))
		} else {
			pd.spec = typeSpec{edm: "Edm.String", off: nc.off}
			p.warn(nc.off, diag.TypeMissing, "table has no Type column; %s read as a string", name)
		}
		if descCol >= 0 {
			dc := r.at(descCol)
			pd.description = dc.text
			pd.values, pd.valueOffs = describedValues(dc)
			pd.query = p.readQuery(dc)
		}
		props = append(props, pd)
	}
	return props
}
