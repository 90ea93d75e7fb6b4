package runtime

import "github.com/dave/jennifer/jen"

// decodeDecls emits handler.decode and the helpers that read the body and
// build 400 errors.
func decodeDecls() []jen.Code {
	return []jen.Code{
		maxJSONDepthConst(), decodeFunc(), isJSONMediaTypeFunc(), readBodyFunc(), checkBodyFunc(),
		errInvalidJSONVar(), badRequestFunc(), mustBeFunc(), joinPathFunc(),
	}
}

func maxJSONDepthConst() jen.Code {
	return doc("maxJSONDepth is the deepest nesting of arrays and objects accepted in a\nrequest body.").
		Const().Id("maxJSONDepth").Op("=").Lit(64)
}

func decodeFunc() jen.Code {
	return doc(`decode reads the JSON request body into dst, a non-nil pointer. On failure
it writes the error response (415, 413 or 400) and returns false. An
empty body is accepted and leaves dst untouched. The body is checked
against the type of dst before it is decoded, so that a 400 names the
first property that does not fit.`).
		Add(method("h", "handler", "decode")).Params(writerParam(), reqParam(), jen.Id("dst").Any()).Bool().Block(
		jen.If(
			jen.Id("ct").Op(":=").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")),
			jen.Id("ct").Op("!=").Lit("").Op("&&").Op("!").Id("isJSONMediaType").Call(jen.Id("ct")),
		).Block(
			jen.Id("writeError").Call(jen.Id("w"), errorLit("StatusUnsupportedMediaType", jen.Lit("The request body must be JSON (Content-Type: application/json)."))),
			jen.Return(jen.False()),
		),
		jen.List(jen.Id("body"), jen.Id("e")).Op(":=").Id("h").Dot("readBody").Call(jen.Id("w"), jen.Id("r")),
		jen.If(jen.Id("e").Op("==").Nil().Op("&&").Len(jen.Qual(pkgBytes, "TrimSpace").Call(jen.Id("body"))).Op(">").Lit(0)).Block(
			jen.Id("e").Op("=").Id("checkBody").Call(jen.Id("body"), reflectQ("TypeOf").Call(jen.Id("dst")).Dot("Elem").Call()),
			jen.If(jen.Id("e").Op("==").Nil().Op("&&").Add(jsonQ("Unmarshal")).Call(jen.Id("body"), jen.Id("dst")).Op("!=").Nil()).Block(
				jen.Id("e").Op("=").Id("badRequest").Call(jen.Lit("The request body could not be decoded.")),
			),
		),
		jen.If(jen.Id("e").Op("!=").Nil()).Block(
			jen.Id("writeError").Call(jen.Id("w"), jen.Id("e")),
			jen.Return(jen.False()),
		),
		jen.Return(jen.True()),
	)
}

func isJSONMediaTypeFunc() jen.Code {
	return doc("isJSONMediaType reports whether a Content-Type is application/json or\ntype/subtype+json, ignoring parameters and case.").
		Func().Id("isJSONMediaType").Params(jen.Id("ct").String()).Bool().Block(
		jen.List(jen.Id("mt"), jen.Id("_"), jen.Id("_")).Op(":=").Add(stringsQ("Cut")).Call(jen.Id("ct"), jen.Lit(";")),
		jen.List(jen.Id("typ"), jen.Id("sub"), jen.Id("ok")).Op(":=").Add(stringsQ("Cut")).Call(
			stringsQ("ToLower").Call(stringsQ("TrimSpace").Call(jen.Id("mt"))), jen.Lit("/")),
		jen.If(jen.Op("!").Id("ok").Op("||").Id("typ").Op("==").Lit("")).Block(jen.Return(jen.False())),
		jen.Return(
			jen.Id("typ").Op("==").Lit("application").Op("&&").Id("sub").Op("==").Lit("json").Op("||").
				Len(jen.Id("sub")).Op(">").Len(jen.Lit("+json")).Op("&&").Add(stringsQ("HasSuffix")).Call(jen.Id("sub"), jen.Lit("+json")),
		),
	)
}

