package gen

import (
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/route"
)

// routeCase is a request built from one documented request line.
type routeCase struct {
	method, path, op string
	body             bool
}

// routeCases builds one request per emitted request line of o, with each
// placeholder filled in, and keeps those the handler routes back to o
// (the generator's router model says which; the generated test proves it).
func (p *plan) routeCases(o *opPlan) []routeCase {
	var out []routeCase
	for ri, r := range o.op.Routes {
		if slices.Contains(o.dropped, ri) {
			continue
		}
		var sb strings.Builder
		n := 0
		for _, tok := range route.Split(r.Pattern) {
			if tok.Param == "" {
				sb.WriteString(tok.Literal)
				continue
			}
			n++
			sb.WriteString("v" + string(rune('0'+n%10)))
			if tok.Multi {
				sb.WriteString("/sub")
			}
		}
		path := sb.String()
		// The handler routes "f()" as "f" (route.WithoutEmptyCalls).
		ref, _ := p.router.match(o.op.Method, route.WithoutEmptyCalls(path))
		if ref == nil || ref.op != o {
			other := "no route"
			if ref != nil {
				other = ref.op.op.GoName + " (" + ref.op.op.Routes[ref.index].Source.String() + ")"
			}
			p.warnAt(r.Source, diag.RouteShadowed, "a request for "+o.op.Method+" "+path+" goes to "+other+", not "+o.op.GoName)
			continue
		}
		out = append(out, routeCase{method: o.op.Method, path: path, op: o.op.GoName, body: o.bodyType != "" || o.op.RequestType != nil})
	}
	return out
}
