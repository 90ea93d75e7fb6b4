package parser

import (
	"fmt"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// addEnum registers a named enum; a second definition of the same enum
// merges its members and reports any difference.
func (r *resolver) addEnum(d *enumDraft) {
	ns := d.namespace
	if ns == "" {
		ns = namespaceOf(d.page)
	}
	k := key(ns, d.name)
	if e, ok := r.enums[k]; ok {
		if !slices.Equal(e.Members, d.members) {
			var respelled []string
			for i, m := range d.members {
				if slices.Contains(e.Members, m) {
					continue
				}
				if j := slices.IndexFunc(e.Members, func(o string) bool { return strings.EqualFold(o, m) }); j >= 0 {
					// Another spelling of a member (UnknownFutureValue,
					// counterClockwiseFromTopLeft): a second member would
					// be a value the handler accepts that Graph's one
					// member does not.
					if m == "unknownFutureValue" {
						// OData's evolvable-enum sentinel has one
						// spelling, which the handler knows it by.
						m, e.Members[j] = e.Members[j], m
					}
					respelled = append(respelled, fmt.Sprintf("%s (kept as %s)", m, e.Members[j]))
					continue
				}
				e.Members = append(e.Members, m)
				e.MemberSources = append(e.MemberSources, d.page.src.pos(d.memberOffs[i]))
			}
			note := ""
			if len(respelled) > 0 {
				note = "; spellings differing only in case are one member: " + strings.Join(respelled, ", ")
			}
			r.warn(d.page.src, d.off, diag.EnumConflict, "enum %s is also documented at %s with other members; members merged%s", d.name, e.Source, note)
		}
		r.enumByPage[pageKey(d.page.path)] = e
		return
	}
	e := &schema.Enum{Name: d.name, Namespace: ns, Members: d.members, Source: d.page.src.pos(d.off), Description: d.description}
	for _, o := range d.memberOffs {
		e.MemberSources = append(e.MemberSources, d.page.src.pos(o))
	}
	r.registerEnum(e)
	r.enumByPage[pageKey(d.page.path)] = e
}

func (r *resolver) registerEnum(e *schema.Enum) {
	r.enums[key(e.Namespace, e.Name)] = e
	simple := strings.ToLower(e.Name)
	r.enumBySimple[simple] = append(r.enumBySimple[simple], e)
	r.enumBySet[setKey(e.Members)] = append(r.enumBySet[setKey(e.Members)], e)
	r.out.Enums = append(r.out.Enums, e)
}

// setKey identifies a set of members regardless of order.
func setKey(members []string) string {
	s := slices.Clone(members)
	slices.Sort(s)
	return strings.Join(s, "\x00")
}

// enumForValues finds a documented enum with exactly these members,
// preferring one in namespace ns.
func (r *resolver) enumForValues(ns string, values []string) *schema.Enum {
	cands := r.enumBySet[setKey(values)]
	for _, e := range cands {
		if strings.EqualFold(e.Namespace, ns) {
			return e
		}
	}
	if len(cands) > 0 {
		return cands[0]
	}
	return nil
}

// anonEnum returns the enum for values listed in a description when the
// type cell does not name one: a documented enum with the same members, or
// a new enum named after the owner type and property. A new enum is
// reported with its members (enum-from-prose): they come from a sentence,
// not from an enum table or page, so a reader can check what was read.
// prop is the owner and property whose description lists them.
func (r *resolver) anonEnum(pg *pageResult, off int, ns, name, prop string, values []string, valueOffs []int) *schema.Enum {
	if e := r.enumForValues(ns, values); e != nil {
		return e
	}
	if e, ok := r.enums[key(ns, name)]; ok {
		if !slices.Equal(e.Members, values) {
			r.warn(pg.src, off, diag.EnumConflict, "values for %s differ from those documented at %s", name, e.Source)
		}
		return e
	}
	e := &schema.Enum{Name: name, Namespace: ns, Members: slices.Clone(values), Source: pg.src.pos(off)}
	for _, o := range valueOffs {
		e.MemberSources = append(e.MemberSources, pg.src.pos(o))
	}
	r.registerEnum(e)
	at := off
	if len(valueOffs) > 0 {
		at = valueOffs[0]
	}
	r.warn(pg.src, at, diag.EnumFromProse, "enum %s takes its members from the description of %s, not from an enum table or page: %s", name, prop, strings.Join(values, ", "))
	return e
}
