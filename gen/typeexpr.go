package gen

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// typeExpr is a Go type of the generated code, as data: a named type
// (predeclared, declared in the package, or qualified by an import path)
// with its type arguments, or a slice of or pointer to another type. The
// files get it as jennifer code; the API summary gets its text directly,
// without rendering and formatting a statement for each type.
type typeExpr struct {
	op   string    // "[]" or "*": a slice of, or pointer to, elem
	elem *typeExpr // with op
	path string    // import path of a qualified name
	name string
	args []*typeExpr // type arguments of name
}

// named is the type called name, instantiated with args if any.
func named(name string, args ...*typeExpr) *typeExpr {
	return &typeExpr{name: name, args: args}
}

// qualified is the type name of the package at import path.
func qualified(path, name string) *typeExpr { return &typeExpr{path: path, name: name} }

// sliceOf is []elem.
func sliceOf(elem *typeExpr) *typeExpr { return &typeExpr{op: "[]", elem: elem} }

// pointerTo is *elem.
func pointerTo(elem *typeExpr) *typeExpr { return &typeExpr{op: "*", elem: elem} }

// code is t as jennifer code.
func (t *typeExpr) code() *jen.Statement {
	switch t.op {
	case "[]":
		return jen.Index().Add(t.elem.code())
	case "*":
		return jen.Op("*").Add(t.elem.code())
	}
	s := jen.Id(t.name)
	if t.path != "" {
		s = jen.Qual(t.path, t.name)
	}
	if len(t.args) > 0 {
		args := make([]jen.Code, len(t.args))
		for i, a := range t.args {
			args[i] = a.code()
		}
		s.Types(args...)
	}
	return s
}

// String is t as gofmt prints it. A qualified name is written with the
// last element of its import path, the name jennifer gives the standard
// packages the generated code imports (encoding/json, context, net/http).
func (t *typeExpr) String() string {
	var b strings.Builder
	t.write(&b)
	return b.String()
}

func (t *typeExpr) write(b *strings.Builder) {
	if t.op != "" {
		b.WriteString(t.op)
		t.elem.write(b)
		return
	}
	if t.path != "" {
		b.WriteString(t.path[strings.LastIndexByte(t.path, '/')+1:])
		b.WriteByte('.')
	}
	b.WriteString(t.name)
	for i, a := range t.args {
		if i == 0 {
			b.WriteByte('[')
		} else {
			b.WriteString(", ")
		}
		a.write(b)
	}
	if len(t.args) > 0 {
		b.WriteByte(']')
	}
}
