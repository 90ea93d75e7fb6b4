package parser

import (
	"fmt"
	"path"
	"path/filepath"
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
	if m, name := r.unrelatedType(v, t); m != nil {
		// The object says it is another type than the docs give it:
		// its members are that type's, and would become fields of t
		// that t's other values show clients (beta's attachment-get.md
		// puts a message where itemAttachment.item is an outlookItem,
		// and message.md names no base).
		if r.firstKept(t, "@odata.type="+strings.ToLower(name)) {
			r.warn(pg.src, base+m.Value.Off, diag.ExampleTypeUnrelated, "%s shows a %s where the docs give %s, which is neither that type nor a type derived from it; its members were not added to %s", where, name, t.Name, t.Name)
		}
		return
	}
	t = r.memberType(v, t)
	if o := r.outsideOf[t]; o != nil {
		o.shown = true
	}
	for _, m := range v.Members {
		if m.Key == "@odata.type" || isControlInfo(m.Key) {
			continue // a field of every generated root type; control information
		}
		if strings.EqualFold(m.Key, "@odata.type") {
			// "@Odata.type": the decoder reads it into ODataType, as
			// encoding/json matches names ignoring case, and the
			// handler writes it back as @odata.type.
			if r.firstKept(t, m.Key) {
				r.warn(pg.src, base+m.KeyOff, diag.PropertyNameVariant, "%s shows %q, which OData spells \"@odata.type\"; read as that", where, m.Key)
			}
			continue
		}
		p := r.property(t, m.Key)
		if p == nil {
			if q := r.propertyFold(t, strings.TrimSpace(m.Key)); q != nil {
				// A misspelling of a property, never a property of its
				// own: it would become a second field clients see.
				r.warn(pg.src, base+m.KeyOff, diag.PropertyNameVariant, "%s shows %q, which %s spells %q; read as that property", where, m.Key, t.Name, q.Name)
				r.inferValue(pg, base, m.Value, q.Type, where)
				continue
			}
			if !strings.Contains(m.Key, "@") && r.outsideOf[t] == nil && r.open(t) {
				r.keepDynamic(pg, base, m, t, where)
				continue
			}
			if schema.IsDirectoryExtension(m.Key) {
				if r.firstKept(t, m.Key) {
					r.warn(pg.src, base+m.KeyOff, diag.PropertyDirectoryExtension, "%s shows %s on %s, a directory extension property (one application's, in one tenant); kept with the annotations, not made a field", where, m.Key, t.Name)
				}
				continue
			}
			if strings.HasPrefix(m.Key, "@") && !strings.HasPrefix(m.Key, "@microsoft.graph.") {
				// "@type", "@odate.type", "@Odata.type": no Graph
				// annotation, most likely a misspelt @odata.type. The
				// body keeps it with its annotations; a field would be
				// a value every client sees.
				if r.firstKept(t, m.Key) {
					r.warn(pg.src, base+m.KeyOff, diag.AnnotationUnknown, "%s shows %s on %s, which is no microsoft.graph instance annotation (a misspelt @odata.type?); kept with the annotations, not made a field", where, m.Key, t.Name)
				}
				continue
			}
			if !strings.HasPrefix(m.Key, "@") && !isSimpleIdentifier(m.Key) {
				// "principalIds[]" beside principalIds: no property
				// OData can name, and a field clients would see.
				if r.firstKept(t, m.Key) {
					r.warn(pg.src, base+m.KeyOff, diag.PropertyNameInvalid, "%s shows %q on %s, which is no OData property name; no field is made for it", where, m.Key, t.Name)
				}
				continue
			}
			if d := r.derivedDocumenting(t, m.Key); d != nil && where != "the JSON representation" {
				// A derived type's member in an example value that does
				// not name its type: a field on t would be one that t's
				// other derived types show clients (attachment.contentBytes
				// on an itemAttachment; place.capacity on a workspace).
				// A type's own JSON representation still adds it.
				if r.firstKept(t, m.Key) {
					r.warn(pg.src, base+m.KeyOff, diag.ExampleKindUnnamed, "%s shows %s in a value of %s that names no type in @odata.type; the derived type %s documents it, %s does not, so it was not added to %s", where, m.Key, t.Name, d.Name, t.Name, t.Name)
				}
				continue
			}
			r.addInferred(pg, base, m, t, where)
			continue
		}
		widen(p, m.Value)
		r.inferValue(pg, base, m.Value, p.Type, where)
	}
}

