package gen

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/graphdocgen/graphdocgen/gen/runtime"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// genOperation emits an operation's request struct, its optional body
// struct, its row of the operation table and its UnimplementedService
// method.
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
				jen.Id("ODataType").Id(runtime.Optional).Types(jen.String()).Tag(map[string]string{"json": "@odata.type,omitzero"}), jen.Line())
		}
		fields = append(fields, e.fields(op.Source.File, op.Parameters)...)
		fields = append(fields, jen.Line(), comment("ODataAnnotations holds the instance annotations but @odata.type."),
			jen.Id("ODataAnnotations").Id(runtime.Annotations).Tag(map[string]string{"json": "-", runtime.NamedTag: runtime.AnnotationsTag}))
		f.Type().Id(o.bodyType).Struct(fields...)
		e.genMethods(f, o.bodyType)
		e.genValues(f, o.bodyType, op.Parameters)
	}
	e.genRequest(f, o)
	e.genRow(f, o)
	f.Line()
	f.Comment(op.GoName + " answers 501 Not Implemented.")
	f.Func().Params(jen.Op("*").Id(unimplementedName)).Id(op.GoName).Add(e.signature(o)).Block(
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
	if o.op.Count {
		// The count itself, answered as text (GET .../$count).
		return edmGo[schema.EdmInt64]
	}
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
	if r.Name == schema.EdmStream && !r.Collection {
		// Content, not JSON (a /$value request, a file's content).
		return named(runtime.Stream)
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

// shortSignature is the signature without parameter names and context:
// (*Request) (Result, error).
func (e *emitter) shortSignature(o *opPlan) string {
	params := "(*" + o.reqType + ")"
	if res := e.resultGoType(o); res != nil {
		return params + " (" + res.String() + ", error)"
	}
	return params + " error"
}

func (e *emitter) unimplementedReturn(o *opPlan) jen.Code {
	call := e.rt(runtime.NotImplemented).Call(jen.Lit(o.op.GoName))
	if o.op.Count {
		return jen.Return(jen.Lit(0), call)
	}
	if e.resultGoType(o) != nil {
		return jen.Return(jen.Nil(), call)
	}
	return jen.Return(call)
}

func (e *emitter) genRequest(f *jen.File, o *opPlan) {
	op := o.op
	f.Line()
	f.Add(comment(o.reqType+" is the request of "+op.GoName+" ("+op.Title+"), documented in "+e.plan.rel(op.Source.File)+".", op.Description))
	// HTTPRequest (the request as received) and Query (its OData query
	// options, parsed and checked) are the same in every request struct:
	// the reference and ODataQuery's doc say what they hold, not a comment
	// repeated 3,781 times in the beta package.
	fields := []jen.Code{
		jen.Id("HTTPRequest").Op("*").Qual("net/http", "Request"),
		jen.Id("Query").Id(runtime.ODataQuery),
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

// requestFixedFields is the number of fields a request struct has before
// its path parameters: HTTPRequest and Query.
const requestFixedFields = 2

// queryParams returns the names of the query parameters an operation's
// request lines write that are not OData system query options ($filter,
// ...), sorted: startDateTime and endDateTime for calendarView.
func queryParams(paths []string) []string {
	var out []string
	for _, p := range paths {
		_, q, ok := strings.Cut(p, "?")
		if !ok {
			continue
		}
		for _, part := range strings.Split(q, "&") {
			name, _, _ := strings.Cut(part, "=")
			name = strings.TrimSpace(name)
			if name == "" || strings.HasPrefix(name, "$") || strings.HasPrefix(name, "@") || strings.ContainsAny(name, "{}<> ") {
				continue
			}
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// genRow emits the operation's row of the operation table: its method,
// status, request type, no call function (the handler calls the Service
// method of the operation's name) and the request lines it keeps,
// each with the request fields its placeholders fill.
func (e *emitter) genRow(f *jen.File, o *opPlan) {
	var routes []jen.Code
	for ri, r := range o.op.Routes {
		if slices.Contains(o.dropped, ri) {
			continue
		}
		idx := make([]jen.Code, len(o.paramOf[ri]))
		for pi, fi := range o.paramOf[ri] {
			idx[pi] = jen.Lit(fi + requestFixedFields)
		}
		routes = append(routes, jen.Values(keyed(runtime.OpRouteFields, jen.Lit(r.Pattern), jen.Index().Uint8().Values(idx...))...))
	}
	// On one line, the zero fields left out: the table rows are data.
	var params, options jen.Code
	if ps := queryParams(o.op.Paths); len(ps) > 0 {
		lits := make([]jen.Code, len(ps))
		for i, p := range ps {
			lits[i] = jen.Lit(p)
		}
		params = jen.Index().String().Values(lits...)
	}
	if o.op.QueryOptions != nil && !o.optionsDropped {
		lits := make([]jen.Code, len(*o.op.QueryOptions))
		for i, q := range *o.op.QueryOptions {
			lits[i] = jen.Lit(q)
		}
		options = jen.Index().String().Values(lits...)
	}
	var coll, count jen.Code
	if collection(o) {
		coll = jen.True()
	}
	if o.op.Count {
		count = jen.True()
	}
	var raw jen.Code
	if len(o.raw) > 0 {
		lits := make([]jen.Code, len(o.raw))
		for i, t := range o.raw {
			lits[i] = jen.Lit(t)
		}
		raw = jen.Index().String().Values(lits...)
	}
	fields := keyed(runtime.OperationFields, jen.Lit(o.op.GoName), jen.Lit(o.op.Method), jen.Lit(o.op.Status),
		jen.Parens(jen.Op("*").Id(o.reqType)).Parens(jen.Nil()), nil, jen.Index().Add(e.rt(runtime.OpRoute)).Values(routes...), coll, count, params, options, raw)
	f.Line()
	f.Var().Id(o.opVar).Op("=").Add(e.rt(runtime.Operation)).Values(fields...)
}
