package runtime

import "github.com/dave/jennifer/jen"

// segmentDecls emits the OData segments every collection has: GET
// <collection route>/$count answers the collection's count as text, and
// GET <collection route>/microsoft.graph.<type> (a type cast) lists the
// members of that derived type; both call the collection's operation.
func segmentDecls() []jen.Code {
	return []jen.Code{
		segmentKeyType(), castPrefixConst(), collectionRouteFunc(), isCastFunc(), typeCastFunc(),
		collectionCounterIface(), collectionCountMethod(), replyCountFunc(),
	}
}

func segmentKeyType() jen.Code {
	return doc("segmentKey holds, in a request's context, the $count or type-cast segment\nthe handler stripped to route the request to a collection.").
		Type().Id("segmentKey").Struct()
}

func castPrefixConst() jen.Code {
	return doc("castPrefix starts a type-cast segment.").
		Const().Id("castPrefix").Op("=").Lit("microsoft.graph.")
}

func collectionRouteFunc() jen.Code {
	seg := jen.Id("seg")
	text := jen.Id("path").Dot("text")
	pat := jen.Id("found").Dot("pattern")
	return doc(`collectionRoute returns the route for a GET request whose last path
segment is $count or a type cast (microsoft.graph.x), or a type cast then
$count, and whose path without them names a collection route, with those
segments ("microsoft.graph.group/$count"). It returns nil when found (the
route the whole path selects) documents the last segment literally. An
encoded "/" does not separate segments.`).
		Add(method("h", "handler", "collectionRoute")).Params(jen.Id("method").String(), jen.Id("path").Id("requestPath"), jen.Id("found").Op("*").Id("routeEntry")).
		Params(jen.Op("*").Id("routeEntry"), jen.Index().String(), jen.String()).Block(
		jen.Id("i").Op(":=").Id("path").Dot("lastSeparator").Call(),
		jen.If(jen.Id("method").Op("!=").Add(httpQ("MethodGet")).Op("||").Id("i").Op("<=").Lit(0)).Block(jen.Return(jen.Nil(), jen.Nil(), jen.Lit(""))),
		jen.Id("seg").Op(":=").Add(text.Clone()).Index(jen.Id("i").Op("+").Lit(1), jen.Empty()),
		jen.If(jen.Op("!").Add(stringsQ("EqualFold")).Call(seg, jen.Lit("$count")).Op("&&").Op("!").Id("isCast").Call(seg)).Block(jen.Return(jen.Nil(), jen.Nil(), jen.Lit(""))),
		jen.If(jen.Id("found").Op("!=").Nil().Op("&&").Len(pat).Op(">").Len(seg).
			Op("&&").Add(stringsQ("EqualFold")).Call(pat.Clone().Index(jen.Len(pat.Clone()).Op("-").Len(seg).Op("-").Lit(1), jen.Empty()), jen.Lit("/").Op("+").Id("seg"))).Block(
			jen.Return(jen.Nil(), jen.Nil(), jen.Lit("")),
		),
		jen.List(jen.Id("rt"), jen.Id("params"), jen.Id("_")).Op(":=").Id("h").Dot("router").Dot("lookup").Call(jen.Id("method"), jen.Id("path").Dot("prefix").Call(jen.Id("i"))),
		jen.If(jen.Id("rt").Op("==").Nil().Op("&&").Add(stringsQ("EqualFold")).Call(seg, jen.Lit("$count"))).Block(
			jen.If(jen.Id("j").Op(":=").Id("path").Dot("prefix").Call(jen.Id("i")).Dot("lastSeparator").Call(), jen.Id("j").Op(">").Lit(0).Op("&&").Id("isCast").Call(text.Clone().Index(jen.Id("j").Op("+").Lit(1), jen.Id("i")))).Block(
				jen.List(jen.Id("rt"), jen.Id("params"), jen.Id("_")).Op("=").Id("h").Dot("router").Dot("lookup").Call(jen.Id("method"), jen.Id("path").Dot("prefix").Call(jen.Id("j"))),
				jen.Id("seg").Op("=").Add(text.Clone()).Index(jen.Id("j").Op("+").Lit(1), jen.Empty()),
			),
		),
		jen.If(jen.Id("rt").Op("==").Nil().Op("||").Op("!").Id("rt").Dot("collection")).Block(jen.Return(jen.Nil(), jen.Nil(), jen.Lit(""))),
		jen.Return(jen.Id("rt"), jen.Id("params"), jen.Id("seg")),
	)
}

