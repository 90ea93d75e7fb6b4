package runtime

import "github.com/dave/jennifer/jen"

// NamedTag is the struct tag key of a field whose documented JSON name a
// json tag cannot hold (encoding/json's isValidTag rejects it: a quote,
// comma, backslash, backtick or a rune that is neither a letter, a digit
// nor allowed punctuation). Such a field is tagged json:"-" and
// graphjson:"<name>", and its struct gets a MarshalJSON and UnmarshalJSON
// that call marshalNamed and unmarshalNamed.
const NamedTag = "graphjson"

// MarshalNamed and UnmarshalNamed are the runtime functions the generated
// MarshalJSON and UnmarshalJSON methods call.
const (
	MarshalNamed   = "marshalNamed"
	UnmarshalNamed = "unmarshalNamed"
)

// namedDecls emits the JSON encoding and decoding of structs with
// graphjson fields.
func namedDecls() []jen.Code {
	return []jen.Code{
		marshalNamedFunc(), omittedFunc(), isZeroValueFunc(), isEmptyValueFunc(), unmarshalNamedFunc(), settableFieldFunc(), jsonTokenKindFunc(), namedStructFunc(),
	}
}

// encodeInto returns "if err := enc.Encode(v); err != nil { return nil, err }"
// followed by dropping the newline Encode writes.
func encodeInto(v jen.Code) []jen.Code {
	return []jen.Code{
		jen.If(jen.Err().Op(":=").Id("enc").Dot("Encode").Call(v), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("buf").Dot("Truncate").Call(jen.Id("buf").Dot("Len").Call().Op("-").Lit(1)),
	}
}

func marshalNamedFunc() jen.Code {
	loop := []jen.Code{
		jen.List(jen.Id("fv"), jen.Err()).Op(":=").Id("v").Dot("FieldByIndexErr").Call(jen.Id("f").Dot("index")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Op("!").Id("fv").Dot("CanInterface").Call().Op("||").Id("f").Dot("omitted").Call(jen.Id("fv"))).Block(
			jen.Continue(),
		),
		jen.If(jen.Id("buf").Dot("Len").Call().Op(">").Lit(1)).Block(jen.Id("buf").Dot("WriteByte").Call(jen.LitRune(','))),
	}
	loop = append(loop, encodeInto(jen.Id("f").Dot("name"))...)
	loop = append(loop, jen.Id("buf").Dot("WriteByte").Call(jen.LitRune(':')))
	loop = append(loop, encodeInto(jen.Id("fv").Dot("Interface").Call())...)
	return doc(`marshalNamed encodes the struct x as encoding/json does, the members
named by graphjson tags included: the fields of jsonFieldsOf in order,
with the omitzero and omitempty options (a graphjson field is omitzero).
HTML characters are not escaped; json.Marshal escapes them afterwards, a
json.Encoder with SetEscapeHTML(false) does not.`).
		Func().Id(MarshalNamed).Params(jen.Id("x").Any()).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("v").Op(":=").Add(reflectQ("ValueOf")).Call(jen.Id("x")),
		jen.Var().Id("buf").Qual(pkgBytes, "Buffer"),
		jen.Id("enc").Op(":=").Add(jsonQ("NewEncoder")).Call(jen.Op("&").Id("buf")),
		jen.Id("enc").Dot("SetEscapeHTML").Call(jen.False()),
		jen.Id("buf").Dot("WriteByte").Call(jen.LitRune('{')),
		jen.For(jen.List(jen.Id("_"), jen.Id("f")).Op(":=").Range().Id("jsonFieldsOf").Call(jen.Id("v").Dot("Type").Call()).Dot("fields")).Block(loop...),
		jen.Id("buf").Dot("WriteByte").Call(jen.LitRune('}')),
		jen.Return(jen.Id("buf").Dot("Bytes").Call(), jen.Nil()),
	)
}

