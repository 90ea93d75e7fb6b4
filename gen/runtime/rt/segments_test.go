package rt

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// memberRequest is the request of the segment tests' operations.
type memberRequest struct {
	HTTPRequest *http.Request
	GroupID     string
	MemberID    string
	Query       ODataQuery
}

// segmentCall is what the segment tests' service records of a call.
type segmentCall struct {
	op, group, member, cast string
}

// segmentService answers every operation of segmentOps with result, and
// records the calls.
type segmentService struct {
	calls  []segmentCall
	result func(op string) (any, error)
	// status, when not 0, is chosen with SetStatus.
	status int
	// counted records, per call, whether req.Query.Count was true.
	counted []bool
}

// callAs returns the call function of the operation named op.
func callAs(op string) func(svc any, ctx context.Context, req any) (any, error) {
	return func(svc any, ctx context.Context, req any) (any, error) {
		s, r := svc.(*segmentService), req.(*memberRequest)
		s.calls = append(s.calls, segmentCall{op, r.GroupID, r.MemberID, TypeCast(r.HTTPRequest)})
		s.counted = append(s.counted, r.Query.Count != nil && *r.Query.Count)
		if s.status != 0 {
			SetStatus(ctx, s.status)
		}
		if s.result == nil {
			return &CollectionResponse[report]{Value: []report{{ID: "a"}, {ID: "b"}, {ID: "c"}}}, nil
		}
		return s.result(op)
	}
}

// segmentOps is a table with a collection, routes documenting $count and
// a type cast literally, an item route whose placeholder could take
// either segment, and a collection whose first segment is a placeholder.
var segmentOps = []*Operation{
	{Name: "ListMembers", Method: "GET", Status: 200, Req: (*memberRequest)(nil), Call: callAs("ListMembers"), Collection: true, Routes: []OpRoute{
		{"/groups/{group-id}/members", []uint8{1}},
		{"/{group-id}/people", []uint8{1}},
	}},
	{Name: "GetMember", Method: "GET", Status: 200, Req: (*memberRequest)(nil), Call: callAs("GetMember"), Routes: []OpRoute{
		{"/groups/{group-id}/members/{member-id}", []uint8{1, 2}},
		{"/groups/{group-id}/owners/{member-id}", []uint8{1, 2}},
	}},
	{Name: "ListOwners", Method: "GET", Status: 200, Req: (*memberRequest)(nil), Call: callAs("ListOwners"), Collection: true, Routes: []OpRoute{
		{"/groups/{group-id}/owners", []uint8{1}},
	}},
	// The docs have a page for the count of transitive members and for
	// its group cast: those routes win over the collection's.
	{Name: "ListTransitive", Method: "GET", Status: 200, Req: (*memberRequest)(nil), Call: callAs("ListTransitive"), Collection: true, Routes: []OpRoute{
		{"/groups/{group-id}/transitiveMembers", []uint8{1}},
	}},
	{Name: "CountTransitive", Method: "GET", Status: 200, Req: (*memberRequest)(nil), Call: callAs("CountTransitive"), Routes: []OpRoute{
		{"/groups/{group-id}/transitiveMembers/$count", []uint8{1}},
		{"/groups/{group-id}/transitiveMembers/microsoft.graph.group", []uint8{1}},
	}},
	{Name: "AddMember", Method: "POST", Status: 201, Req: (*memberRequest)(nil), Call: callAs("AddMember"), Routes: []OpRoute{
		{"/groups/{group-id}/members", []uint8{1}},
	}},
	// Not a collection: neither $count nor a type cast reaches it.
	{Name: "GetGroup", Method: "GET", Status: 200, Req: (*memberRequest)(nil), Call: callAs("GetGroup"), Routes: []OpRoute{
		{"/groups/{group-id}", []uint8{1}},
	}},
}

