package runtime

import "github.com/dave/jennifer/jen"

// replyDecls emits handler.reply.
func replyDecls() []jen.Code {
	return []jen.Code{replyFunc()}
}

func replyFunc() jen.Code {
	noBody := jen.Id("status").Op("==").Add(httpQ("StatusNoContent")).Op("||").Id("status").Op("==").Add(httpQ("StatusNotModified")).Op("||").Id("v").Op("==").Nil().
		Op("||").Id("rv").Dot("Kind").Call().Op("==").Add(reflectQ("Pointer")).Op("&&").Id("rv").Dot("IsNil").Call()
	stmts := []jen.Code{
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("h").Dot("fail").Call(jen.Id("w"), jen.Id("r"), jen.Err()), jen.Return()),
		jen.Id("status").Op("=").Id("h").Dot("chosenStatus").Call(jen.Id("r"), jen.Id("status")),
		jen.If(jen.Id("replyCount").Call(jen.Id("w"), jen.Id("r"), jen.Id("status"), jen.Id("v"))).Block(jen.Return()),
		jen.If(jen.Id("rv").Op(":=").Add(reflectQ("ValueOf")).Call(jen.Id("v")), noBody).Block(
			jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
			jen.Return(),
		),
	}
	stmts = append(stmts, newEncoder()...)
	stmts = append(stmts,
		jen.If(jen.Err().Op(":=").Id("enc").Dot("Encode").Call(jen.Id("v")), jen.Err().Op("!=").Nil()).Block(
			jen.Id("h").Dot("logError").Call(jen.Id("r"), fmtQ("Errorf").Call(jen.Lit("encoding the response: %v"), jen.Err())),
			jen.Id("writeError").Call(jen.Id("w"), errorLit("StatusInternalServerError", nil)),
			jen.Return(),
		),
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("w").Dot("Write").Call(jen.Id("buf").Dot("Bytes").Call()),
	)
	return doc("reply writes the result of an operation: the error response for a\nnon-nil err; else, with status or the one the service chose with\nSetStatus, no body for 204, 304 or a nil v, and v as JSON otherwise.").
		Add(method("h", "handler", "reply")).Params(
		writerParam(), reqParam(), jen.Id("status").Int(), jen.Id("v").Any(), jen.Err().Error(),
	).Block(stmts...)
}
