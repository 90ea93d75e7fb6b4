package runtime

import "github.com/dave/jennifer/jen"

// fieldDecls emits the JSON view of struct types shared by the body checker
// and validateStruct.
func fieldDecls() []jen.Code {
	return []jen.Code{
		jsonFieldType(), structFieldsType(), structFieldsCacheVar(), jsonFieldsOfFunc(), fieldFunc(),
		newStructFieldsFunc(), hasIndexPrefixFunc(), toJSONFieldFunc(), validTagNameFunc(), dominantFieldFunc(),
	}
}

func jsonFieldType() jen.Code {
	return doc("jsonField is a struct field as encoding/json sees it, or a field named\nby a graphjson tag (named), which marshalNamed and unmarshalNamed read\nand write.").
		Type().Id("jsonField").Struct(
		jen.Id("name").String(),
		jen.Id("index").Index().Int(),
		jen.Id("typ").Add(reflectQ("Type")),
		jen.List(jen.Id("tagged"), jen.Id("named"), jen.Id("omitZero"), jen.Id("omitEmpty")).Bool(),
	)
}

func structFieldsType() jen.Code {
	return doc("structFields lists the JSON fields of a struct type in field order, and\nwhether it is an open type and has graphjson fields (named).").
		Type().Id("structFields").Struct(
		jen.Id("fields").Index().Id("jsonField"),
		jen.Id("byName").Map(jen.String()).Int(),
		jen.List(jen.Id("open"), jen.Id("named")).Bool(),
	)
}

func structFieldsCacheVar() jen.Code {
	return doc("structFieldsCache maps a struct reflect.Type to its *structFields.").
		Var().Id("structFieldsCache").Qual(pkgSync, "Map")
}

func jsonFieldsOfFunc() jen.Code {
	return doc("jsonFieldsOf returns the JSON fields of the struct type t.").
		Func().Id("jsonFieldsOf").Params(jen.Id("t").Add(reflectQ("Type"))).Op("*").Id("structFields").Block(
		jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("structFieldsCache").Dot("Load").Call(jen.Id("t")), jen.Id("ok")).Block(
			jen.Return(jen.Id("v").Assert(jen.Op("*").Id("structFields"))),
		),
		jen.List(jen.Id("v"), jen.Id("_")).Op(":=").Id("structFieldsCache").Dot("LoadOrStore").Call(jen.Id("t"), jen.Id("newStructFields").Call(jen.Id("t"))),
		jen.Return(jen.Id("v").Assert(jen.Op("*").Id("structFields"))),
	)
}

func fieldFunc() jen.Code {
	return doc("field returns the field for a JSON member name: the exact match, else the\nfirst one equal under case folding, as encoding/json does.").
		Add(method("s", "structFields", "field")).Params(jen.Id("key").String()).Params(jen.Id("jsonField"), jen.Bool()).Block(
		jen.If(jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Id("s").Dot("byName").Index(jen.Id("key")), jen.Id("ok")).Block(
			jen.Return(jen.Id("s").Dot("fields").Index(jen.Id("i")), jen.True()),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("f")).Op(":=").Range().Id("s").Dot("fields")).Block(
			jen.If(stringsQ("EqualFold").Call(jen.Id("f").Dot("name"), jen.Id("key"))).Block(jen.Return(jen.Id("f"), jen.True())),
		),
		jen.Return(jen.Id("jsonField").Values(), jen.False()),
	)
}

