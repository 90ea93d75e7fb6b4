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
		first, slot := byContract(others, contractOf)
		checks := make([]schema.ExampleCheck, len(first))
		for i, exd := range d.examples {
			ex := d.op.Examples[i]
			for j, o := range first {
				checks[j] = r.checkExample(d.page, o.op, exd, true)
			}
			ex.Others = slices.Grow(ex.Others, len(others))
			for j, o := range others {
				ch := checks[slot[j]]
				ch.Op = o.op
				ex.Others = append(ex.Others, ch)
			}
		}
	}
}

// byContract groups ops by contract: first holds the first op of each
// contract, in the order of ops, and slot[i] is the index in first of the
// op with ops[i]'s contract.
func byContract(ops []*opDraft, contractOf map[*opDraft]string) (first []*opDraft, slot []int) {
	if len(ops) == 0 {
		return nil, nil
	}
	index := map[string]int{}
	slot = make([]int, len(ops))
	for i, o := range ops {
		j, ok := index[contractOf[o]]
		if !ok {
			j = len(first)
			index[contractOf[o]] = j
			first = append(first, o)
		}
		slot[i] = j
	}
	return first, slot
}
