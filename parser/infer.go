package parser

import (
	"fmt"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/jsondoc"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// infer adds to t (and to the types of its nested values) every member of
// the documented JSON object v that no table documents, so that the
// generated types hold what the docs show. Each addition is reported.
// base is the offset of v's text in the page.
func (r *resolver) infer(pg *pageResult, base int, v *jsondoc.Value, t *schema.Type, where string) {
	if v == nil || v.Kind != jsondoc.Object || t == nil {
		return
	}
	for _, m := range v.Members {
		if m.Key == "@odata.type" {
			continue // every generated root type has a field for it
		}
		p := r.property(t, m.Key)
		if p == nil {
			r.addInferred(pg, base, m, t, where)
			continue
		}
		widen(p, m.Value)
		r.inferValue(pg, base, m.Value, p.Type, where)
	}
}

// inferFromRepresentations adds what each resource's JSON representation
// shows but its tables do not document.
func (r *resolver) inferFromRepresentations() {
	for _, t := range r.out.Types {
		d := r.typeDraftOf[t]
		if d.jsonRep != nil && d.jsonRep.json != nil {
			r.infer(d.page, d.jsonRep.bodyOff, d.jsonRep.json, t, "the JSON representation")
		}
	}
}

// inferValue descends into a documented property's value.
func (r *resolver) inferValue(pg *pageResult, base int, v *jsondoc.Value, ref schema.TypeRef, where string) {
	t := r.types[strings.ToLower(ref.Name)]
	if t == nil || v == nil {
		return
	}
	if ref.Collection {
		if v.Kind == jsondoc.Array {
			for _, e := range v.Elems {
				r.infer(pg, base, e, t, where)
			}
		}
		return
	}
	r.infer(pg, base, v, t, where)
}

// addInferred adds an undocumented member as a property typed from its
// value, or widens an earlier inferred property's type.
func (r *resolver) addInferred(pg *pageResult, base int, m jsondoc.Member, t *schema.Type, where string) {
	ref := jsonTypeRef(m.Value)
	if where == "the JSON representation" {
		ref = placeholderType(m.Value)
	}
	pos := pg.src.pos(base + m.KeyOff)
	p := &schema.Property{Name: m.Key, Type: ref, Source: pos, Inferred: true,
		Description: fmt.Sprintf("Not documented in a table; inferred from %s at %s.", where, pos)}
	r.propOf[t][m.Key] = p
	t.Properties = append(t.Properties, p)
	code, what := diag.PropertyUndocumented, "property"
	if strings.Contains(m.Key, "@") {
		code, what = diag.AnnotationUndocumented, "instance annotation"
	}
	r.warn(pg.src, base+m.KeyOff, code, "%s %s of %s appears in %s but in no table of %s (%s); added as %s", what, m.Key, t.Name, where, t.Name, t.Source, ref)
}

// widen merges the type seen in another example into an inferred property.
func widen(p *schema.Property, v *jsondoc.Value) {
	if !p.Inferred || v == nil || v.Kind == jsondoc.Null {
		return
	}
	got := jsonTypeRef(v)
	switch {
	case got == p.Type:
	case p.Type.Name == schema.EdmInt64 && got.Name == schema.EdmDouble && !p.Type.Collection && !got.Collection:
		p.Type = got
	case p.Type.Name == schema.EdmUntyped && !p.Type.Collection:
	default:
		p.Type = schema.TypeRef{Name: schema.EdmUntyped}
	}
}

// jsonTypeRef is the schema type that holds a JSON value without loss.
func jsonTypeRef(v *jsondoc.Value) schema.TypeRef {
	switch v.Kind {
	case jsondoc.String:
		return schema.TypeRef{Name: schema.EdmString}
	case jsondoc.Bool:
		return schema.TypeRef{Name: schema.EdmBoolean}
	case jsondoc.Number:
		if strings.ContainsAny(v.Str, ".eE") {
			return schema.TypeRef{Name: schema.EdmDouble}
		}
		return schema.TypeRef{Name: schema.EdmInt64}
	}
	return schema.TypeRef{Name: schema.EdmUntyped}
}

// placeholderType reads the type a JSON representation writes as a
// placeholder value ("String", "Int32", "microsoft.graph.x" are type names
// there, not data); other values are typed as in examples.
func placeholderType(v *jsondoc.Value) schema.TypeRef {
	if v.Kind == jsondoc.String {
		if e, ok := primitives[strings.ToLower(strings.TrimPrefix(strings.TrimSpace(v.Str), "Edm."))]; ok {
			return schema.TypeRef{Name: e}
		}
	}
	if v.Kind == jsondoc.Array && len(v.Elems) > 0 {
		elem := placeholderType(v.Elems[0])
		if elem.Name != schema.EdmUntyped {
			return schema.TypeRef{Name: elem.Name, Collection: true}
		}
		return schema.TypeRef{Name: schema.EdmUntyped}
	}
	return jsonTypeRef(v)
}