// TestCollectionSegments checks the $count and type-cast segments of a
// collection: which operation a path reaches, with which path values and
// TypeCast, and the answer (the count as text, or the collection).
func TestCollectionSegments(t *testing.T) {
	svc := &segmentService{}
	h := NewHandler(svc, nil, segmentOps, nil)
	count := "text/plain; charset=utf-8"
	cases := []struct {
		method, target string
		status         int
		call           segmentCall
		ct, body       string // for 200: the Content-Type, and the count
	}{
		{"GET", "/groups/g/members/$count", 200, segmentCall{"ListMembers", "g", "", ""}, count, "3"},
		{"GET", "/groups/g/members/$COUNT", 200, segmentCall{"ListMembers", "g", "", ""}, count, "3"},
		{"GET", "/GROUPS/g/Members/%24Count", 200, segmentCall{"ListMembers", "g", "", ""}, count, "3"},
		{"GET", "/groups/g/members/microsoft.graph.user", 200, segmentCall{"ListMembers", "g", "", "microsoft.graph.user"}, "application/json", ""},
		{"GET", "/groups/g/members/Microsoft.Graph.User2", 200, segmentCall{"ListMembers", "g", "", "Microsoft.Graph.User2"}, "application/json", ""},
		{"GET", "/groups/g/members/microsoft.graph.a.b", 200, segmentCall{"ListMembers", "g", "", "microsoft.graph.a.b"}, "application/json", ""},
		{"GET", "/groups/g/members/microsoft.graph.user/$count", 200, segmentCall{"ListMembers", "g", "", "microsoft.graph.user"}, count, "3"},
		{"GET", "/groups/g/owners/$count", 200, segmentCall{"ListOwners", "g", "", ""}, count, "3"},
		{"GET", "/x/people/$count", 200, segmentCall{"ListMembers", "x", "", ""}, count, "3"},
		{"GET", "/x/people/microsoft.graph.user", 200, segmentCall{"ListMembers", "x", "", "microsoft.graph.user"}, "application/json", ""},
		// A route that documents the segment literally wins.
		{"GET", "/groups/g/transitiveMembers/$count", 200, segmentCall{"CountTransitive", "g", "", ""}, "application/json", ""},
		{"GET", "/groups/g/transitiveMembers/microsoft.graph.group", 200, segmentCall{"CountTransitive", "g", "", ""}, "application/json", ""},
		{"GET", "/groups/g/transitiveMembers/microsoft.graph.user", 200, segmentCall{"ListTransitive", "g", "", "microsoft.graph.user"}, "application/json", ""},
		{"GET", "/groups/g/transitiveMembers/microsoft.graph.group/$count", 200, segmentCall{"ListTransitive", "g", "", "microsoft.graph.group"}, count, "3"},
		// A segment that is neither goes to the item route.
		{"GET", "/groups/g/members/m1", 200, segmentCall{"GetMember", "g", "m1", ""}, "application/json", ""},
		{"GET", "/groups/g/members/microsoft.graph.", 200, segmentCall{"GetMember", "g", "microsoft.graph.", ""}, "application/json", ""},
		{"GET", "/groups/g/members/microsoft.graph.us-er", 200, segmentCall{"GetMember", "g", "microsoft.graph.us-er", ""}, "application/json", ""},
		{"GET", "/groups/g/members/count", 200, segmentCall{"GetMember", "g", "count", ""}, "application/json", ""},
		{"GET", "/groups/g/members/$count2", 200, segmentCall{"GetMember", "g", "$count2", ""}, "application/json", ""},
		{"GET", "/groups/g/members/graph.user", 200, segmentCall{"GetMember", "g", "graph.user", ""}, "application/json", ""},
		// Not a collection, more than the segments, or not GET.
		{"GET", "/groups/g/$count", 404, segmentCall{}, "", ""},
		{"GET", "/groups/g/microsoft.graph.group", 404, segmentCall{}, "", ""},
		{"GET", "/groups/g/members/$count/$count", 404, segmentCall{}, "", ""},
		{"GET", "/groups/g/members/$count/microsoft.graph.user", 404, segmentCall{}, "", ""},
		{"GET", "/groups/g/members/microsoft.graph.user/microsoft.graph.group", 404, segmentCall{}, "", ""},
		{"GET", "/groups/g/members/microsoft.graph.user/microsoft.graph.group/$count", 404, segmentCall{}, "", ""},
		{"GET", "/groups/g/members/m1/$count", 404, segmentCall{}, "", ""},
		{"GET", "/groups/g/members/$count/", 200, segmentCall{"ListMembers", "g", "", ""}, count, "3"}, // a trailing "/" is ignored
		{"GET", "/$count", 404, segmentCall{}, "", ""},
		{"GET", "/microsoft.graph.user/$count", 404, segmentCall{}, "", ""},
		{"POST", "/groups/g/members/$count", 405, segmentCall{}, "", ""}, // GetMember's path
		{"POST", "/x/people/$count", 404, segmentCall{}, "", ""},
		{"DELETE", "/groups/g/members", 405, segmentCall{}, "", ""},
	}
	for _, c := range cases {
		svc.calls = nil
		rec := serveEscaped(h, c.method, c.target)
		var got segmentCall
		if len(svc.calls) == 1 {
			got = svc.calls[0]
		}
		if rec.Code != c.status || got != c.call || len(svc.calls) > 1 {
			t.Errorf("%s %s: %d %+v, want %d %+v (%s)", c.method, c.target, rec.Code, svc.calls, c.status, c.call, rec.Body)
			continue
		}
		if rec.Code != 200 {
			continue
		}
		if ct := rec.Header().Get("Content-Type"); ct != c.ct {
			t.Errorf("%s %s: Content-Type %q, want %q", c.method, c.target, ct, c.ct)
		}
		if c.ct == count && rec.Body.String() != c.body {
			t.Errorf("%s %s: count %q, want %q", c.method, c.target, rec.Body, c.body)
		}
		if c.ct != count {
			checkJSON(t, c.method+" "+c.target, []byte(`{"value":[{"id":"a"},{"id":"b"},{"id":"c"}]}`), rec.Body.Bytes(), false)
		}
	}
}

