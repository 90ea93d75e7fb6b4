package runtime

import "github.com/dave/jennifer/jen"

// errorWriterDecls emits the writer of error responses.
func errorWriterDecls() []jen.Code {
	return []jen.Code{errorBodyType(), errorDetailType(), writeErrorFunc()}
}

func errorBodyType() jen.Code {
	return doc("errorBody is the JSON body of an error response.").
		Type().Id("errorBody").Struct(
		jen.Id("Error").Id("errorDetail").Tag(map[string]string{"json": "error"}),
	)
}

func errorDetailType() jen.Code {
	return doc("errorDetail is the \"error\" member of an error response.").
		Type().Id("errorDetail").Struct(
		jen.Id("Code").String().Tag(map[string]string{"json": "code"}),
		jen.Id("Message").String().Tag(map[string]string{"json": "message"}),
	)
}

// newEncoder declares buf and enc, a JSON encoder into buf that does not
// escape HTML.
func newEncoder() []jen.Code {
	return []jen.Code{
		jen.Var().Id("buf").Qual(pkgBytes, "Buffer"),
		jen.Id("enc").Op(":=").Add(jsonQ("NewEncoder")).Call(jen.Op("&").Id("buf")),
		jen.Id("enc").Dot("SetEscapeHTML").Call(jen.False()),
	}
}

func writeErrorFunc() jen.Code {
	body := jen.Id("errorBody").Values(jen.Id("Error").Op(":").Id("errorDetail").Values(
		jen.Id("Code").Op(":").Id("code"), jen.Id("Message").Op(":").Id("message"),
	))
	stmts := []jen.Code{jen.List(jen.Id("status"), jen.Id("code"), jen.Id("message")).Op(":=").Id("e").Dot("normalize").Call()}
	stmts = append(stmts, newEncoder()...)
	stmts = append(stmts,
		jen.Id("_").Op("=").Id("enc").Dot("Encode").Call(body),
		jen.Id("h").Op(":=").Id("w").Dot("Header").Call(),
		jen.Id("h").Dot("Del").Call(jen.Lit("Content-Length")),
		jen.Id("h").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
		jen.Id("h").Dot("Set").Call(jen.Lit("X-Content-Type-Options"), jen.Lit("nosniff")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("w").Dot("Write").Call(jen.Id("buf").Dot("Bytes").Call()),
	)
	return doc("writeError writes e as an error response. The body holds only the code\nand message of e.").
		Func().Id("writeError").Params(writerParam(), jen.Id("e").Op("*").Id("Error")).Block(stmts...)
}
