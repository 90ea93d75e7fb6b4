package parser

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
)

var enumTitleRe = regexp.MustCompile(`(?i)^(\S+)\s+(enum type|enum|enumeration)\b`)

// readEnumSections reads enum definitions: "### x values" sections (enums.md
// and resource pages) and "## Members" tables (single-enum pages).
func (p *pageParser) readEnumSections(secs []section) {
	for _, s := range secs {
		name := ""
		switch {
		case isEnumValuesTitle(s.title):
			name = strings.TrimSuffix(s.title, " values")
			// Keep the documented case from the heading text.
			name = p.headingWord(s.off, name)
		case isMembersTitle(s.title):
			if m := enumTitleRe.FindStringSubmatch(p.res.title); m != nil {
				name = m[1]
			} else if f := strings.Fields(p.res.title); len(f) > 0 {
				name = f[0]
			}
		default:
			continue
		}
		for _, b := range s.blocks {
			if b.kind != blockTable {
				continue
			}
			t := p.readTable(b)
			col := t.col("member", "name", "value", "members")
			if col < 0 {
				col = 0
			}
			e := &enumDraft{name: name, namespace: p.res.namespace, off: s.off, page: p.res}
			seen := map[string]bool{}
			for _, r := range t.rows {
				if r.group {
					p.warn(r.at(0).off, diag.TableGroupRow, "table row %q of enum %s is a group heading (one bold cell), not a member; skipped", r.at(0).text, name)
					continue
				}
				c := r.at(col)
				v := strings.Trim(c.text, "`\"' ")
				if v == "" {
					p.warn(c.off, diag.EnumMemberEmpty, "enum %s has a row without a member name; skipped", name)
					continue
				}
				if seen[v] {
					p.warn(c.off, diag.EnumMemberDuplicate, "enum %s lists %q twice; kept once", name, v)
					continue
				}
				seen[v] = true
				e.members = append(e.members, v)
				e.memberOffs = append(e.memberOffs, c.off)
			}
			if len(e.members) > 0 {
				p.res.enums = append(p.res.enums, e)
			}
			break
		}
	}
}

// headingWord returns the first word of the heading at off with its
// documented case.
func (p *pageParser) headingWord(off int, fallback string) string {
	line := strings.TrimLeft(p.src.line(lineOf(p.src, off)), "# ")
	if f := strings.Fields(line); len(f) > 0 && strings.EqualFold(f[0], fallback) {
		return strings.Trim(f[0], "`*")
	}
	return fallback
}
