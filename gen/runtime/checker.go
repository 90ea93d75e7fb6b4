package runtime

import "github.com/dave/jennifer/jen"

// checkerDecls emits the request body checker type and its entry point.
func checkerDecls() []jen.Code {
	return []jen.Code{
		bodyCheckerType(), enumValueIface(), openTypeIface(), reflectTypeVars(),
		unwrapJSONTypeFunc(), checkerValue(),
	}
}

func bodyCheckerType() jen.Code {
	return doc("bodyChecker walks the tokens of a request body alongside a Go type.").
		Type().Id("bodyChecker").Struct(
		jen.Id("dec").Op("*").Add(jsonQ("Decoder")),
		jen.Id("depth").Int(),
	)
}

func enumValueIface() jen.Code {
	return doc("enumValue is implemented by the generated enum types.").
		Type().Id("enumValue").Interface(
		jen.Id("IsValid").Params().Bool(),
		jen.Id("enumMembers").Params().Index().String(),
	)
}

func openTypeIface() jen.Code {
	return doc("openType is implemented by pointers to the generated open types, which\naccept properties they do not declare.").
		Type().Id("openType").Interface(jen.Id("graphOpenType").Params())
}

func reflectTypeVars() jen.Code {
	typeFor := func(name string, t jen.Code) jen.Code {
		return jen.Id(name).Op("=").Add(reflectQ("TypeFor")).Types(t).Call()
	}
	return doc("The reflect.Types the body checker looks for.").
		Var().Defs(
		typeFor("enumValueType", jen.Id("enumValue")),
		typeFor("formatValueType", jen.Id("formatValue")),
		typeFor("openTypeType", jen.Id("openType")),
		typeFor("rawMessageType", jsonQ("RawMessage")),
		typeFor("unmarshalerType", jsonQ("Unmarshaler")),
	)
}

// kindIs returns t.Kind() == reflect.<kind>.
func kindIs(t jen.Code, kind string) *jen.Statement {
	return jen.Add(t).Dot("Kind").Call().Op("==").Add(reflectQ(kind))
}

func unwrapJSONTypeFunc() jen.Code {
	t := jen.Id("t")
	return doc("unwrapJSONType strips pointers and Optionals from t, and reports whether\nJSON null is accepted for t.").
		Func().Id("unwrapJSONType").Params(jen.Id("t").Add(reflectQ("Type"))).Params(reflectQ("Type"), jen.Bool()).Block(
		jen.Id("nullable").Op(":=").False(),
		jen.For().Block(jen.Switch().Block(
			jen.Case(kindIs(t, "Pointer")).Block(
				jen.List(jen.Id("t"), jen.Id("nullable")).Op("=").List(jen.Id("t").Dot("Elem").Call(), jen.True()),
			),
			jen.Case(jen.Id("t").Dot("Implements").Call(jen.Id("optionalValueType"))).Block(
				jen.List(jen.Id("t"), jen.Id("nullable")).Op("=").List(
					reflectQ("Zero").Call(jen.Id("t")).Dot("Interface").Call().Assert(jen.Id("optionalValue")).Dot("elemType").Call(), jen.True()),
			),
			jen.Default().Block(
				jen.Id("k").Op(":=").Id("t").Dot("Kind").Call(),
				jen.Return(jen.Id("t"), jen.Id("nullable").Op("||").Id("k").Op("==").Add(reflectQ("Slice")).
					Op("||").Id("k").Op("==").Add(reflectQ("Map")).Op("||").Id("k").Op("==").Add(reflectQ("Interface"))),
			),
		)),
	)
}

func checkerValue() jen.Code {
	t := jen.Id("t")
	anyValue := jen.Id("t").Op("==").Id("rawMessageType").Op("||").Add(kindIs(t, "Interface")).
		Op("||").Add(reflectQ("PointerTo")).Call(jen.Id("t")).Dot("Implements").Call(jen.Id("unmarshalerType")).
		Op("&&").Op("!").Id("namedStruct").Call(jen.Id("t"))
	array := kindIs(t, "Array").Op("||").Add(kindIs(t, "Slice")).Op("&&").Id("t").Dot("Elem").Call().Dot("Kind").Call().Op("!=").Add(reflectQ("Uint8"))
	mapElem := jen.Func().Params(jen.String()).Params(reflectQ("Type"), jen.Bool()).Block(jen.Return(jen.Id("t").Dot("Elem").Call(), jen.True()))
	return doc("value checks the next JSON value against t. path names the property, \"\"\nfor the whole body.").
		Add(method("c", "bodyChecker", "value")).Params(jen.Id("t").Add(reflectQ("Type")), jen.Id("path").String()).Op("*").Id("Error").Block(
		jen.List(jen.Id("tok"), jen.Err()).Op(":=").Id("c").Dot("dec").Dot("Token").Call(),
		ifErrReturn(jen.Id("errInvalidJSON")),
		jen.List(jen.Id("t"), jen.Id("nullable")).Op(":=").Id("unwrapJSONType").Call(jen.Id("t")),
		jen.Switch().Block(
			jen.Case(jen.Id("tok").Op("==").Nil().Op("&&").Id("nullable")).Block(jen.Return(jen.Nil())),
			jen.Case(jen.Id("tok").Op("==").Nil()).Block(jen.Return(jen.Id("mustBe").Call(jen.Id("path"), jen.Id("describeJSONType").Call(jen.Id("t"))))),
			jen.Case(anyValue).Block(jen.Return(jen.Id("c").Dot("skip").Call(jen.Id("tok")))),
			jen.Case(kindIs(t, "Struct")).Block(jen.Return(jen.Id("c").Dot("object").Call(jen.Id("tok"), jen.Id("t"), jen.Id("path")))),
			jen.Case(kindIs(t, "Map")).Block(jen.Return(jen.Id("c").Dot("members").Call(jen.Id("tok"), jen.Id("path"), mapElem))),
			jen.Case(array).Block(jen.Return(jen.Id("c").Dot("array").Call(jen.Id("tok"), jen.Id("t"), jen.Id("path")))),
		),
		jen.Return(jen.Id("checkScalar").Call(jen.Id("tok"), jen.Id("t"), jen.Id("path"))),
	)
}
