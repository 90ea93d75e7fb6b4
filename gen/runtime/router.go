package runtime

import "github.com/dave/jennifer/jen"

// routerDecls emits the routing table index.
func routerDecls() []jen.Code {
	return []jen.Code{
		maxPathLenConst(), routeTokenType(), routePatternType(), routeEntryType(), routerType(),
		newRouterFunc(), routerAdd(), patternSegmentFunc(), pathSegmentFunc(), lowerASCIIFunc(),
	}
}

func maxPathLenConst() jen.Code {
	return doc("maxPathLen is the longest request path the handler routes, in bytes.").
		Const().Id("maxPathLen").Op("=").Lit(8192)
}

func routeTokenType() jen.Code {
	return doc("routeToken is a piece of a route pattern: literal text, or a placeholder\n(multi when its value may contain \"/\").").
		Type().Id("routeToken").Struct(
		jen.Id("literal").String(),
		jen.Id("placeholder").Bool(),
		jen.Id("multi").Bool(),
	)
}

func routePatternType() jen.Code {
	return doc("routePattern is a compiled pattern with the routes that use it.").
		Type().Id("routePattern").Struct(
		jen.Id("tokens").Index().Id("routeToken"),
		jen.Id("literals").Int().Comment("number of literal bytes"),
		jen.Id("minLen").Int().Comment("shortest path that can match"),
		jen.Id("routes").Index().Id("routeEntry"),
	)
}

func routeEntryType() jen.Code {
	return doc("routeEntry is a route with its position in the routing table.").
		Type().Id("routeEntry").Struct(
		jen.Id("route"),
		jen.Id("index").Int(),
	)
}

func routerType() jen.Code {
	return doc("router finds the route for a request path. Patterns are indexed by their\nfirst path segment, lower-cased; patterns whose first segment holds a\nplaceholder are tried for every path.").
		Type().Id("router").Struct(
		jen.Id("bySegment").Map(jen.String()).Index().Op("*").Id("routePattern"),
		jen.Id("anySegment").Index().Op("*").Id("routePattern"),
	)
}

func newRouterFunc() jen.Code {
	return doc("newRouter compiles the routing table. Routes that share a pattern share\nits compiled form; a malformed pattern is literal text.").
		Func().Id("newRouter").Params(jen.Id("table").Index().Id("route")).Op("*").Id("router").Block(
		jen.Id("rt").Op(":=").Op("&").Id("router").Values(jen.Id("bySegment").Op(":").Map(jen.String()).Index().Op("*").Id("routePattern").Values()),
		jen.Id("compiled").Op(":=").Map(jen.String()).Op("*").Id("routePattern").Values(),
		jen.For(jen.List(jen.Id("i"), jen.Id("r")).Op(":=").Range().Id("table")).Block(
			jen.Id("p").Op(":=").Id("compiled").Index(jen.Id("r").Dot("pattern")),
			jen.If(jen.Id("p").Op("==").Nil()).Block(
				jen.Id("p").Op("=").Id("compilePattern").Call(jen.Id("r").Dot("pattern")),
				jen.Id("compiled").Index(jen.Id("r").Dot("pattern")).Op("=").Id("p"),
				jen.Id("rt").Dot("add").Call(jen.Id("p")),
			),
			jen.Id("p").Dot("routes").Op("=").Append(jen.Id("p").Dot("routes"), jen.Id("routeEntry").Values(
				jen.Id("route").Op(":").Id("r"), jen.Id("index").Op(":").Id("i"),
			)),
		),
		jen.Return(jen.Id("rt")),
	)
}

