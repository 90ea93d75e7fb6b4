package parser

import (
	"fmt"
	"github.com/graphdocgen/graphdocgen/parser/diag"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// outside is a type the pages name but no input page defines (a folder
// that holds only some pages of the reference: user-get.md without
// resources/user.md). It is built from what the examples show of it.
type outside struct {
	t    *schema.Type
	page string // the page that would define it, "" when the reference names none
	src  *source
	off  int // the first reference
	// shown: an example shows an object of the type.
	shown bool
}

// outsideType returns the type the pages name by spec where no input
// page defines it, made on first use; nil when spec does not name a
// type by an identifier (a type cell that names a page only, or text).
// The type holds the properties the examples show of it, typed from their
// values (see finishOutside).
func (r *resolver) outsideType(pg *pageResult, spec typeSpec, ns string) *schema.Type {
	name := strings.TrimPrefix(strings.TrimSpace(spec.name), "#")
	if name == "" || !isIdent(name) {
		return nil
	}
	if spec.page != "" {
		if o := r.outsideByPage[pageKey(spec.page)]; o != nil {
			return o.t
		}
	}
	qns, simple := splitQualified(name)
	if qns == "" {
		qns = ns
	}
	k := key(qns, simple)
	if o := r.outsideOf[r.types[k]]; o != nil {
		return o.t
	}
	if r.types[k] != nil {
		return nil // a documented type: not this function's
	}
	t := &schema.Type{Name: simple, Namespace: qns, Source: pg.src.pos(spec.off), Properties: []*schema.Property{}, Open: true}
	o := &outside{t: t, page: spec.page, src: pg.src, off: spec.off}
	r.types[k] = t
	r.propOf[t] = map[string]*schema.Property{}
	r.outsideOf[t] = o
	r.outsides = append(r.outsides, o)
	if spec.page != "" {
		r.outsideByPage[pageKey(spec.page)] = o
	}
	return t
}

// finishOutside settles the types outside the inputs once every example
// has shown what it shows: a type some example shows as an object joins
// the schema with the properties inferred from the examples; a type no
// example shows is any JSON, and every reference to it becomes
// Edm.Untyped. Either way one warning per type says so, where it is first
// named.
func (r *resolver) finishOutside() {
	opaque := map[string]bool{}
	for _, o := range r.outsides {
		t := o.t
		would := "no input page defines it"
		if o.page != "" {
			would = o.page + " would define it"
		}
		if o.shown {
			t.Description = fmt.Sprintf("Not among the inputs (%s); built from what the examples show of it.", would)
			r.out.Types = append(r.out.Types, t)
			r.warn(o.src, o.off, diag.TypeNotInInputs, "type %s is not among the inputs (%s); it is built from what the examples show of it (%d properties, typed from their values), and accepts other properties", t.QualifiedName(), would, len(t.Properties))
			continue
		}
		delete(r.types, strings.ToLower(t.QualifiedName()))
		opaque[strings.ToLower(t.QualifiedName())] = true
		r.warn(o.src, o.off, diag.TypeNotInInputs, "type %s is not among the inputs (%s), and no example shows it; it is any JSON", t.QualifiedName(), would)
	}
	if len(opaque) == 0 {
		return
	}
	fix := func(ref *schema.TypeRef) {
		if ref != nil && opaque[strings.ToLower(ref.Name)] {
			ref.Name = schema.EdmUntyped
		}
	}
	for _, t := range r.out.Types {
		for _, p := range t.Properties {
			fix(&p.Type)
		}
	}
	for _, op := range r.opList {
		fix(op.RequestType)
		fix(op.ResponseType)
		for _, p := range op.Parameters {
			fix(&p.Type)
		}
	}
}
