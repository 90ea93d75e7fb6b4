package gen

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// genOperation emits an operation's request struct, its optional body
// struct, the handler method that serves it, its routes and its
// UnimplementedService method.
func (e *emitter) genOperation(f *jen.File, o *opPlan) {
	if o.servedBy != nil {
		return // another operation keeps every route; see markServed
	}
	op := o.op
	if o.bodyType != "" {
		f.Line()
		f.Add(comment(o.bodyType + " is the request body of " + op.GoName + ": its documented parameters."))
		var fields []jen.Code
		if !hasProp(op.Parameters, "@odata.type") {
			fields = append(fields, comment("ODataType is the @odata.type instance annotation."),
				jen.Id("ODataType").Id("Optional").Types(jen.String()).Tag(map[string]string{"json": "@odata.type,omitzero"}), jen.Line())
		}
		f.Type().Id(o.bodyType).Struct(append(fields, e.fields(op.Parameters)...)...)
		e.genValidate(f, o.bodyType)
		if hasTagless(op.Parameters) {
			e.genNamedJSON(f, o.bodyType)
		}
		e.genValues(f, o.bodyType, op.Parameters)
	}
	e.genRequest(f, o)
	e.genServe(f, o)
	e.genRoutes(f, o)
	f.Line()
	f.Comment(op.GoName + " answers 501 Not Implemented.")
	f.Func().Params(jen.Id("UnimplementedService")).Id(op.GoName).Add(e.signature(o)).Block(
		e.unimplementedReturn(o),
	)
}

// bodyGoType is the Go type of the decoded request body, nil when the
// operation takes none.
func (e *emitter) bodyGoType(o *opPlan) *typeExpr {
	switch {
	case o.bodyType != "":
		return named(o.bodyType)
	case o.reqKind != nil:
		return e.kindType(*o.op.RequestType, o.reqKind)
	case o.op.RequestType != nil:
		return e.goType(*o.op.RequestType)
	}
	return nil
}

// kindType is the Go type of a reference decoded as a family: AnyOf[K],
// or a slice of them.
func (e *emitter) kindType(r schema.TypeRef, k *kind) *typeExpr {
	any := named("AnyOf", named(k.iface))
	if r.Collection {
		return sliceOf(any)
	}
	return any
}

// kindResult reports whether the service returns a family's interface
// (a single response decoded as a family).
func kindResult(o *opPlan) bool {
	return o.respKind != nil && !o.op.ResponseType.Collection
}

// resultGoType is the Go type a service returns, nil for no body.
func (e *emitter) resultGoType(o *opPlan) *typeExpr {
	if kindResult(o) {
		return named(o.respKind.iface)
	}
	if v := e.resultValueType(o); v != nil {
		return pointerTo(v)
	}
	return nil
}

// resultValueType is the response body type, nil for no body.
func (e *emitter) resultValueType(o *opPlan) *typeExpr {
	r := o.op.ResponseType
	if r == nil {
		return nil
	}
	elem := e.elemType(r.Name)
	if o.respKind != nil {
		elem = named("AnyOf", named(o.respKind.iface))
	}
	if r.Collection {
		return named("CollectionResponse", elem)
	}
	if r.IsPrimitive() {
		return named("ValueResponse", elem)
	}
	return elem
}

// signature is the Service method signature of an operation.
func (e *emitter) signature(o *opPlan) *jen.Statement {
	params := jen.Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Id(o.reqType))
	if res := e.resultGoType(o); res != nil {
		return params.Params(res.code(), jen.Error())
	}
	return params.Error()
}

// signatureText is signature as gofmt prints it.
func (e *emitter) signatureText(o *opPlan) string {
	params := "(ctx context.Context, req *" + o.reqType + ")"
	if res := e.resultGoType(o); res != nil {
		return params + " (" + res.String() + ", error)"
	}
	return params + " error"
}

func (e *emitter) unimplementedReturn(o *opPlan) jen.Code {
	call := jen.Id("notImplemented").Call(jen.Lit(o.op.GoName))
	if e.resultGoType(o) != nil {
		return jen.Return(jen.Nil(), call)
	}
	return jen.Return(call)
}

