package gen

import (
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/route"
)

// castPrefix starts an OData type-cast segment (microsoft.graph.user).
const castPrefix = "microsoft.graph."

// collection reports whether GET <route>/$count and GET
// <route>/microsoft.graph.<type> are served by o, which lists a collection
// (see the runtime's collectionRoute).
func collection(o *opPlan) bool {
	r := o.op.ResponseType
	return o.op.Method == "GET" && r != nil && r.Collection
}

// isCast mirrors the runtime's isCast.
func isCast(seg string) bool {
	if len(seg) <= len(castPrefix) || !strings.EqualFold(seg[:len(castPrefix)], castPrefix) {
		return false
	}
	for _, c := range []byte(seg) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.') {
			return false
		}
	}
	return true
}

// matchExample finds the route the handler serves an example request
// with, as the handler does: a GET path whose last segment is $count or a
// type cast (or a cast then $count), when no route documents that segment
// literally, is served by the collection route the path names without it
// (seg is then that segment, or both).
func (p *plan) matchExample(method, path string) (ref *routeRef, values []string, seg string) {
	path = route.WithoutEmptyCalls(path)
	ref, values, seg = p.matchPath(method, path)
	if ref == nil {
		// The handler routes a path that matches nowhere with OData's
		// keys in parentheses as key segments (users('a') as users/a).
		if kp, ok := route.KeyAsSegment(path); ok {
			if kref, kvalues, kseg := p.matchPath(method, kp); kref != nil {
				return kref, kvalues, kseg
			}
		}
	}
	return ref, values, seg
}

// matchPath is matchExample for the path as sent.
func (p *plan) matchPath(method, path string) (ref *routeRef, values []string, seg string) {
	ref, values = p.router.match(method, path)
	i := strings.LastIndexByte(path, '/')
	if method != "GET" || i <= 0 {
		return ref, values, ""
	}
	last := path[i+1:]
	if !strings.EqualFold(last, "$count") && !isCast(last) {
		return ref, values, ""
	}
	if ref != nil {
		pat := ref.op.op.Routes[ref.index].Pattern
		if len(pat) > len(last) && strings.EqualFold(pat[len(pat)-len(last)-1:], "/"+last) {
			return ref, values, ""
		}
	}
	cref, cvalues := p.router.match(method, path[:i])
	if cref == nil && strings.EqualFold(last, "$count") {
		if j := strings.LastIndexByte(path[:i], '/'); j > 0 && isCast(path[j+1:i]) {
			cref, cvalues = p.router.match(method, path[:j])
			last = path[j+1:]
		}
	}
	if cref == nil || !collection(cref.op) {
		return ref, values, ""
	}
	return cref, cvalues, last
}

// isCount reports whether the segments a collection route stripped end in
// $count ("$count", "microsoft.graph.group/$count").
func isCount(seg string) bool {
	return strings.EqualFold(seg[strings.LastIndexByte(seg, '/')+1:], "$count")
}

// countBody reads a documented count answer: a bare integer.
func countBody(body string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(body), 10, 64)
	return n, err == nil && n >= 0
}
