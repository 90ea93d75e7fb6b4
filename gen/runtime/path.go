package runtime

import "github.com/dave/jennifer/jen"

// pathDecls emits requestPath, the path the router matches: the decoded
// request path split into segments on the escaped one, so that an encoded
// slash (%2F) stays inside its segment.
func pathDecls() []jen.Code {
	return []jen.Code{
		requestPathType(), routingPathFunc(), decodePathFunc(), unhexPairFunc(),
		isEncodedMethod(), separatesMethod(), encodedInMethod(), prefixMethod(), lastSeparatorMethod(),
	}
}

// pathMethod starts the declaration of a method of requestPath.
func pathMethod(name string) *jen.Statement {
	return jen.Func().Params(jen.Id("rp").Id("requestPath")).Id(name)
}

func requestPathType() jen.Code {
	return doc(`requestPath is a decoded request path whose segments are those of the
escaped path: a "/" the request percent-encoded (%2F) belongs to its
segment and does not separate segments.`).
		Type().Id("requestPath").Struct(
		jen.Id("text").String(),
		jen.Id("encoded").Index().Bool().Comment(`encoded[i]: text[i] is an encoded "/"; nil when none is`),
	)
}

func routingPathFunc() jen.Code {
	return doc(`routingPath returns the path r is routed by: r.URL.EscapedPath() decoded,
or r.URL.Path with no encoded "/" when that does not decode to r.URL.Path
(a hand-built request).`).
		Func().Id("routingPath").Params(reqParam()).Id("requestPath").Block(
		jen.If(
			jen.List(jen.Id("rp"), jen.Id("ok")).Op(":=").Id("decodePath").Call(jen.Id("r").Dot("URL").Dot("EscapedPath").Call()),
			jen.Id("ok").Op("&&").Id("rp").Dot("text").Op("==").Id("r").Dot("URL").Dot("Path"),
		).Block(jen.Return(jen.Id("rp"))),
		jen.Return(jen.Id("requestPath").Values(jen.Id("text").Op(":").Id("r").Dot("URL").Dot("Path"))),
	)
}

func decodePathFunc() jen.Code {
	fail := jen.Return(jen.Id("requestPath").Values(), jen.False())
	return doc(`decodePath decodes the percent-escapes of an escaped path, marking the
"/" that were encoded. It reports false for a malformed escape.`).
		Func().Id("decodePath").Params(jen.Id("escaped").String()).Params(jen.Id("requestPath"), jen.Bool()).Block(
		jen.If(stringsQ("IndexByte").Call(jen.Id("escaped"), jen.LitRune('%')).Op("<").Lit(0)).Block(
			jen.Return(jen.Id("requestPath").Values(jen.Id("text").Op(":").Id("escaped")), jen.True()),
		),
		jen.Id("b").Op(":=").Make(jen.Index().Byte(), jen.Lit(0), jen.Len(jen.Id("escaped"))),
		jen.Var().Id("encoded").Index().Bool(),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("escaped")), jen.Id("i").Op("++")).Block(
			jen.Id("c").Op(":=").Id("escaped").Index(jen.Id("i")),
			jen.If(jen.Id("c").Op("!=").LitRune('%')).Block(
				jen.Id("b").Op("=").Append(jen.Id("b"), jen.Id("c")),
				jen.Continue(),
			),
			jen.List(jen.Id("c"), jen.Id("ok")).Op(":=").Id("unhexPair").Call(jen.Id("escaped").Index(jen.Id("i").Op("+").Lit(1).Op(":"))),
			jen.If(jen.Op("!").Id("ok")).Block(fail),
			jen.If(jen.Id("c").Op("==").LitRune('/')).Block(
				jen.If(jen.Id("encoded").Op("==").Nil()).Block(
					jen.Id("encoded").Op("=").Make(jen.Index().Bool(), jen.Len(jen.Id("escaped"))),
				),
				jen.Id("encoded").Index(jen.Len(jen.Id("b"))).Op("=").True(),
			),
			jen.Id("b").Op("=").Append(jen.Id("b"), jen.Id("c")),
			jen.Id("i").Op("+=").Lit(2),
		),
		jen.Return(jen.Id("requestPath").Values(jen.Id("text").Op(":").String().Call(jen.Id("b")), jen.Id("encoded").Op(":").Id("encoded")), jen.True()),
	)
}

func unhexPairFunc() jen.Code {
	return doc("unhexPair decodes the two hexadecimal digits that start s.").
		Func().Id("unhexPair").Params(jen.Id("s").String()).Params(jen.Byte(), jen.Bool()).Block(
		jen.If(jen.Len(jen.Id("s")).Op("<").Lit(2)).Block(jen.Return(jen.Lit(0), jen.False())),
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseUint").Call(jen.Id("s").Index(jen.Op(":").Lit(2)), jen.Lit(16), jen.Lit(8)),
		jen.Return(jen.Byte().Call(jen.Id("v")), jen.Err().Op("==").Nil()),
	)
}

func isEncodedMethod() jen.Code {
	return doc(`isEncoded reports whether text[i] is a "/" the request percent-encoded.`).
		Add(pathMethod("isEncoded")).Params(jen.Id("i").Int()).Bool().Block(
		jen.Return(jen.Id("i").Op("<").Len(jen.Id("rp").Dot("encoded")).Op("&&").Id("rp").Dot("encoded").Index(jen.Id("i"))),
	)
}

func separatesMethod() jen.Code {
	return doc(`separates reports whether text[i] is a "/" that separates segments.`).
		Add(pathMethod("separates")).Params(jen.Id("i").Int()).Bool().Block(
		jen.Return(jen.Id("rp").Dot("text").Index(jen.Id("i")).Op("==").LitRune('/').Op("&&").Op("!").Id("rp").Dot("isEncoded").Call(jen.Id("i"))),
	)
}

func encodedInMethod() jen.Code {
	return doc(`encodedIn reports whether text[i:j] holds a "/" the request encoded.`).
		Add(pathMethod("encodedIn")).Params(jen.List(jen.Id("i"), jen.Id("j")).Int()).Bool().Block(
		jen.For(jen.Id("k").Op(":=").Id("i"), jen.Id("k").Op("<").Min(jen.Id("j"), jen.Len(jen.Id("rp").Dot("encoded"))), jen.Id("k").Op("++")).Block(
			jen.If(jen.Id("rp").Dot("encoded").Index(jen.Id("k"))).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
}

func prefixMethod() jen.Code {
	return doc("prefix returns the path of the first n bytes of rp.").
		Add(pathMethod("prefix")).Params(jen.Id("n").Int()).Id("requestPath").Block(
		jen.Return(jen.Id("requestPath").Values(
			jen.Id("text").Op(":").Id("rp").Dot("text").Index(jen.Op(":").Id("n")),
			jen.Id("encoded").Op(":").Id("rp").Dot("encoded").Index(jen.Op(":").Min(jen.Id("n"), jen.Len(jen.Id("rp").Dot("encoded")))),
		)),
	)
}

func lastSeparatorMethod() jen.Code {
	return doc(`lastSeparator returns the index of the last "/" that separates segments,
or -1.`).
		Add(pathMethod("lastSeparator")).Params().Int().Block(
		jen.For(jen.Id("i").Op(":=").Len(jen.Id("rp").Dot("text")).Op("-").Lit(1), jen.Id("i").Op(">=").Lit(0), jen.Id("i").Op("--")).Block(
			jen.If(jen.Id("rp").Dot("separates").Call(jen.Id("i"))).Block(jen.Return(jen.Id("i"))),
		),
		jen.Return(jen.Lit(-1)),
	)
}
