package rt

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/route"
)

// segmentGroup is a registered struct type for TestCanonicalPath's casts.
type segmentGroup struct{}

// TestCanonicalPath checks the spellings Graph's SDKs send that the docs
// write otherwise: a function called without arguments ("delta()", as
// msgraph-sdk-go sends it) routes as the bare name, and not as a key; a
// type cast with the "graph" alias routes as the qualified cast when the
// package has the type, and as a key otherwise (a domain name).
func TestCanonicalPath(t *testing.T) {
	RegisterTables(nil, nil, []TypeInfo{{Typ: (*segmentGroup)(nil), Name: "microsoft.graph.segmentGroup"}})
	for _, c := range []struct{ in, want string }{
		{"/users/delta()", "/users/delta"},
		{"/users/delta()/x", "/users/delta/x"},
		{"/a/graph.segmentGroup", "/a/microsoft.graph.segmentGroup"},
		{"/a/Graph.SegmentGroup/$count", "/a/microsoft.graph.SegmentGroup/$count"},
		{"/a/graph.com", "/a/graph.com"},
		{"/a/graph.", "/a/graph."},
		{"/a/f(x=1)", "/a/f(x=1)"},
		{"/a/()", "/a/()"},
		{"/a/f()()", "/a/f()()"},
		{"/a/microsoft.graph.segmentGroup", "/a/microsoft.graph.segmentGroup"},
	} {
		got, ok := canonicalPath(requestPath{text: c.in})
		if got.text != c.want || ok != (c.in != c.want) {
			t.Errorf("canonicalPath(%q) = %q, %v; want %q", c.in, got.text, ok, c.want)
		}
	}
	// A segment with an encoded "/" is a key, left as sent; the marks of
	// the others follow the rewrite.
	p, _ := decodePath("/a%2Fb()/delta()/c%2Fd")
	got, ok := canonicalPath(p)
	if !ok || got.text != "/a/b()/delta/c/d" || !got.isEncoded(2) || !got.isEncoded(14) || got.isEncoded(12) {
		t.Errorf("encoded: %q %v %v", got.text, got.encoded, ok)
	}

	var calls []string
	h := newTestHandler(recordingService(&calls))
	for _, c := range []struct {
		target string
		want   []string
	}{
		{"/users/delta()", []string{"GetCounts", ""}},
		{"/users/delta", []string{"GetCounts", ""}}, // the pattern's "()" is optional too
		{"/users/abc", []string{"GetUser", "abc"}},
	} {
		calls = nil
		if rec := serveEscaped(h, "GET", c.target); rec.Code != 200 || !reflect.DeepEqual(calls, c.want) {
			t.Errorf("GET %s: %d %q, want %q", c.target, rec.Code, calls, c.want)
		}
	}
	svc := &segmentService{}
	sh := NewHandler(svc, nil, segmentOps, nil)
	for _, c := range []struct {
		target string
		want   segmentCall
	}{
		{"/groups/g/members/graph.segmentGroup", segmentCall{"ListMembers", "g", "", "microsoft.graph.segmentGroup"}},
		{"/groups/g/members/graph.segmentGroup/$count", segmentCall{"ListMembers", "g", "", "microsoft.graph.segmentGroup"}},
		{"/groups/g/members/graph.com", segmentCall{"GetMember", "g", "graph.com", ""}},
	} {
		svc.calls = nil
		if rec := serveEscaped(sh, "GET", c.target); rec.Code != 200 || len(svc.calls) != 1 || svc.calls[0] != c.want {
			t.Errorf("GET %s: %d %v, want %v", c.target, rec.Code, svc.calls, c.want)
		}
	}
}

