package runtime

import "github.com/dave/jennifer/jen"

// checkerValueDecls emits the checks of scalar JSON values.
func checkerValueDecls() []jen.Code {
	return []jen.Code{describeJSONTypeFunc(), checkScalarFunc(), numberFitsFunc()}
}

func describeJSONTypeFunc() jen.Code {
	bits := jen.Id("t").Dot("Bits").Call()
	intRange := sprintf("an integer between %d and %d",
		jen.Int64().Call(jen.Lit(-1)).Op("<<").Parens(bits.Clone().Op("-").Lit(1)),
		jen.Uint64().Call(jen.Lit(1)).Op("<<").Parens(bits.Clone().Op("-").Lit(1)).Op("-").Lit(1))
	uintRange := sprintf("an integer between 0 and %d", jen.Op("^").Uint64().Call(jen.Lit(0)).Op(">>").Parens(jen.Lit(64).Op("-").Add(bits.Clone())))
	byteSlice := jen.Id("t").Dot("Elem").Call().Dot("Kind").Call().Op("==").Add(reflectQ("Uint8")).Op("&&").Add(kindIs(jen.Id("t"), "Slice"))
	return doc("describeJSONType says what JSON value fits t, for error messages.").
		Func().Id("describeJSONType").Params(jen.Id("t").Add(reflectQ("Type"))).String().Block(
		jen.Switch(jen.Id("t").Dot("Kind").Call()).Block(
			kindCase("Bool").Block(jen.Return(jen.Lit("a boolean"))),
			kindCase(intKinds...).Block(jen.Return(intRange)),
			kindCase(uintKinds...).Block(jen.Return(uintRange)),
			kindCase(floatKinds...).Block(jen.Return(jen.Lit("a number"))),
			kindCase("Struct", "Map").Block(jen.Return(jen.Lit("an object"))),
			kindCase("Slice", "Array").Block(
				jen.If(byteSlice).Block(jen.Return(jen.Lit("a string"))),
				jen.Return(jen.Lit("an array")),
			),
		),
		jen.Return(jen.Lit("a string")),
	)
}

func checkScalarFunc() jen.Code {
	enumOf := func(v jen.Code) *jen.Statement { return jen.Add(v).Dot("Interface").Call().Assert(jen.Id("enumValue")) }
	invalidEnum := jen.Id("ok").Op("&&").Id("t").Dot("Implements").Call(jen.Id("enumValueType")).Op("&&").
		Op("!").Add(enumOf(reflectQ("ValueOf").Call(jen.Id("v")).Dot("Convert").Call(jen.Id("t")))).Dot("IsValid").Call()
	members := stringsQ("Join").Call(enumOf(reflectQ("Zero").Call(jen.Id("t"))).Dot("enumMembers").Call(), jen.Lit(", "))
	formatted := jen.Id("ok").Op("&&").Id("t").Dot("Implements").Call(jen.Id("formatValueType"))
	formatOf := reflectQ("ValueOf").Call(jen.Id("v")).Dot("Convert").Call(jen.Id("t")).Dot("Interface").Call().Assert(jen.Id("formatValue"))
	return doc("checkScalar checks a string, boolean or number token against t; a string\nfor an enum type must be one of its members, one for an Edm primitive\nwith a form (DateTimeOffset, ...) must have that form.").
		Func().Id("checkScalar").Params(jen.Id("tok").Add(jsonQ("Token")), jen.Id("t").Add(reflectQ("Type")), jen.Id("path").String()).Op("*").Id("Error").Block(
		jen.Id("ok").Op(":=").False(),
		jen.Switch(jen.Id("v").Op(":=").Id("tok").Assert(jen.Type())).Block(
			jen.Case(jen.String()).Block(
				jen.Id("ok").Op("=").Add(kindIs(jen.Id("t"), "String")).Op("||").Add(kindIs(jen.Id("t"), "Slice")),
				jen.If(invalidEnum).Block(jen.Return(jen.Id("mustBe").Call(jen.Id("path"), jen.Lit("one of: ").Op("+").Add(members)))),
				jen.If(formatted).Block(
					jen.If(jen.Id("f").Op(":=").Add(formatOf), jen.Op("!").Id("f").Dot("IsValid").Call()).Block(
						jen.Return(jen.Id("mustBe").Call(jen.Id("path"), jen.Id("f").Dot("edmForm").Call())),
					),
				),
			),
			jen.Case(jen.Bool()).Block(jen.Id("ok").Op("=").Add(kindIs(jen.Id("t"), "Bool"))),
			jen.Case(jsonQ("Number")).Block(jen.Id("ok").Op("=").Id("numberFits").Call(jen.String().Call(jen.Id("v")), jen.Id("t"))),
		),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Id("mustBe").Call(jen.Id("path"), jen.Id("describeJSONType").Call(jen.Id("t"))))),
		jen.Return(jen.Nil()),
	)
}

func numberFitsFunc() jen.Code {
	parse := func(fn string) *jen.Statement {
		return jen.List(jen.Id("_"), jen.Err()).Op("=").Qual(pkgStrconv, fn).Call(jen.Id("s"), jen.Lit(10), jen.Id("t").Dot("Bits").Call())
	}
	return doc("numberFits reports whether the JSON number s can be stored in a value of\ntype t: an integer in range for integer types, a finite value for floats.").
		Func().Id("numberFits").Params(jen.Id("s").String(), jen.Id("t").Add(reflectQ("Type"))).Bool().Block(
		jen.Var().Err().Error(),
		jen.Switch(jen.Id("t").Dot("Kind").Call()).Block(
			kindCase(intKinds...).Block(parse("ParseInt")),
			kindCase(uintKinds...).Block(parse("ParseUint")),
			kindCase(floatKinds...).Block(
				jen.List(jen.Id("_"), jen.Err()).Op("=").Qual(pkgStrconv, "ParseFloat").Call(jen.Id("s"), jen.Id("t").Dot("Bits").Call()),
			),
			jen.Default().Block(jen.Return(jen.False())),
		),
		jen.Return(jen.Err().Op("==").Nil()),
	)
}
