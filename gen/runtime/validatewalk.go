package runtime

import "github.com/dave/jennifer/jen"

// validateWalkDecls emits the walk of enumValidator.
func validateWalkDecls() []jen.Code {
	return []jen.Code{checkFunc(), visitFunc(), elementsFunc(), mapValuesFunc(), fieldsFunc()}
}

// walkParams are the parameters (v reflect.Value, path string, depth int).
func walkParams() []jen.Code {
	return []jen.Code{jen.Id("v").Add(reflectQ("Value")), jen.Id("path").String(), jen.Id("depth").Int()}
}

// validatorMethod starts a method of enumValidator that walks v.
func validatorMethod(name string) *jen.Statement {
	return method("c", "enumValidator", name).Params(walkParams()...).Op("*").Id("ValidationError")
}

// checkDeeper returns c.check(v, path, depth+1).
func checkDeeper(v, path jen.Code) *jen.Statement {
	return jen.Id("c").Dot("check").Call(v, path, jen.Id("depth").Op("+").Lit(1))
}

func checkFunc() jen.Code {
	walk := func(fn string) *jen.Statement {
		return jen.Return(jen.Id("c").Dot(fn).Call(jen.Id("v"), jen.Id("path"), jen.Id("depth")))
	}
	return doc("check returns the first invalid enum value in v, which is at path.").
		Add(validatorMethod("check")).Block(
		jen.If(jen.Op("!").Id("v").Dot("IsValid").Call().Op("||").Op("!").Id("v").Dot("CanInterface").Call().Op("||").Id("depth").Op(">").Id("maxValidateDepth")).Block(
			jen.Return(jen.Nil()),
		),
		jen.Id("t").Op(":=").Id("v").Dot("Type").Call(),
		jen.Switch().Block(checkTypeCases()...),
		jen.Switch(jen.Id("v").Dot("Kind").Call()).Block(
			kindCase("Pointer", "Interface").Block(
				jen.If(jen.Id("v").Dot("IsNil").Call().Op("||").Op("!").Id("c").Dot("visit").Call(jen.Id("v"))).Block(jen.Return(jen.Nil())),
				jen.Return(checkDeeper(jen.Id("v").Dot("Elem").Call(), jen.Id("path"))),
			),
			kindCase("Slice", "Array").Block(walk("elements")),
			kindCase("Map").Block(walk("mapValues")),
			kindCase("Struct").Block(walk("fields")),
		),
		jen.Return(jen.Nil()),
	)
}

// checkTypeCases are the cases of check for Optionals and enum values.
func checkTypeCases() []jen.Code {
	enum := jen.Id("v").Dot("Interface").Call().Assert(jen.Id("enumValue"))
	invalid := jen.Op("&").Id("ValidationError").Values(
		jen.Id("Property").Op(":").Id("path"),
		jen.Id("Value").Op(":").Id("v").Dot("String").Call(),
		jen.Id("Allowed").Op(":").Qual(pkgSlices, "Clone").Call(jen.Id("e").Dot("enumMembers").Call()),
	)
	return []jen.Code{
		jen.Case(jen.Id("t").Dot("Implements").Call(jen.Id("optionalValueType"))).Block(
			jen.List(jen.Id("inner"), jen.Id("ok")).Op(":=").Id("v").Dot("Interface").Call().Assert(jen.Id("optionalValue")).Dot("anyValue").Call(),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil())),
			jen.Return(checkDeeper(reflectQ("ValueOf").Call(jen.Id("inner")), jen.Id("path"))),
		),
		jen.Case(jen.Id("t").Dot("Implements").Call(reflectQ("TypeFor").Types(jen.Id("kindHolder")).Call())).Block(
			jen.Return(checkDeeper(reflectQ("ValueOf").Call(jen.Id("v").Dot("Interface").Call().Assert(jen.Id("kindHolder")).Dot("kindValue").Call()), jen.Id("path"))),
		),
		jen.Case(kindIs(jen.Id("t"), "String").Op("&&").Id("t").Dot("Implements").Call(jen.Id("enumValueType"))).Block(
			jen.If(jen.Id("e").Op(":=").Add(enum), jen.Op("!").Id("e").Dot("IsValid").Call()).Block(jen.Return(invalid)),
			jen.Return(jen.Nil()),
		),
	}
}