// memberType is the type whose members an example object shows: the type
// its @odata.type names when that is t or a documented type derived from
// t (a user in a list of directoryObjects), else t. Members of a derived
// type are never inferred onto its base: they would become fields every
// other member of the family shows clients.
func (r *resolver) memberType(v *jsondoc.Value, t *schema.Type) *schema.Type {
	for _, m := range v.Members {
		if m.Key != "@odata.type" || m.Value == nil || m.Value.Kind != jsondoc.String {
			continue
		}
		d := r.lookupType(t.Namespace, m.Value.Str)
		if d == nil || d == t {
			return t
		}
		for b := r.baseOf(d); b != nil; b = r.baseOf(b) {
			if b == t {
				return d
			}
		}
	}
	return t
}

// unrelatedType returns the @odata.type member of the object v and the
// type name it holds when that names a type t cannot stand for: neither
// t (by qualified or simple name: "microsoft.outlookServices.openTypeExtension"
// still names openTypeExtension), nor a type derived from t, nor a base
// of t; that is, a documented type the docs do not relate to t, or no
// documented type ("#Microsoft.OutlookServices.FileAttachment"). It
// returns nil when v names no type or a related one. The member is the
// last one named @odata.type ignoring case, as the decoder reads it,
// whose foreignType is the generated code's side of this rule.
func (r *resolver) unrelatedType(v *jsondoc.Value, t *schema.Type) (*jsondoc.Member, string) {
	var at *jsondoc.Member
	for i, m := range v.Members {
		if !strings.EqualFold(m.Key, "@odata.type") || m.Value == nil || m.Value.Kind == jsondoc.Null {
			continue
		}
		at = nil
		if m.Value.Kind == jsondoc.String {
			at = &v.Members[i]
		}
	}
	if at == nil || at.Value.Str == "" || at.Value.Str == "#" {
		return nil, ""
	}
	name := strings.TrimPrefix(at.Value.Str, "#")
	if strings.EqualFold(name[strings.LastIndexByte(name, '.')+1:], t.Name) {
		return nil, ""
	}
	d := r.lookupType(t.Namespace, name)
	if d == nil && r.outsideOf[t] != nil {
		return nil, "" // a type built from its examples: they are all it has
	}
	if d != nil && (r.derives(d, t) || r.derives(t, d)) {
		return nil, ""
	}
	return at, name
}

// derivedDocumenting returns the first type (in type order) derived from
// t, directly or not, whose own tables document a property named key,
// nil when none does.
func (r *resolver) derivedDocumenting(t *schema.Type, key string) *schema.Type {
	for _, d := range r.out.Types {
		if d == t || !r.derives(d, t) {
			continue
		}
		if p := r.propOf[d][key]; p != nil && !p.Inferred {
			return d
		}
	}
	return nil
}

// derives reports whether d is t or a type derived from t.
func (r *resolver) derives(d, t *schema.Type) bool {
	for ; d != nil; d = r.baseOf(d) {
		if d == t {
			return true
		}
	}
	return false
}