func (e *emitter) genRequest(f *jen.File, o *opPlan) {
	op := o.op
	f.Line()
	f.Add(comment(o.reqType+" is the request of "+op.GoName+" ("+op.Title+").", op.Description,
		"Documented at "+op.Source.String()+"."))
	fields := []jen.Code{
		comment("HTTPRequest is the incoming request: headers, query, context."),
		jen.Id("HTTPRequest").Op("*").Qual("net/http", "Request"),
	}
	phs := e.paramPlaceholders(o)
	for i, p := range o.params {
		fields = append(fields, jen.Line(), comment(p+" is the "+phs[i]+" path segment."), jen.Id(p).String())
	}
	if body := e.bodyGoType(o); body != nil {
		fields = append(fields, jen.Line(), comment("Body is the decoded request body."), jen.Id("Body").Add(body.code()))
	}
	f.Type().Id(o.reqType).Struct(fields...)
}

// paramPlaceholders lists, for each request field, the documented
// placeholders it holds, computed in one pass over the routes.
func (e *emitter) paramPlaceholders(o *opPlan) []string {
	seen := make([]map[string]bool, len(o.params))
	lists := make([][]string, len(o.params))
	for ri, idx := range o.paramOf {
		for pi, fi := range idx {
			ph := "{" + o.op.Routes[ri].Params[pi] + "}"
			if seen[fi] == nil {
				seen[fi] = map[string]bool{}
			}
			if !seen[fi][ph] {
				seen[fi][ph] = true
				lists[fi] = append(lists[fi], ph)
			}
		}
	}
	out := make([]string, len(o.params))
	for i, l := range lists {
		out[i] = strings.Join(l, " or ")
	}
	return out
}

// genServe emits the handler method: decode and validate the body, call
// the service, reply with the documented status.
func (e *emitter) genServe(f *jen.File, o *opPlan) {
	body := []jen.Code{jen.Id("req").Dot("HTTPRequest").Op("=").Id("r")}
	if e.bodyGoType(o) != nil {
		body = append(body, jen.If(jen.Op("!").Id("h").Dot("decode").Call(jen.Id("w"), jen.Id("r"), jen.Op("&").Id("req").Dot("Body"))).Block(jen.Return()))
	}
	call := jen.Id("h").Dot("svc").Dot(o.op.GoName).Call(jen.Id("r").Dot("Context").Call(), jen.Id("req"))
	status := jen.Lit(o.op.Status)
	if e.resultGoType(o) != nil {
		res := jen.Id("res")
		body = append(body,
			jen.List(jen.Id("res"), jen.Err()).Op(":=").Add(call),
			jen.Id("h").Dot("reply").Call(jen.Id("w"), jen.Id("r"), status, res, jen.Err()))
	} else {
		body = append(body,
			jen.Err().Op(":=").Add(call),
			jen.Id("h").Dot("reply").Call(jen.Id("w"), jen.Id("r"), status, jen.Nil(), jen.Err()))
	}
	f.Line()
	f.Func().Params(jen.Id("h").Op("*").Id("handler")).Id(o.serve).Params(
		jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request"), jen.Id("req").Op("*").Id(o.reqType),
	).Block(body...)
}

// genRoutes registers the operation's routes, one per documented request
// line, in the page's file so a doc change stays local.
func (e *emitter) genRoutes(f *jen.File, o *opPlan) {
	var entries []jen.Code
	for ri, r := range o.op.Routes {
		if slices.Contains(o.dropped, ri) {
			continue
		}
		// Fields in path order (jen.Dict would sort them by name).
		var kv []jen.Code
		for pi, fi := range o.paramOf[ri] {
			kv = append(kv, jen.Id(o.params[fi]).Op(":").Id("p").Index(jen.Lit(pi)))
		}
		serve := jen.Func().Params(
			jen.Id("h").Op("*").Id("handler"), jen.Id("w").Qual("net/http", "ResponseWriter"),
			jen.Id("r").Op("*").Qual("net/http", "Request"), jen.Id("p").Index().String(),
		).Block(jen.Id("h").Dot(o.serve).Call(jen.Id("w"), jen.Id("r"), jen.Op("&").Id(o.reqType).Values(kv...)))
		fields := jen.Dict{
			jen.Id("method"):  jen.Lit(o.op.Method),
			jen.Id("pattern"): jen.Lit(r.Pattern),
			jen.Id("serve"):   serve,
		}
		if collection(o) {
			fields[jen.Id("collection")] = jen.True()
		}
		entries = append(entries, jen.Line().Add(comment(o.op.Paths[ri]+" ("+r.Source.String()+")")).Line().Id("route").Values(fields))
	}
	if len(entries) == 0 {
		return
	}
	args := append([]jen.Code{jen.Id("routes")}, entries...)
	f.Line()
	f.Func().Id("init").Params().Block(jen.Id("routes").Op("=").Append(args...))
}