// TestCountAnswer checks what a $count request answers besides the
// number of values: the count the service sets, its status, its errors,
// and a nil result.
func TestCountAnswer(t *testing.T) {
	svc := &segmentService{}
	spy := &logSpy{}
	h := NewHandler(svc, nil, segmentOps, []Option{WithErrorLog(spy.log)})
	get := func() *httptest.ResponseRecorder { return serveEscaped(h, "GET", "/groups/g/members/$count") }
	n := int64(12345678901)
	svc.result = func(string) (any, error) {
		return &CollectionResponse[report]{ODataCount: &n, Value: []report{{}}}, nil
	}
	if rec := get(); rec.Code != 200 || rec.Body.String() != "12345678901" {
		t.Errorf("ODataCount: %d %q", rec.Code, rec.Body)
	}
	zero := int64(0)
	svc.result = func(string) (any, error) {
		return &CollectionResponse[report]{ODataCount: &zero, Value: []report{{}}}, nil
	}
	if rec := get(); rec.Code != 200 || rec.Body.String() != "0" {
		t.Errorf("ODataCount 0: %d %q", rec.Code, rec.Body)
	}
	svc.result = func(string) (any, error) { return &CollectionResponse[report]{}, nil }
	if rec := get(); rec.Code != 200 || rec.Body.String() != "0" {
		t.Errorf("no values: %d %q", rec.Code, rec.Body)
	}
	svc.status = 203
	if rec := get(); rec.Code != 203 || rec.Body.String() != "0" {
		t.Errorf("SetStatus(203): %d %q", rec.Code, rec.Body)
	}
	svc.status = 0
	svc.result = func(string) (any, error) { return nil, &Error{Status: 403, Code: "denied"} }
	wantError(t, get(), 403, "denied")
	// A nil collection has no body: there is nothing to count.
	svc.result = func(string) (any, error) { return (*CollectionResponse[report])(nil), nil }
	if rec := get(); rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("nil collection: %d %q", rec.Code, rec.Body)
	}
	if spy.count() != 0 {
		t.Errorf("logged %v", spy.all())
	}
	// The service is told the request asks for the count; one page of
	// several without ODataCount has no count: 500, logged.
	svc.counted = nil
	svc.result = func(string) (any, error) {
		return &CollectionResponse[report]{Value: []report{{}, {}}, SkipToken: "2"}, nil
	}
	if rec := get(); rec.Code != 500 || spy.count() != 1 || !strings.Contains(spy.all()[0].Error(), "set ODataCount") {
		t.Errorf("a page without ODataCount: %d %q, logged %v; want 500 and a log", rec.Code, rec.Body, spy.all())
	}
	svc.result = func(string) (any, error) {
		return &CollectionResponse[report]{ODataNextLink: "https://x/next", Value: []report{{}}}, nil
	}
	if rec := get(); rec.Code != 500 {
		t.Errorf("a page with a next link and no ODataCount: %d %q, want 500", rec.Code, rec.Body)
	}
	svc.result = func(string) (any, error) {
		return &CollectionResponse[report]{ODataCount: &n, Value: []report{{}}, SkipToken: "1"}, nil
	}
	if rec := get(); rec.Code != 200 || rec.Body.String() != "12345678901" {
		t.Errorf("a page with ODataCount: %d %q", rec.Code, rec.Body)
	}
	if len(svc.counted) != 3 || !svc.counted[0] || !svc.counted[2] {
		t.Errorf("Query.Count per call: %v, want true each time", svc.counted)
	}
	svc.counted = nil
	_ = serveEscaped(h, "GET", "/groups/g/members")
	if len(svc.counted) != 1 || svc.counted[0] {
		t.Errorf("Query.Count of a list request: %v, want false", svc.counted)
	}
}

