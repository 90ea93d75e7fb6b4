package gen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestTypeExprText checks that the text of a type and of a Service method
// signature is what gofmt prints for their jennifer code.
func TestTypeExprText(t *testing.T) {
	for _, te := range []*typeExpr{
		named("string"), rawMessage, sliceOf(rawMessage), named("Optional", sliceOf(named("User"))),
		pointerTo(named("CollectionResponse", named("AnyOf", named("UserKind")))), sliceOf(named("AnyOf", named("K"))),
		named("valueBody", named("ValueResponse", edmGo[schema.EdmInt64])), named("Pair", named("A"), sliceOf(named("B"))),
	} {
		if got, want := te.String(), fmt.Sprintf("%#v", te.code()); got != want {
			t.Errorf("text %q, gofmt %q", got, want)
		}
	}
	p := newPlan(apiSchema())
	e := &emitter{plan: p}
	ops := append([]*opPlan(nil), p.ops...)
	for _, r := range []*schema.TypeRef{nil, {Name: schema.EdmString, Collection: true}, {Name: "microsoft.graph.user"}, {Name: "x.unknown"}} {
		ops = append(ops, &opPlan{op: &schema.Operation{ResponseType: r}, reqType: "XRequest"})
	}
	for _, o := range ops {
		want := strings.TrimPrefix(fmt.Sprintf("%#v", jen.Func().Id("F").Add(e.signature(o))), "func F")
		if got := e.signatureText(o); got != want {
			t.Errorf("signature text %q, gofmt %q", got, want)
		}
	}
}
