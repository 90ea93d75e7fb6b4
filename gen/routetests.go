package gen

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/graphdocgen/graphdocgen/parser/route"
)

// routeCase is a request built from one documented request line.
type routeCase struct {
	method, path, op string
	body             bool
}

// routeCases builds one request per emitted request line of o, with each
// placeholder filled in, and keeps those the handler routes back to o
// (the generator's router model says which; the generated test proves it).
func (p *plan) routeCases(o *opPlan) []routeCase {
	var out []routeCase
	for ri, r := range o.op.Routes {
		if slices.Contains(o.dropped, ri) {
			continue
		}
		var sb strings.Builder
		n := 0
		for _, tok := range route.Split(r.Pattern) {
			if tok.Param == "" {
				sb.WriteString(tok.Literal)
				continue
			}
			n++
			sb.WriteString("v" + string(rune('0'+n%10)))
			if tok.Multi {
				sb.WriteString("/sub")
			}
		}
		path := sb.String()
		ref, _ := p.router.match(o.op.Method, path)
		if ref == nil || ref.op != o {
			other := "no route"
			if ref != nil {
				other = ref.op.op.GoName + " (" + ref.op.op.Routes[ref.index].Source.String() + ")"
			}
			p.warnAt(r.Source, "route-shadowed", "a request for "+o.op.Method+" "+path+" goes to "+other+", not "+o.op.GoName)
			continue
		}
		out = append(out, routeCase{method: o.op.Method, path: path, op: o.op.GoName, body: o.bodyType != "" || o.op.RequestType != nil})
	}
	return out
}

// routeCasesInit registers a page's route cases for TestRoutes.
func (e *emitter) routeCasesInit(f *jen.File, cases []routeCase) {
	if len(cases) == 0 {
		return
	}
	var vals []jen.Code
	for _, c := range cases {
		vals = append(vals, jen.Line().Id("routeCase").Values(jen.Lit(c.method), jen.Lit(c.path), jen.Lit(c.op), jen.Lit(c.body)))
	}
	f.Line()
	f.Func().Id("init").Params().Block(jen.Id("routeCases").Op("=").Append(append([]jen.Code{jen.Id("routeCases")}, vals...)...))
}

// genRouteTest declares routeCases and TestRoutes, which sends every case
// through NewHandler and checks the documented operation is called.
func (e *emitter) genRouteTest(f *jen.File) {
	f.Line()
	f.Comment("routeCase is a request built from one documented request line.")
	f.Type().Id("routeCase").Struct(
		jen.List(jen.Id("method"), jen.Id("path"), jen.Id("op")).String(),
		jen.Id("body").Bool(),
	)
	f.Line()
	f.Comment("routeCases lists one request per documented request line; page test files add theirs.")
	f.Var().Id("routeCases").Index().Id("routeCase")
	f.Line()
	f.Comment("TestRoutes checks that every documented request line reaches its operation.")
	f.Func().Id("TestRoutes").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("routeCases")).Block(
			jen.Id("body").Op(":=").Lit(""),
			jen.If(jen.Id("c").Dot("body")).Block(jen.Id("body").Op("=").Lit("{}")),
			jen.Id("svc").Op(":=").Op("&").Id("testService").Values(jen.Dict{jen.Id("t"): jen.Id("t"), jen.Id("op"): jen.Id("c").Dot("op")}),
			jen.Id("rec").Op(":=").Id("serveDoc").Call(jen.Id("t"), jen.Id("svc"), jen.Id("c").Dot("method"), jen.Id("c").Dot("path"),
				jen.Qual("net/http", "Header").Values(jen.Dict{jen.Lit("Content-Type"): jen.Values(jen.Lit("application/json"))}), jen.Id("body")),
			jen.If(jen.Op("!").Id("svc").Dot("called")).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s %s: %s was not called; got %d %s"), jen.Id("c").Dot("method"), jen.Id("c").Dot("path"), jen.Id("c").Dot("op"), jen.Id("rec").Dot("Code"), jen.Id("rec").Dot("Body")),
			),
		),
	)
}