// TestCountOperation checks an operation that answers a count
// (Operation.Count: its request lines end in /$count and no page documents
// the collection): the int64 it returns as text, the status it chooses,
// its errors, and a result that is not an int64 (a bug of the service's
// call function, logged as a 500).
func TestCountOperation(t *testing.T) {
	svc := &segmentService{}
	spy := &logSpy{}
	op := &Operation{Name: "CountReports", Method: "GET", Status: 200, Req: (*memberRequest)(nil), Call: callAs("CountReports"), Count: true, Routes: []OpRoute{
		{"/users/{group-id}/transitiveReports/$count", []uint8{1}},
	}}
	h := NewHandler(svc, nil, []*Operation{op}, []Option{WithErrorLog(spy.log)})
	get := func(target string) *httptest.ResponseRecorder { return serveEscaped(h, "GET", target) }
	svc.result = func(string) (any, error) { return int64(5), nil }
	for _, target := range []string{"/users/u1/transitiveReports/$count", "/USERS/u1/transitiveReports/%24COUNT"} {
		rec := get(target)
		if rec.Code != 200 || rec.Body.String() != "5" || rec.Header().Get("Content-Type") != "text/plain; charset=utf-8" {
			t.Errorf("%s: %d %q %q, want 200 \"5\" as text/plain", target, rec.Code, rec.Body, rec.Header().Get("Content-Type"))
		}
	}
	if want := (segmentCall{"CountReports", "u1", "", ""}); len(svc.calls) != 2 || svc.calls[0] != want {
		t.Errorf("calls %+v, want %+v twice", svc.calls, want)
	}
	// The collection itself is not a route: only its count is documented.
	if rec := get("/users/u1/transitiveReports"); rec.Code != 404 {
		t.Errorf("the collection: %d, want 404", rec.Code)
	}
	svc.result = func(string) (any, error) { return int64(0), nil }
	if rec := get("/users/u1/transitiveReports/$count"); rec.Code != 200 || rec.Body.String() != "0" {
		t.Errorf("zero: %d %q", rec.Code, rec.Body)
	}
	svc.status = 203
	if rec := get("/users/u1/transitiveReports/$count"); rec.Code != 203 || rec.Body.String() != "0" {
		t.Errorf("SetStatus(203): %d %q", rec.Code, rec.Body)
	}
	svc.status = 204
	if rec := get("/users/u1/transitiveReports/$count"); rec.Code != 204 || rec.Body.Len() != 0 {
		t.Errorf("SetStatus(204): %d %q", rec.Code, rec.Body)
	}
	svc.status = 0
	svc.result = func(string) (any, error) { return nil, nil }
	if rec := get("/users/u1/transitiveReports/$count"); rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("nil: %d %q, want 200 without a body", rec.Code, rec.Body)
	}
	svc.result = func(string) (any, error) { return int64(0), &Error{Status: 403, Code: "denied"} }
	wantError(t, get("/users/u1/transitiveReports/$count"), 403, "denied")
	if spy.count() != 0 {
		t.Errorf("logged %v", spy.all())
	}
	svc.result = func(string) (any, error) { return "5", nil }
	if rec := get("/users/u1/transitiveReports/$count"); rec.Code != 500 || spy.count() != 1 || !strings.Contains(spy.all()[0].Error(), "not int64") {
		t.Errorf("a string result: %d %q, logged %v; want 500 and a log naming int64", rec.Code, rec.Body, spy.all())
	}
}