func readBodyFunc() jen.Code {
	return doc("readBody reads the request body up to the configured limit.").
		Add(method("h", "handler", "readBody")).Params(writerParam(), reqParam()).Params(jen.Index().Byte(), jen.Op("*").Id("Error")).Block(
		jen.Id("limit").Op(":=").Id("h").Dot("cfg").Dot("maxBodyBytes"),
		jen.Id("tooLarge").Op(":=").Add(errorLit("StatusRequestEntityTooLarge", sprintf("The request body is larger than %d bytes.", jen.Id("limit")))),
		jen.If(jen.Id("r").Dot("ContentLength").Op(">").Id("limit")).Block(jen.Return(jen.Nil(), jen.Id("tooLarge"))),
		jen.If(jen.Id("r").Dot("Body").Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.Nil())),
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Qual(pkgIO, "ReadAll").Call(
			httpQ("MaxBytesReader").Call(jen.Id("w"), jen.Id("r").Dot("Body"), jen.Id("limit"))),
		jen.Var().Id("maxErr").Op("*").Add(httpQ("MaxBytesError")),
		jen.Switch().Block(
			jen.Case(jen.Qual(pkgErrors, "As").Call(jen.Err(), jen.Op("&").Id("maxErr"))).Block(jen.Return(jen.Nil(), jen.Id("tooLarge"))),
			jen.Case(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id("badRequest").Call(jen.Lit("The request body could not be read.")))),
		),
		jen.Return(jen.Id("body"), jen.Nil()),
	)
}

func checkBodyFunc() jen.Code {
	return doc("checkBody checks that body is valid JSON whose shape fits the Go type t,\nand returns a 400 error naming the first property that does not.").
		Func().Id("checkBody").Params(jen.Id("body").Index().Byte(), jen.Id("t").Add(reflectQ("Type"))).Op("*").Id("Error").Block(
		jen.Var().Id("syntax").Op("*").Add(jsonQ("SyntaxError")),
		jen.If(
			jen.Err().Op(":=").Add(jsonQ("Unmarshal")).Call(jen.Id("body"), jen.New(jsonQ("RawMessage"))),
			jen.Qual(pkgErrors, "As").Call(jen.Err(), jen.Op("&").Id("syntax")),
		).Block(
			jen.Return(jen.Id("badRequest").Call(sprintf("The request body is not valid JSON (error at byte %d).", jen.Id("syntax").Dot("Offset")))),
		).Else().If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("errInvalidJSON"))),
		jen.Id("dec").Op(":=").Add(jsonQ("NewDecoder")).Call(jen.Qual(pkgBytes, "NewReader").Call(jen.Id("body"))),
		jen.Id("dec").Dot("UseNumber").Call(),
		jen.Id("c").Op(":=").Op("&").Id("bodyChecker").Values(jen.Id("dec").Op(":").Id("dec")),
		jen.Return(jen.Id("c").Dot("value").Call(jen.Id("t"), jen.Lit(""))),
	)
}

func errInvalidJSONVar() jen.Code {
	return doc("errInvalidJSON reports a body that is not valid JSON.").
		Var().Id("errInvalidJSON").Op("=").Id("badRequest").Call(jen.Lit("The request body is not valid JSON."))
}

func badRequestFunc() jen.Code {
	return doc("badRequest returns a 400 invalidRequest error.").
		Func().Id("badRequest").Params(jen.Id("message").String()).Op("*").Id("Error").Block(
		jen.Return(errorLit("StatusBadRequest", jen.Id("message"))),
	)
}

func mustBeFunc() jen.Code {
	return doc("mustBe returns the error for a value at path that is not what it must\nbe; path \"\" is the whole body.").
		Func().Id("mustBe").Params(jen.List(jen.Id("path"), jen.Id("what")).String()).Op("*").Id("Error").Block(
		jen.If(jen.Id("path").Op("==").Lit("")).Block(
			jen.Return(jen.Id("badRequest").Call(jen.Lit("The request body must be ").Op("+").Id("what").Op("+").Lit("."))),
		),
		jen.Return(jen.Id("badRequest").Call(jen.Lit("Property '").Op("+").Id("path").Op("+").Lit("' must be ").Op("+").Id("what").Op("+").Lit("."))),
	)
}

func joinPathFunc() jen.Code {
	return doc("joinPath appends a property name to a property path. The name is made\nvalid UTF-8 and cut to 100 bytes, as it may come from the request.").
		Func().Id("joinPath").Params(jen.List(jen.Id("path"), jen.Id("name")).String()).String().Block(
		jen.Id("name").Op("=").Add(stringsQ("ToValidUTF8")).Call(jen.Id("name"), jen.String().Call(jen.Qual(pkgUTF8, "RuneError"))),
		jen.If(jen.Len(jen.Id("name")).Op(">").Lit(100)).Block(
			jen.Id("n").Op(":=").Lit(100),
			jen.For(jen.Id("n").Op(">").Lit(0).Op("&&").Op("!").Qual(pkgUTF8, "RuneStart").Call(jen.Id("name").Index(jen.Id("n")))).Block(
				jen.Id("n").Op("--"),
			),
			jen.Id("name").Op("=").Id("name").Index(jen.Op(":").Id("n")),
		),
		jen.If(jen.Id("path").Op("==").Lit("")).Block(jen.Return(jen.Id("name"))),
		jen.Return(jen.Id("path").Op("+").Lit(".").Op("+").Id("name")),
	)
}
