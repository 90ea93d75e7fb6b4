package runtime

import "github.com/dave/jennifer/jen"

// durationDecls emits the ISO 8601 duration parser behind Duration.Duration.
func durationDecls() []jen.Code {
	return []jen.Code{isoDurationUnitsVar(), maxDurationConst(), parseISODurationFunc(), isoDurationUnitFunc()}
}

func isoDurationUnitsVar() jen.Code {
	units := []struct {
		designator rune
		unit       string
		factor     string
	}{
		{'Y', "h", "365 * 24"}, {'M', "h", "30 * 24"}, {'W', "h", "7 * 24"}, {'D', "h", "24"},
		{'T', "", "0"}, {'H', "h", "1"}, {'M', "m", "1"}, {'S', "s", "1"},
	}
	var values []jen.Code
	for _, u := range units {
		values = append(values, jen.Values(jen.LitRune(u.designator), jen.Lit(u.unit), jen.Op(u.factor)))
	}
	return doc("isoDurationUnits are the designators of an ISO 8601 duration in the order\nthey must appear, with the Go unit and factor each one converts to.").
		Var().Id("isoDurationUnits").Op("=").Index().Struct(
		jen.Id("designator").Byte(),
		jen.Id("unit").String(),
		jen.Id("factor").Qual(pkgTime, "Duration"),
	).Add(multiValues(values...))
}

func maxDurationConst() jen.Code {
	return doc("maxDuration is the longest time.Duration.").
		Const().Id("maxDuration").Op("=").Qual(pkgTime, "Duration").Call(jen.Lit(1).Op("<<").Lit(63).Op("-").Lit(1))
}

// durationError returns fmt.Errorf(format, s).
func durationError(format string) *jen.Statement {
	return fmtQ("Errorf").Call(jen.Lit(format), jen.Id("s"))
}

func parseISODurationFunc() jen.Code {
	return doc("parseISODuration parses an ISO 8601 duration: an optional \"-\", \"P\",\nnumbers with designators Y, M, W, D, then \"T\" and H, M, S.").
		Func().Id("parseISODuration").Params(jen.Id("s").String()).Params(jen.Qual(pkgTime, "Duration"), jen.Error()).Block(
		jen.List(jen.Id("rest"), jen.Id("neg")).Op(":=").Add(stringsQ("CutPrefix")).Call(jen.Id("s"), jen.Lit("-")),
		jen.List(jen.Id("rest"), jen.Id("ok")).Op(":=").Add(stringsQ("CutPrefix")).Call(jen.Id("rest"), jen.Lit("P")),
		jen.If(jen.Op("!").Id("ok").Op("||").Id("rest").Op("==").Lit("").Op("||").Add(stringsQ("HasSuffix")).Call(jen.Id("rest"), jen.Lit("T"))).Block(
			jen.Return(jen.Lit(0), durationError("invalid ISO 8601 duration %q")),
		),
		jen.Var().Id("total").Qual(pkgTime, "Duration"),
		jen.Id("next").Op(":=").Lit(0),
		jen.For(jen.Id("rest").Op("!=").Lit("")).Block(durationLoop()...),
		jen.If(jen.Id("neg")).Block(jen.Id("total").Op("=").Op("-").Id("total")),
		jen.Return(jen.Id("total"), jen.Nil()),
	)
}

// durationLoop is the body of the loop over the components of a duration.
func durationLoop() []jen.Code {
	invalid := jen.Return(jen.Lit(0), durationError("invalid ISO 8601 duration %q"))
	return []jen.Code{
		jen.Id("n").Op(":=").Lit(0),
		jen.For(jen.Id("n").Op("<").Len(jen.Id("rest")).Op("&&").Add(stringsQ("IndexByte")).Call(jen.Lit("0123456789.,"), jen.Id("rest").Index(jen.Id("n"))).Op(">=").Lit(0)).Block(
			jen.Id("n").Op("++"),
		),
		jen.Id("k").Op(":=").Id("isoDurationUnit").Call(jen.Id("rest").Index(jen.Id("n").Op(":")), jen.Id("next"), jen.Id("n").Op(">").Lit(0)),
		jen.If(jen.Id("k").Op("<").Lit(0)).Block(invalid.Clone()),
		jen.List(jen.Id("num"), jen.Id("u")).Op(":=").List(
			stringsQ("Replace").Call(jen.Id("rest").Index(jen.Op(":").Id("n")), jen.Lit(","), jen.Lit("."), jen.Lit(1)),
			jen.Id("isoDurationUnits").Index(jen.Id("k")),
		),
		jen.List(jen.Id("next"), jen.Id("rest")).Op("=").List(jen.Id("k").Op("+").Lit(1), jen.Id("rest").Index(jen.Id("n").Op("+").Lit(1).Op(":"))),
		jen.If(jen.Id("n").Op("==").Lit(0)).Block(jen.Continue()),
		jen.List(jen.Id("d"), jen.Err()).Op(":=").Qual(pkgTime, "ParseDuration").Call(jen.Id("num").Op("+").Id("u").Dot("unit")),
		ifErrReturn(jen.Lit(0), durationError("invalid ISO 8601 duration %q")),
		jen.If(
			jen.Id("d").Op(">").Id("maxDuration").Op("/").Id("u").Dot("factor").Op("||").
				Id("total").Op(">").Id("maxDuration").Op("-").Id("d").Op("*").Id("u").Dot("factor"),
		).Block(jen.Return(jen.Lit(0), durationError("ISO 8601 duration %q is out of range"))),
		jen.Id("total").Op("+=").Id("d").Op("*").Id("u").Dot("factor"),
	}
}

func isoDurationUnitFunc() jen.Code {
	return doc("isoDurationUnit returns the index in isoDurationUnits of the designator\nthat starts s, searching from next without passing \"T\", or -1. A number\nmust precede every designator but \"T\".").
		Func().Id("isoDurationUnit").Params(jen.Id("s").String(), jen.Id("next").Int(), jen.Id("number").Bool()).Int().Block(
		jen.If(jen.Id("s").Op("==").Lit("")).Block(jen.Return(jen.Lit(-1))),
		jen.For(jen.Id("k").Op(":=").Id("next"), jen.Id("k").Op("<").Len(jen.Id("isoDurationUnits")), jen.Id("k").Op("++")).Block(
			jen.Id("d").Op(":=").Id("isoDurationUnits").Index(jen.Id("k")).Dot("designator"),
			jen.If(jen.Id("d").Op("==").Id("s").Index(jen.Lit(0)).Op("&&").Id("number").Op("==").Parens(jen.Id("d").Op("!=").LitRune('T'))).Block(
				jen.Return(jen.Id("k")),
			),
			jen.If(jen.Id("d").Op("==").LitRune('T')).Block(jen.Break()),
		),
		jen.Return(jen.Lit(-1)),
	)
}
