package runtime

import "github.com/dave/jennifer/jen"

// handlerDecls emits the handler, NewHandler, ServeHTTP and the writer that
// tracks whether a response was started.
func handlerDecls() []jen.Code {
	return []jen.Code{
		handlerType(), routeType(), newHandlerFunc(), serveHTTPFunc(), recoverPanicFunc(),
		logErrorFunc(), failFunc(), trackingWriterType(), trackingWriteHeader(), trackingWrite(), trackingUnwrap(),
	}
}

// serveFunc is the type of a route's serve function.
func serveFunc() *jen.Statement {
	return jen.Func().Params(ptr("handler"), httpQ("ResponseWriter"), jen.Op("*").Add(httpQ("Request")), jen.Index().String())
}

func handlerType() jen.Code {
	return doc("handler serves the operations of a Service.").
		Type().Id("handler").Struct(
		jen.Id("svc").Id("Service"),
		jen.Id("cfg").Id("handlerConfig"),
		jen.Id("router").Op("*").Id("router"),
	)
}

func routeType() jen.Code {
	return doc("route is one entry of the routing table: a method, a path pattern, and\nthe function that serves it with the placeholder values in pattern order.").
		Type().Id("route").Struct(
		jen.List(jen.Id("method"), jen.Id("pattern")).String(),
		jen.Id("serve").Add(serveFunc()),
		jen.Id("collection").Bool().Comment("GET pattern/$count and pattern/microsoft.graph.x serve it too"),
	)
}

func newHandlerFunc() jen.Code {
	return doc(`NewHandler returns an http.Handler that serves the operations of svc.

It routes a request by its method and URL path, split into segments as
the request escaped it (an encoded slash, %2F, stays inside its segment)
and matched decoded: the literal parts of a pattern match ignoring ASCII
case, and placeholder values reach svc decoded. It checks a JSON request
body against the operation's types before calling svc, answering 400 with
the name of the first property that does not fit, and writes the value svc
returns as JSON, with the status its page documents or the one svc chose
with SetStatus. Errors are written as
{"error":{"code":"...","message":"..."}}: 404 when no path matches, 405
with an Allow header when the path matches but the method does not, 413,
414 and 415 for requests that are too large or not JSON, the status of an
*Error returned by svc, and 500 for other errors and panics, which go to
the error log (see WithErrorLog).`).
		Func().Id("NewHandler").Params(jen.Id("svc").Id("Service"), jen.Id("opts").Op("...").Id("Option")).Qual(pkgHTTP, "Handler").Block(
		jen.Id("cfg").Op(":=").Id("handlerConfig").Values(
			jen.Id("maxBodyBytes").Op(":").Id("defaultMaxBodyBytes"),
			jen.Id("errorLog").Op(":").Id("defaultErrorLog"),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Id("opts")).Block(
			jen.If(jen.Id("opt").Op("!=").Nil()).Block(jen.Id("opt").Call(jen.Op("&").Id("cfg"))),
		),
		jen.Return(jen.Op("&").Id("handler").Values(
			jen.Id("svc").Op(":").Id("svc"),
			jen.Id("cfg").Op(":").Id("cfg"),
			jen.Id("router").Op(":").Id("newRouter").Call(jen.Id("routes")),
		)),
	)
}

func serveHTTPFunc() jen.Code {
	tooLong := errorLit("StatusRequestURITooLong", sprintf("The request path is longer than %d bytes.", jen.Id("maxPathLen")))
	return doc("ServeHTTP serves r with the route its method and path select.").
		Add(method("h", "handler", "ServeHTTP")).Params(writerParam(), reqParam()).Block(
		jen.Id("tw").Op(":=").Op("&").Id("trackingWriter").Values(jen.Id("ResponseWriter").Op(":").Id("w")),
		jen.Defer().Id("h").Dot("recoverPanic").Call(jen.Id("tw"), jen.Id("r")),
		jen.If(jen.Len(jen.Id("r").Dot("URL").Dot("Path")).Op(">").Id("maxPathLen")).Block(
			jen.Id("writeError").Call(jen.Id("tw"), tooLong),
			jen.Return(),
		),
		jen.Id("path").Op(":=").Id("routingPath").Call(jen.Id("r")),
		jen.List(jen.Id("rt"), jen.Id("params"), jen.Id("allow")).Op(":=").Id("h").Dot("router").Dot("lookup").Call(jen.Id("r").Dot("Method"), jen.Id("path")),
		jen.If(jen.List(jen.Id("crt"), jen.Id("cparams"), jen.Id("seg")).Op(":=").Id("h").Dot("collectionRoute").Call(jen.Id("r").Dot("Method"), jen.Id("path"), jen.Id("rt")), jen.Id("crt").Op("!=").Nil()).Block(
			jen.List(jen.Id("rt"), jen.Id("params")).Op("=").List(jen.Id("crt"), jen.Id("cparams")),
			jen.Id("r").Op("=").Id("r").Dot("WithContext").Call(jen.Qual("context", "WithValue").Call(jen.Id("r").Dot("Context").Call(), jen.Id("segmentKey").Values(), jen.Id("seg"))),
		),
		jen.Switch().Block(
			jen.Case(jen.Id("rt").Op("!=").Nil()).Block(
				jen.Id("rt").Dot("serve").Call(jen.Id("h"), jen.Id("tw"), jen.Id("withStatusHolder").Call(jen.Id("r")), jen.Id("params")),
			),
			jen.Case(jen.Len(jen.Id("allow")).Op(">").Lit(0)).Block(
				jen.Id("tw").Dot("Header").Call().Dot("Set").Call(jen.Lit("Allow"), stringsQ("Join").Call(jen.Id("allow"), jen.Lit(", "))),
				jen.Id("writeError").Call(jen.Id("tw"), errorLit("StatusMethodNotAllowed", jen.Lit("The request method is not allowed for this resource."))),
			),
			jen.Default().Block(
				jen.Id("writeError").Call(jen.Id("tw"), errorLit("StatusNotFound", jen.Lit("No resource matches the request path."))),
			),
		),
	)
}