func newStructFieldsFunc() jen.Code {
	return doc(`newStructFields collects the JSON fields of t with the rules of
encoding/json: exported fields named by their json tag or Go name, fields
promoted from embedded structs without a tag, and for each name the
shallowest field, or the tagged one among equals; none when ambiguous.`).
		Func().Id("newStructFields").Params(jen.Id("t").Add(reflectQ("Type"))).Op("*").Id("structFields").Block(
		jen.Id("s").Op(":=").Op("&").Id("structFields").Values(
			jen.Id("byName").Op(":").Map(jen.String()).Int().Values(),
			jen.Id("open").Op(":").Add(reflectQ("PointerTo")).Call(jen.Id("t")).Dot("Implements").Call(jen.Id("openTypeType")),
		),
		jen.Var().Id("order").Index().String(),
		jen.Id("byName").Op(":=").Map(jen.String()).Index().Id("jsonField").Values(),
		jen.Var().Id("hidden").Index().Index().Int(),
		jen.For(jen.List(jen.Id("_"), jen.Id("sf")).Op(":=").Range().Add(reflectQ("VisibleFields")).Call(jen.Id("t"))).Block(visibleFieldLoop()...),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("order")).Block(
			jen.If(jen.List(jen.Id("f"), jen.Id("ok")).Op(":=").Id("dominantField").Call(jen.Id("byName").Index(jen.Id("name"))), jen.Id("ok")).Block(
				jen.Id("s").Dot("byName").Index(jen.Id("name")).Op("=").Len(jen.Id("s").Dot("fields")),
				jen.Id("s").Dot("fields").Op("=").Append(jen.Id("s").Dot("fields"), jen.Id("f")),
				jen.Id("s").Dot("named").Op("=").Id("s").Dot("named").Op("||").Id("f").Dot("named"),
			),
		),
		jen.Return(jen.Id("s")),
	)
}

// visibleFieldLoop is the body of the loop of newStructFields over the
// visible fields.
func visibleFieldLoop() []jen.Code {
	inHidden := jen.Qual(pkgSlices, "ContainsFunc").Call(jen.Id("hidden"), jen.Func().Params(jen.Id("p").Index().Int()).Bool().Block(
		jen.Return(jen.Id("hasIndexPrefix").Call(jen.Id("sf").Dot("Index"), jen.Id("p"))),
	))
	return []jen.Code{
		jen.If(inHidden).Block(jen.Continue()),
		jen.List(jen.Id("f"), jen.Id("ok"), jen.Id("promote")).Op(":=").Id("toJSONField").Call(jen.Id("sf")),
		jen.If(jen.Id("sf").Dot("Anonymous").Op("&&").Op("!").Id("promote")).Block(
			jen.Id("hidden").Op("=").Append(jen.Id("hidden"), jen.Id("sf").Dot("Index")),
		),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Continue()),
		jen.If(jen.Id("byName").Index(jen.Id("f").Dot("name")).Op("==").Nil()).Block(
			jen.Id("order").Op("=").Append(jen.Id("order"), jen.Id("f").Dot("name")),
		),
		jen.Id("byName").Index(jen.Id("f").Dot("name")).Op("=").Append(jen.Id("byName").Index(jen.Id("f").Dot("name")), jen.Id("f")),
	}
}

func hasIndexPrefixFunc() jen.Code {
	return doc("hasIndexPrefix reports whether the field at index lies inside the field\nat prefix.").
		Func().Id("hasIndexPrefix").Params(jen.List(jen.Id("index"), jen.Id("prefix")).Index().Int()).Bool().Block(
		jen.Return(jen.Len(jen.Id("index")).Op(">").Len(jen.Id("prefix")).Op("&&").
			Add(jen.Qual(pkgSlices, "Equal")).Call(jen.Id("index").Index(jen.Op(":").Len(jen.Id("prefix"))), jen.Id("prefix"))),
	)
}

