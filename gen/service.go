package gen

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/graphdocgen/graphdocgen/gen/runtime"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// serviceFile declares the Service interface (one method per operation,
// sorted by name), UnimplementedService, NewHandler and the operation
// table.
func (e *emitter) serviceFile() *jen.File {
	f := e.newFile()
	var methods, rows []jen.Code
	for i, o := range e.plan.live() {
		if i > 0 {
			methods = append(methods, jen.Line())
		}
		methods = append(methods,
			comment(o.op.GoName+" serves "+strconv.Quote(o.op.Title)+": "+o.op.Method+" "+firstPath(o.op.Paths)+" ("+e.plan.rel(o.op.Source.File)+")."),
			jen.Id(o.op.GoName).Add(e.signature(o)))
		rows = append(rows, jen.Op("&").Id(o.opVar))
	}
	f.Line()
	f.Comment(serviceName + " is implemented by the user: one method per documented operation.")
	f.Comment(newHandlerName + " decodes and validates each request before it calls a method; a")
	f.Comment("method returns the documented response value, or an error (return *Error to")
	f.Comment("choose the status, code and message).")
	f.Type().Id(serviceName).Interface(methods...)
	f.Line()
	f.Comment(unimplementedName + " answers 501 Not Implemented to every operation. Embed it")
	f.Comment("in your service to implement operations one at a time, and pass a pointer to")
	f.Comment("your service to NewHandler (its methods have pointer receivers: one compiled")
	f.Comment("method per operation instead of two).")
	f.Type().Id(unimplementedName).Struct()
	f.Line()
	f.Var().Id("_").Id(serviceName).Op("=").Parens(jen.Op("*").Id(unimplementedName)).Parens(jen.Nil())
	f.Line()
	for _, l := range strings.Split(newHandlerDoc, "\n") {
		f.Comment(l)
	}
	f.Func().Id(newHandlerName).Params(jen.Id("svc").Id(serviceName), jen.Id("opts").Op("...").Id(runtime.Option)).Qual("net/http", "Handler").Block(
		jen.Return(e.rt(runtime.NewHandler).Call(jen.Id("svc"), serviceType(), jen.Id(operationsVar), jen.Id("opts"))),
	)
	f.Line()
	f.Comment(operationsVar + " is the operation table: one row per Service method, declared in the")
	f.Comment("file of the page that documents it.")
	f.Var().Id(operationsVar).Op("=").Index().Op("*").Add(e.rt(runtime.Operation)).Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, rows...)
	return f
}

// serviceType is reflect.TypeOf((*Service)(nil)).Elem(): the Service
// interface's type without instantiating reflect.TypeFor with it, which
// would compile a wrapper for each of its methods.
func serviceType() jen.Code {
	return jen.Qual("reflect", "TypeOf").Call(jen.Parens(jen.Op("*").Id(serviceName)).Parens(jen.Nil())).Dot("Elem").Call()
}

// newHandlerDoc is NewHandler's doc comment.
const newHandlerDoc = `NewHandler returns an http.Handler that serves the operations of svc.

It routes a request by its method and URL path, split into segments as
the request escaped it (an encoded slash, %2F, stays inside its segment)
and matched decoded: the literal parts of a pattern match ignoring ASCII
case, and placeholder values reach svc decoded. It checks a JSON request
body against the operation's types before calling svc, answering 400 with
the name of the first property that does not fit, and writes the value svc
returns as JSON, with the status its page documents or the one svc chose
with SetStatus. Every answer has a request-id header (a new GUID) and
a client-request-id header (the client's, else the request-id). Errors
are written as {"error":{"code":"...","message":"...","innerError":{...}}},
the innerError holding the date and both ids: 404 when no path matches, 405
with an Allow header when the path matches but the method does not, 413,
414 and 415 for requests that are too large, compressed with a coding
other than gzip or deflate, or not JSON, the status of an *Error returned
by svc, and 500 for other errors and panics, which go to the error log
(see WithErrorLog).`

