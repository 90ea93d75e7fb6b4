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

// genType emits one struct with its JSON and Validate methods, which
// hand the work to the runtime's codec.
func (e *emitter) genType(f *jen.File, t *schema.Type) {
	what := t.GoName + " is the " + t.QualifiedName() + " type"
	if t.Open {
		what = t.GoName + " is the " + t.QualifiedName() + " open type"
	}
	f.Line()
	f.Add(comment(what+", documented in "+e.plan.rel(t.Source.File)+".", t.Description))
	var fields []jen.Code
	base := e.plan.base(t)
	if base != nil {
		fields = append(fields, comment(base.GoName+" holds the properties inherited from "+base.QualifiedName()+"."), jen.Id(base.GoName), jen.Line())
	}
	if base == nil && !hasProp(t.Properties, "@odata.type") {
		fields = append(fields, comment("ODataType is the @odata.type instance annotation."),
			jen.Id("ODataType").Id(runtime.Optional).Types(jen.String()).Tag(map[string]string{"json": "@odata.type,omitzero"}), jen.Line())
	}
	fields = append(fields, e.fields(t.Source.File, t.Properties)...)
	if base == nil {
		fields = append(fields, jen.Line(), comment("ODataAnnotations holds the instance annotations but @odata.type."),
			jen.Id("ODataAnnotations").Id(runtime.Annotations).Tag(map[string]string{"json": "-", runtime.NamedTag: runtime.AnnotationsTag}))
	}
	if t.Open && !e.plan.openBase(t) {
		fields = append(fields, jen.Line(), comment("AdditionalData holds the properties the docs do not declare: "+t.QualifiedName()+" is an open type."),
			jen.Id("AdditionalData").Map(jen.String()).Add(rawMessage.code()).Tag(map[string]string{"json": "-", runtime.NamedTag: runtime.AdditionalTag}))
	}
	f.Type().Id(t.GoName).Struct(fields...)
	e.genMethods(f, t.GoName)
	e.genValues(f, t.GoName, t.Properties)
}

// fields renders property fields: Optional so that absent, null and zero
// are told apart; the JSON name is exactly the documented one. page is the
// page of the type: a property read elsewhere says where.
func (e *emitter) fields(page string, props []*schema.Property) []jen.Code {
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
			comment(e.fieldDoc(page, p)...),
			jen.Id(p.GoName).Id(runtime.Optional).Types(e.goType(p.Type).code()).Tag(tag),
		)
	}
	return out
}

// fieldDoc is a field's doc comment: the documented description (else the
// property's OData type), and where it was read when not in page. An
// inferred property's description, written by the parser, already says
// what it was inferred from and on which page.
func (e *emitter) fieldDoc(page string, p *schema.Property) []string {
	desc := strings.TrimSpace(p.Description)
	says := p.Inferred && desc != ""
	if desc == "" {
		desc = p.Name + ": " + p.Type.String() + "."
	}
	if p.Source.File != page && !says {
		return []string{desc, "Documented in " + e.plan.rel(p.Source.File) + "."}
	}
	return []string{desc}
}

// genMethods emits the methods every struct has: MarshalJSON and
// UnmarshalJSON, which encoding/json calls and which read and write the
// Optional fields, and Validate.
func (e *emitter) genMethods(f *jen.File, goName string) {
	f.Line()
	f.Comment("MarshalJSON implements json.Marshaler.")
	noInline(f)
	f.Func().Params(jen.Id("x").Id(goName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(e.rt(runtime.MarshalStruct).Call(jen.Op("&").Id("x"))),
	)
	f.Line()
	f.Comment("UnmarshalJSON implements json.Unmarshaler.")
	f.Func().Params(jen.Id("x").Op("*").Id(goName)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(e.rt(runtime.UnmarshalStruct).Call(jen.Id("data"), jen.Id("x"))),
	)
	f.Line()
	f.Comment("Validate reports the first enum value in x that is not a documented member.")
	f.Func().Params(jen.Id("x").Op("*").Id(goName)).Id("Validate").Params().Error().Block(
		jen.Return(e.rt(runtime.ValidateStruct).Call(jen.Id("x"))),
	)
}

// noInline ends a doc comment with the directive that keeps the method
// that follows out of its callers. On a value-receiver method (MarshalJSON,
// IsValid) it keeps the pointer-receiver wrapper the compiler writes for
// every such method a plain call instead of a copy of the body: 50 MB less
// peak memory to compile the beta package (go build, /usr/bin/time).
func noInline(f *jen.File) {
	f.Comment("//")
	f.Comment("//go:noinline")
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

// genKind emits a family's interface and the marker method that the base
// type (and through embedding every derived type) implements it with. The
// family's members are a row of the tables file.
func (e *emitter) genKind(f *jen.File, k *kind) {
	base := k.base.GoName
	f.Line()
	f.Comment(fmt.Sprintf("%s is implemented by *%s and by every type derived from %s, which", k.iface, base, k.base.QualifiedName()))
	f.Comment(fmt.Sprintf("embeds it. AnyOf[%s] decodes the one a body's @odata.type names.", k.iface))
	f.Type().Id(k.iface).Interface(jen.Id(k.marker).Params().Op("*").Id(base))
	f.Line()
	f.Func().Params(jen.Id("x").Op("*").Id(base)).Id(k.marker).Params().Op("*").Id(base).Block(jen.Return(jen.Id("x")))
}