func omittedFunc() jen.Code {
	return doc("omitted reports whether encoding/json leaves the value fv of f out.").
		Func().Params(jen.Id("f").Id("jsonField")).Id("omitted").Params(jen.Id("fv").Add(reflectQ("Value"))).Bool().Block(
		jen.Return(jen.Id("f").Dot("omitZero").Op("&&").Id("isZeroValue").Call(jen.Id("fv")).Op("||").
			Id("f").Dot("omitEmpty").Op("&&").Id("isEmptyValue").Call(jen.Id("fv"))),
	)
}

func isZeroValueFunc() jen.Code {
	fv := jen.Id("fv")
	return doc("isZeroValue is the test of the omitzero option: the IsZero method of the\nvalue when it has one, else the zero value of its type.").
		Func().Id("isZeroValue").Params(jen.Id("fv").Add(reflectQ("Value"))).Bool().Block(
		jen.If(kindIs(fv, "Pointer").Op("&&").Id("fv").Dot("IsNil").Call()).Block(jen.Return(jen.True())),
		jen.If(
			jen.List(jen.Id("z"), jen.Id("ok")).Op(":=").Id("fv").Dot("Interface").Call().Assert(jen.Interface(jen.Id("IsZero").Params().Bool())),
			jen.Id("ok"),
		).Block(jen.Return(jen.Id("z").Dot("IsZero").Call())),
		jen.Return(jen.Id("fv").Dot("IsZero").Call()),
	)
}

func isEmptyValueFunc() jen.Code {
	return doc("isEmptyValue is the test of the omitempty option.").
		Func().Id("isEmptyValue").Params(jen.Id("fv").Add(reflectQ("Value"))).Bool().Block(
		jen.Switch(jen.Id("fv").Dot("Kind").Call()).Block(
			jen.Case(reflectQ("Array"), reflectQ("Map"), reflectQ("Slice"), reflectQ("String")).Block(
				jen.Return(jen.Id("fv").Dot("Len").Call().Op("==").Lit(0)),
			),
			jen.Case(reflectQ("Struct")).Block(jen.Return(jen.False())),
		),
		jen.Return(jen.Id("fv").Dot("IsZero").Call()),
	)
}

