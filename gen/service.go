package gen

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// serviceFile declares the Service interface (one method per operation,
// sorted by name), the UnimplementedService guard and the route table.
func (e *emitter) serviceFile() *jen.File {
	f := e.newFile()
	var methods []jen.Code
	for i, o := range e.plan.ops {
		if i > 0 {
			methods = append(methods, jen.Line())
		}
		methods = append(methods,
			comment(fmt.Sprintf("%s serves %q: %s %s (%s).", o.op.GoName, o.op.Title, o.op.Method, firstPath(o.op.Paths), o.op.Source)),
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
	return f
}

func firstPath(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	return paths[0]
}
