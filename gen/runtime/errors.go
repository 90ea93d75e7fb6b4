package runtime

import "github.com/dave/jennifer/jen"

// errorDecls emits Error, ValidationError and the error codes.
func errorDecls() []jen.Code {
	return []jen.Code{
		errorType(), errorError(), errorNormalize(), errorCodesVar(), errorCodeFunc(),
		notImplementedFunc(), validationErrorType(), validationErrorError(),
	}
}

func errorType() jen.Code {
	return doc(`Error is an error a Service returns to choose the response: the HTTP
Status (400 to 599), the Graph error Code (such as "itemNotFound"), and a
Message for the client. The handler writes it as
{"error":{"code":"...","message":"..."}}. Errors that wrap an *Error are
found with errors.As.

An empty Code is filled in from Status: 400 invalidRequest, 404
itemNotFound, 405 methodNotAllowed, 413 requestTooLarge, 414 uriTooLong,
415 unsupportedMediaType, 500 generalException, 501 notImplemented, and for
other statuses the status text in lowerCamel case (409 "conflict"). An empty
Message is filled in with the status text. A Status outside 400 to 599 is
a bug in the service: the handler logs it and answers 500.`).
		Type().Id("Error").Struct(
		jen.Id("Status").Int(),
		jen.Id("Code").String(),
		jen.Id("Message").String(),
	)
}

func errorError() jen.Code {
	return doc("Error returns the status, code and message of e.").
		Add(method("e", "Error", "Error")).Params().String().Block(
		jen.List(jen.Id("status"), jen.Id("code"), jen.Id("message")).Op(":=").Id("e").Dot("normalize").Call(),
		jen.Return(sprintf("%d %s: %s", jen.Id("status"), jen.Id("code"), jen.Id("message"))),
	)
}

func errorNormalize() jen.Code {
	internal := httpQ("StatusInternalServerError")
	return doc("normalize returns the status, code and message written for e.").
		Add(method("e", "Error", "normalize")).Params().Params(jen.Int(), jen.String(), jen.String()).Block(
		jen.If(jen.Id("e").Dot("Status").Op("<").Lit(400).Op("||").Id("e").Dot("Status").Op(">").Lit(599)).Block(
			jen.Return(internal.Clone(), jen.Id("errorCode").Call(internal.Clone()), httpQ("StatusText").Call(internal.Clone())),
		),
		jen.List(jen.Id("code"), jen.Id("message")).Op(":=").List(jen.Id("e").Dot("Code"), jen.Id("e").Dot("Message")),
		jen.If(jen.Id("code").Op("==").Lit("")).Block(jen.Id("code").Op("=").Id("errorCode").Call(jen.Id("e").Dot("Status"))),
		jen.If(jen.Id("message").Op("==").Lit("")).Block(jen.Id("message").Op("=").Add(httpQ("StatusText")).Call(jen.Id("e").Dot("Status"))),
		jen.If(jen.Id("message").Op("==").Lit("")).Block(
			jen.Id("message").Op("=").Add(sprintf("The request failed with status %d.", jen.Id("e").Dot("Status"))),
		),
		jen.Return(jen.Id("e").Dot("Status"), jen.Id("code"), jen.Id("message")),
	)
}

func errorCodesVar() jen.Code {
	codes := []struct{ status, code string }{
		{"StatusBadRequest", "invalidRequest"},
		{"StatusNotFound", "itemNotFound"},
		{"StatusMethodNotAllowed", "methodNotAllowed"},
		{"StatusRequestEntityTooLarge", "requestTooLarge"},
		{"StatusRequestURITooLong", "uriTooLong"},
		{"StatusUnsupportedMediaType", "unsupportedMediaType"},
		{"StatusInternalServerError", "generalException"},
		{"StatusNotImplemented", "notImplemented"},
	}
	var entries []jen.Code
	for _, c := range codes {
		entries = append(entries, httpQ(c.status).Op(":").Lit(c.code))
	}
	return doc("errorCodes are the Graph error codes of the statuses the handler writes.").
		Var().Id("errorCodes").Op("=").Map(jen.Int()).String().Add(multiValues(entries...))
}

func errorCodeFunc() jen.Code {
	return doc("errorCode returns the error code for an HTTP status: the one in\nerrorCodes, else the status text in lowerCamel case.").
		Func().Id("errorCode").Params(jen.Id("status").Int()).String().Block(
		jen.If(jen.List(jen.Id("code"), jen.Id("ok")).Op(":=").Id("errorCodes").Index(jen.Id("status")), jen.Id("ok")).Block(jen.Return(jen.Id("code"))),
		jen.Id("words").Op(":=").Add(stringsQ("FieldsFunc")).Call(
			stringsQ("ReplaceAll").Call(httpQ("StatusText").Call(jen.Id("status")), jen.Lit("'"), jen.Lit("")),
			jen.Func().Params(jen.Id("r").Rune()).Bool().Block(
				jen.Return(jen.Op("!").Qual(pkgUnicode, "IsLetter").Call(jen.Id("r")).Op("&&").Op("!").Qual(pkgUnicode, "IsDigit").Call(jen.Id("r"))),
			),
		),
		jen.If(jen.Len(jen.Id("words")).Op("==").Lit(0).Op("&&").Id("status").Op("<").Lit(500)).Block(
			jen.Return(jen.Id("errorCodes").Index(httpQ("StatusBadRequest"))),
		),
		jen.If(jen.Len(jen.Id("words")).Op("==").Lit(0)).Block(jen.Return(jen.Id("errorCodes").Index(httpQ("StatusInternalServerError")))),
		jen.Id("code").Op(":=").Add(stringsQ("ToLower")).Call(jen.Id("words").Index(jen.Lit(0))),
		jen.For(jen.List(jen.Id("_"), jen.Id("w")).Op(":=").Range().Id("words").Index(jen.Lit(1).Op(":"))).Block(
			jen.Id("code").Op("+=").Add(stringsQ("ToUpper")).Call(jen.Id("w").Index(jen.Op(":").Lit(1))).Op("+").Id("w").Index(jen.Lit(1).Op(":")),
		),
		jen.Return(jen.Id("code")),
	)
}

func notImplementedFunc() jen.Code {
	return doc("notImplemented returns the 501 error of an operation the Service does\nnot implement.").
		Func().Id("notImplemented").Params(jen.Id("op").String()).Error().Block(
		jen.Return(errorLit("StatusNotImplemented", jen.Lit("The operation ").Op("+").Id("op").Op("+").Lit(" is not implemented."))),
	)
}

func validationErrorType() jen.Code {
	return doc(`ValidationError reports an enum property whose value is not one of the
documented members: Property is the JSON path of the property (such as
"kids[1].address.kind"), Value the value found, Allowed the members. The
Validate methods of the generated types return it.`).
		Type().Id("ValidationError").Struct(
		jen.Id("Property").String(),
		jen.Id("Value").String(),
		jen.Id("Allowed").Index().String(),
	)
}

func validationErrorError() jen.Code {
	return doc("Error names the property, its value and the allowed values.").
		Add(method("e", "ValidationError", "Error")).Params().String().Block(
		jen.Return(sprintf("property %s: value %q is not one of: %s",
			jen.Id("e").Dot("Property"), jen.Id("e").Dot("Value"), stringsQ("Join").Call(jen.Id("e").Dot("Allowed"), jen.Lit(", ")))),
	)
}
