package parser

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/route"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// checkOthers checks each example against the types of every other
// operation that documents one of its operation's routes (same method,
// same route.Key) with other request, parameter or response types, and
// records the result in Example.Others: when that operation keeps the
// route, the handler decodes and answers the example with its types. The
// checks are quiet; only the example's own check reports.
func (r *resolver) checkOthers(ops []*opDraft) {
	byKey := map[string][]*opDraft{}
	keys := func(d *opDraft) []string {
		var out []string
		for _, rt := range d.op.Routes {
			k := d.op.Method + " " + route.Key(rt.Pattern)
			if !contains(out, k) {
				out = append(out, k)
			}
		}
		return out
	}
	for _, d := range ops {
		for _, k := range keys(d) {
			byKey[k] = append(byKey[k], d)
		}
	}
	for _, d := range ops {
		var others []*opDraft
		for _, k := range keys(d) {
			for _, o := range byKey[k] {
				if o != d && !sameTypes(d.op, o.op) && !containsDraft(others, o) {
					others = append(others, o)
				}
			}
		}
		for _, o := range others {
			for i, exd := range d.examples {
				ex := d.op.Examples[i]
				ex.Others = append(ex.Others, r.checkExample(d.page, o.op, exd, true))
			}
		}
	}
}

// sameTypes reports whether two operations take and answer the same types.
func sameTypes(a, b *schema.Operation) bool {
	ref := func(t *schema.TypeRef) string {
		if t == nil {
			return ""
		}
		return strings.ToLower(t.String())
	}
	params := func(o *schema.Operation) string {
		var n []string
		for _, p := range o.Parameters {
			n = append(n, p.Name+":"+p.Type.String())
		}
		return strings.Join(n, ",")
	}
	return ref(a.RequestType) == ref(b.RequestType) && ref(a.ResponseType) == ref(b.ResponseType) &&
		params(a) == params(b) && a.ValueWrapped == b.ValueWrapped
}

func containsDraft(list []*opDraft, d *opDraft) bool {
	for _, x := range list {
		if x == d {
			return true
		}
	}
	return false
}
