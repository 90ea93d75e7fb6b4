package parser

import (
	"github.com/graphdocgen/graphdocgen/parser/diag"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// repeat is a property of a type that one of its bases also has.
type repeat struct {
	t    *schema.Type
	p    *schema.Property // the type's own
	base *schema.Property // the base's, which is kept
}

// dropInherited makes each property one field: a property that a type
// and one of its (transitive) bases both have, by name compared as
// encoding/json compares names (ignoring case), is the base's, and the
// type no longer lists it. It runs once every property is known (inferred
// ones included).
//
// The pages often repeat inherited rows (user.md lists directoryObject's
// id): a repetition is reported only when it disagrees with the base's
// property, by type or spelling (property-repeats-base). A base's
// property may also be inferred from examples that show a derived type's
// members without naming the type (a list of directoryObjects showing
// users): when every derived type that documents it gives it one type of
// the kind of the values seen, the base's property takes that type, else
// it holds any JSON (property-inferred-on-base, once, where it was
// inferred; a row that then disagrees gets property-repeats-base). What a
// type's page says about queries on a property it inherits, when the
// base's says otherwise, is kept in the type's InheritedQuery.
func (r *resolver) dropInherited() {
	repeats := r.repeats()
	documented := map[*schema.Property][]*schema.Property{} // an inferred base property's documented repeats
	var inferred []*schema.Property                         // the keys of documented, in order
	for _, rp := range repeats {
		if rp.base.Inferred && !rp.p.Inferred {
			if documented[rp.base] == nil {
				inferred = append(inferred, rp.base)
			}
			documented[rp.base] = append(documented[rp.base], rp.p)
		}
	}
	for _, bp := range inferred {
		was := bp.Type
		r.typeInferred(bp, documented[bp])
		if bp.Type != was {
			first := documented[bp][0]
			r.diags = append(r.diags, schema.Diagnostic{
				File: bp.Source.File, Line: bp.Source.Line, Col: max(bp.Source.Col, 1), Severity: schema.Warning, Code: diag.PropertyInferredOnBase,
				Message: "property " + bp.Name + ", inferred here as " + was.String() + ", is documented by " + strconv.Itoa(len(documented[bp])) +
					" derived type(s), first at " + first.Source.String() + " (" + first.Type.String() + "); it is one property, on the base, " + describeRef(bp.Type),
			})
		}
	}
	for _, rp := range repeats {
		t, p, bp := rp.t, rp.p, rp.base
		delete(r.propOf[t], p.Name)
		if p.Type != bp.Type || p.Name != bp.Name {
			how := "documented at "
			if bp.Inferred {
				how = "inferred from an example at "
			}
			r.diags = append(r.diags, schema.Diagnostic{
				File: p.Source.File, Line: p.Source.Line, Col: max(p.Source.Col, 1), Severity: schema.Warning, Code: diag.PropertyRepeatsBase,
				Message: "property " + p.Name + " of " + t.Name + " (" + p.Type.String() + ") repeats " + bp.Name + " (" + bp.Type.String() + ") of its base, " + how +
					bp.Source.String() + ", and disagrees with it; the property is the base's",
			})
		}
		if p.Query != nil && !sameQuery(p.Query, bp.Query) {
			t.InheritedQuery = append(t.InheritedQuery, &schema.PropertyQuery{Name: bp.Name, Query: p.Query})
		}
	}
	for _, t := range r.out.Types {
		kept := t.Properties[:0:0]
		for _, p := range t.Properties {
			if r.propOf[t][p.Name] == p {
				kept = append(kept, p)
			}
		}
		if len(kept) < len(t.Properties) {
			t.Properties = slices.Clip(kept)
		}
	}
}

// repeats lists, in type and property order, every property that one of
// its type's bases also has, with the base's property that is kept: the
// one of the most distant base that has it.
func (r *resolver) repeats() []repeat {
	// Each type's properties by lower-cased name, the first of each name.
	byName := make(map[*schema.Type]map[string]*schema.Property, len(r.out.Types))
	for _, t := range r.out.Types {
		m := make(map[string]*schema.Property, len(t.Properties))
		for _, p := range t.Properties {
			if k := strings.ToLower(p.Name); m[k] == nil {
				m[k] = p
			}
		}
		byName[t] = m
	}
	var out []repeat
	for _, t := range r.out.Types {
		for _, p := range t.Properties {
			lower := strings.ToLower(p.Name)
			var found *schema.Property
			// Base chains have no cycles (breakBaseCycles); the depth
			// bound is a guard.
			for b, depth := r.base(t), 0; b != nil && depth < 64; b, depth = r.base(b), depth+1 {
				if bp := byName[b][lower]; bp != nil {
					found = bp
				}
			}
			if found != nil {
				out = append(out, repeat{t, p, found})
			}
		}
	}
	return out
}

// typeInferred types a base's inferred property that derived types
// document (rows): with their type when they all agree and it is of the
// kind of the values the examples show, else as any JSON.
func (r *resolver) typeInferred(bp *schema.Property, rows []*schema.Property) {
	doc := rows[0]
	for _, p := range rows[1:] {
		if p.Type != doc.Type {
			bp.Type, bp.Values = schema.TypeRef{Name: schema.EdmUntyped}, nil
			return
		}
	}
	switch {
	case bp.Type == doc.Type:
	case r.sameKind(bp.Type, doc.Type):
		bp.Type, bp.Values = doc.Type, doc.Values
		bp.Description += " Typed as documented in " + pageName(doc.Source) + "."
	default:
		bp.Type, bp.Values = schema.TypeRef{Name: schema.EdmUntyped}, nil
	}
}

// describeRef says what a property of type ref holds.
func describeRef(ref schema.TypeRef) string {
	if ref.Name == schema.EdmUntyped && !ref.Collection {
		return "holding any JSON, as the examples and rows disagree"
	}
	return "typed " + ref.String() + " as documented"
}

// sameKind reports whether every value an inferred property's type holds
// has the JSON kind of the documented type: strings for a string-like
// primitive or an enum, numbers for a number, booleans for a Boolean.
// An inferred Edm.Untyped (objects, arrays, or values of several kinds)
// never does.
func (r *resolver) sameKind(inferred, documented schema.TypeRef) bool {
	if inferred.Collection != documented.Collection || inferred.Name == schema.EdmUntyped {
		return false
	}
	want := edmKind(documented.Name)
	if want == "" && !documented.IsPrimitive() {
		if _, e := schema.LookupNamed(documented.Name, r.types, r.enums); e != nil {
			want = "string"
		}
	}
	return want != "" && want == edmKind(inferred.Name)
}

// sameQuery reports whether two query capabilities say the same (where
// they are written aside).
func sameQuery(a, b *schema.Query) bool {
	if a == nil || b == nil {
		return a == b
	}
	x, y := *a, *b
	x.Source, y.Source = schema.Pos{}, schema.Pos{}
	return reflect.DeepEqual(x, y)
}
