package gen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/graphdocgen/graphdocgen/gen/runtime"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// edmGo maps Edm primitives to Go types. Named string types keep the
// documented text byte for byte (dates, durations, base64).
var edmGo = map[string]*typeExpr{
	schema.EdmString:  named("string"),
	schema.EdmGuid:    named("string"),
	schema.EdmStream:  named("string"),
	schema.EdmBoolean: named("bool"),
	schema.EdmInt16:   named("int16"),
	schema.EdmInt32:   named("int32"),
	schema.EdmInt64:   named("int64"),
	schema.EdmByte:    named("uint8"),
	schema.EdmSByte:   named("int8"),
	// Edm.Single is float64 too: documented values carry more digits than
	// a float32 holds, and they must round-trip.
	schema.EdmSingle:         named("float64"),
	schema.EdmDouble:         named("float64"),
	schema.EdmDecimal:        named("float64"),
	schema.EdmDateTimeOffset: named("DateTimeOffset"),
	schema.EdmDate:           named("Date"),
	schema.EdmTimeOfDay:      named("TimeOfDay"),
	schema.EdmDuration:       named("Duration"),
	schema.EdmBinary:         named("Binary"),
	schema.EdmUntyped:        rawMessage,
}

// rawMessage is the Go type of untyped and unknown values.
var rawMessage = qualified("encoding/json", "RawMessage")

// goType is the Go type of a TypeRef (without Optional).
func (e *emitter) goType(r schema.TypeRef) *typeExpr {
	elem := e.elemType(r.Name)
	if r.Collection {
		return sliceOf(elem)
	}
	return elem
}

func (e *emitter) elemType(name string) *typeExpr {
	if t, ok := edmGo[name]; ok {
		return t
	}
	t, en := schema.LookupNamed(name, e.plan.types, e.plan.enums)
	if t != nil {
		return named(t.GoName)
	}
	if en != nil {
		return named(en.GoName)
	}
	return rawMessage
}

// genType emits one struct with its Validate method.
func (e *emitter) genType(f *jen.File, t *schema.Type) {
	what := t.GoName + " is the " + t.QualifiedName() + " type."
	if t.Open {
		what = t.GoName + " is the " + t.QualifiedName() + " open type."
	}
	f.Line()
	f.Add(comment(what, t.Description, "Documented at "+t.Source.String()+"."))
	var fields []jen.Code
	if b := e.plan.base(t); b != nil {
		fields = append(fields, comment(b.GoName+" holds the properties inherited from "+b.QualifiedName()+"."), jen.Id(b.GoName), jen.Line())
	}
	if e.plan.base(t) == nil && !hasProp(t.Properties, "@odata.type") {
		fields = append(fields, comment("ODataType is the @odata.type instance annotation."),
			jen.Id("ODataType").Id("Optional").Types(jen.String()).Tag(map[string]string{"json": "@odata.type,omitzero"}), jen.Line())
	}
	fields = append(fields, e.fields(t.Properties)...)
	f.Type().Id(t.GoName).Struct(fields...)
	e.genValidate(f, t.GoName)
	if e.plan.namedJSON(t) {
		e.genNamedJSON(f, t.GoName)
	}
	e.genValues(f, t.GoName, t.Properties)
}

// fields renders property fields: Optional so that absent, null and zero
// are told apart; the JSON name is exactly the documented one.
func (e *emitter) fields(props []*schema.Property) []jen.Code {
	var out []jen.Code
	for _, p := range props {
		if len(out) > 0 {
			out = append(out, jen.Line())
		}
		tag := map[string]string{"json": p.Name + ",omitzero"}
		if tagless(p.Name) {
			tag = map[string]string{"json": "-", runtime.NamedTag: p.Name}
		}
		out = append(out,
			comment(p.GoName+" is "+p.Name+" ("+p.Type.String()+").", p.Description, "Documented at "+p.Source.String()+"."),
			jen.Id(p.GoName).Id("Optional").Types(e.goType(p.Type).code()).Tag(tag),
		)
	}
	return out
}

// genNamedJSON emits the MarshalJSON and UnmarshalJSON of a struct with
// fields tagged graphjson (see tagless), which read and write those
// members under their documented names.
func (e *emitter) genNamedJSON(f *jen.File, goName string) {
	f.Line()
	f.Comment("MarshalJSON encodes x as encoding/json does, with the members whose")
	f.Comment("documented names a json tag cannot hold (the graphjson tags).")
	f.Func().Params(jen.Id("x").Id(goName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id(runtime.MarshalNamed).Call(jen.Id("x"))),
	)
	f.Line()
	f.Comment("UnmarshalJSON decodes data into x as encoding/json does, with the")
	f.Comment("members whose documented names a json tag cannot hold (the graphjson tags).")
	f.Func().Params(jen.Id("x").Op("*").Id(goName)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id(runtime.UnmarshalNamed).Call(jen.Id("data"), jen.Id("x"))),
	)
}

func (e *emitter) genValidate(f *jen.File, goName string) {
	f.Line()
	f.Comment("Validate checks every enum-typed value of x, nested values included, and")
	f.Comment("names the first offending property and the allowed values.")
	f.Func().Params(jen.Id("x").Op("*").Id(goName)).Id("Validate").Params().Error().Block(
		jen.Return(jen.Id("validateStruct").Call(jen.Id("x"))),
	)
}

// genValues emits the documented values of string properties that are
// not enums, as constants (the handler does not enforce them).
func (e *emitter) genValues(f *jen.File, owner string, props []*schema.Property) {
	for _, p := range props {
		if len(p.Values) == 0 {
			continue
		}
		var defs []jen.Code
		for i, v := range p.Values {
			defs = append(defs, jen.Id(e.plan.values[valuesOf{owner, p}][i]).Op("=").Lit(v))
		}
		f.Line()
		f.Comment("Documented values of " + owner + "." + p.GoName + "; other strings are accepted too.")
		f.Const().Defs(defs...)
	}
}

func hasProp(props []*schema.Property, name string) bool {
	for _, p := range props {
		if p.Name == name {
			return true
		}
	}
	return false
}

// genKind emits a family's interface, the marker method that the base
// type (and through embedding every derived type) implements it with, and
// the registration of its members for AnyOf.
func (e *emitter) genKind(f *jen.File, k *kind) {
	base := k.base.GoName
	f.Line()
	f.Comment(fmt.Sprintf("%s is implemented by *%s and by every type derived from %s, which", k.iface, base, k.base.QualifiedName()))
	f.Comment(fmt.Sprintf("embeds it. AnyOf[%s] decodes the one a body's @odata.type names.", k.iface))
	f.Type().Id(k.iface).Interface(jen.Id(k.marker).Params().Op("*").Id(base))
	f.Line()
	f.Func().Params(jen.Id("x").Op("*").Id(base)).Id(k.marker).Params().Op("*").Id(base).Block(jen.Return(jen.Id("x")))
	ctor := func(t *schema.Type) jen.Code {
		return jen.Func().Params().Id(k.iface).Block(jen.Return(jen.New(jen.Id(t.GoName))))
	}
	members := jen.Dict{}
	for _, t := range append([]*schema.Type{k.base}, k.members...) {
		members[jen.Lit(strings.ToLower(t.QualifiedName()))] = ctor(t)
	}
	f.Line()
	f.Func().Id("init").Params().Block(
		jen.Id("registerKinds").Call(ctor(k.base), jen.Map(jen.String()).Func().Params().Id(k.iface).Values(members)),
	)
}
