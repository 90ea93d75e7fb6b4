package runtime

import "github.com/dave/jennifer/jen"

// checkerWalkDecls emits the checks of JSON objects and arrays.
func checkerWalkDecls() []jen.Code {
	return []jen.Code{objectFunc(), membersFunc(), arrayFunc(), skipValueFunc(), skipFunc(), enterFunc(), leaveFunc()}
}

// fieldLookup is the type func(key string) (reflect.Type, bool).
func fieldLookup() *jen.Statement {
	return jen.Func().Params(jen.Id("key").String()).Params(reflectQ("Type"), jen.Bool())
}

// tokParams are the parameters (tok json.Token, t reflect.Type, path string).
func tokParams() []jen.Code {
	return []jen.Code{jen.Id("tok").Add(jsonQ("Token")), jen.Id("t").Add(reflectQ("Type")), jen.Id("path").String()}
}

// enterOrReturn returns "if e := c.enter(); e != nil { return e }".
func enterOrReturn() *jen.Statement {
	return ifNotNil(jen.Id("c").Dot("enter").Call())
}

func objectFunc() jen.Code {
	return doc(`object checks the members of a JSON object against the struct type t.
Members named like a field (exactly, else ignoring case, as encoding/json
matches them) are checked against the field; other members are accepted
when t is an open type or the name holds "@" (an instance annotation).`).
		Add(method("c", "bodyChecker", "object")).Params(tokParams()...).Op("*").Id("Error").Block(
		jen.Id("fields").Op(":=").Id("jsonFieldsOf").Call(jen.Id("t")),
		jen.Return(jen.Id("c").Dot("members").Call(jen.Id("tok"), jen.Id("path"), fieldLookup().Block(
			jen.If(jen.List(jen.Id("f"), jen.Id("ok")).Op(":=").Id("fields").Dot("field").Call(jen.Id("key")), jen.Id("ok")).Block(
				jen.Return(jen.Id("f").Dot("typ"), jen.True()),
			),
			jen.Return(jen.Nil(), jen.Id("fields").Dot("open").Op("||").Add(stringsQ("Contains")).Call(jen.Id("key"), jen.Lit("@"))),
		))),
	)
}

func membersFunc() jen.Code {
	return doc("members checks a JSON object that starts with tok. field returns the type\nof the member named key; a nil type with true accepts any value, false\nmeans the member is not defined.").
		Add(method("c", "bodyChecker", "members")).Params(
		jen.Id("tok").Add(jsonQ("Token")), jen.Id("path").String(), jen.Id("field").Add(fieldLookup()),
	).Op("*").Id("Error").Block(
		jen.If(jen.Id("tok").Op("!=").Add(jsonQ("Delim")).Call(jen.LitRune('{'))).Block(
			jen.Return(jen.Id("mustBe").Call(jen.Id("path"), jen.Lit("an object"))),
		),
		enterOrReturn(),
		jen.For(jen.Id("c").Dot("dec").Dot("More").Call()).Block(memberLoop()...),
		jen.Return(jen.Id("c").Dot("leave").Call()),
	)
}

// memberLoop is the body of the loop of members over the object members.
func memberLoop() []jen.Code {
	return []jen.Code{
		jen.List(jen.Id("tok"), jen.Err()).Op(":=").Id("c").Dot("dec").Dot("Token").Call(),
		jen.List(jen.Id("key"), jen.Id("ok")).Op(":=").Id("tok").Assert(jen.String()),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Op("!").Id("ok")).Block(jen.Return(jen.Id("errInvalidJSON"))),
		jen.List(jen.Id("t"), jen.Id("ok")).Op(":=").Id("field").Call(jen.Id("key")),
		jen.Var().Id("e").Op("*").Id("Error"),
		jen.Switch().Block(
			jen.Case(jen.Op("!").Id("ok")).Block(
				jen.Id("e").Op("=").Id("badRequest").Call(jen.Lit("Property '").Op("+").Id("joinPath").Call(jen.Id("path"), jen.Id("key")).Op("+").Lit("' is not defined.")),
			),
			jen.Case(jen.Id("t").Op("==").Nil()).Block(jen.Id("e").Op("=").Id("c").Dot("skipValue").Call()),
			jen.Default().Block(jen.Id("e").Op("=").Id("c").Dot("value").Call(jen.Id("t"), jen.Id("joinPath").Call(jen.Id("path"), jen.Id("key")))),
		),
		jen.If(jen.Id("e").Op("!=").Nil()).Block(jen.Return(jen.Id("e"))),
	}
}

