package parser

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/jsondoc"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// primitiveFromExamples gives an operation whose page names no response
// type the primitive its examples answer: {"value": true} is an
// Edm.Boolean, {"value": ["a", "b"]} a Collection(Edm.String). Only the
// {"value": ...} shape (with @odata.context at most) counts, the way the
// service answers a primitive; the first example with a body decides.
func (r *resolver) primitiveFromExamples(pg *pageResult, d *opDraft, op *schema.Operation) {
	for _, ex := range d.examples {
		if ex.resp == nil || ex.resp.json == nil || ex.resp.IsError() {
			continue
		}
		ref, ok := valuePrimitive(ex.resp.json)
		if !ok {
			return
		}
		op.ResponseType = &ref
		r.warn(pg.src, ex.resp.bodyOff, diag.ResponseTypeFromExample, "the Response section names no type; the example answers {\"value\": ...} holding %s, so the response type is %s", kindName(ex.resp.json.Get("value").Kind), ref)
		return
	}
}

// valuePrimitive reads the primitive type of a {"value": x} body.
func valuePrimitive(v *jsondoc.Value) (schema.TypeRef, bool) {
	if v.Kind != jsondoc.Object {
		return schema.TypeRef{}, false
	}
	for _, m := range v.Members {
		if m.Key != "value" && m.Key != "@odata.context" {
			return schema.TypeRef{}, false
		}
	}
	val := v.Get("value")
	if val == nil {
		return schema.TypeRef{}, false
	}
	if val.Kind == jsondoc.Array {
		name := ""
		for _, e := range val.Elems {
			n := primitiveOf(e)
			if n == "" || name != "" && n != name {
				return schema.TypeRef{}, false
			}
			name = n
		}
		if name == "" {
			return schema.TypeRef{}, false
		}
		return schema.TypeRef{Name: name, Collection: true}, true
	}
	name := primitiveOf(val)
	return schema.TypeRef{Name: name}, name != ""
}

// primitiveOf is the Edm type a JSON scalar reads as ("" for others).
func primitiveOf(v *jsondoc.Value) string {
	switch v.Kind {
	case jsondoc.String:
		return schema.EdmString
	case jsondoc.Bool:
		return schema.EdmBoolean
	case jsondoc.Number:
		if strings.ContainsAny(v.Str, ".eE") {
			return schema.EdmDouble
		}
		return schema.EdmInt64
	}
	return ""
}

// singleFromExamples reads a response the prose calls a collection as one
// entity when every example answers one: each JSON body is an object with
// no "value" member and no response annotation says isCollection (chat-get
// says "a collection of chat objects" and shows one chat).
func (r *resolver) singleFromExamples(pg *pageResult, d *opDraft, op *schema.Operation) {
	if op.ResponseType == nil || !op.ResponseType.Collection || op.ResponseType.IsPrimitive() {
		return
	}
	first := -1
	for _, ex := range d.examples {
		if ex.resp == nil || ex.resp.json == nil || ex.resp.IsError() {
			continue
		}
		if ex.isColl || ex.resp.json.Kind != jsondoc.Object || ex.resp.json.Get("value") != nil {
			return
		}
		if first < 0 {
			first = ex.resp.bodyOff
		}
	}
	if first < 0 {
		return
	}
	op.ResponseType.Collection = false
	r.warn(pg.src, first, diag.ResponseSingleInferred, "the Response section says a collection of %s, but every example answers one; the response type is %s", op.ResponseType.Name, op.ResponseType.Name)
}

// responseFromRequest gives a create or update whose page names no
// response type the type it writes when an example answers with an entity
// (a JSON object that is not a {"value": ...} wrapper): PATCH returns the
// updated object, POST the created one, as the Graph service does. That
// type is the request type, or, for a body given as a property table, the
// first documented type the page's file name names (usersettings-update.md:
// userSettings).
func (r *resolver) responseFromRequest(pg *pageResult, d *opDraft, op *schema.Operation) {
	switch op.Method {
	case "PATCH", "PUT", "POST":
	default:
		return
	}
	var ref *schema.TypeRef
	switch {
	case op.RequestType != nil:
		if op.RequestType.Collection || op.RequestType.IsPrimitive() {
			return
		}
		c := *op.RequestType
		ref = &c
	default:
		for part := range strings.SplitSeq(pageStem(pg.src.path), "-") {
			if t := r.lookupType(namespaceOf(pg), part); t != nil {
				ref = &schema.TypeRef{Name: t.QualifiedName()}
				break
			}
		}
	}
	if ref == nil {
		return
	}
	for _, ex := range d.examples {
		if ex.resp == nil || ex.resp.json == nil || ex.resp.IsError() {
			continue
		}
		if ex.resp.json.Kind != jsondoc.Object || ex.resp.json.Get("value") != nil {
			return
		}
		op.ResponseType = ref
		d.respGuessed = !namesWord(d.respText, simpleName(ref.Name))
		r.warn(pg.src, ex.resp.bodyOff, diag.ResponseTypeFromRequest, "the Response section names no type, but the example answers an object; reading it as %s, the type this %s writes", ref, op.Method)
		return
	}
}
