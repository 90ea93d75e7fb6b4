package gen

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/route"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// routeRef is one route as the generated router will hold it.
type routeRef struct {
	op    *opPlan
	index int // into op.op.Routes
	spec  int // route.Specificity
	order int // registration order
	pat   *route.Pattern
}

// router mirrors the generated handler's routing so the generator knows
// which operation serves a documented example request. Its lists are in
// the handler's order of preference (see prefer).
type router struct {
	byFirst  map[firstKey][]*routeRef // routes whose first segment is literal
	fallback map[string][]*routeRef   // the others, by method
}

// firstKey is a method and a lower-cased literal first path segment.
type firstKey struct{ method, seg string }

// planRoutes drops routes that repeat another operation's method and path
// (reporting each) and builds the router model. Of the operations that
// document one method and path, the one ownerRank puts first keeps it.
// Registration order is the generated files' order: file name, then
// operation, then request line.
func (p *plan) planRoutes() {
	ops := append([]*opPlan(nil), p.ops...)
	sort.SliceStable(ops, func(i, j int) bool {
		return p.fileOf[ops[i].op.Source.File] < p.fileOf[ops[j].op.Source.File]
	})
	type cand struct {
		o *opPlan
		i int
	}
	owner := map[string]cand{}
	for _, o := range ops {
		for i, r := range o.op.Routes {
			k := o.op.Method + " " + route.Key(r.Pattern)
			if c, ok := owner[k]; !ok || ownerBefore(o, i, c.o, c.i) {
				owner[k] = cand{o, i}
			}
		}
	}
	p.router = &router{byFirst: map[firstKey][]*routeRef{}, fallback: map[string][]*routeRef{}}
	order := 0
	for _, o := range ops {
		for i, r := range o.op.Routes {
			k := o.op.Method + " " + route.Key(r.Pattern)
			// A query string in a request line is a request the route's
			// keeper serves.
			if _, query, ok := strings.Cut(o.op.Paths[i], "?"); ok {
				p.checkStatedOptions(owner[k].o, r.Source, "the request line "+o.op.Method+" "+o.op.Paths[i], query)
			}
			if c := owner[k]; c.o != o || c.i != i {
				if c.o != o {
					if o.firstOwner == nil {
						o.firstOwner = c.o
					}
					how := ""
					// A request line with a query string on another
					// resource's path ("GET /users/{id}?$expand=manager"
					// on the manager page) documents an option of that
					// resource, not a type derived from it: no family.
					if !sameContract(c.o, o) && !strings.Contains(o.op.Paths[i], "?") && p.unify(c.o, o) {
						how = fmt.Sprintf(" and serves both: it decodes %s", p.kindNote(c.o))
					} else if d := contractDiff(c.o.op, o.op); d != "" {
						how = "; " + d
					}
					p.warnAt(r.Source, diag.RouteDuplicate, fmt.Sprintf("%s %s is also documented at %s (%s); that operation keeps the route%s",
						o.op.Method, r.Pattern, c.o.op.Routes[c.i].Source, c.o.op.GoName, how))
				}
				o.dropped = append(o.dropped, i)
				continue
			}
			ref := &routeRef{op: o, index: i, spec: route.Specificity(r.Pattern), order: order, pat: route.Compile(route.WithoutEmptyCalls(r.Pattern))}
			order++
			if first, ok := firstSegment(r.Pattern); ok {
				k := firstKey{o.op.Method, first}
				p.router.byFirst[k] = append(p.router.byFirst[k], ref)
			} else {
				p.router.fallback[o.op.Method] = append(p.router.fallback[o.op.Method], ref)
			}
		}
	}
	p.router.sort()
}

// sort puts every list of routes in the order of preference.
func (rt *router) sort() {
	byPreference := func(a, b *routeRef) int {
		if prefer(a, b) {
			return -1
		}
		return 1 // orders differ, so two routes never tie
	}
	for _, list := range rt.byFirst {
		slices.SortFunc(list, byPreference)
	}
	for _, list := range rt.fallback {
		slices.SortFunc(list, byPreference)
	}
}

// prefer reports whether the handler chooses route a over route b when
// both match: the most literal bytes, then the earliest registered.
func prefer(a, b *routeRef) bool {
	return a.spec > b.spec || a.spec == b.spec && a.order < b.order
}

// ownerRank is the rank of o's request line i among the operations
// documenting its method and path (see schema.Operation.OwnerRank).
func ownerRank(o *opPlan, i int) int { return o.op.OwnerRank(i) }

// ownerBefore reports whether a's request line i keeps a method and path
// that b's request line j also documents (see schema.OwnerBefore; the
// parser checks examples against the same candidates, see
// schema.Example.Others).
func ownerBefore(a *opPlan, i int, b *opPlan, j int) bool {
	return schema.OwnerBefore(a.op, i, b.op, j)
}

// firstSegment is the lower-cased first path segment when it is literal.
func firstSegment(pattern string) (string, bool) {
	seg := strings.TrimPrefix(pattern, "/")
	if i := strings.IndexByte(seg, '/'); i >= 0 {
		seg = seg[:i]
	}
	if strings.Contains(seg, "{") {
		return "", false
	}
	return strings.ToLower(seg), true
}

// match finds the route the handler would choose for method and path: the
// most literal bytes, then the earliest registered.
func (rt *router) match(method, path string) (*routeRef, []string) {
	seg := strings.TrimPrefix(path, "/")
	if i := strings.IndexByte(seg, '/'); i >= 0 {
		seg = seg[:i]
	}
	best, values := firstMatch(rt.byFirst[firstKey{method, strings.ToLower(seg)}], path)
	if ref, v := firstMatch(rt.fallback[method], path); ref != nil && (best == nil || prefer(ref, best)) {
		best, values = ref, v
	}
	return best, values
}

// firstMatch returns the first route of list that matches path (the
// preferred one, as the list is sorted), with the placeholder values.
func firstMatch(list []*routeRef, path string) (*routeRef, []string) {
	for _, ref := range list {
		if v, ok := ref.pat.Match(path); ok {
			return ref, v
		}
	}
	return nil, nil
}

func (p *plan) warnAt(at schema.Pos, code, msg string) {
	p.diags = append(p.diags, schema.Diagnostic{File: at.File, Line: at.Line, Col: max(at.Col, 1), Severity: schema.Warning, Code: code, Message: msg})
}

// contractDiff says how the operation keeping a route answers otherwise
// than another page documents it (group-update-thread.md: 204 No Content;
// conversationthread-update.md: 200 with the thread), "" when their
// status, body and answer types agree: a reader of either page learns
// which one the handler follows.
func contractDiff(keep, other *schema.Operation) string {
	name := func(t *schema.TypeRef) string {
		if t == nil {
			return "none"
		}
		return t.String()
	}
	var parts []string
	if keep.Status != other.Status {
		parts = append(parts, fmt.Sprintf("status %d, not %d", keep.Status, other.Status))
	}
	if a, b := name(keep.RequestType), name(other.RequestType); !strings.EqualFold(a, b) {
		parts = append(parts, fmt.Sprintf("body %s, not %s", a, b))
	}
	if a, b := name(keep.ResponseType), name(other.ResponseType); !strings.EqualFold(a, b) {
		parts = append(parts, fmt.Sprintf("answer %s, not %s", a, b))
	}
	if len(parts) == 0 {
		return ""
	}
	return "it follows its own page where they differ: " + strings.Join(parts, "; ")
}