func visitFunc() jen.Code {
	return doc("visit reports whether the pointer, slice or map v is walked for the\nfirst time.").
		Add(method("c", "enumValidator", "visit")).Params(jen.Id("v").Add(reflectQ("Value"))).Bool().Block(
		jen.If(kindIs(jen.Id("v"), "Interface")).Block(jen.Return(jen.True())),
		jen.Id("k").Op(":=").Id("validatorKey").Values(
			jen.Id("ptr").Op(":").Id("v").Dot("Pointer").Call(), jen.Id("typ").Op(":").Id("v").Dot("Type").Call(),
		),
		jen.If(kindIs(jen.Id("v"), "Slice")).Block(jen.Id("k").Dot("len").Op("=").Id("v").Dot("Len").Call()),
		jen.If(jen.Id("c").Dot("seen").Index(jen.Id("k"))).Block(jen.Return(jen.False())),
		jen.Id("c").Dot("seen").Index(jen.Id("k")).Op("=").True(),
		jen.Return(jen.True()),
	)
}

func elementsFunc() jen.Code {
	return doc("elements checks the elements of a slice or array.").
		Add(validatorMethod("elements")).Block(
		jen.If(kindIs(jen.Id("v"), "Slice").Op("&&").Parens(jen.Id("v").Dot("IsNil").Call().Op("||").Op("!").Id("c").Dot("visit").Call(jen.Id("v")))).Block(
			jen.Return(jen.Nil()),
		),
		jen.For(jen.Id("i").Op(":=").Range().Id("v").Dot("Len").Call()).Block(
			ifNotNil(checkDeeper(jen.Id("v").Dot("Index").Call(jen.Id("i")), sprintf("%s[%d]", jen.Id("path"), jen.Id("i")))),
		),
		jen.Return(jen.Nil()),
	)
}

func mapValuesFunc() jen.Code {
	return doc("mapValues checks the values of a map, in key order.").
		Add(validatorMethod("mapValues")).Block(
		jen.If(jen.Id("v").Dot("IsNil").Call().Op("||").Op("!").Id("c").Dot("visit").Call(jen.Id("v"))).Block(jen.Return(jen.Nil())),
		jen.Id("keys").Op(":=").Id("v").Dot("MapKeys").Call(),
		jen.Qual(pkgSlices, "SortFunc").Call(jen.Id("keys"), jen.Func().Params(jen.List(jen.Id("a"), jen.Id("b")).Add(reflectQ("Value"))).Int().Block(
			jen.Return(stringsQ("Compare").Call(fmtQ("Sprint").Call(jen.Id("a")), fmtQ("Sprint").Call(jen.Id("b")))),
		)),
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("keys")).Block(
			ifNotNil(checkDeeper(jen.Id("v").Dot("MapIndex").Call(jen.Id("k")), jen.Id("joinPath").Call(jen.Id("path"), fmtQ("Sprint").Call(jen.Id("k"))))),
		),
		jen.Return(jen.Nil()),
	)
}

func fieldsFunc() jen.Code {
	return doc("fields checks the JSON fields of a struct.").
		Add(validatorMethod("fields")).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("f")).Op(":=").Range().Id("jsonFieldsOf").Call(jen.Id("v").Dot("Type").Call()).Dot("fields")).Block(
			jen.List(jen.Id("fv"), jen.Err()).Op(":=").Id("v").Dot("FieldByIndexErr").Call(jen.Id("f").Dot("index")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Continue()),
			ifNotNil(checkDeeper(jen.Id("fv"), jen.Id("joinPath").Call(jen.Id("path"), jen.Id("f").Dot("name")))),
		),
		jen.Return(jen.Nil()),
	)
}
