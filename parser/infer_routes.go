package parser

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/route"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// routeIndex holds the compiled documented request lines of every
// operation, by method, to tell whether some page documents a path.
type routeIndex map[string][]*route.Pattern

// inferRoutes adds the routes the examples document: when an example's
// request path matches none of the request lines of any operation with
// its method, its operation also gets a route made from the path (see
// patternInferrer), with a request-line-inferred warning at the example.
// Documented request lines are read before any is inferred, so an
// inferred route never hides a documented one.
func (r *resolver) inferRoutes(ops []*opDraft) {
	vocab := segmentVocab{}
	index := routeIndex{}
	for _, d := range ops {
		for _, rt := range d.op.Routes {
			vocab.add(rt.Pattern)
			index[d.op.Method] = append(index[d.op.Method], route.Compile(rt.Pattern))
		}
	}
	for _, d := range ops {
		for _, ex := range d.examples {
			r.inferRoute(d, ex, vocab, index)
		}
	}
	r.routes = index
}

// foreignExample reports whether an example requests a path that none of
// its operation's routes (inferred ones included) matches but another
// operation's documented request line does: the example then documents
// that other operation (opentypeextension-post-opentypeextension.md
// creates a message holding an extension with POST /me/messages), and
// its bodies are not values of its own operation's types.
func (r *resolver) foreignExample(op *schema.Operation, ex *exampleDraft) bool {
	if ex.req == nil {
		return false
	}
	path, _, host, _ := route.ExampleTarget(ex.req.Target)
	if host != "" || path == "" || ownMatch(op, path) {
		return false
	}
	if kp, ok := route.KeyAsSegment(path); ok && ownMatch(op, kp) {
		return false
	}
	return r.routes.matches(strings.ToUpper(ex.req.Method), path)
}

// inferRoute adds the route one example documents, if it needs one.
func (r *resolver) inferRoute(d *opDraft, ex *exampleDraft, vocab segmentVocab, index routeIndex) {
	op := d.op
	if ex.req == nil || !strings.EqualFold(ex.req.Method, op.Method) {
		return
	}
	path, _, host, _ := route.ExampleTarget(ex.req.Target)
	if host != "" || ownMatch(op, path) || collectionSegment(path) || index.matches(op.Method, path) {
		return
	}
	if kp, ok := route.KeyAsSegment(path); ok && (ownMatch(op, kp) || collectionSegment(kp) || index.matches(op.Method, kp)) {
		return // the handler routes OData's keys in parentheses as key segments
	}
	names, own := placeholderNames(op)
	pi := &patternInferrer{vocab: vocab, names: names, own: own, post: op.Method == "POST"}
	pattern, ok := pi.pattern(path)
	if !ok || hasRoute(op, pattern) {
		return
	}
	if _, ok := route.Match(pattern, path); !ok {
		return
	}
	if why := otherAPI(op, pattern); why != "" {
		// Not a spelling of the documented request lines but another
		// API: the example's test fails to route (example-route-unmatched).
		r.warn(d.page.src, ex.req.off, diag.RequestLineNotInferred, "example %s requests %s %s, which matches no documented request line; no route is made from it, as %s", ex.name, op.Method, path, why)
		return
	}
	op.Paths = append(op.Paths, pattern)
	op.Routes = append(op.Routes, schema.Route{Pattern: pattern, Params: route.Params(pattern), Source: d.page.src.pos(ex.req.off), Inferred: true})
	r.warn(d.page.src, ex.req.off, diag.RequestLineInferred,
		"example %s requests %s %s, which matches no documented request line; %s %s is routed too", ex.name, op.Method, path, op.Method, pattern)
}

// matches reports whether a documented request line with method matches
// path.
func (ix routeIndex) matches(method, path string) bool {
	for _, p := range ix[method] {
		if _, ok := p.Match(path); ok {
			return true
		}
	}
	return false
}

// ownMatch reports whether one of op's routes (inferred ones included)
// matches path.
func ownMatch(op *schema.Operation, path string) bool {
	for _, rt := range op.Routes {
		if _, ok := route.Match(rt.Pattern, path); ok {
			return true
		}
	}
	return false
}

// collectionSegment reports whether path ends in $count or a type cast,
// which the handler serves through the collection route before it (no
// route of its own is inferred for them).
func collectionSegment(path string) bool {
	last := strings.ToLower(path[strings.LastIndexByte(path, '/')+1:])
	return last == "$count" || strings.HasPrefix(last, "microsoft.graph.")
}

// placeholderNames maps each literal segment of op's request lines
// (lower-cased) to the placeholder that follows it; own holds those
// segments.
func placeholderNames(op *schema.Operation) (names map[string]string, own map[string]bool) {
	names, own = map[string]string{}, map[string]bool{}
	for _, rt := range op.Routes {
		segs := strings.Split(strings.TrimPrefix(rt.Pattern, "/"), "/")
		for i, seg := range segs {
			if !strings.Contains(seg, "{") {
				own[strings.ToLower(seg)] = true
			}
			if i == 0 {
				continue
			}
			prev := strings.ToLower(segs[i-1])
			if _, ok := names[prev]; !ok && isWholePlaceholder(segs[i]) && !strings.Contains(prev, "{") {
				names[prev] = segs[i][1 : len(segs[i])-1]
			}
		}
	}
	return names, own
}

// otherAPI says why an inferred pattern would serve another API than
// op's documented request lines rather than a spelling of them, "" when
// it would not: it drops the $ref (or $value) that every documented line
// ends in, and deleting a class member's reference is not deleting the
// member (educationclass-delete-members' example requests DELETE
// .../members/{id} under DELETE .../members/{id}/$ref).
func otherAPI(op *schema.Operation, pattern string) string {
	last := ""
	for _, rt := range op.Routes {
		if rt.Inferred {
			continue
		}
		seg := rt.Pattern[strings.LastIndexByte(rt.Pattern, '/')+1:]
		if !strings.HasPrefix(seg, "$") {
			return ""
		}
		last = seg
	}
	if last == "" || strings.HasPrefix(pattern[strings.LastIndexByte(pattern, '/')+1:], "$") {
		return ""
	}
	return "every documented request line ends in " + last
}