func isCastFunc() jen.Code {
	c := jen.Id("c")
	return doc("isCast reports whether seg is a type-cast segment: microsoft.graph. (any\ncase) and a name of letters, digits and dots.").
		Func().Id("isCast").Params(jen.Id("seg").String()).Bool().Block(
		jen.If(jen.Len(jen.Id("seg")).Op("<=").Len(jen.Id("castPrefix")).Op("||").Op("!").Add(stringsQ("EqualFold")).Call(jen.Id("seg").Index(jen.Empty(), jen.Len(jen.Id("castPrefix"))), jen.Id("castPrefix"))).Block(
			jen.Return(jen.False()),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Index().Byte().Parens(jen.Id("seg"))).Block(
			jen.If(jen.Op("!").Parens(c.Clone().Op(">=").LitRune('a').Op("&&").Add(c.Clone()).Op("<=").LitRune('z').
				Op("||").Add(c.Clone()).Op(">=").LitRune('A').Op("&&").Add(c.Clone()).Op("<=").LitRune('Z').
				Op("||").Add(c.Clone()).Op(">=").LitRune('0').Op("&&").Add(c.Clone()).Op("<=").LitRune('9').
				Op("||").Add(c.Clone()).Op("==").LitRune('.'))).Block(jen.Return(jen.False())),
		),
		jen.Return(jen.True()),
	)
}

func typeCastFunc() jen.Code {
	return doc(`TypeCast returns the derived type named by the type-cast segment of r's
path (GET /groups/{id}/members/microsoft.graph.user, or its /$count,
gives "microsoft.graph.user") when the handler routed r to a collection's
operation without that segment, and "" otherwise. A service lists only
the members of that type.`).
		Func().Id("TypeCast").Params(reqParam()).String().Block(
		jen.List(jen.Id("seg"), jen.Id("_")).Op(":=").Id("r").Dot("Context").Call().Dot("Value").Call(jen.Id("segmentKey").Values()).Assert(jen.String()),
		jen.List(jen.Id("seg"), jen.Id("_"), jen.Id("_")).Op("=").Add(stringsQ("Cut")).Call(jen.Id("seg"), jen.Lit("/")),
		jen.If(jen.Op("!").Id("isCast").Call(jen.Id("seg"))).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.Id("seg")),
	)
}

func collectionCounterIface() jen.Code {
	return doc("collectionCounter is implemented by CollectionResponse.").
		Type().Id("collectionCounter").Interface(jen.Id("collectionCount").Params().Int64())
}

func collectionCountMethod() jen.Code {
	return doc("collectionCount is the count a /$count request answers: ODataCount when\nthe service sets it, else the number of values.").
		Func().Params(jen.Id("c").Id("CollectionResponse").Types(jen.Id("T"))).Id("collectionCount").Params().Int64().Block(
		jen.If(jen.List(jen.Id("n"), jen.Id("ok")).Op(":=").Id("c").Dot("ODataCount").Dot("Get").Call(), jen.Id("ok")).Block(jen.Return(jen.Id("n"))),
		jen.Return(jen.Int64().Call(jen.Len(jen.Id("c").Dot("Value")))),
	)
}

func replyCountFunc() jen.Code {
	return doc("replyCount answers a /$count request with the count of v as text, and\nreports whether it did (v is a collection and r asked for its count).").
		Func().Id("replyCount").Params(writerParam(), reqParam(), jen.Id("status").Int(), jen.Id("v").Any()).Bool().Block(
		jen.List(jen.Id("c"), jen.Id("ok")).Op(":=").Id("v").Assert(jen.Id("collectionCounter")),
		jen.List(jen.Id("seg"), jen.Id("_")).Op(":=").Id("r").Dot("Context").Call().Dot("Value").Call(jen.Id("segmentKey").Values()).Assert(jen.String()),
		jen.If(jen.Op("!").Id("ok").Op("||").Op("!").Add(stringsQ("EqualFold")).Call(jen.Id("seg").Index(jen.Add(stringsQ("LastIndexByte")).Call(jen.Id("seg"), jen.LitRune('/')).Op("+").Lit(1), jen.Empty()), jen.Lit("$count"))).Block(jen.Return(jen.False())),
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("text/plain; charset=utf-8")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Qual(pkgIO, "WriteString").Call(jen.Id("w"), jen.Qual(pkgStrconv, "FormatInt").Call(jen.Id("c").Dot("collectionCount").Call(), jen.Lit(10))),
		jen.Return(jen.True()),
	)
}
