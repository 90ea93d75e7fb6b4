package gen

import (
	"fmt"

	"github.com/dave/jennifer/jen"
	"github.com/graphdocgen/graphdocgen/gen/names"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// genEnum emits a string enum type, a constant per member, and the
// validity check the handler and Validate use.
func (e *emitter) genEnum(f *jen.File, en *schema.Enum) {
	f.Line()
	f.Add(comment(fmt.Sprintf("%s is the %s enumeration.", en.GoName, en.QualifiedName()), en.Description, "Documented at "+en.Source.String()+"."))
	f.Type().Id(en.GoName).String()
	var defs []jen.Code
	for i, m := range en.Members {
		defs = append(defs, jen.Id(en.GoMembers[i]).Id(en.GoName).Op("=").Lit(m))
	}
	f.Line()
	f.Comment(fmt.Sprintf("Members of %s, in documented order.", en.GoName))
	f.Const().Defs(defs...)
	list := membersVar(en)
	lits := make([]jen.Code, len(en.Members))
	for i, m := range en.Members {
		lits[i] = jen.Lit(m)
	}
	f.Line()
	f.Var().Id(list).Op("=").Index().String().Values(lits...)
	f.Line()
	f.Comment(fmt.Sprintf("IsValid reports whether e is a documented member of %s.", en.GoName))
	f.Func().Params(jen.Id("e").Id(en.GoName)).Id("IsValid").Params().Bool().Block(
		jen.Return(jen.Qual("slices", "Contains").Call(jen.Id(list), jen.String().Call(jen.Id("e")))),
	)
	f.Line()
	f.Func().Params(jen.Id(en.GoName)).Id("enumMembers").Params().Index().String().Block(jen.Return(jen.Id(list)))
}

// membersVar is the unexported variable listing an enum's members.
func membersVar(en *schema.Enum) string { return names.Unexported(en.GoName) + "Members" }

// exportedValue is the Go suffix for a documented value.
func exportedValue(v string) string { return names.Exported(v) }
