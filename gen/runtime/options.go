package runtime

import "github.com/dave/jennifer/jen"

// optionDecls emits the handler Options.
func optionDecls() []jen.Code {
	return []jen.Code{
		optionType(), handlerConfigType(), defaultMaxBodyBytesConst(),
		withMaxBodyBytesFunc(), withErrorLogFunc(), defaultErrorLogFunc(),
	}
}

// errorLogFunc is the type func(r *http.Request, err error).
func errorLogFunc() *jen.Statement {
	return jen.Func().Params(reqParam(), jen.Err().Error())
}

func optionType() jen.Code {
	return doc("Option configures the handler returned by NewHandler.").
		Type().Id("Option").Func().Params(ptr("handlerConfig"))
}

func handlerConfigType() jen.Code {
	return doc("handlerConfig holds the settings chosen with Options.").
		Type().Id("handlerConfig").Struct(
		jen.Id("maxBodyBytes").Int64(),
		jen.Id("errorLog").Add(errorLogFunc()),
	)
}

func defaultMaxBodyBytesConst() jen.Code {
	return doc("defaultMaxBodyBytes is the default limit of a request body, 4 MiB.").
		Const().Id("defaultMaxBodyBytes").Op("=").Lit(4).Op("<<").Lit(20)
}

// optionFunc returns "return func(c *handlerConfig) { body }".
func optionFunc(body ...jen.Code) *jen.Statement {
	return jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("handlerConfig")).Block(body...))
}

func withMaxBodyBytesFunc() jen.Code {
	return doc(`WithMaxBodyBytes sets the largest request body the handler reads, in
bytes (default 4 MiB). A larger body is answered with 413 requestTooLarge
before the Service is called. A value below 1 restores the default.`).
		Func().Id("WithMaxBodyBytes").Params(jen.Id("n").Int64()).Id("Option").Block(
		optionFunc(
			jen.If(jen.Id("n").Op("<=").Lit(0)).Block(jen.Id("n").Op("=").Id("defaultMaxBodyBytes")),
			jen.Id("c").Dot("maxBodyBytes").Op("=").Id("n"),
		),
	)
}

func withErrorLogFunc() jen.Code {
	return doc(`WithErrorLog sets the function told about internal errors, which are
answered with 500 generalException: errors from the Service that are not
an *Error, panics (with their stack), and responses that cannot be
encoded. The default logs them with log.Printf; nil discards them. The
client never sees their text.`).
		Func().Id("WithErrorLog").Params(jen.Id("fn").Add(errorLogFunc())).Id("Option").Block(
		optionFunc(jen.Id("c").Dot("errorLog").Op("=").Id("fn")),
	)
}

func defaultErrorLogFunc() jen.Code {
	return doc("defaultErrorLog is the error log used without WithErrorLog.").
		Func().Id("defaultErrorLog").Params(reqParam(), jen.Err().Error()).Block(
		jen.Qual(pkgLog, "Printf").Call(jen.Lit("%s %s: %v"), jen.Id("r").Dot("Method"), jen.Id("r").Dot("URL").Dot("Path"), jen.Err()),
	)
}