// inferFromRepresentations adds what each resource's JSON representation
// shows but its tables do not document.
func (r *resolver) inferFromRepresentations() {
	for _, t := range r.out.Types {
		d := r.typeDraftOf[t]
		if d.jsonRep != nil && d.jsonRep.json != nil {
			v := r.withoutEnvelope(d.page, d.jsonRep.bodyOff, d.jsonRep.json, schema.TypeRef{Name: t.QualifiedName()}, "the JSON representation", true)
			r.infer(d.page, d.jsonRep.bodyOff, v, t, "the JSON representation")
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
		Description: fmt.Sprintf("Not documented in a table; inferred from %s in %s.", where, pageName(pos))}
	r.propOf[t][m.Key] = p
	t.Properties = append(t.Properties, p)
	if r.outsideOf[t] != nil {
		p.Description = fmt.Sprintf("Inferred from %s in %s.", where, pageName(pos))
		return // one warning for the type (type-not-in-inputs)
	}
	code, what := "property-undocumented", "property"
	if strings.Contains(m.Key, "@") {
		code, what = diag.AnnotationUndocumented, "instance annotation"
	}
	r.warn(pg.src, base+m.KeyOff, code, "%s %s of %s appears in %s but in no table of %s (%s); added as %s", what, m.Key, t.Name, where, t.Name, t.Source, ref)
}

// keepDynamic reports a member an example shows on an open type that no
// table declares. It becomes no field: an open type's undeclared
// properties are dynamic (plannerAssignments is keyed by user ids), kept
// in its AdditionalData, and a field named after one example's key
// ("aaa27244-1db4-...") would be a value every client sees. Each member
// is reported once per type.
func (r *resolver) keepDynamic(pg *pageResult, base int, m jsondoc.Member, t *schema.Type, where string) {
	if r.firstKept(t, m.Key) {
		r.warn(pg.src, base+m.KeyOff, diag.PropertyDynamic, "property %s of %s appears in %s but in no table of %s (%s); %s is an open type, so it is kept with its undeclared properties, not made a field", m.Key, t.Name, where, t.Name, t.Source, t.Name)
	}
}

// firstKept records that the member key of t is kept without a field and
// reports whether this is its first time, so that each is reported once.
func (r *resolver) firstKept(t *schema.Type, key string) bool {
	if r.keptOf == nil {
		r.keptOf = map[*schema.Type]map[string]bool{}
	}
	seen := r.keptOf[t]
	if seen == nil {
		seen = map[string]bool{}
		r.keptOf[t] = seen
	}
	if seen[key] {
		return false
	}
	seen[key] = true
	return true
}

// pageName names the page of pos by its file name, without the folders
// of the command line or a line number: descriptions become generated
// comments, which must not change when an earlier line of the page or
// the way the tool is invoked does (the position stays in Source).
func pageName(pos schema.Pos) string {
	return path.Base(filepath.ToSlash(pos.File))
}

// widen merges the type seen in another example into an inferred
// property: a value its type holds leaves it; an integer where numbers
// with fractions were seen (or the other way round) makes it a Double;
// any other value makes it any JSON.
func widen(p *schema.Property, v *jsondoc.Value) {
	if !p.Inferred || v == nil || v.Kind == jsondoc.Null || holdsValue(p.Type, v) {
		return
	}
	got := jsonTypeRef(v)
	if got.Collection == p.Type.Collection && isNumberRef(got.Name) && isNumberRef(p.Type.Name) {
		p.Type = schema.TypeRef{Name: schema.EdmDouble, Collection: got.Collection}
		return
	}
	p.Type = schema.TypeRef{Name: schema.EdmUntyped}
}

func isNumberRef(name string) bool { return name == schema.EdmInt64 || name == schema.EdmDouble }

// holdsValue reports whether an inferred type holds a JSON value: any
// value for any JSON, an array (empty, or of elements it holds, nulls
// included) for a collection, else a value of the primitive's kind (an
// integer for a Double too).
func holdsValue(ref schema.TypeRef, v *jsondoc.Value) bool {
	if ref.Name == schema.EdmUntyped && !ref.Collection {
		return true
	}
	if ref.Collection {
		if v.Kind != jsondoc.Array {
			return false
		}
		for _, e := range v.Elems {
			if e.Kind != jsondoc.Null && !holdsValue(schema.TypeRef{Name: ref.Name}, e) {
				return false
			}
		}
		return true
	}
	got := jsonTypeRef(v)
	return got == ref || ref.Name == schema.EdmDouble && got.Name == schema.EdmInt64 && !got.Collection
}

// jsonTypeRef is the schema type that holds a JSON value without loss,
// where the value tells it: a string, a Boolean, an integer (Int64) or a
// number with a fraction or exponent (Double), or an array of one of
// those (Collection); any JSON for an object, an empty array, or an array
// of objects, arrays or values of several kinds.
func jsonTypeRef(v *jsondoc.Value) schema.TypeRef {
	if v.Kind == jsondoc.Array {
		elem := ""
		for _, e := range v.Elems {
			if e.Kind == jsondoc.Null {
				continue
			}
			n := primitiveOf(e)
			switch {
			case n == "":
				return schema.TypeRef{Name: schema.EdmUntyped}
			case elem == "" || elem == n:
				elem = n
			case isNumberRef(elem) && isNumberRef(n):
				elem = schema.EdmDouble
			default:
				return schema.TypeRef{Name: schema.EdmUntyped}
			}
		}
		if elem == "" {
			return schema.TypeRef{Name: schema.EdmUntyped}
		}
		return schema.TypeRef{Name: elem, Collection: true}
	}
	if n := primitiveOf(v); n != "" {
		return schema.TypeRef{Name: n}
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

// inferWithin adds to the types of the documented members of a value of
// ref (each element of a collection) what their values show, but nothing
// to ref's type itself, and reports whether the value shows a member that
// type does not declare (and inference would have added). It reads an
// example whose response type is a guess (see inferFromExamples): the
// documented members' types are the docs' word, the guessed type is not.
func (r *resolver) inferWithin(pg *pageResult, base int, v *jsondoc.Value, ref schema.TypeRef, where string) bool {
	t := r.types[strings.ToLower(ref.Name)]
	if t == nil || v == nil {
		return false
	}
	vals := []*jsondoc.Value{v}
	if ref.Collection {
		if v.Kind != jsondoc.Array {
			return false
		}
		vals = v.Elems
	}
	unread := false
	for _, e := range vals {
		if e == nil || e.Kind != jsondoc.Object {
			continue
		}
		if m, _ := r.unrelatedType(e, t); m != nil {
			continue
		}
		et := r.memberType(e, t)
		for _, m := range e.Members {
			if strings.Contains(m.Key, "@") || isControlInfo(m.Key) || schema.IsDirectoryExtension(m.Key) {
				continue
			}
			p := r.propertyFold(et, strings.TrimSpace(m.Key))
			if p == nil {
				unread = unread || !r.open(et)
				continue
			}
			r.inferValue(pg, base, m.Value, p.Type, where)
		}
	}
	return unread
}

// isSimpleIdentifier reports whether s is an OData SimpleIdentifier as a
// property name takes it: a letter or '_', then letters, digits or '_'
// (ASCII here; the docs name no property otherwise).
func isSimpleIdentifier(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isLetter(c) || c == '_' || i > 0 && isDigit(c)) {
			return false
		}
	}
	return s != ""
}

// withoutEnvelope returns v, an example's response value of ref, or a
// JSON representation when rep is set, without the top-level members
// that ref's type does not document and that are an envelope on one
// entity, not a property: an example's value or values (a list,
// {"values": [...]} in organizationalbrandingpropertieslocalization-get.md,
// or a primitive's answer, {"value": "Welcome"}), a representation's
// value list (a collection's body, ediscovery-unifiedgroupsource.md).
// Each is reported; a field would be one clients see. v itself is not
// changed; a collection's values are left alone.
func (r *resolver) withoutEnvelope(pg *pageResult, base int, v *jsondoc.Value, ref schema.TypeRef, where string, rep bool) *jsondoc.Value {
	t := r.types[strings.ToLower(ref.Name)]
	if t == nil || v == nil || ref.Collection || v.Kind != jsondoc.Object {
		return v
	}
	envelope := func(m jsondoc.Member) bool {
		if rep {
			return m.Key == "value" && m.Value != nil && m.Value.Kind == jsondoc.Array && r.propertyFold(t, m.Key) == nil
		}
		return (m.Key == "value" || m.Key == "values") && r.propertyFold(t, m.Key) == nil
	}
	var keep []jsondoc.Member
	dropped := false
	for _, m := range v.Members {
		if !envelope(m) {
			keep = append(keep, m)
			continue
		}
		dropped = true
		r.warn(pg.src, base+m.KeyOff, diag.PropertyValueEnvelope, "%s shows a top-level %s on %s, which documents none: an envelope, not a property; no field is made for it", where, m.Key, t.Name)
	}
	if !dropped {
		return v
	}
	cp := *v
	cp.Members = keep
	return &cp
}