func arrayFunc() jen.Code {
	return doc("array checks the elements of a JSON array against the slice or array\ntype t.").
		Add(method("c", "bodyChecker", "array")).Params(tokParams()...).Op("*").Id("Error").Block(
		jen.If(jen.Id("tok").Op("!=").Add(jsonQ("Delim")).Call(jen.LitRune('['))).Block(
			jen.Return(jen.Id("mustBe").Call(jen.Id("path"), jen.Lit("an array"))),
		),
		enterOrReturn(),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("c").Dot("dec").Dot("More").Call(), jen.Id("i").Op("++")).Block(
			ifNotNil(jen.Id("c").Dot("value").Call(jen.Id("t").Dot("Elem").Call(), sprintf("%s[%d]", jen.Id("path"), jen.Id("i")))),
		),
		jen.Return(jen.Id("c").Dot("leave").Call()),
	)
}

func skipValueFunc() jen.Code {
	return doc("skipValue skips the next JSON value.").
		Add(method("c", "bodyChecker", "skipValue")).Params().Op("*").Id("Error").Block(
		jen.List(jen.Id("tok"), jen.Err()).Op(":=").Id("c").Dot("dec").Dot("Token").Call(),
		ifErrReturn(jen.Id("errInvalidJSON")),
		jen.Return(jen.Id("c").Dot("skip").Call(jen.Id("tok"))),
	)
}

func skipFunc() jen.Code {
	return doc("skip skips the rest of a JSON value that starts with tok, counting its\ndepth.").
		Add(method("c", "bodyChecker", "skip")).Params(jen.Id("tok").Add(jsonQ("Token"))).Op("*").Id("Error").Block(
		jen.If(
			jen.List(jen.Id("d"), jen.Id("ok")).Op(":=").Id("tok").Assert(jsonQ("Delim")),
			jen.Op("!").Id("ok").Op("||").Id("d").Op("==").LitRune('}').Op("||").Id("d").Op("==").LitRune(']'),
		).Block(jen.Return(jen.Nil())),
		enterOrReturn(),
		jen.For(jen.Id("c").Dot("dec").Dot("More").Call()).Block(ifNotNil(jen.Id("c").Dot("skipValue").Call())),
		jen.Return(jen.Id("c").Dot("leave").Call()),
	)
}

func enterFunc() jen.Code {
	return doc("enter counts an opened array or object.").
		Add(method("c", "bodyChecker", "enter")).Params().Op("*").Id("Error").Block(
		jen.Id("c").Dot("depth").Op("++"),
		jen.If(jen.Id("c").Dot("depth").Op(">").Id("maxJSONDepth")).Block(
			jen.Return(jen.Id("badRequest").Call(sprintf("The request body is nested more than %d levels deep.", jen.Id("maxJSONDepth")))),
		),
		jen.Return(jen.Nil()),
	)
}

func leaveFunc() jen.Code {
	return doc("leave reads the end of an array or object.").
		Add(method("c", "bodyChecker", "leave")).Params().Op("*").Id("Error").Block(
		jen.Id("c").Dot("depth").Op("--"),
		jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("c").Dot("dec").Dot("Token").Call(), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("errInvalidJSON")),
		),
		jen.Return(jen.Nil()),
	)
}