func routerAdd() jen.Code {
	return doc("add indexes p.").
		Add(method("rt", "router", "add")).Params(jen.Id("p").Op("*").Id("routePattern")).Block(
		jen.If(jen.List(jen.Id("seg"), jen.Id("ok")).Op(":=").Id("patternSegment").Call(jen.Id("p").Dot("tokens")), jen.Id("ok")).Block(
			jen.Id("rt").Dot("bySegment").Index(jen.Id("seg")).Op("=").Append(jen.Id("rt").Dot("bySegment").Index(jen.Id("seg")), jen.Id("p")),
		).Else().Block(
			jen.Id("rt").Dot("anySegment").Op("=").Append(jen.Id("rt").Dot("anySegment"), jen.Id("p")),
		),
	)
}

func patternSegmentFunc() jen.Code {
	return doc("patternSegment returns the lower-cased first path segment of a pattern\nwhen it is literal text.").
		Func().Id("patternSegment").Params(jen.Id("toks").Index().Id("routeToken")).Params(jen.String(), jen.Bool()).Block(
		jen.If(jen.Len(jen.Id("toks")).Op("==").Lit(0).Op("||").Id("toks").Index(jen.Lit(0)).Dot("placeholder").Op("||").
			Op("!").Add(stringsQ("HasPrefix")).Call(jen.Id("toks").Index(jen.Lit(0)).Dot("literal"), jen.Lit("/"))).Block(
			jen.Return(jen.Lit(""), jen.False()),
		),
		jen.Id("lit").Op(":=").Id("toks").Index(jen.Lit(0)).Dot("literal").Index(jen.Lit(1).Op(":")),
		jen.If(jen.Id("i").Op(":=").Add(stringsQ("IndexByte")).Call(jen.Id("lit"), jen.LitRune('/')), jen.Id("i").Op(">=").Lit(0)).Block(
			jen.Return(jen.Id("lowerASCII").Call(jen.Id("lit").Index(jen.Op(":").Id("i"))), jen.True()),
		),
		jen.If(jen.Len(jen.Id("toks")).Op("==").Lit(1)).Block(jen.Return(jen.Id("lowerASCII").Call(jen.Id("lit")), jen.True())),
		jen.Return(jen.Lit(""), jen.False()),
	)
}

func pathSegmentFunc() jen.Code {
	text := jen.Id("path").Dot("text")
	return doc(`pathSegment returns the lower-cased first segment of a request path
(an encoded "/" does not end it).`).
		Func().Id("pathSegment").Params(jen.Id("path").Id("requestPath")).Params(jen.String(), jen.Bool()).Block(
		jen.If(text.Clone().Op("==").Lit("").Op("||").Op("!").Id("path").Dot("separates").Call(jen.Lit(0))).Block(
			jen.Return(jen.Lit(""), jen.False()),
		),
		jen.Id("end").Op(":=").Lit(1),
		jen.For(jen.Id("end").Op("<").Len(text.Clone()).Op("&&").Op("!").Id("path").Dot("separates").Call(jen.Id("end"))).Block(jen.Id("end").Op("++")),
		jen.Return(jen.Id("lowerASCII").Call(text.Clone().Index(jen.Lit(1).Op(":").Id("end"))), jen.True()),
	)
}

// upperToLower returns "if 'A' <= c && c <= 'Z' { c += 'a' - 'A' }" for
// the byte expression c.
func upperToLower(c jen.Code) *jen.Statement {
	return jen.If(jen.LitRune('A').Op("<=").Add(c).Op("&&").Add(c).Op("<=").LitRune('Z')).Block(
		jen.Add(c).Op("+=").LitRune('a').Op("-").LitRune('A'),
	)
}

func lowerASCIIFunc() jen.Code {
	return doc("lowerASCII folds ASCII upper-case letters to lower case, leaving other\nbytes alone.").
		Func().Id("lowerASCII").Params(jen.Id("s").String()).String().Block(
		jen.Id("b").Op(":=").Index().Byte().Call(jen.Id("s")),
		jen.For(jen.Id("i").Op(":=").Range().Id("b")).Block(upperToLower(jen.Id("b").Index(jen.Id("i")))),
		jen.Return(jen.String().Call(jen.Id("b"))),
	)
}