func toJSONFieldFunc() jen.Code {
	opt := func(name string) *jen.Statement {
		return jen.Qual(pkgSlices, "Contains").Call(jen.Id("opts"), jen.Lit(name))
	}
	return doc(`toJSONField returns the JSON field for sf and true; promote is true for
an embedded struct whose fields are promoted instead. A graphjson tag
names the field whatever its json tag says, and makes it omitzero.`).
		Func().Id("toJSONField").Params(jen.Id("sf").Add(reflectQ("StructField"))).Params(
		jen.Id("f").Id("jsonField"), jen.List(jen.Id("ok"), jen.Id("promote")).Bool(),
	).Block(
		jen.Id("tag").Op(":=").Id("sf").Dot("Tag").Dot("Get").Call(jen.Lit("json")),
		jen.List(jen.Id("named"), jen.Id("isNamed")).Op(":=").Id("sf").Dot("Tag").Dot("Lookup").Call(jen.Lit(NamedTag)),
		jen.Id("opts").Op(":=").Add(stringsQ("Split")).Call(jen.Id("tag"), jen.Lit(",")),
		jen.Id("name").Op(":=").Id("opts").Index(jen.Lit(0)),
		jen.If(jen.Op("!").Id("validTagName").Call(jen.Id("name"))).Block(jen.Id("name").Op("=").Lit("")),
		jen.Id("ft").Op(":=").Id("sf").Dot("Type"),
		jen.If(kindIs(jen.Id("ft"), "Pointer")).Block(jen.Id("ft").Op("=").Id("ft").Dot("Elem").Call()),
		jen.Switch().Block(
			jen.Case(jen.Id("tag").Op("==").Lit("-").Op("&&").Op("!").Id("isNamed")).Block(jen.Return(jen.Id("f"), jen.False(), jen.False())),
			jen.Case(jen.Id("sf").Dot("Anonymous").Op("&&").Id("name").Op("==").Lit("").Op("&&").Op("!").Id("isNamed").Op("&&").Add(kindIs(jen.Id("ft"), "Struct"))).Block(
				jen.Return(jen.Id("f"), jen.False(), jen.True()),
			),
			jen.Case(jen.Op("!").Id("sf").Dot("IsExported").Call().Op("&&").Parens(
				jen.Op("!").Id("sf").Dot("Anonymous").Op("||").Id("ft").Dot("Kind").Call().Op("!=").Add(reflectQ("Struct")))).Block(
				jen.Return(jen.Id("f"), jen.False(), jen.False()),
			),
		),
		jen.Id("f").Op("=").Id("jsonField").Values(
			jen.Id("name").Op(":").Id("name"), jen.Id("index").Op(":").Id("sf").Dot("Index"),
			jen.Id("typ").Op(":").Id("sf").Dot("Type"), jen.Id("tagged").Op(":").Id("name").Op("!=").Lit("").Op("||").Id("isNamed"),
			jen.Id("named").Op(":").Id("isNamed"), jen.Id("omitZero").Op(":").Id("isNamed").Op("||").Add(opt("omitzero")),
			jen.Id("omitEmpty").Op(":").Add(opt("omitempty")),
		),
		jen.Switch().Block(
			jen.Case(jen.Id("isNamed")).Block(jen.Id("f").Dot("name").Op("=").Id("named")),
			jen.Case(jen.Id("name").Op("==").Lit("")).Block(jen.Id("f").Dot("name").Op("=").Id("sf").Dot("Name")),
		),
		jen.Return(jen.Id("f"), jen.True(), jen.False()),
	)
}

func dominantFieldFunc() jen.Code {
	depth := func(f string) *jen.Statement { return jen.Len(jen.Id(f).Dot("index")) }
	return doc("dominantField picks the field encoding/json uses among fields with the\nsame name: the shallowest, preferring a tagged one; none when ambiguous.").
		Func().Id("dominantField").Params(jen.Id("fields").Index().Id("jsonField")).Params(jen.Id("jsonField"), jen.Bool()).Block(
		jen.Qual(pkgSlices, "SortStableFunc").Call(jen.Id("fields"), jen.Func().Params(jen.List(jen.Id("a"), jen.Id("b")).Id("jsonField")).Int().Block(
			jen.If(depth("a").Op("!=").Add(depth("b"))).Block(jen.Return(depth("a").Op("-").Add(depth("b")))),
			jen.If(jen.Id("a").Dot("tagged").Op("!=").Id("b").Dot("tagged").Op("&&").Id("a").Dot("tagged")).Block(jen.Return(jen.Lit(-1))),
			jen.If(jen.Id("a").Dot("tagged").Op("!=").Id("b").Dot("tagged")).Block(jen.Return(jen.Lit(1))),
			jen.Return(jen.Lit(0)),
		)),
		jen.If(jen.Len(jen.Id("fields")).Op(">").Lit(1).Op("&&").
			Len(jen.Id("fields").Index(jen.Lit(0)).Dot("index")).Op("==").Len(jen.Id("fields").Index(jen.Lit(1)).Dot("index")).Op("&&").
			Id("fields").Index(jen.Lit(0)).Dot("tagged").Op("==").Id("fields").Index(jen.Lit(1)).Dot("tagged")).Block(
			jen.Return(jen.Id("jsonField").Values(), jen.False()),
		),
		jen.Return(jen.Id("fields").Index(jen.Lit(0)), jen.True()),
	)
}
