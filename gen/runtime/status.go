package runtime

import "github.com/dave/jennifer/jen"

// pkgAtomic is the import path of sync/atomic (used only here).
const pkgAtomic = "sync/atomic"

// statusDecls emits SetStatus and the request-context holder it writes to.
func statusDecls() []jen.Code {
	return []jen.Code{statusKeyType(), setStatusFunc(), withStatusHolderFunc(), chosenStatusFunc()}
}

func statusKeyType() jen.Code {
	return doc("statusKey holds, in the context of a request the handler serves, the\n*atomic.Int64 that SetStatus writes the chosen success status to.").
		Type().Id("statusKey").Struct()
}

func setStatusFunc() jen.Code {
	return doc(`SetStatus lets a Service method choose the success status of its answer
instead of the status its page documents: 201 for a create that the docs
show answering 201 Created, 204 for an answer without content, 200 for a
report that answers JSON where the page documents a 302 redirect. ctx is
the context the handler passed to the method; the last call before the
method returns wins.

The answer to 204 No Content or 304 Not Modified, or to a nil result,
has no body; any other status carries the result as JSON.

Only success statuses (200-399) can be chosen: the handler ignores any
other code, reports it to the error log (see WithErrorLog) and answers
with the documented status. Return an *Error to answer an error. Outside
a request served by NewHandler, SetStatus does nothing.`).
		Func().Id("SetStatus").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("code").Int()).Block(
		jen.If(jen.List(jen.Id("p"), jen.Id("ok")).Op(":=").Id("ctx").Dot("Value").Call(jen.Id("statusKey").Values()).Assert(jen.Op("*").Qual(pkgAtomic, "Int64")), jen.Id("ok")).Block(
			jen.Id("p").Dot("Store").Call(jen.Int64().Call(jen.Id("code"))),
		),
	)
}

func withStatusHolderFunc() jen.Code {
	return doc("withStatusHolder returns r with a holder for SetStatus in its context.").
		Func().Id("withStatusHolder").Params(reqParam()).Op("*").Add(httpQ("Request")).Block(
		jen.Return(jen.Id("r").Dot("WithContext").Call(jen.Qual("context", "WithValue").Call(
			jen.Id("r").Dot("Context").Call(), jen.Id("statusKey").Values(), jen.New(jen.Qual(pkgAtomic, "Int64"))))),
	)
}

func chosenStatusFunc() jen.Code {
	code := jen.Id("code")
	return doc("chosenStatus returns the success status the service chose for r with\nSetStatus, or def when it chose none or a code that is not 200-399 (that\none is logged).").
		Add(method("h", "handler", "chosenStatus")).Params(reqParam(), jen.Id("def").Int()).Int().Block(
		jen.List(jen.Id("p"), jen.Id("ok")).Op(":=").Id("r").Dot("Context").Call().Dot("Value").Call(jen.Id("statusKey").Values()).Assert(jen.Op("*").Qual(pkgAtomic, "Int64")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Id("def"))),
		code.Clone().Op(":=").Id("p").Dot("Load").Call(),
		jen.Switch().Block(
			jen.Case(code.Clone().Op("==").Lit(0)).Block(jen.Return(jen.Id("def"))),
			jen.Case(code.Clone().Op("<").Lit(200).Op("||").Add(code.Clone()).Op(">").Lit(399)).Block(
				jen.Id("h").Dot("logError").Call(jen.Id("r"), fmtQ("Errorf").Call(jen.Lit("SetStatus(%d) ignored: not a success status (200-399); answered %d"), code.Clone(), jen.Id("def"))),
				jen.Return(jen.Id("def")),
			),
			jen.Default().Block(jen.Return(jen.Int().Call(code.Clone()))),
		),
	)
}
