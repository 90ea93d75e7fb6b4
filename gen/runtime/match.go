package runtime

import "github.com/dave/jennifer/jen"

// matchDecls emits route lookup and pattern matching.
func matchDecls() []jen.Code {
	return []jen.Code{
		lookupFunc(), matchFunc(), reachTableType(), reachHas(), reachSet(),
		reachFunc(), reachLiteralFunc(), reachPlaceholderFunc(), equalFoldASCIIFunc(),
	}
}

func lookupFunc() jen.Code {
	return doc(`lookup returns the route for method and path with its placeholder values.
When several routes match, the one whose pattern has the most literal
bytes wins, then the first in the table. When no route has the method,
it returns the sorted methods of the routes whose pattern matches path.`).
		Add(method("rt", "router", "lookup")).Params(jen.Id("method").String(), jen.Id("path").Id("requestPath")).
		Params(jen.Op("*").Id("routeEntry"), jen.Index().String(), jen.Index().String()).Block(
		jen.Var().Id("best").Op("*").Id("routeEntry"),
		jen.Var().List(jen.Id("bestParams"), jen.Id("allow")).Index().String(),
		jen.Id("bestLiterals").Op(":=").Lit(-1),
		jen.Id("try").Op(":=").Func().Params(jen.Id("p").Op("*").Id("routePattern")).Block(lookupTry()...),
		jen.If(jen.List(jen.Id("seg"), jen.Id("ok")).Op(":=").Id("pathSegment").Call(jen.Id("path")), jen.Id("ok")).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Id("rt").Dot("bySegment").Index(jen.Id("seg"))).Block(jen.Id("try").Call(jen.Id("p"))),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Id("rt").Dot("anySegment")).Block(jen.Id("try").Call(jen.Id("p"))),
		jen.If(jen.Id("best").Op("!=").Nil()).Block(jen.Return(jen.Id("best"), jen.Id("bestParams"), jen.Nil())),
		jen.Qual(pkgSlices, "Sort").Call(jen.Id("allow")),
		jen.Return(jen.Nil(), jen.Nil(), jen.Qual(pkgSlices, "Compact").Call(jen.Id("allow"))),
	)
}

// lookupTry is the body of the closure of lookup that tries one pattern.
func lookupTry() []jen.Code {
	better := jen.Id("p").Dot("literals").Op(">").Id("bestLiterals").Op("||").
		Id("p").Dot("literals").Op("==").Id("bestLiterals").Op("&&").Id("e").Dot("index").Op("<").Id("best").Dot("index")
	return []jen.Code{
		jen.List(jen.Id("params"), jen.Id("ok")).Op(":=").Id("p").Dot("match").Call(jen.Id("path")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return()),
		jen.For(jen.Id("i").Op(":=").Range().Id("p").Dot("routes")).Block(
			jen.Id("e").Op(":=").Op("&").Id("p").Dot("routes").Index(jen.Id("i")),
			jen.Id("allow").Op("=").Append(jen.Id("allow"), jen.Id("e").Dot("method")),
			jen.If(jen.Id("e").Dot("method").Op("!=").Id("method")).Block(jen.Continue()),
			jen.If(better).Block(
				jen.List(jen.Id("best"), jen.Id("bestParams"), jen.Id("bestLiterals")).Op("=").List(jen.Id("e"), jen.Id("params"), jen.Id("p").Dot("literals")),
			),
		),
	}
}

