package runtime

import "github.com/dave/jennifer/jen"

// optionalDecls emits Optional[T], its constructors and methods.
func optionalDecls() []jen.Code {
	return []jen.Code{
		optionalType(), someFunc(), nullFunc(),
		optionalGet(), optionalOr(), optionalIsSet(), optionalIsNull(), optionalIsZero(),
		optionalMarshal(), optionalUnmarshal(), optionalAnyValue(), optionalElemType(),
		optionalValueIface(), optionalValueTypeVar(),
	}
}

// optT is Optional[T].
func optT() *jen.Statement { return jen.Id("Optional").Types(jen.Id("T")) }

// optMethod starts a method of Optional[T] with a value receiver o.
func optMethod(name string) *jen.Statement {
	return jen.Func().Params(jen.Id("o").Add(optT())).Id(name)
}

func optionalType() jen.Code {
	return doc(`Optional is a JSON property that can be absent, null, or hold a value.

The zero Optional is absent. With the "omitzero" option of encoding/json
an absent property is left out of the JSON, a null one is written as null,
and a set one as its value. Use Some and Null to build one, and Get, Or,
IsSet and IsNull to read it.

Optional stores a pointer to its value, so a struct can hold an Optional
of its own type.`).Type().Id("Optional").Types(jen.Id("T").Any()).Struct(
		jen.Id("v").Op("*").Id("T"),
		jen.Id("null").Bool(),
	)
}

func someFunc() jen.Code {
	return doc("Some returns an Optional holding v.").
		Func().Id("Some").Types(jen.Id("T").Any()).Params(jen.Id("v").Id("T")).Add(optT()).Block(
		jen.Return(optT().Values(jen.Id("v").Op(":").Op("&").Id("v"))),
	)
}

func nullFunc() jen.Code {
	return doc("Null returns an Optional that is present in the JSON as null.").
		Func().Id("Null").Types(jen.Id("T").Any()).Params().Add(optT()).Block(
		jen.Return(optT().Values(jen.Id("null").Op(":").True())),
	)
}

func optionalGet() jen.Code {
	return doc("Get returns the value and true when o holds a value; the zero value\nand false when o is absent or null.").
		Add(optMethod("Get")).Params().Params(jen.Id("T"), jen.Bool()).Block(
		jen.If(jen.Id("o").Dot("v").Op("==").Nil()).Block(
			jen.Var().Id("zero").Id("T"),
			jen.Return(jen.Id("zero"), jen.False()),
		),
		jen.Return(jen.Op("*").Id("o").Dot("v"), jen.True()),
	)
}

func optionalOr() jen.Code {
	return doc("Or returns the value of o, or def when o is absent or null.").
		Add(optMethod("Or")).Params(jen.Id("def").Id("T")).Id("T").Block(
		jen.If(jen.Id("o").Dot("v").Op("==").Nil()).Block(jen.Return(jen.Id("def"))),
		jen.Return(jen.Op("*").Id("o").Dot("v")),
	)
}

func optionalIsSet() jen.Code {
	return doc("IsSet reports whether o is present in the JSON, as a value or as null.").
		Add(optMethod("IsSet")).Params().Bool().Block(
		jen.Return(jen.Id("o").Dot("v").Op("!=").Nil().Op("||").Id("o").Dot("null")),
	)
}

func optionalIsNull() jen.Code {
	return doc("IsNull reports whether o is present in the JSON as null.").
		Add(optMethod("IsNull")).Params().Bool().Block(jen.Return(jen.Id("o").Dot("null")))
}

func optionalIsZero() jen.Code {
	return doc("IsZero reports whether o is absent. It makes the \"omitzero\" option of\nencoding/json leave absent properties out.").
		Add(optMethod("IsZero")).Params().Bool().Block(jen.Return(jen.Op("!").Id("o").Dot("IsSet").Call()))
}

func optionalMarshal() jen.Code {
	return doc("MarshalJSON writes the value, or null when o is null or absent. It does\nnot escape HTML characters; json.Marshal escapes them afterwards, a\njson.Encoder with SetEscapeHTML(false) does not.").
		Add(optMethod("MarshalJSON")).Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Id("o").Dot("v").Op("==").Nil()).Block(jen.Return(jen.Index().Byte().Call(jen.Lit("null")), jen.Nil())),
		jen.Var().Id("buf").Qual(pkgBytes, "Buffer"),
		jen.Id("enc").Op(":=").Add(jsonQ("NewEncoder")).Call(jen.Op("&").Id("buf")),
		jen.Id("enc").Dot("SetEscapeHTML").Call(jen.False()),
		jen.If(jen.Err().Op(":=").Id("enc").Dot("Encode").Call(jen.Id("o").Dot("v")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.Return(jen.Qual(pkgBytes, "TrimSuffix").Call(jen.Id("buf").Dot("Bytes").Call(), jen.Index().Byte().Call(jen.Lit("\n"))), jen.Nil()),
	)
}

func optionalUnmarshal() jen.Code {
	return doc("UnmarshalJSON sets o to null for JSON null, and to the decoded value\notherwise.").
		Func().Params(jen.Id("o").Op("*").Add(optT())).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.If(jen.String().Call(jen.Qual(pkgBytes, "TrimSpace").Call(jen.Id("data"))).Op("==").Lit("null")).Block(
			jen.Op("*").Id("o").Op("=").Add(optT()).Values(jen.Id("null").Op(":").True()),
			jen.Return(jen.Nil()),
		),
		jen.Var().Id("v").Id("T"),
		jen.If(jen.Err().Op(":=").Add(jsonQ("Unmarshal")).Call(jen.Id("data"), jen.Op("&").Id("v")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()),
		),
		jen.Op("*").Id("o").Op("=").Add(optT()).Values(jen.Id("v").Op(":").Op("&").Id("v")),
		jen.Return(jen.Nil()),
	)
}

func optionalAnyValue() jen.Code {
	return doc("anyValue returns the value of o as an any, and whether o holds one.").
		Add(optMethod("anyValue")).Params().Params(jen.Any(), jen.Bool()).Block(
		jen.If(jen.Id("o").Dot("v").Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.False())),
		jen.Return(jen.Op("*").Id("o").Dot("v"), jen.True()),
	)
}

func optionalElemType() jen.Code {
	return doc("elemType returns the type of the value of o.").
		Func().Params(optT()).Id("elemType").Params().Add(reflectQ("Type")).Block(
		jen.Return(reflectQ("TypeFor").Types(jen.Id("T")).Call()),
	)
}

func optionalValueIface() jen.Code {
	return doc("optionalValue is implemented by every Optional type; the reflective\nwalkers use it to see through Optionals.").
		Type().Id("optionalValue").Interface(
		jen.Id("anyValue").Params().Params(jen.Any(), jen.Bool()),
		jen.Id("elemType").Params().Add(reflectQ("Type")),
	)
}

func optionalValueTypeVar() jen.Code {
	return doc("optionalValueType is the reflect.Type of optionalValue.").
		Var().Id("optionalValueType").Op("=").Add(reflectQ("TypeFor").Types(jen.Id("optionalValue")).Call())
}