func unmarshalNamedFunc() jen.Code {
	loop := []jen.Code{
		jen.List(jen.Id("tok"), jen.Err()).Op(":=").Id("dec").Dot("Token").Call(),
		ifErrReturn(jen.Err()),
		jen.List(jen.Id("key"), jen.Id("_")).Op(":=").Id("tok").Assert(jen.String()),
		jen.Var().Id("dst").Any().Op("=").New(jsonQ("RawMessage")),
		jen.If(jen.List(jen.Id("f"), jen.Id("ok")).Op(":=").Id("fields").Dot("field").Call(jen.Id("key")), jen.Id("ok")).Block(
			jen.If(jen.List(jen.Id("fv"), jen.Id("ok")).Op(":=").Id("settableField").Call(jen.Id("v"), jen.Id("f").Dot("index")), jen.Id("ok")).Block(
				jen.Id("dst").Op("=").Id("fv").Dot("Addr").Call().Dot("Interface").Call(),
			),
		),
		jen.If(jen.Err().Op(":=").Id("dec").Dot("Decode").Call(jen.Id("dst")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	}
	return doc(`unmarshalNamed decodes the JSON object data into the struct x points to
as encoding/json does, the members named by graphjson tags included: a
member goes to the field of the same name (exactly, else ignoring case),
other members are skipped, and null leaves x unchanged.`).
		Func().Id(UnmarshalNamed).Params(jen.Id("data").Index().Byte(), jen.Id("x").Any()).Error().Block(
		jen.Id("v").Op(":=").Add(reflectQ("ValueOf")).Call(jen.Id("x")).Dot("Elem").Call(),
		jen.Id("dec").Op(":=").Add(jsonQ("NewDecoder")).Call(jen.Qual(pkgBytes, "NewReader").Call(jen.Id("data"))),
		jen.List(jen.Id("tok"), jen.Err()).Op(":=").Id("dec").Dot("Token").Call(),
		jen.Switch().Block(
			jen.Case(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Case(jen.Id("tok").Op("==").Nil()).Block(jen.Return(jen.Nil())),
			jen.Case(jen.Id("tok").Op("!=").Add(jsonQ("Delim")).Call(jen.LitRune('{'))).Block(
				jen.Return(jen.Op("&").Add(jsonQ("UnmarshalTypeError")).Values(
					jen.Id("Value").Op(":").Id("jsonTokenKind").Call(jen.Id("tok")),
					jen.Id("Type").Op(":").Id("v").Dot("Type").Call(),
					jen.Id("Offset").Op(":").Id("dec").Dot("InputOffset").Call(),
				)),
			),
		),
		jen.Id("fields").Op(":=").Id("jsonFieldsOf").Call(jen.Id("v").Dot("Type").Call()),
		jen.For(jen.Id("dec").Dot("More").Call()).Block(loop...),
		jen.List(jen.Id("_"), jen.Err()).Op("=").Id("dec").Dot("Token").Call(),
		jen.Return(jen.Err()),
	)
}

func settableFieldFunc() jen.Code {
	v := jen.Id("v")
	return doc("settableField returns the field of v at index, allocating nil embedded\npointers on the way as encoding/json does, and whether it can be set.").
		Func().Id("settableField").Params(jen.Id("v").Add(reflectQ("Value")), jen.Id("index").Index().Int()).Params(reflectQ("Value"), jen.Bool()).Block(
		jen.For(jen.List(jen.Id("i"), jen.Id("x")).Op(":=").Range().Id("index")).Block(
			jen.If(jen.Id("i").Op(">").Lit(0).Op("&&").Add(kindIs(v, "Pointer"))).Block(
				jen.If(jen.Id("v").Dot("IsNil").Call()).Block(
					jen.If(jen.Op("!").Id("v").Dot("CanSet").Call()).Block(jen.Return(jen.Id("v"), jen.False())),
					jen.Id("v").Dot("Set").Call(reflectQ("New").Call(jen.Id("v").Dot("Type").Call().Dot("Elem").Call())),
				),
				jen.Id("v").Op("=").Id("v").Dot("Elem").Call(),
			),
			jen.Id("v").Op("=").Id("v").Dot("Field").Call(jen.Id("x")),
		),
		jen.Return(jen.Id("v"), jen.Id("v").Dot("CanSet").Call()),
	)
}

func jsonTokenKindFunc() jen.Code {
	return doc("jsonTokenKind names the kind of JSON value that starts with tok, as\njson.UnmarshalTypeError does.").
		Func().Id("jsonTokenKind").Params(jen.Id("tok").Add(jsonQ("Token"))).String().Block(
		jen.Switch(jen.Id("tok").Assert(jen.Type())).Block(
			jen.Case(jsonQ("Delim")).Block(jen.Return(jen.Lit("array"))),
			jen.Case(jen.String()).Block(jen.Return(jen.Lit("string"))),
			jen.Case(jen.Bool()).Block(jen.Return(jen.Lit("bool"))),
		),
		jen.Return(jen.Lit("number")),
	)
}

func namedStructFunc() jen.Code {
	return doc("namedStruct reports whether t is a struct with graphjson fields: its\nMarshalJSON and UnmarshalJSON follow jsonFieldsOf, so the body checker\nwalks it like any struct.").
		Func().Id("namedStruct").Params(jen.Id("t").Add(reflectQ("Type"))).Bool().Block(
		jen.Return(kindIs(jen.Id("t"), "Struct").Op("&&").Id("jsonFieldsOf").Call(jen.Id("t")).Dot("named")),
	)
}