func matchFunc() jen.Code {
	return doc(`match matches path against the pattern and returns the placeholder values
in pattern order, decoded. Literal text matches under ASCII case folding
and never matches a "/" the request encoded (%2F); a placeholder matches
non-empty text without a "/" that separates segments (a multi placeholder
may contain any "/"); the whole path must be consumed; the
leftmost-shortest values win. It runs in time O(tokens × len(path)).`).
		Add(method("p", "routePattern", "match")).Params(jen.Id("path").Id("requestPath")).Params(jen.Index().String(), jen.Bool()).Block(
		jen.If(jen.Len(jen.Id("path").Dot("text")).Op("<").Id("p").Dot("minLen").Op("||").Len(jen.Id("path").Dot("text")).Op(">").Id("maxPathLen")).Block(
			jen.Return(jen.Nil(), jen.False()),
		),
		jen.Id("reach").Op(":=").Id("p").Dot("reach").Call(jen.Id("path")),
		jen.If(jen.Op("!").Id("reach").Dot("has").Call(jen.Lit(0), jen.Lit(0))).Block(jen.Return(jen.Nil(), jen.False())),
		jen.Var().Id("values").Index().String(),
		jen.Id("pos").Op(":=").Lit(0),
		jen.For(jen.List(jen.Id("i"), jen.Id("t")).Op(":=").Range().Id("p").Dot("tokens")).Block(
			jen.If(jen.Op("!").Id("t").Dot("placeholder")).Block(
				jen.Id("pos").Op("+=").Len(jen.Id("t").Dot("literal")),
				jen.Continue(),
			),
			jen.Id("end").Op(":=").Id("pos").Op("+").Lit(1),
			jen.For(jen.Op("!").Id("reach").Dot("has").Call(jen.Id("i").Op("+").Lit(1), jen.Id("end"))).Block(jen.Id("end").Op("++")),
			jen.Id("values").Op("=").Append(jen.Id("values"), jen.Id("path").Dot("text").Index(jen.Id("pos").Op(":").Id("end"))),
			jen.Id("pos").Op("=").Id("end"),
		),
		jen.Return(jen.Id("values"), jen.True()),
	)
}

func reachTableType() jen.Code {
	return doc("reachTable is a bit matrix: row i, column p says whether tokens[i:] can\nmatch path[p:].").
		Type().Id("reachTable").Struct(
		jen.Id("words").Int(),
		jen.Id("bits").Index().Uint64(),
	)
}

// bitAt returns t.bits[i*t.words+p/64] and 1 << (p % 64).
func bitAt() (*jen.Statement, *jen.Statement) {
	word := jen.Id("t").Dot("bits").Index(jen.Id("i").Op("*").Id("t").Dot("words").Op("+").Id("p").Op("/").Lit(64))
	return word, jen.Lit(1).Op("<<").Parens(jen.Id("p").Op("%").Lit(64))
}

func reachHas() jen.Code {
	word, bit := bitAt()
	return doc("has reports whether tokens[i:] can match path[p:].").
		Func().Params(jen.Id("t").Id("reachTable")).Id("has").Params(jen.List(jen.Id("i"), jen.Id("p")).Int()).Bool().Block(
		jen.Return(word.Op("&").Parens(bit).Op("!=").Lit(0)),
	)
}

func reachSet() jen.Code {
	word, bit := bitAt()
	return doc("set records that tokens[i:] can match path[p:].").
		Func().Params(jen.Id("t").Id("reachTable")).Id("set").Params(jen.List(jen.Id("i"), jen.Id("p")).Int()).Block(
		word.Op("|=").Add(bit),
	)
}

func reachFunc() jen.Code {
	tok := jen.Id("p").Dot("tokens").Index(jen.Id("i"))
	return doc("reach fills the table of path from the last token backwards.").
		Add(method("p", "routePattern", "reach")).Params(jen.Id("path").Id("requestPath")).Id("reachTable").Block(
		jen.Id("n").Op(":=").Len(jen.Id("path").Dot("text")),
		jen.Id("t").Op(":=").Id("reachTable").Values(jen.Id("words").Op(":").Id("n").Op("/").Lit(64).Op("+").Lit(1)),
		jen.Id("t").Dot("bits").Op("=").Make(jen.Index().Uint64(), jen.Parens(jen.Len(jen.Id("p").Dot("tokens")).Op("+").Lit(1)).Op("*").Id("t").Dot("words")),
		jen.Id("t").Dot("set").Call(jen.Len(jen.Id("p").Dot("tokens")), jen.Id("n")),
		jen.For(jen.Id("i").Op(":=").Len(jen.Id("p").Dot("tokens")).Op("-").Lit(1), jen.Id("i").Op(">=").Lit(0), jen.Id("i").Op("--")).Block(
			jen.If(tok.Clone().Dot("placeholder")).Block(
				jen.Id("t").Dot("reachPlaceholder").Call(jen.Id("i"), tok.Clone().Dot("multi"), jen.Id("path")),
			).Else().Block(
				jen.Id("t").Dot("reachLiteral").Call(jen.Id("i"), tok.Clone().Dot("literal"), jen.Id("path")),
			),
		),
		jen.Return(jen.Id("t")),
	)
}

