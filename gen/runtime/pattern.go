package runtime

import "github.com/dave/jennifer/jen"

// patternDecls emits the compiler of route patterns.
func patternDecls() []jen.Code {
	return []jen.Code{compilePatternFunc(), addLiteralFunc(), markMultiFunc()}
}

func compilePatternFunc() jen.Code {
	return doc(`compilePattern splits a pattern into tokens: "{name}" with a non-empty
name is a placeholder; everything else, including "{}" and a "{" without
"}", is literal text.`).
		Func().Id("compilePattern").Params(jen.Id("pattern").String()).Op("*").Id("routePattern").Block(
		jen.Id("p").Op(":=").Op("&").Id("routePattern").Values(),
		jen.Id("lit").Op(":=").Lit(0),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("pattern")), jen.Empty()).Block(compileLoop()...),
		jen.Id("p").Dot("addLiteral").Call(jen.Id("pattern").Index(jen.Id("lit").Op(":"))),
		jen.Id("p").Dot("markMulti").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("t")).Op(":=").Range().Id("p").Dot("tokens")).Block(
			jen.Id("p").Dot("literals").Op("+=").Len(jen.Id("t").Dot("literal")),
			jen.Id("p").Dot("minLen").Op("+=").Max(jen.Len(jen.Id("t").Dot("literal")), jen.Lit(1)),
		),
		jen.Return(jen.Id("p")),
	)
}

// compileLoop is the body of the loop of compilePattern that finds the
// placeholders.
func compileLoop() []jen.Code {
	indexFrom := func(c rune) *jen.Statement {
		return stringsQ("IndexByte").Call(jen.Id("pattern").Index(jen.Id("i").Op(":")), jen.LitRune(c))
	}
	return []jen.Code{
		jen.Id("j").Op(":=").Add(indexFrom('{')),
		jen.If(jen.Id("j").Op("<").Lit(0)).Block(jen.Break()),
		jen.Id("i").Op("+=").Id("j"),
		jen.Id("k").Op(":=").Add(indexFrom('}')),
		jen.If(jen.Id("k").Op("<").Lit(0)).Block(jen.Break()),
		jen.If(jen.Id("k").Op("==").Lit(1)).Block(jen.Id("i").Op("+=").Lit(2), jen.Continue()),
		jen.Id("p").Dot("addLiteral").Call(jen.Id("pattern").Index(jen.Id("lit").Op(":").Id("i"))),
		jen.Id("p").Dot("tokens").Op("=").Append(jen.Id("p").Dot("tokens"), jen.Id("routeToken").Values(jen.Id("placeholder").Op(":").True())),
		jen.Id("i").Op("+=").Id("k").Op("+").Lit(1),
		jen.Id("lit").Op("=").Id("i"),
	}
}

func addLiteralFunc() jen.Code {
	return doc("addLiteral appends literal text, merging it with a literal before it.").
		Add(method("p", "routePattern", "addLiteral")).Params(jen.Id("s").String()).Block(
		jen.If(jen.Id("s").Op("==").Lit("")).Block(jen.Return()),
		jen.If(
			jen.Id("n").Op(":=").Len(jen.Id("p").Dot("tokens")),
			jen.Id("n").Op(">").Lit(0).Op("&&").Op("!").Id("p").Dot("tokens").Index(jen.Id("n").Op("-").Lit(1)).Dot("placeholder"),
		).Block(
			jen.Id("p").Dot("tokens").Index(jen.Id("n").Op("-").Lit(1)).Dot("literal").Op("+=").Id("s"),
			jen.Return(),
		),
		jen.Id("p").Dot("tokens").Op("=").Append(jen.Id("p").Dot("tokens"), jen.Id("routeToken").Values(jen.Id("literal").Op(":").Id("s"))),
	)
}

func markMultiFunc() jen.Code {
	hasSuffix := func(s string) *jen.Statement { return stringsQ("HasSuffix").Call(jen.Id("prev"), jen.Lit(s)) }
	return doc(`markMulti marks the placeholders used for drive-path addressing, whose
values may contain "/": those after literal text ending in ":" or ":/"
and before literal text starting with ":" or at the end of the pattern,
as in root:/{item-path}:/content.`).
		Add(method("p", "routePattern", "markMulti")).Params().Block(
		jen.Id("toks").Op(":=").Id("p").Dot("tokens"),
		jen.For(jen.Id("i").Op(":=").Lit(1), jen.Id("i").Op("<").Len(jen.Id("toks")), jen.Id("i").Op("++")).Block(
			jen.Id("prev").Op(":=").Id("toks").Index(jen.Id("i").Op("-").Lit(1)).Dot("literal"),
			jen.If(jen.Op("!").Id("toks").Index(jen.Id("i")).Dot("placeholder").Op("||").
				Op("!").Add(hasSuffix(":")).Op("&&").Op("!").Add(hasSuffix(":/"))).Block(jen.Continue()),
			jen.If(jen.Id("i").Op("+").Lit(1).Op("==").Len(jen.Id("toks")).Op("||").
				Add(stringsQ("HasPrefix")).Call(jen.Id("toks").Index(jen.Id("i").Op("+").Lit(1)).Dot("literal"), jen.Lit(":"))).Block(
				jen.Id("toks").Index(jen.Id("i")).Dot("multi").Op("=").True(),
			),
		),
	)
}