// TestEmptyCallsAgreeWithRoute checks the router's "()" rewrite against
// the parser's (route.WithoutEmptyCalls), which routes the examples, and
// against withoutEmptyCalls, which the router applies to patterns.
func TestEmptyCallsAgreeWithRoute(t *testing.T) {
	segs := []string{"users", "delta()", "f(a=1)", "()", "f()()", "a.b()", "x_y()", "a-b()", "$count", "('a')", ""}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var parts []string
		for range 1 + rng.IntN(4) {
			parts = append(parts, segs[rng.IntN(len(segs))])
		}
		path := "/" + strings.Join(parts, "/")
		want := route.WithoutEmptyCalls(path)
		got, ok := canonicalPath(requestPath{text: path})
		if got.text != want || ok != (want != path) || withoutEmptyCalls(path) != want {
			t.Fatalf("%q: router %q %v, patterns %q, route.WithoutEmptyCalls %q", path, got.text, ok, withoutEmptyCalls(path), want)
		}
	}
}

// TestDeleteRefByID checks DELETE of a collection's reference named in
// the query, as msgraph-sdk-go sends it (@id) and as OData 4.0 writes it
// ($id): it routes as the key segment the docs write.
func TestDeleteRefByID(t *testing.T) {
	var calls []string
	h := newTestHandler(recordingService(&calls))
	for _, c := range []struct {
		target string
		status int
		want   []string
	}{
		{"/a/1/b/$ref?@id=https%3A%2F%2Fgraph.microsoft.com%2Fv1.0%2FdirectoryObjects%2F2", 204, []string{"DeleteRef", "1", "2"}},
		{"/a/1/b/$ref?$id=https://graph.microsoft.com/v1.0/directoryObjects('2')", 204, []string{"DeleteRef", "1", "2"}},
		{"/a/1/b/$REF?@id=directoryObjects/2", 204, []string{"DeleteRef", "1", "2"}},
		{"/a/1/b/2/$ref", 204, []string{"DeleteRef", "1", "2"}},
		{"/a/1/b/$ref", 404, nil},
		{"/a/1/b/$ref?@id=https://graph.microsoft.com/v1.0/", 404, nil},
		{"/a/1/c/$ref?@id=directoryObjects/2", 404, nil},
	} {
		calls = nil
		if rec := serveEscaped(h, "DELETE", c.target); rec.Code != c.status || !reflect.DeepEqual(calls, c.want) {
			t.Errorf("DELETE %s: %d %q %s, want %d %q", c.target, rec.Code, calls, rec.Body, c.status, c.want)
		}
	}
}

// TestQuotedArguments checks a function's arguments written in the
// request line without quotes: msgraph-sdk-go sends them quoted, as OData
// writes string literals (and the parameter names in its own letter
// case); the service gets the value without the quotes either way, as
// route.Match gives the examples.
func TestQuotedArguments(t *testing.T) {
	const pattern = "/me/reminderView(startDateTime={startDateTime},endDateTime={endDateTime})"
	p := compilePattern(pattern)
	for _, c := range []struct {
		path string
		want []string
	}{
		{"/me/reminderView(StartDateTime='2024-01-01T00:00:00Z',EndDateTime='2024-01-02T00:00:00Z')", []string{"2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"}},
		{"/me/reminderView(startDateTime=2024-01-01,endDateTime='it''s')", []string{"2024-01-01", "it's"}},
		{"/me/reminderView(startDateTime=',endDateTime=x)", []string{"'", "x"}},
	} {
		got, ok := p.match(requestPath{text: c.path})
		want, wantOK := route.Match(pattern, c.path)
		if !ok || !reflect.DeepEqual(got, c.want) || !wantOK || !reflect.DeepEqual(want, c.want) {
			t.Errorf("%s: router %q %v, route.Match %q %v; want %q", c.path, got, ok, want, wantOK, c.want)
		}
	}
	// A quoted key placeholder ('{period}') keeps what is inside the
	// pattern's quotes; a key segment is no argument.
	for _, c := range []struct{ pattern, path, want string }{
		{"/reports/getX(period='{period}')", "/reports/getX(period='D7')", "D7"},
		{"/users/{id}", "/users/'a'", "'a'"},
	} {
		got, ok := compilePattern(c.pattern).match(requestPath{text: c.path})
		if !ok || len(got) != 1 || got[0] != c.want {
			t.Errorf("%s on %s: %q %v, want %q", c.path, c.pattern, got, ok, c.want)
		}
	}
}
