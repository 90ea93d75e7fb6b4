package gen

import (
	"strconv"

	"github.com/dave/jennifer/jen"
)

// serviceFile declares the Service interface (one method per operation,
// sorted by name), the UnimplementedService guard and the route table.
func (e *emitter) serviceFile() *jen.File {
	f := e.newFile()
	var methods []jen.Code
	for i, o := range e.plan.live() {
		if i > 0 {
			methods = append(methods, jen.Line())
		}
		methods = append(methods,
			comment(o.op.GoName+" serves "+strconv.Quote(o.op.Title)+": "+o.op.Method+" "+firstPath(o.op.Paths)+" ("+o.op.Source.String()+")."),
			jen.Id(o.op.GoName).Add(e.signature(o)))
	}
	f.Line()
	f.Comment("Service is implemented by the user: one method per documented operation.")
	f.Comment("NewHandler decodes and validates each request before it calls a method; a")
	f.Comment("method returns the documented response value, or an error (return *Error to")
	f.Comment("choose the status, code and message).")
	f.Type().Id("Service").Interface(methods...)
	f.Line()
	f.Comment("UnimplementedService answers 501 Not Implemented to every operation. Embed it")
	f.Comment("in your service to implement operations one at a time.")
	f.Type().Id("UnimplementedService").Struct()
	f.Line()
	f.Var().Id("_").Id("Service").Op("=").Id("UnimplementedService").Values()
	f.Line()
	f.Comment("routes lists every documented request line; each page's file adds its own.")
	f.Var().Id("routes").Index().Id("route")
	e.genValueBody(f)
	e.genWrapKind(f)
	return f
}

// genValueBody declares the {"value": {...}} wrapper that some documented
// responses (Intune pages) put around a single entity.
func (e *emitter) genValueBody(f *jen.File) {
	f.Line()
	f.Comment("valueBody is the {\"value\": ...} wrapper some documented responses put around one entity.")
	f.Type().Id("valueBody").Types(jen.Id("T").Any()).Struct(
		jen.Id("Value").Op("*").Id("T").Tag(map[string]string{"json": "value"}),
	)
	f.Line()
	f.Comment("wrapValue wraps a service result as the docs show it; nil stays nil.")
	f.Func().Id("wrapValue").Types(jen.Id("T").Any()).Params(jen.Id("v").Op("*").Id("T")).Any().Block(
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Return(jen.Op("&").Id("valueBody").Types(jen.Id("T")).Values(jen.Dict{jen.Id("Value"): jen.Id("v")})),
	)
}

// genWrapKind declares wrapKind, wrapValue for a family member.
func (e *emitter) genWrapKind(f *jen.File) {
	anyK := jen.Id("AnyOf").Types(jen.Id("K"))
	f.Line()
	f.Comment("wrapKind wraps a family member as the docs show it; nil stays nil.")
	f.Func().Id("wrapKind").Types(jen.Id("K").Any()).Params(jen.Id("v").Id("K")).Any().Block(
		jen.If(jen.Any().Parens(jen.Id("v")).Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Return(jen.Op("&").Id("valueBody").Types(anyK.Clone()).Values(jen.Dict{jen.Id("Value"): jen.Op("&").Add(anyK.Clone()).Values(jen.Dict{jen.Id("Value"): jen.Id("v")})})),
	)
}

func firstPath(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	return paths[0]
}