func reachLiteralFunc() jen.Code {
	end := jen.Id("p").Op("+").Len(jen.Id("lit"))
	return doc("reachLiteral fills row i for a literal token, which never matches a \"/\"\nthe request encoded.").
		Func().Params(jen.Id("t").Id("reachTable")).Id("reachLiteral").Params(jen.Id("i").Int(), jen.Id("lit").String(), jen.Id("path").Id("requestPath")).Block(
		jen.For(jen.Id("p").Op(":=").Lit(0), end.Clone().Op("<=").Len(jen.Id("path").Dot("text")), jen.Id("p").Op("++")).Block(
			jen.If(jen.Id("t").Dot("has").Call(jen.Id("i").Op("+").Lit(1), end.Clone()).Op("&&").
				Id("equalFoldASCII").Call(jen.Id("path").Dot("text").Index(jen.Id("p").Op(":").Add(end.Clone())), jen.Id("lit")).Op("&&").
				Op("!").Id("path").Dot("encodedIn").Call(jen.Id("p"), end.Clone())).Block(
				jen.Id("t").Dot("set").Call(jen.Id("i"), jen.Id("p")),
			),
		),
	)
}

func reachPlaceholderFunc() jen.Code {
	return doc("reachPlaceholder fills row i for a placeholder: a value starting at p is\npath.text[p:q] for some q > p.").
		Func().Params(jen.Id("t").Id("reachTable")).Id("reachPlaceholder").Params(jen.Id("i").Int(), jen.Id("multi").Bool(), jen.Id("path").Id("requestPath")).Block(
		jen.For(jen.Id("p").Op(":=").Len(jen.Id("path").Dot("text")).Op("-").Lit(1), jen.Id("p").Op(">=").Lit(0), jen.Id("p").Op("--")).Block(
			jen.If(jen.Op("!").Id("multi").Op("&&").Id("path").Dot("separates").Call(jen.Id("p"))).Block(jen.Continue()),
			jen.If(jen.Id("t").Dot("has").Call(jen.Id("i").Op("+").Lit(1), jen.Id("p").Op("+").Lit(1)).Op("||").
				Id("t").Dot("has").Call(jen.Id("i"), jen.Id("p").Op("+").Lit(1))).Block(
				jen.Id("t").Dot("set").Call(jen.Id("i"), jen.Id("p")),
			),
		),
	)
}

func equalFoldASCIIFunc() jen.Code {
	return doc("equalFoldASCII compares two strings of equal length under ASCII case\nfolding.").
		Func().Id("equalFoldASCII").Params(jen.List(jen.Id("a"), jen.Id("b")).String()).Bool().Block(
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("a")), jen.Id("i").Op("++")).Block(
			jen.List(jen.Id("x"), jen.Id("y")).Op(":=").List(jen.Id("a").Index(jen.Id("i")), jen.Id("b").Index(jen.Id("i"))),
			upperToLower(jen.Id("x")),
			upperToLower(jen.Id("y")),
			jen.If(jen.Id("x").Op("!=").Id("y")).Block(jen.Return(jen.False())),
		),
		jen.Return(jen.True()),
	)
}
