package parser

import (
	"slices"

	"github.com/graphdocgen/graphdocgen/parser/route"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// checkOthers checks each example against the types of every other
// operation that can keep one of its operation's routes (same method,
// same route.Key, the lowest Operation.OwnerRank there, on the first page
// by path of those with it) with other
// request, parameter or response types, and records the result in
// Example.Others: when that operation keeps the route, the handler
// decodes and answers the example with its types. Operations that cannot
// keep a route are left out: they never serve it, and on a route that
// many pages document (the Intune device configurations, about a hundred
// types on one PATCH) checking every example against every one of them
// was most of the parser's time. The checks are quiet; only the
// example's own check reports.
func (r *resolver) checkOthers(ops []*opDraft) {
	type onKey struct {
		d    *opDraft
		rank int // d's lowest rank among its request lines with the key
	}
	byKey := map[string][]onKey{}
	// The lowest rank on each key, and the first page of those with it:
	// the generator gives the route to an operation of that page (see
	// schema.OwnerBefore).
	best := map[string]int{}
	bestFile := map[string]string{}
	keysOf := make(map[*opDraft][]string, len(ops))
	contractOf := make(map[*opDraft]string, len(ops))
	for _, d := range ops {
		var keys []string
		for i, rt := range d.op.Routes {
			k := d.op.Method + " " + route.Key(rt.Pattern)
			rank := d.op.OwnerRank(i)
			if b, ok := best[k]; !ok || rank < b || rank == b && schema.PageOrder(d.op.Source.File) < bestFile[k] {
				best[k], bestFile[k] = rank, schema.PageOrder(d.op.Source.File)
			}
			if j := slices.Index(keys, k); j >= 0 {
				list := byKey[k]
				list[len(list)-1].rank = min(list[len(list)-1].rank, rank)
				continue
			}
			keys = append(keys, k)
			byKey[k] = append(byKey[k], onKey{d, rank})
		}
		keysOf[d], contractOf[d] = keys, d.op.Contract()
	}
	for _, d := range ops {
		var others []*opDraft
		for _, k := range keysOf[d] {
			for _, o := range byKey[k] {
				if o.d != d && o.rank == best[k] && schema.PageOrder(o.d.op.Source.File) == bestFile[k] && contractOf[o.d] != contractOf[d] && !slices.Contains(others, o.d) {
					others = append(others, o.d)
				}
			}
		}
		if len(others) == 0 {
			continue
		}
		// Operations with the same contract give the same check: check
		// each example once per contract.
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
