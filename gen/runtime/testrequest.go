package runtime

import "github.com/dave/jennifer/jen"

// roundTripDecls emits roundTrip.
func roundTripDecls() []jen.Code {
	return []jen.Code{roundTripFunc()}
}

// testRequestDecls emits newTestRequest and its helpers.
func testRequestDecls() []jen.Code {
	return []jen.Code{newTestRequestFunc(), escapeTestTargetFunc(), escapeTestQueryFunc(), isTestHexFunc()}
}

func roundTripFunc() jen.Code {
	stmts := []jen.Code{
		tHelper(),
		jen.Id("v").Op(":=").New(jen.Id("T")),
		jen.If(jen.Err().Op(":=").Add(jsonQ("Unmarshal")).Call(jen.Index().Byte().Call(jen.Id("body")), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(
			tErrorf("decoding %T: %v", jen.Op("*").Id("v"), jen.Err()), jen.Return(),
		),
	}
	stmts = append(stmts, newEncoder()...)
	stmts = append(stmts,
		jen.If(jen.Err().Op(":=").Id("enc").Dot("Encode").Call(jen.Id("v")), jen.Err().Op("!=").Nil()).Block(
			tErrorf("encoding %T: %v", jen.Op("*").Id("v"), jen.Err()), jen.Return(),
		),
		jen.Id("checkJSON").Call(jen.Id("t"), sprintf("round trip of %T", jen.Op("*").Id("v")), jen.Index().Byte().Call(jen.Id("body")), jen.Id("buf").Dot("Bytes").Call(), jen.False()),
	)
	return doc("roundTrip decodes body into a T, encodes it again, and checks that the\nresult equals body as JSON.").
		Func().Id("roundTrip").Types(jen.Id("T").Any()).Params(testingT(), jen.Id("body").String()).Block(stmts...)
}

func newTestRequestFunc() jen.Code {
	return doc(`newTestRequest returns a server request for a documented request: target is
the path as documented (it may hold spaces, braces or quotes; the
request's URL.Path is that path), with an optional query string and an
optional scheme and host. An empty body means no body.`).
		Func().Id("newTestRequest").Params(testingT(), jen.List(jen.Id("method"), jen.Id("target")).String(), jen.Id("header").Add(httpQ("Header")), jen.Id("body").String()).
		Op("*").Add(httpQ("Request")).Block(
		tHelper(),
		jen.Var().Id("r").Qual(pkgIO, "Reader"),
		jen.If(jen.Id("body").Op("!=").Lit("")).Block(jen.Id("r").Op("=").Add(stringsQ("NewReader")).Call(jen.Id("body"))),
		jen.Id("req").Op(":=").Qual(pkgHTTPTest, "NewRequest").Call(jen.Id("method"), jen.Id("escapeTestTarget").Call(jen.Id("target")), jen.Id("r")),
		jen.For(jen.List(jen.Id("k"), jen.Id("vs")).Op(":=").Range().Id("header")).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("vs")).Block(
				jen.Id("req").Dot("Header").Dot("Add").Call(jen.Id("k"), jen.Id("v")),
			),
		),
		jen.Return(jen.Id("req")),
	)
}

func escapeTestTargetFunc() jen.Code {
	return doc("escapeTestTarget percent-encodes a documented request target so that the\nrequest's URL.Path is the documented path and its query is kept.").
		Func().Id("escapeTestTarget").Params(jen.Id("target").String()).String().Block(
		jen.Id("prefix").Op(":=").Lit(""),
		jen.For(jen.List(jen.Id("_"), jen.Id("scheme")).Op(":=").Range().Index().String().Values(jen.Lit("https://"), jen.Lit("http://"))).Block(schemeLoop()...),
		jen.List(jen.Id("path"), jen.Id("query"), jen.Id("hasQuery")).Op(":=").Add(stringsQ("Cut")).Call(jen.Id("target"), jen.Lit("?")),
		jen.Id("u").Op(":=").Op("&").Qual(pkgURL, "URL").Values(jen.Id("Path").Op(":").Id("path")),
		jen.Id("out").Op(":=").Id("prefix").Op("+").Id("u").Dot("EscapedPath").Call(),
		jen.If(jen.Id("hasQuery")).Block(jen.Id("out").Op("+=").Lit("?").Op("+").Id("escapeTestQuery").Call(jen.Id("query"))),
		jen.Return(jen.Id("out")),
	)
}

