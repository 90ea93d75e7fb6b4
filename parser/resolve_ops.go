package parser

import (
	"fmt"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/jsondoc"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// addOperation resolves an operation draft into the schema.
func (r *resolver) addOperation(d *opDraft) {
	pg := d.page
	ns := namespaceOf(pg)
	op := &schema.Operation{
		Method: d.method, Source: pg.src.pos(d.off), Title: d.title, Description: d.description,
		Paths: []string{}, Examples: []*schema.Example{},
	}
	for i, l := range d.lines {
		op.Paths = append(op.Paths, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l.Raw), l.Method)))
		op.Routes = append(op.Routes, schema.Route{Pattern: l.Pattern, Params: l.Params, Source: pg.src.pos(d.lineOffs[i])})
	}
	if !d.noBody {
		switch {
		case d.paramsAreOf == "parameters" || (d.bodySpec == nil && len(d.params) > 0):
			for _, pd := range d.params {
				ref, values := r.ref(pg, pd.spec, ns, d.title, pd.name, pd.values, pd.valueOffs)
				op.Parameters = append(op.Parameters, &schema.Property{Name: pd.name, Type: ref, Source: pg.src.pos(pd.off), Description: pd.description, Values: values})
			}
		case d.bodySpec != nil:
			ref, _ := r.ref(pg, *d.bodySpec, ns, d.title, "body", nil, nil)
			if ref.Name != schema.EdmUntyped {
				op.RequestType = &ref
			}
		}
	}
	if d.respSpec != nil {
		ref, _ := r.ref(pg, *d.respSpec, ns, d.title, "response", nil, nil)
		if ref.Name != schema.EdmUntyped {
			op.ResponseType = &ref
		}
	}
	op.Status = d.status
	if op.Status == 0 {
		op.Status = defaultStatus(d)
		r.warn(pg.src, d.off, "response-status-missing", "the Response section gives no status code; assuming %d", op.Status)
	}
	for _, ex := range d.examples {
		op.Examples = append(op.Examples, r.example(pg, op, ex))
	}
	r.out.Operations = append(r.out.Operations, op)
}

// defaultStatus guesses the success status from examples, then the method.
func defaultStatus(d *opDraft) int {
	for _, ex := range d.examples {
		if ex.resp != nil && ex.resp.Status != 0 {
			return ex.resp.Status
		}
	}
	switch d.method {
	case "POST":
		return 201
	case "PATCH", "DELETE", "PUT":
		return 204
	}
	return 200
}

// example converts a pair and checks its request body against the
// operation's request type.
func (r *resolver) example(pg *pageResult, op *schema.Operation, d *exampleDraft) *schema.Example {
	ex := &schema.Example{Name: d.name, Source: pg.src.pos(d.off), Truncated: d.truncated}
	if d.req != nil {
		ex.Request = d.req.HTTPMessage
	}
	if d.resp != nil {
		ex.Response = d.resp.HTTPMessage
	}
	if d.req != nil && d.req.json != nil && op.RequestType != nil && !op.RequestType.Collection {
		if t := r.types[strings.ToLower(op.RequestType.Name)]; t != nil {
			ex.Rejects = r.checkObject(pg, d.req.bodyOff, d.req.json, t, "")
		}
	}
	return ex
}

// checkObject walks an example object against type t and reports values the
// generated handler will reject. It returns the first rejected property path.
func (r *resolver) checkObject(pg *pageResult, base int, v *jsondoc.Value, t *schema.Type, path string) string {
	if v.Kind != jsondoc.Object {
		return ""
	}
	first := ""
	for _, m := range v.Members {
		if strings.Contains(m.Key, "@") {
			continue
		}
		p := r.property(t, m.Key)
		name := joinPath(path, m.Key)
		if p == nil {
			r.warn(pg.src, base+m.KeyOff, "example-property-undocumented", "example sends %s, which the %s table does not document; the handler rejects it", name, t.Name)
			first = firstOf(first, name)
			continue
		}
		if bad := r.checkValue(pg, base, m.Value, p.Type, name); bad != "" {
			first = firstOf(first, bad)
		}
	}
	return first
}

func (r *resolver) checkValue(pg *pageResult, base int, v *jsondoc.Value, ref schema.TypeRef, name string) string {
	if v.Kind == jsondoc.Null {
		return ""
	}
	if ref.Collection {
		if v.Kind != jsondoc.Array {
			r.warn(pg.src, base+v.Off, "example-type-mismatch", "example sends %s as %s, but it is %s; the handler rejects it", name, kindName(v.Kind), ref)
			return name
		}
		first := ""
		for i, e := range v.Elems {
			if bad := r.checkValue(pg, base, e, schema.TypeRef{Name: ref.Name}, fmt.Sprintf("%s[%d]", name, i)); bad != "" {
				first = firstOf(first, bad)
			}
		}
		return first
	}
	if e := r.enums[strings.ToLower(ref.Name)]; e != nil {
		if v.Kind != jsondoc.String || !contains(e.Members, v.Str) {
			r.warn(pg.src, base+v.Off, "example-enum-value", "example sends %s = %s, which is not a member of %s (%s); the handler rejects it", name, string(v.Compact()), e.Name, strings.Join(e.Members, ", "))
			return name
		}
		return ""
	}
	if t := r.types[strings.ToLower(ref.Name)]; t != nil {
		if v.Kind != jsondoc.Object {
			r.warn(pg.src, base+v.Off, "example-type-mismatch", "example sends %s as %s, but it is %s; the handler rejects it", name, kindName(v.Kind), ref)
			return name
		}
		return r.checkObject(pg, base, v, t, name)
	}
	if want := edmKind(ref.Name); want != "" && want != kindName(v.Kind) {
		r.warn(pg.src, base+v.Off, "example-type-mismatch", "example sends %s as %s, but it is %s; the handler rejects it", name, kindName(v.Kind), ref)
		return name
	}
	return ""
}

// property finds a property of t or of its bases.
func (r *resolver) property(t *schema.Type, name string) *schema.Property {
	for depth := 0; t != nil && depth < 64; depth++ {
		if p := r.propOf[t][name]; p != nil {
			return p
		}
		if t.Base == nil {
			return nil
		}
		t = r.types[strings.ToLower(*t.Base)]
	}
	return nil
}

// edmKind is the JSON kind a primitive must have ("" for any).
func edmKind(edm string) string {
	switch edm {
	case schema.EdmBoolean:
		return "boolean"
	case schema.EdmInt16, schema.EdmInt32, schema.EdmInt64, schema.EdmByte, schema.EdmSByte,
		schema.EdmSingle, schema.EdmDouble, schema.EdmDecimal:
		return "number"
	case schema.EdmUntyped:
		return ""
	}
	if strings.HasPrefix(edm, "Edm.") {
		return "string"
	}
	return ""
}

func kindName(k jsondoc.Kind) string {
	switch k {
	case jsondoc.Null:
		return "null"
	case jsondoc.Bool:
		return "boolean"
	case jsondoc.Number:
		return "number"
	case jsondoc.String:
		return "string"
	case jsondoc.Object:
		return "object"
	}
	return "array"
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