// TestTypeCast checks TypeCast outside the handler, on the handler's
// request, and on requests whose context derives from the one the handler
// gave the service.
func TestTypeCast(t *testing.T) {
	if got := TypeCast(httptest.NewRequest("GET", "/groups/g/members/microsoft.graph.user", nil)); got != "" {
		t.Errorf("TypeCast of a request the handler did not route = %q", got)
	}
	var got []string
	svc := &segmentService{result: func(string) (any, error) { return nil, nil }}
	ops := []*Operation{{Name: "ListMembers", Method: "GET", Status: 200, Req: (*memberRequest)(nil), Collection: true,
		Routes: []OpRoute{{"/groups/{group-id}/members", []uint8{1}}},
		Call: func(_ any, ctx context.Context, req any) (any, error) {
			r := req.(*memberRequest).HTTPRequest
			type key struct{}
			derived := r.WithContext(context.WithValue(ctx, key{}, 1))
			cancelled, cancel := context.WithCancel(r.Context())
			defer cancel()
			got = []string{TypeCast(r), TypeCast(derived), TypeCast(r.WithContext(cancelled)), TypeCast(r.WithContext(context.Background()))}
			return nil, nil
		}}}
	h := NewHandler(svc, nil, ops, nil)
	for target, cast := range map[string]string{
		"/groups/g/members/microsoft.graph.user":     "microsoft.graph.user",
		"/groups/g/members/MICROSOFT.GRAPH.x/$count": "MICROSOFT.GRAPH.x",
		"/groups/g/members/$count":                   "",
		"/groups/g/members":                          "",
		"/groups/g/members/microsoft.graph.a1.b2.c3": "microsoft.graph.a1.b2.c3",
	} {
		got = nil
		serveEscaped(h, "GET", target)
		if want := []string{cast, cast, cast, ""}; !reflect.DeepEqual(got, want) {
			t.Errorf("GET %s: TypeCast on the request, derived, cancelable, foreign = %q, want %q", target, got, want)
		}
	}
	for seg, want := range map[string]bool{
		"microsoft.graph.user": true, "Microsoft.Graph.User": true, "microsoft.graph.a.b.c9": true,
		"microsoft.graph.": false, "microsoft.graph": false, "microsoft.graph.us-er": false, "microsoft.graph.us er": false,
		"microsoft.graph.é": false, "microsoft.graph.a/b": false, "xmicrosoft.graph.user": false, "graph.user": false, "": false,
	} {
		if isCast(seg) != want {
			t.Errorf("isCast(%q) = %v", seg, !want)
		}
	}
}