// schemeLoop is the body of the loop of escapeTestTarget that splits off
// the scheme and host.
func schemeLoop() []jen.Code {
	n := jen.Len(jen.Id("scheme"))
	return []jen.Code{
		jen.If(jen.Len(jen.Id("target")).Op("<").Add(n.Clone()).Op("||").Op("!").Add(stringsQ("EqualFold")).Call(jen.Id("target").Index(jen.Op(":").Add(n.Clone())), jen.Id("scheme"))).Block(
			jen.Continue(),
		),
		jen.Id("i").Op(":=").Add(stringsQ("IndexByte")).Call(jen.Id("target").Index(n.Clone().Op(":")), jen.LitRune('/')),
		jen.If(jen.Id("i").Op("<").Lit(0)).Block(jen.Return(jen.Id("target"))),
		jen.List(jen.Id("prefix"), jen.Id("target")).Op("=").List(
			jen.Id("target").Index(jen.Op(":").Add(n.Clone()).Op("+").Id("i")),
			jen.Id("target").Index(n.Clone().Op("+").Id("i").Op(":")),
		),
		jen.Break(),
	}
}

func escapeTestQueryFunc() jen.Code {
	c := jen.Id("c")
	keepEscape := c.Clone().Op("==").LitRune('%').Op("&&").Id("i").Op("+").Lit(2).Op("<").Len(jen.Id("q")).Op("&&").
		Id("isTestHex").Call(jen.Id("q").Index(jen.Id("i").Op("+").Lit(1))).Op("&&").Id("isTestHex").Call(jen.Id("q").Index(jen.Id("i").Op("+").Lit(2)))
	mustEscape := c.Clone().Op("<=").LitRune(' ').Op("||").Add(c.Clone()).Op(">=").Lit(0x7f).Op("||").
		Add(stringsQ("IndexByte")).Call(jen.Lit("\"#%<>\\^`{|}"), c.Clone()).Op(">=").Lit(0)
	return doc("escapeTestQuery percent-encodes the bytes of a query string that cannot\nappear in a request line, keeping existing escapes.").
		Func().Id("escapeTestQuery").Params(jen.Id("q").String()).String().Block(
		jen.Var().Id("b").Qual(pkgStrings, "Builder"),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("q")), jen.Id("i").Op("++")).Block(
			jen.Id("c").Op(":=").Id("q").Index(jen.Id("i")),
			jen.Switch().Block(
				jen.Case(keepEscape).Block(jen.Id("b").Dot("WriteByte").Call(jen.Id("c"))),
				jen.Case(mustEscape).Block(fmtQ("Fprintf").Call(jen.Op("&").Id("b"), jen.Lit("%%%02X"), jen.Id("c"))),
				jen.Default().Block(jen.Id("b").Dot("WriteByte").Call(jen.Id("c"))),
			),
		),
		jen.Return(jen.Id("b").Dot("String").Call()),
	)
}

func isTestHexFunc() jen.Code {
	between := func(lo, hi rune) *jen.Statement {
		return jen.LitRune(lo).Op("<=").Id("c").Op("&&").Id("c").Op("<=").LitRune(hi)
	}
	return doc("isTestHex reports whether c is a hexadecimal digit.").
		Func().Id("isTestHex").Params(jen.Id("c").Byte()).Bool().Block(
		jen.Return(between('0', '9').Op("||").Add(between('a', 'f')).Op("||").Add(between('A', 'F'))),
	)
}
