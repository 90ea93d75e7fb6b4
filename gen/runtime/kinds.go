package runtime

import "github.com/dave/jennifer/jen"

// kindDecls emits AnyOf[K] and the registry of type families it decodes
// with. A family is a documented base type and every type derived from
// it; the generated package declares one interface K per family served
// polymorphically (several pages document one method and path, each for a
// different derived type) and registers its members in an init function.
func kindDecls() []jen.Code {
	return []jen.Code{
		anyOfType(), anyOfMarshal(), anyOfUnmarshal(), anyOfKindValue(),
		kindHolderIface(), kindTableType(), kindTablesVar(), registerKindsFunc(), newKindFunc(),
	}
}

// anyOfK is AnyOf[K].
func anyOfK() *jen.Statement { return jen.Id("AnyOf").Types(jen.Id("K")) }

func anyOfType() jen.Code {
	return doc(`AnyOf holds a value of a type family: a documented base type or any type
derived from it, each a pointer to its struct. K is the family's interface
(for example MobileAppKind), which the pointers to all its members
implement. Decoding picks the member named by the body's @odata.type
annotation, and the base type when the annotation is absent or names no
member; encoding writes the member as it is. Switch on Value's dynamic
type to read a member's own properties.`).
		Type().Id("AnyOf").Types(jen.Id("K").Any()).Struct(jen.Id("Value").Id("K"))
}

func anyOfMarshal() jen.Code {
	return doc("MarshalJSON writes the member Value holds, or null when it holds none.").
		Func().Params(jen.Id("a").Add(anyOfK())).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jsonQ("Marshal").Call(jen.Any().Parens(jen.Id("a").Dot("Value")))),
	)
}

func anyOfUnmarshal() jen.Code {
	return doc("UnmarshalJSON decodes data into the family member its @odata.type names.").
		Func().Params(jen.Id("a").Op("*").Add(anyOfK())).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.If(jen.String().Parens(jen.Qual(pkgBytes, "TrimSpace").Call(jen.Id("data"))).Op("==").Lit("null")).Block(
			jen.Var().Id("zero").Id("K"),
			jen.Id("a").Dot("Value").Op("=").Id("zero"),
			jen.Return(jen.Nil()),
		),
		jen.Var().Id("probe").Struct(jen.Id("Type").String().Tag(map[string]string{"json": "@odata.type"})),
		jen.If(jen.Err().Op(":=").Add(jsonQ("Unmarshal")).Call(jen.Id("data"), jen.Op("&").Id("probe")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()),
		),
		jen.Id("v").Op(":=").Id("newKind").Types(jen.Id("K")).Call(jen.Id("probe").Dot("Type")),
		jen.If(jen.Err().Op(":=").Add(jsonQ("Unmarshal")).Call(jen.Id("data"), jen.Any().Parens(jen.Id("v"))), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()),
		),
		jen.Id("a").Dot("Value").Op("=").Id("v"),
		jen.Return(jen.Nil()),
	)
}

func anyOfKindValue() jen.Code {
	return doc("kindValue returns the member for the validator.").
		Func().Params(jen.Id("a").Add(anyOfK())).Id("kindValue").Params().Any().Block(
		jen.Return(jen.Id("a").Dot("Value")),
	)
}

func kindHolderIface() jen.Code {
	return doc("kindHolder is implemented by AnyOf.").
		Type().Id("kindHolder").Interface(jen.Id("kindValue").Params().Any())
}

func kindTableType() jen.Code {
	return doc("kindTable builds the members of one family: byType by lower-cased\nqualified name, base when no member is named.").
		Type().Id("kindTable").Types(jen.Id("K").Any()).Struct(
		jen.Id("base").Func().Params().Id("K"),
		jen.Id("byType").Map(jen.String()).Func().Params().Id("K"),
	)
}

func kindTablesVar() jen.Code {
	return doc("kindTables holds a kindTable[K] per family interface K. It is filled by\ninit functions and only read afterwards.").
		Var().Id("kindTables").Op("=").Map(reflectQ("Type")).Any().Values()
}

func registerKindsFunc() jen.Code {
	return doc("registerKinds records the members of the family K.").
		Func().Id("registerKinds").Types(jen.Id("K").Any()).Params(
		jen.Id("base").Func().Params().Id("K"), jen.Id("byType").Map(jen.String()).Func().Params().Id("K"),
	).Block(
		jen.Id("kindTables").Index(reflectQ("TypeFor").Types(jen.Id("K")).Call()).Op("=").
			Id("kindTable").Types(jen.Id("K")).Values(jen.Id("base"), jen.Id("byType")),
	)
}

func newKindFunc() jen.Code {
	name := jen.Id("name")
	return doc(`newKind returns a new member of the family K: the one odataType names
("#microsoft.graph.x", "microsoft.graph.x" or "x"), else the base type.`).
		Func().Id("newKind").Types(jen.Id("K").Any()).Params(jen.Id("odataType").String()).Id("K").Block(
		jen.List(jen.Id("t"), jen.Id("_")).Op(":=").Id("kindTables").Index(reflectQ("TypeFor").Types(jen.Id("K")).Call()).Assert(jen.Id("kindTable").Types(jen.Id("K"))),
		jen.Id("name").Op(":=").Add(stringsQ("ToLower")).Call(stringsQ("TrimPrefix").Call(jen.Id("odataType"), jen.Lit("#"))),
		jen.If(jen.List(jen.Id("f"), jen.Id("ok")).Op(":=").Id("t").Dot("byType").Index(name), jen.Id("ok")).Block(jen.Return(jen.Id("f").Call())),
		jen.If(jen.List(jen.Id("f"), jen.Id("ok")).Op(":=").Id("t").Dot("byType").Index(jen.Lit("microsoft.graph.").Op("+").Id("name")), jen.Id("ok")).Block(jen.Return(jen.Id("f").Call())),
		jen.If(jen.Id("t").Dot("base").Op("==").Nil()).Block(
			jen.Var().Id("zero").Id("K"),
			jen.Return(jen.Id("zero")),
		),
		jen.Return(jen.Id("t").Dot("base").Call()),
	)
}
