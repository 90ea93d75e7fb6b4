package rt

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// castPrefix starts a type-cast segment.
const castPrefix = "microsoft.graph."

// collectionRoute returns the route for a GET request whose last path
// segment is $count or a type cast (microsoft.graph.x), or a type cast then
// $count, and whose path without them names a collection route, with those
// segments ("microsoft.graph.group/$count"). It returns nil when found (the
// route the whole path selects) documents the last segment literally. An
// encoded "/" does not separate segments.
func (h *Handler) collectionRoute(method string, path requestPath, found *routeEntry) (*routeEntry, []string, string) {
	i := path.lastSeparator()
	if method != http.MethodGet || i <= 0 {
		return nil, nil, ""
	}
	seg := path.text[i+1:]
	if !strings.EqualFold(seg, "$count") && !isCast(seg) {
		return nil, nil, ""
	}
	if found != nil && len(found.route.Pattern) > len(seg) && strings.EqualFold(found.route.Pattern[len(found.route.Pattern)-len(seg)-1:], "/"+seg) {
		return nil, nil, ""
	}
	rt, params, _ := h.router.lookup(method, path.prefix(i))
	// The path without $count may name an item (as {member-id} takes
	// microsoft.graph.user in /groups/{id}/members/{member-id}): then
	// $count counts the type cast of the collection.
	if (rt == nil || !rt.op.Collection) && strings.EqualFold(seg, "$count") {
		if j := path.prefix(i).lastSeparator(); j > 0 && isCast(path.text[j+1:i]) {
			rt, params, _ = h.router.lookup(method, path.prefix(j))
			seg = path.text[j+1:]
		}
	}
	if rt == nil || !rt.op.Collection {
		return nil, nil, ""
	}
	return rt, params, seg
}

// isCast reports whether seg is a type-cast segment: microsoft.graph. (any
// case) and a name of letters, digits and dots.
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

// TypeCast returns the derived type named by the type-cast segment of r's
// path (GET /groups/{id}/members/microsoft.graph.user, or its /$count,
// gives "microsoft.graph.user") when the handler routed r to a collection's
// Operation without that segment, and "" otherwise. A service lists only
// the members of that type. r is req.HTTPRequest (or any request whose
// context derives from the one the handler gave the Service).
func TypeCast(r *http.Request) string {
	st := stateOf(r.Context())
	if st == nil {
		return ""
	}
	seg, _, _ := strings.Cut(st.segment, "/")
	if !isCast(seg) {
		return ""
	}
	return seg
}

// replyCount answers a /$count request with the count of v as text, and
// reports whether it did (v is a collection and the request asked for its
// count).
func (h *Handler) replyCount(w http.ResponseWriter, r *http.Request, st *requestState, status int, v any) bool {
	if !countSegment(st.segment) {
		return false
	}
	n, ok := collectionCount(v)
	if !ok {
		return false
	}
	if n < 0 {
		// Not the number of values of a page: there are more.
		h.logError(r, fmt.Errorf("a /$count request was answered with one page of the collection and no ODataCount: set ODataCount when Query.Count is true"))
		writeError(w, &Error{Status: http.StatusInternalServerError})
		return true
	}
	writeCount(w, status, n)
	return true
}

// countSegment reports whether the segment the handler stripped from a
// request's path ends with $count.
func countSegment(seg string) bool {
	return strings.EqualFold(seg[strings.LastIndexByte(seg, '/')+1:], "$count")
}

// replyCountOf answers an operation that answers a count (Operation.Count)
// with v, the int64 its Service method returned, as text, with status or
// the one the service chose with SetStatus (no body for 204 or 304, or for
// a nil v, which only a call function returns).
func (h *Handler) replyCountOf(w http.ResponseWriter, r *http.Request, st *requestState, status int, v any) {
	status = h.chosenStatus(r, st, status)
	n, ok := v.(int64)
	switch {
	case v == nil || status == http.StatusNoContent || status == http.StatusNotModified:
		w.WriteHeader(status)
	case !ok:
		h.logError(r, fmt.Errorf("the operation answers a count, but its result is %T, not int64", v))
		writeError(w, &Error{Status: http.StatusInternalServerError})
	default:
		writeCount(w, status, n)
	}
}

// writeCount writes a count as text, as OData answers $count.
func writeCount(w http.ResponseWriter, status int, n int64) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, strconv.FormatInt(n, 10))
}
