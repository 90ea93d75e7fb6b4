package gen

import (
	"fmt"
	"slices"

	"github.com/dave/jennifer/jen"
	"github.com/graphdocgen/graphdocgen/gen/names"
	"github.com/graphdocgen/graphdocgen/gen/runtime"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// genEnum emits a string enum type, a constant per member, the list of
// members (a row of the enum table), and IsValid.
func (e *emitter) genEnum(f *jen.File, en *schema.Enum) {
	f.Line()
	f.Add(comment(fmt.Sprintf("%s is the %s enumeration, documented in %s.", en.GoName, en.QualifiedName(), e.plan.rel(en.Source.File)), en.Description))
	f.Type().Id(en.GoName).String()
	var defs []jen.Code
	future := slices.Index(en.Members, unknownFutureValue)
	for i, m := range en.Members {
		if future >= 0 && i == future+1 {
			defs = append(defs, jen.Line(), jen.Comment("Evolvable members, documented after unknownFutureValue: the handler answers them as"),
				jen.Comment("unknownFutureValue, and rejects them in a request, unless the request has"),
				jen.Comment("Prefer: include-unknown-enum-members."))
		}
		defs = append(defs, jen.Id(en.GoMembers[i]).Id(en.GoName).Op("=").Lit(m))
	}
	f.Line()
	f.Comment(fmt.Sprintf("Members of %s, in documented order.", en.GoName))
	f.Const().Defs(defs...)
	list := e.plan.members[en]
	lits := make([]jen.Code, len(en.Members))
	for i, m := range en.Members {
		lits[i] = jen.Lit(m)
	}
	f.Line()
	f.Var().Id(list).Op("=").Index().String().Values(lits...)
	f.Line()
	if en.Flags {
		f.Comment("IsValid reports whether e is one or more documented members joined by commas (" + en.GoName + " is a flags enum).")
		noInline(f)
		f.Func().Params(jen.Id("e").Id(en.GoName)).Id("IsValid").Params().Bool().Block(
			jen.Return(e.rt(runtime.IsFlags).Call(jen.Id(list), jen.String().Call(jen.Id("e")))),
		)
		return
	}
	f.Comment("IsValid reports whether e is a documented member.")
	noInline(f)
	f.Func().Params(jen.Id("e").Id(en.GoName)).Id("IsValid").Params().Bool().Block(
		jen.Return(e.rt(runtime.IsMember).Call(jen.Id(list), jen.String().Call(jen.Id("e")))),
	)
}

// unknownFutureValue is the sentinel member of Graph's evolvable enums.
const unknownFutureValue = "unknownFutureValue"

// exportedValue is the Go suffix for a documented value.
func exportedValue(v string) string { return names.Exported(v) }