// TestCollectionCount checks which values a $count request can count.
func TestCollectionCount(t *testing.T) {
	n := int64(7)
	type lookalike struct {
		ODataCount *int64
		Value      []report
	}
	for _, c := range []struct {
		v     any
		count int64
		ok    bool
	}{
		{&CollectionResponse[report]{Value: make([]report, 2)}, 2, true},
		{&CollectionResponse[string]{ODataCount: &n, Value: []string{"a"}}, 7, true},
		{&CollectionResponse[int]{}, 0, true},
		{CollectionResponse[report]{Value: make([]report, 2)}, 0, false},
		{(*CollectionResponse[report])(nil), 0, false},
		{&lookalike{ODataCount: &n}, 0, false},
		{&ValueResponse[int]{}, 0, false},
		{&report{}, 0, false},
		{new(int), 0, false},
		{nil, 0, false},
	} {
		if count, ok := collectionCount(c.v); count != c.count || ok != c.ok {
			t.Errorf("collectionCount(%T) = %d, %v; want %d, %v", c.v, count, ok, c.count, c.ok)
		}
	}
	if !strings.Contains(reflect.TypeFor[CollectionResponse[report]]().Field(0).Name, "_") {
		t.Error("CollectionResponse's first field is not its marker")
	}
}

// closeSpy is a stream body that records that it was closed.
type closeSpy struct {
	*strings.Reader
	closed bool
}

func (c *closeSpy) Close() error { c.closed = true; return nil }

// TestStreamAnswer checks the answer of an operation that answers a
// *Stream: its bytes with its Content-Type (application/octet-stream by
// default) and the status chosen, a redirect to its Location (302 unless
// the service chose another), no body for nil or 204, and its body closed
// in every case.
func TestStreamAnswer(t *testing.T) {
	svc := &segmentService{}
	op := &Operation{Name: "GetPhoto", Method: "GET", Status: 200, Req: (*memberRequest)(nil), Call: callAs("GetPhoto"), Routes: []OpRoute{
		{"/users/{group-id}/photo/$value", []uint8{1}},
	}}
	h := NewHandler(svc, nil, []*Operation{op}, []Option{WithErrorLog(func(_ *http.Request, err error) { t.Errorf("logged %v", err) })})
	get := func() *httptest.ResponseRecorder { return serveEscaped(h, "GET", "/users/u1/photo/$value") }
	var body *closeSpy
	stream := func(s Stream) {
		body = &closeSpy{Reader: strings.NewReader("\x89PNG bytes")}
		s.Body = body
		svc.result = func(string) (any, error) { return &s, nil }
	}
	cases := []struct {
		name          string
		s             Stream
		status        int
		ct, loc, body string
	}{
		{"typed", Stream{ContentType: "image/png"}, 200, "image/png", "", "\x89PNG bytes"},
		{"untyped", Stream{}, 200, "application/octet-stream", "", "\x89PNG bytes"},
		{"redirect", Stream{Location: "https://files.example/p.png"}, 302, "", "https://files.example/p.png", ""},
	}
	for _, c := range cases {
		stream(c.s)
		rec := get()
		if rec.Code != c.status || rec.Header().Get("Content-Type") != c.ct || rec.Header().Get("Location") != c.loc || rec.Body.String() != c.body || !body.closed {
			t.Errorf("%s: %d %q %q %q closed %v; want %d %q %q %q closed", c.name, rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Location"), rec.Body, body.closed, c.status, c.ct, c.loc, c.body)
		}
	}
	svc.status = 206
	stream(Stream{ContentType: "image/png"})
	if rec := get(); rec.Code != 206 || rec.Body.String() != "\x89PNG bytes" {
		t.Errorf("SetStatus(206): %d %q", rec.Code, rec.Body)
	}
	svc.status = 301
	stream(Stream{Location: "https://x/y"})
	if rec := get(); rec.Code != 301 || rec.Header().Get("Location") != "https://x/y" {
		t.Errorf("SetStatus(301) with a Location: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	svc.status = 204
	stream(Stream{ContentType: "image/png"})
	if rec := get(); rec.Code != 204 || rec.Body.Len() != 0 || !body.closed {
		t.Errorf("SetStatus(204): %d %q closed %v", rec.Code, rec.Body, body.closed)
	}
	svc.status = 0
	svc.result = func(string) (any, error) { return (*Stream)(nil), nil }
	if rec := get(); rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("nil stream: %d %q", rec.Code, rec.Body)
	}
	// Query options name no properties of a stream.
	if e, _ := queryEntity(reflect.TypeFor[*Stream]()); e != nil {
		t.Errorf("queryEntity(*Stream) = %v, want nil", e)
	}
}