func recoverPanicFunc() jen.Code {
	return doc("recoverPanic turns a panic while serving r into a logged 500 response,\nwhen no response has been started yet. http.ErrAbortHandler is\nre-panicked.").
		Add(method("h", "handler", "recoverPanic")).Params(jen.Id("w").Op("*").Id("trackingWriter"), reqParam()).Block(
		jen.Id("v").Op(":=").Recover(),
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return()),
		jen.If(jen.Id("v").Op("==").Add(httpQ("ErrAbortHandler"))).Block(jen.Panic(jen.Id("v"))),
		jen.Id("h").Dot("logError").Call(jen.Id("r"), fmtQ("Errorf").Call(jen.Lit("panic: %v\n%s"), jen.Id("v"), jen.Qual(pkgDebug, "Stack").Call())),
		jen.If(jen.Op("!").Id("w").Dot("wrote")).Block(
			jen.Id("writeError").Call(jen.Id("w"), errorLit("StatusInternalServerError", nil)),
		),
	)
}

func logErrorFunc() jen.Code {
	return doc("logError reports err through the configured error log.").
		Add(method("h", "handler", "logError")).Params(reqParam(), jen.Err().Error()).Block(
		jen.If(jen.Id("h").Dot("cfg").Dot("errorLog").Op("!=").Nil()).Block(
			jen.Id("h").Dot("cfg").Dot("errorLog").Call(jen.Id("r"), jen.Err()),
		),
	)
}

func failFunc() jen.Code {
	status := jen.Id("e").Dot("Status")
	return doc("fail writes the response for err: the *Error it wraps, or a logged 500.").
		Add(method("h", "handler", "fail")).Params(writerParam(), reqParam(), jen.Err().Error()).Block(
		jen.Var().Id("e").Op("*").Id("Error"),
		jen.If(
			jen.Op("!").Qual(pkgErrors, "As").Call(jen.Err(), jen.Op("&").Id("e")).Op("||").Id("e").Op("==").Nil().
				Op("||").Add(status.Clone()).Op("<").Lit(400).Op("||").Add(status.Clone()).Op(">").Lit(599),
		).Block(
			jen.Id("h").Dot("logError").Call(jen.Id("r"), jen.Err()),
			jen.Id("e").Op("=").Add(errorLit("StatusInternalServerError", nil)),
		),
		jen.Id("writeError").Call(jen.Id("w"), jen.Id("e")),
	)
}

func trackingWriterType() jen.Code {
	return doc("trackingWriter records whether a response has been started.").
		Type().Id("trackingWriter").Struct(
		httpQ("ResponseWriter"),
		jen.Id("wrote").Bool(),
	)
}

func trackingWriteHeader() jen.Code {
	return doc("WriteHeader records that the response has started.").
		Add(method("w", "trackingWriter", "WriteHeader")).Params(jen.Id("status").Int()).Block(
		jen.Id("w").Dot("wrote").Op("=").True(),
		jen.Id("w").Dot("ResponseWriter").Dot("WriteHeader").Call(jen.Id("status")),
	)
}

func trackingWrite() jen.Code {
	return doc("Write records that the response has started.").
		Add(method("w", "trackingWriter", "Write")).Params(jen.Id("p").Index().Byte()).Params(jen.Int(), jen.Error()).Block(
		jen.Id("w").Dot("wrote").Op("=").True(),
		jen.Return(jen.Id("w").Dot("ResponseWriter").Dot("Write").Call(jen.Id("p"))),
	)
}

func trackingUnwrap() jen.Code {
	return doc("Unwrap returns the underlying ResponseWriter, for http.ResponseController.").
		Add(method("w", "trackingWriter", "Unwrap")).Params().Add(httpQ("ResponseWriter")).Block(
		jen.Return(jen.Id("w").Dot("ResponseWriter")),
	)
}
