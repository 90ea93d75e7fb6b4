package runtime

import "github.com/dave/jennifer/jen"

// validateDecls emits validateStruct, the enum check behind the generated
// Validate methods.
func validateDecls() []jen.Code {
	return []jen.Code{maxValidateDepthConst(), validateStructFunc(), enumValidatorType(), validatorKeyType()}
}

func maxValidateDepthConst() jen.Code {
	return doc("maxValidateDepth bounds the recursion of validateStruct.").
		Const().Id("maxValidateDepth").Op("=").Lit(1000)
}

func validateStructFunc() jen.Code {
	return doc(`validateStruct checks every enum value reachable from x (through
Optionals, pointers, slices, maps and struct fields) and returns a
*ValidationError for the first one that is not a documented member, in
field order; nil when all are valid. Shared and cyclic values are walked
once.`).
		Func().Id("validateStruct").Params(jen.Id("x").Any()).Error().Block(
		jen.Id("v").Op(":=").Op("&").Id("enumValidator").Values(jen.Id("seen").Op(":").Map(jen.Id("validatorKey")).Bool().Values()),
		ifNotNil(jen.Id("v").Dot("check").Call(reflectQ("ValueOf").Call(jen.Id("x")), jen.Lit(""), jen.Lit(0))),
		jen.Return(jen.Nil()),
	)
}

func enumValidatorType() jen.Code {
	return doc("enumValidator walks a value looking for invalid enum values.").
		Type().Id("enumValidator").Struct(jen.Id("seen").Map(jen.Id("validatorKey")).Bool())
}

func validatorKeyType() jen.Code {
	return doc("validatorKey identifies a pointer, slice or map already walked.").
		Type().Id("validatorKey").Struct(
		jen.Id("ptr").Uintptr(),
		jen.Id("typ").Add(reflectQ("Type")),
		jen.Id("len").Int(),
	)
}
