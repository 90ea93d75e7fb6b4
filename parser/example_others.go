package parser

import (
	"slices"

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
	keysOf := make(map[*opDraft][]string, len(ops))
	contractOf := make(map[*opDraft]string, len(ops))
	for _, d := range ops {
		var keys []string
		for _, rt := range d.op.Routes {
			k := d.op.Method + " " + route.Key(rt.Pattern)
			if !contains(keys, k) {
				keys = append(keys, k)
				byKey[k] = append(byKey[k], d)
			}
		}
		keysOf[d], contractOf[d] = keys, d.op.Contract()
	}
	for _, d := range ops {
		var others []*opDraft
		for _, k := range keysOf[d] {
			for _, o := range byKey[k] {
				if o != d && contractOf[o] != contractOf[d] && !slices.Contains(others, o) {
					others = append(others, o)
				}
			}
		}
		// Operations with the same contract give the same check: check
		// each example once per contract (pages sharing /me/messages are
		// many, their contracts few).
		for i, exd := range d.examples {
			ex := d.op.Examples[i]
			byContract := map[string]schema.ExampleCheck{}
			for _, o := range others {
				k := contractOf[o]
				ch, ok := byContract[k]
				if !ok {
					ch = r.checkExample(d.page, o.op, exd, true)
					byContract[k] = ch
				}
				ch.Op = o.op
				ex.Others = append(ex.Others, ch)
			}
		}
	}
}