// tablesFile declares the enum and family tables and registers them with
// the runtime.
func (e *emitter) tablesFile() *jen.File {
	f := e.newFile()
	var enums, kinds, types []jen.Code
	for _, d := range e.plan.pages {
		for _, t := range d.types {
			var filters jen.Code
			if fl := e.filters(t); fl != "" {
				filters = jen.Lit(fl)
			}
			types = append(types, jen.Values(keyed(runtime.TypeInfoFields, jen.Parens(jen.Op("*").Id(t.GoName)).Parens(jen.Nil()), jen.Lit(t.QualifiedName()), filters)...))
		}
		for _, en := range d.enums {
			var flags jen.Code
			if en.Flags {
				flags = jen.True()
			}
			enums = append(enums, jen.Values(keyed(runtime.EnumInfoFields,
				jen.Parens(jen.Op("*").Id(en.GoName)).Parens(jen.Nil()),
				jen.Id(e.plan.members[en]),
				flags,
			)...))
		}
		for _, t := range d.types {
			k := e.plan.kinds[strings.ToLower(t.QualifiedName())]
			if k == nil || !k.used {
				continue
			}
			var members []jen.Code
			for _, m := range append([]*schema.Type{k.base}, k.members...) {
				members = append(members, jen.Values(keyed(runtime.KindMemberFields, jen.Lit(strings.ToLower(m.QualifiedName())), jen.Parens(jen.Op("*").Id(m.GoName)).Parens(jen.Nil()))...))
			}
			kinds = append(kinds, jen.Values(keyed(runtime.KindInfoFields,
				jen.Parens(jen.Op("*").Id(k.iface)).Parens(jen.Nil()),
				jen.Index().Add(e.rt(runtime.KindMember)).Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, members...),
			)...))
		}
	}
	multi := jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}
	f.Line()
	f.Comment(enumTableVar + " lists every enum type with its members, for the runtime's checks.")
	f.Var().Id(enumTableVar).Op("=").Index().Add(e.rt(runtime.EnumInfo)).Custom(multi, enums...)
	f.Line()
	f.Comment(kindTableVar + " lists the type families decoded by their @odata.type (AnyOf), each")
	f.Comment("with its members, the base type first.")
	f.Var().Id(kindTableVar).Op("=").Index().Add(e.rt(runtime.KindInfo)).Custom(multi, kinds...)
	f.Line()
	f.Comment(typeTableVar + " lists every struct type with its documented qualified name and the")
	f.Comment("$filter operators its page documents for its properties.")
	f.Var().Id(typeTableVar).Op("=").Index().Add(e.rt(runtime.TypeInfo)).Custom(multi, types...)
	f.Line()
	f.Func().Id("init").Params().Block(e.rt(runtime.RegisterTables).Call(jen.Id(enumTableVar), jen.Id(kindTableVar), jen.Id(typeTableVar)))
	return f
}

// testFile declares the golden tests, which read testdata/examples.
func (e *emitter) testFile() *jen.File {
	f := jen.NewFile(e.opts.Package)
	f.HeaderComment(Header)
	// The file is a _test.go file of the package: jennifer only names it.
	svc := serviceType()
	f.Line()
	f.Comment(testExamplesName + " sends each documented example (testdata/examples) through the")
	f.Comment("handler and compares what the service receives and what the client gets with the")
	f.Comment("docs: go test -run '" + testExamplesName + "/<Operation>/<example>'.")
	f.Func().Id(testExamplesName).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Qual(runtime.RunnerImport(e.opts.ImportPath), runtime.RunDocExamples).Call(jen.Id("t"), svc, jen.Id(operationsVar)),
	)
	f.Line()
	f.Comment(testRoutesName + " checks that every documented request line reaches its operation.")
	f.Func().Id(testRoutesName).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Qual(runtime.RunnerImport(e.opts.ImportPath), runtime.RunDocRoutes).Call(jen.Id("t"), serviceType(), jen.Id(operationsVar)),
	)
	return f
}

// filters is the filters text of a type's row (see the runtime's
// typeInfo): for each property of t (its bases' included) whose page
// states its $filter support without a condition the parser could not
// read, the operators it names, or none when it does not support $filter.
// What t's own page says of an inherited property wins over its base's.
func (e *emitter) filters(t *schema.Type) string {
	var chain []*schema.Type
	for b, depth := t, 0; b != nil && depth < maxBaseDepth; b, depth = e.plan.base(b), depth+1 {
		chain = append(chain, b)
	}
	ops := map[string]string{}
	var order []string
	set := func(name string, q *schema.Query) {
		if q == nil || q.Filter == nil || q.Filter.Condition != "" || q.Filter.Supported && len(q.Filter.Operators) == 0 {
			return
		}
		if _, ok := ops[name]; !ok {
			order = append(order, name)
		}
		if q.Filter.Supported {
			ops[name] = strings.Join(q.Filter.Operators, ",")
		} else {
			ops[name] = ""
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		for _, p := range chain[i].Properties {
			set(p.Name, p.Query)
		}
		for _, pq := range chain[i].InheritedQuery {
			set(pq.Name, pq.Query)
		}
	}
	slices.Sort(order)
	parts := make([]string, len(order))
	for i, name := range order {
		parts[i] = name + "=" + ops[name]
	}
	return strings.Join(parts, ";")
}

func firstPath(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	return paths[0]
}
