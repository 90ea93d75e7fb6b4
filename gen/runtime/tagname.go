package runtime

import "github.com/dave/jennifer/jen"

// validTagNameFunc emits validTagName, encoding/json's rule for the name in
// a json struct tag. A name it rejects (a quote, backslash, apostrophe,
// backtick, or a rune that is neither a letter, a digit nor allowed
// punctuation) is ignored by encoding/json, which then uses the field's Go
// name; the body checker must do the same to agree with it.
func validTagNameFunc() jen.Code {
	return doc("validTagName reports whether encoding/json accepts name as the name in a\njson struct tag; it uses the Go field name for a name it does not accept.").
		Func().Id("validTagName").Params(jen.Id("name").String()).Bool().Block(
		jen.If(jen.Id("name").Op("==").Lit("")).Block(jen.Return(jen.False())),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("name")).Block(
			jen.Switch().Block(
				jen.Case(stringsQ("ContainsRune").Call(jen.Lit("!#$%&()*+-./:;<=>?@[]^_{|}~ "), jen.Id("c"))),
				jen.Case(
					jen.Op("!").Qual(pkgUnicode, "IsLetter").Call(jen.Id("c")).Op("&&").Op("!").Qual(pkgUnicode, "IsDigit").Call(jen.Id("c")),
				).Block(jen.Return(jen.False())),
			),
		),
		jen.Return(jen.True()),
	)
}
