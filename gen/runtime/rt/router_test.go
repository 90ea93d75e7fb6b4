package rt

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/route"
)

// TestRouting checks which operation each request reaches and with which
// path values, the 404 and 405 answers, and the path length limit.
func TestRouting(t *testing.T) {
	var got []string
	svc := recordingService(&got)
	h := newTestHandler(svc)
	cases := []struct {
		method, target string
		status         int
		want           []string
	}{
		{"GET", "/users/abc", 200, []string{"GetUser", "abc"}},
		{"GET", "/USERS/AbC?$select=id", 200, []string{"GetUser", "AbC"}},
		{"GET", "/users/a@contoso.com", 200, []string{"GetUser", "a@contoso.com"}},
		{"GET", "/users/Zoë", 200, []string{"GetUser", "Zoë"}},
		{"GET", "/users/ping", 200, []string{"GetUser", "ping"}},
		{"GET", "/me", 200, []string{"GetUser", ""}},
		{"GET", "/Me", 200, []string{"GetUser", ""}},
		{"GET", "/users/delta()", 200, []string{"GetCounts", ""}},
		{"PATCH", "/reports/x/42", 200, []string{"UpdateReport", "42"}},
		{"PUT", "/reports/X/7", 200, []string{"UpdateReport", "7"}},
		{"GET", "/drives/d1/root:/folder/sub/file.txt:/content", 200, []string{"GetContent", "d1", "folder/sub/file.txt"}},
		{"GET", "/me/drive/root:/a:/b.txt:/content", 200, []string{"GetContent", "", "a:/b.txt"}},
		{"GET", "/me/drive/ROOT:/x y.txt:/Content", 200, []string{"GetContent", "", "x y.txt"}},
		{"GET", "/reports/getX(period='D7')", 200, []string{"GetCounts", "D7"}},
		{"GET", "/reports/GETX(PERIOD='d 7')", 200, []string{"GetCounts", "d 7"}},
		{"DELETE", "/a/1/b/2/$ref", 204, []string{"DeleteRef", "1", "2"}},
		{"GET", "/anything/ping", 200, []string{"Ping", "anything"}},
		{"GET", "/empty/{}/x", 200, []string{"Ping", ""}},
		{"GET", "/bad/{unclosed", 200, []string{"Ping", ""}},
		{"GET", "/groups/g1/members", 200, []string{"ListMembers", "g1"}},
	}
	for _, c := range cases {
		got = nil
		rec := serve(t, h, c.method, c.target, "")
		if rec.Code != c.status || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %s: %d %v, want %d %v (%s)", c.method, c.target, rec.Code, got, c.status, c.want, rec.Body)
		}
		if rec.Body.Len() != 0 {
			t.Errorf("%s %s: body %q for a nil result", c.method, c.target, rec.Body)
		}
	}
	notFound := []string{"/nothing", "/users", "/users/", "/users/a/b", "/drives/d/root:/:/content", "/a/1/b/2/$REF/x",
		"/bad/x", "/", "/reports/getX(period=D7)", "/empty/x/x", "/groups//members", "/ping", "//ping"}
	for _, p := range notFound {
		got = nil
		wantError(t, serve(t, h, "GET", p, ""), 404, "itemNotFound", "No resource matches the request path.")
		if got != nil {
			t.Errorf("GET %s reached %v", p, got)
		}
	}
	got = nil
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/users/a%20b", nil))
	if rec.Code != 200 || len(got) != 2 || got[1] != "a b" {
		t.Errorf("decoded value: %d %q", rec.Code, got)
	}
	for _, c := range []struct{ method, target, allow string }{
		{"GET", "/reports/x/42", "PATCH, PUT"},
		{"patch", "/reports/x/42", "PATCH, PUT"},
		{"POST", "/a/1/b/2/$ref", "DELETE"},
		{"POST", "/users/ping", "GET"},
		{"DELETE", "/things", "POST"},
	} {
		got = nil
		rec := serve(t, h, c.method, c.target, "")
		wantError(t, rec, 405, "methodNotAllowed", "The request method is not allowed for this resource.")
		if allow := rec.Header().Get("Allow"); allow != c.allow || got != nil {
			t.Errorf("%s %s: Allow = %q, reached %v; want %q", c.method, c.target, allow, got, c.allow)
		}
	}
	long := "/users/" + strings.Repeat("a", maxPathLen)
	wantError(t, serve(t, h, "GET", long, ""), 414, "uriTooLong", "The request path is longer than 8192 bytes.")
	if rec := serve(t, h, "GET", long[:maxPathLen], ""); rec.Code != 200 {
		t.Errorf("8192-byte path: %d", rec.Code)
	}
	if svc.received.Load() == 0 {
		t.Error("no request reached the service")
	}
}

// TestEncodedSlash checks the routing of paths that encode a "/" (%2F or
// %2f): it stays inside its segment, no literal "/" of a pattern matches
// it, and the service receives it decoded, like every other escape.
func TestEncodedSlash(t *testing.T) {
	var got []string
	svc := recordingService(&got)
	svc.members = func(_ context.Context, r *listMembersRequest) (*CollectionResponse[report], error) {
		got = []string{"ListMembers", r.GroupID, TypeCast(r.HTTPRequest)}
		return &CollectionResponse[report]{Value: []report{{}, {}}}, nil
	}
	h := newTestHandler(svc)
	cases := []struct {
		method, target string
		status         int
		want           []string
		body           string // the answer: a count as text, else JSON
	}{
		{"GET", "/users/a%2Fb", 200, []string{"GetUser", "a/b"}, ""},
		{"GET", "/users/a%2fb", 200, []string{"GetUser", "a/b"}, ""},
		{"GET", "/users/%2F", 200, []string{"GetUser", "/"}, ""},
		{"GET", "/users/a%252Fb", 200, []string{"GetUser", "a%2Fb"}, ""},
		{"GET", "/users/a%25%32Fb", 200, []string{"GetUser", "a%2Fb"}, ""},
		{"GET", "/users/a%20b%2F%2F%3F", 200, []string{"GetUser", "a b//?"}, ""},
		{"GET", "/%55SERS/a%2Fb", 200, []string{"GetUser", "a/b"}, ""},
		{"GET", "/a%2Fb/ping", 200, []string{"Ping", "a/b"}, ""},
		{"DELETE", "/a/%2F/b/x%2F/$ref", 204, []string{"DeleteRef", "/", "x/"}, ""},
		{"GET", "/drives/d%2F1/root:/a%2Fb/c%2f:/content", 200, []string{"GetContent", "d/1", "a/b/c/"}, ""},
		{"GET", "/me/drive/root:/%2Fa/b%2F:/content", 200, []string{"GetContent", "", "/a/b/"}, ""},
		{"GET", "/groups/a%2Fb/members/$count", 200, []string{"ListMembers", "a/b", ""}, "2"},
		{"GET", "/groups/a%2Fb/members/%24count", 200, []string{"ListMembers", "a/b", ""}, "2"},
		{"GET", "/groups/a%2Fb/members/microsoft.graph.user", 200, []string{"ListMembers", "a/b", "microsoft.graph.user"}, `{"value":[{},{}]}`},
		{"GET", "/groups/a%2Fb/members/microsoft.graph.user/$count", 200, []string{"ListMembers", "a/b", "microsoft.graph.user"}, "2"},
		// An encoded "/" never matches the literal "/" of a pattern.
		{"GET", "/users%2Fabc", 404, nil, ""},
		{"GET", "/me%2F", 404, nil, ""},
		{"GET", "/users/a%2Fb/", 200, []string{"GetUser", "a/b"}, ""},    // a trailing "/" is ignored
		{"GET", "/users/a%2Fb%2F", 200, []string{"GetUser", "a/b/"}, ""}, // an encoded one is the value's
		{"GET", "/drives/d/root:%2Fx:/content", 404, nil, ""},
		{"GET", "/me/drive/root:/x:%2Fcontent", 404, nil, ""},
		{"GET", "/a%2F1/b/2/$ref", 404, nil, ""},
		{"GET", "/groups/a/members%2F$count", 404, nil, ""},
		{"GET", "/groups/a/members/microsoft.graph.user%2F$count", 404, nil, ""},
		{"GET", "/groups/a%2Fmembers/$count", 404, nil, ""},
		{"POST", "/users/a%2Fb", 405, nil, ""},
	}
	for _, c := range cases {
		got = nil
		rec := serveEscaped(h, c.method, c.target)
		if rec.Code != c.status || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %s: %d %q %q, want %d %q", c.method, c.target, rec.Code, got, rec.Body, c.status, c.want)
		}
		switch {
		case rec.Code != 200:
		case strings.HasPrefix(c.body, "{"):
			checkJSON(t, c.method+" "+c.target, []byte(c.body), rec.Body.Bytes(), false)
		case rec.Body.String() != c.body:
			t.Errorf("%s %s: body %q, want %q", c.method, c.target, rec.Body, c.body)
		}
	}
	if rec := serveEscaped(h, "POST", "/users/a%2Fb"); rec.Header().Get("Allow") != "GET" {
		t.Errorf("Allow = %q", rec.Header().Get("Allow"))
	}
	// The path limit counts decoded bytes.
	got = nil
	if rec := serveEscaped(h, "GET", "/users/"+strings.Repeat("%2F", maxPathLen-len("/users/"))); rec.Code != 200 || len(got) != 2 || got[1] != strings.Repeat("/", maxPathLen-len("/users/")) {
		t.Errorf("8192 decoded bytes: %d", rec.Code)
	}
	wantError(t, serveEscaped(h, "GET", "/users/"+strings.Repeat("%2F", maxPathLen)), 414, "uriTooLong")
}

// TestHandBuiltPath checks requests built by hand, whose URL.RawPath may
// be malformed or not encode URL.Path: the handler routes by URL.Path then,
// as if nothing was encoded, and never panics.
func TestHandBuiltPath(t *testing.T) {
	var got []string
	svc := &testService{getUser: func(_ context.Context, r *getUserRequest) (*report, error) {
		got = []string{r.ID}
		return nil, nil
	}}
	spy := &logSpy{}
	h := newTestHandler(svc, WithErrorLog(spy.log))
	cases := []struct {
		path, raw string
		status    int
		want      []string
	}{
		{"/users/a/b", "/users/a%2Fb", 200, []string{"a/b"}},
		{"/users/a/b", "/users/a%2Fb%", 404, nil},
		{"/users/a/b", "/users/a%2Fb%2", 404, nil},
		{"/users/a/b", "/users/a%2Fb%zz", 404, nil},
		{"/users/a/b", "/users/a%2F", 404, nil},
		{"/users/ab", "/users/a%2Fb", 200, []string{"ab"}},
		{"/users/a%2Fb", "", 200, []string{"a%2Fb"}},
		{"/users/a b", "/users/a%zzb", 200, []string{"a b"}},
		{"/me", "%2Fme", 404, nil},
		{"*", "", 404, nil},
		{"", "%", 501, nil}, // the pattern "" of Ping, not implemented
	}
	for _, c := range cases {
		got = nil
		req := &http.Request{Method: "GET", URL: &url.URL{Path: c.path, RawPath: c.raw}, Header: http.Header{}}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != c.status || !reflect.DeepEqual(got, c.want) {
			t.Errorf("Path %q RawPath %q: %d %q, want %d %q (%s)", c.path, c.raw, rec.Code, got, c.status, c.want, rec.Body)
		}
	}
	if errs := spy.all(); len(errs) > 0 {
		t.Errorf("logged %v", errs)
	}
	for _, bad := range []string{"%", "/a%", "/a%2", "/a%zz", "/a%+1", "/a%-1", "/a%_1", "/a% 1", "/a%0x", "/a%2g"} {
		if _, ok := decodePath(bad); ok {
			t.Errorf("decodePath(%q) succeeded", bad)
		}
	}
	rp, ok := decodePath("/a%2Fb%25%2f%41")
	if want := "/a/b%/A"; !ok || rp.text != want || !rp.separates(0) || rp.separates(2) || rp.separates(5) || !rp.isEncoded(5) || rp.isEncoded(6) {
		t.Errorf("decodePath = %q %v %v, want %q with the \"/\" at 2 and 5 encoded", rp.text, rp.encoded, ok, want)
	}
	if rp, ok := decodePath("/a/b"); !ok || rp.text != "/a/b" || rp.encoded != nil || rp.lastSeparator() != 2 {
		t.Errorf("decodePath without escapes = %+v %v", rp, ok)
	}
	if rp, _ := decodePath("/a%2Fb"); rp.lastSeparator() != 0 || rp.prefix(2).text != "/a" || !rp.prefix(3).encodedIn(0, 3) || rp.prefix(2).encodedIn(0, 2) {
		t.Errorf("lastSeparator or prefix of %q is wrong", rp.text)
	}
}

// routeCase is a pattern, a path and what route.Match returns for them.
// When Escaped is set, the case is about the request path Escaped (as on
// the wire) and Path is empty.
type routeCase struct {
	Pattern, Path, Escaped string
	Values                 []string
	OK                     bool
}

// routeShape says how random route cases are built: patterns from
// pieces, paths from chars, and paths made from a pattern, so that many
// match, by escape (when set) and then replacing each {p} and {q} with one
// of pValues and qValues.
type routeShape struct {
	seed                            uint64
	pieces, chars, pValues, qValues []string
	escape                          func(string) string
}

// cases calls add with 3000 random patterns, each with a random path and
// with a path made from it.
func (sh routeShape) cases(add func(pattern, path string)) {
	rng := rand.New(rand.NewPCG(sh.seed, sh.seed+1))
	for range 3000 {
		var p, path strings.Builder
		for range 1 + rng.IntN(6) {
			p.WriteString(sh.pieces[rng.IntN(len(sh.pieces))])
		}
		for range rng.IntN(10) {
			path.WriteString(sh.chars[rng.IntN(len(sh.chars))])
		}
		add(p.String(), path.String())
		s := p.String()
		if sh.escape != nil {
			s = sh.escape(s)
		}
		for strings.Contains(s, "{p}") || strings.Contains(s, "{q}") {
			s = strings.Replace(s, "{p}", sh.pValues[rng.IntN(len(sh.pValues))], 1)
			s = strings.Replace(s, "{q}", sh.qValues[rng.IntN(len(sh.qValues))], 1)
		}
		add(p.String(), s)
	}
}

// referenceRouteCases computes the results of the generator-side matcher
// (parser/route, which rt cannot import outside its tests) for random
// patterns and paths built from the pieces that matter: slashes, colons,
// case, placeholders and malformed braces.
func referenceRouteCases() []routeCase {
	var cases []routeCase
	routeShape{
		seed:    1,
		pieces:  []string{"/", ":", ":/", "a", "A", "b", "{p}", "{q}", "(", "'", "{}", "{", "}", "$ref"},
		chars:   []string{"/", ":", "a", "A", "b", "(", "'", "{", "}", "$", "r", "e", "f"},
		pValues: []string{"x", "x/y", "a:/b", ":"},
		qValues: []string{"z", "Z:", "/"},
	}.cases(func(pattern, path string) {
		v, ok := route.Match(pattern, path)
		cases = append(cases, routeCase{Pattern: pattern, Path: path, Values: v, OK: ok})
	})
	return append(cases, escapedRouteCases()...)
}

// encodedSlash stands for a "/" the request percent-encoded in the paths
// given to route.Match: no pattern holds it, so no literal matches it and
// it does not end a placeholder's value, as rt's router treats an encoded
// "/".
const encodedSlash = "\x01"

// escapedRouteCases computes reference results for random request paths as
// escaped on the wire, with encoded slashes and percents: route.Match
// matches the decoded path with each encoded "/" as encodedSlash, and the
// values it returns get their "/" back.
func escapedRouteCases() []routeCase {
	var cases []routeCase
	routeShape{
		seed:    3,
		pieces:  []string{"/", ":", ":/", "a", "B", "{p}", "{q}", "%", "%2F", "2F"},
		chars:   []string{"/", ":", "a", "b", "%2F", "%2f", "%25", "%252F", "%3A", "%41", "2F"},
		pValues: []string{"x", "x%2Fy", "a%2f:/b", "%252F", "/"},
		qValues: []string{"%2F", "Z:", "a%2F:%2F"},
		escape:  func(s string) string { return strings.ReplaceAll(s, "%", "%25") },
	}.cases(func(pattern, escaped string) {
		c := routeCase{Pattern: pattern, Escaped: escaped}
		c.Values, c.OK = route.Match(pattern, decodeWithSentinel(escaped))
		for i, v := range c.Values {
			c.Values[i] = strings.ReplaceAll(v, encodedSlash, "/")
		}
		cases = append(cases, c)
	})
	return cases
}

// decodeWithSentinel percent-decodes an escaped path whose escapes are
// well formed, writing an encoded "/" as encodedSlash.
func decodeWithSentinel(escaped string) string {
	var b strings.Builder
	for i := 0; i < len(escaped); i++ {
		if escaped[i] != '%' {
			b.WriteByte(escaped[i])
			continue
		}
		c, err := strconv.ParseUint(escaped[i+1:i+3], 16, 8)
		if err != nil {
			panic("malformed escape in " + escaped)
		}
		if c == '/' {
			b.WriteString(encodedSlash)
		} else {
			b.WriteByte(byte(c))
		}
		i += 2
	}
	return b.String()
}

// TestRouterAgainstReference checks rt's matcher against parser/route's
// Match, the generator's reference, on random patterns and paths (decoded,
// and escaped with encoded slashes).
func TestRouterAgainstReference(t *testing.T) {
	cases := referenceRouteCases()
	matched := 0
	for _, c := range cases {
		path, name := requestPath{text: c.Path}, c.Path
		if c.Escaped != "" {
			var decoded bool
			if path, decoded = decodePath(c.Escaped); !decoded {
				t.Fatalf("decodePath(%q) failed", c.Escaped)
			}
			name = "escaped " + c.Escaped
		}
		values, ok := compilePattern(c.Pattern).match(path)
		if ok != c.OK || ok && !reflect.DeepEqual(values, c.Values) {
			t.Errorf("match(%q, %q) = %q, %v; want %q, %v", c.Pattern, name, values, ok, c.Values, c.OK)
		}
		if ok {
			matched++
		}
	}
	// Both outcomes must be well represented for the comparison to mean
	// something.
	if len(cases) < 10000 || matched < len(cases)/10 || matched > len(cases)*9/10 {
		t.Errorf("%d reference cases, %d matching", len(cases), matched)
	}
}

// scaleTable returns a routing table of n routes /resI/{id}/child/{cid}
// and one route of four drive-path placeholders, which every path tries.
func scaleTable(n int) []routeEntry {
	var table []routeEntry
	for i := range n {
		table = append(table, routeEntry{method: "GET", route: &OpRoute{Pattern: fmt.Sprintf("/res%d/{id}/child/{cid}", i)}, index: len(table)})
	}
	return append(table, routeEntry{method: "GET", route: &OpRoute{Pattern: "/{a}:/{b}:/{c}:/{d}:/x"}, index: len(table)})
}

// TestRouterScale checks that the router's work does not grow with the
// routing table (a path tries only the patterns of its first segment and
// those starting with a placeholder) and that hostile paths cost memory
// linear in their length. It counts allocations, never time.
func TestRouterScale(t *testing.T) {
	big := newRouter(scaleTable(5000))
	for i := range 5000 {
		e, params, _ := big.lookup("GET", requestPath{text: fmt.Sprintf("/RES%d/7/child/8", i)})
		if e == nil || e.route.Pattern != fmt.Sprintf("/res%d/{id}/child/{cid}", i) || !reflect.DeepEqual(params, []string{"7", "8"}) {
			t.Fatalf("lookup %d = %v %q", i, e, params)
		}
	}
	if n := len(big.bySegment["res4321"]); n != 1 || len(big.anySegment) != 1 {
		t.Errorf("res4321 has %d patterns, %d for any segment; want 1 and 1", n, len(big.anySegment))
	}
	small := newRouter(scaleTable(1))
	path := requestPath{text: "/res0/7/child/8"}
	lookup := func(rt *router) func() { return func() { rt.lookup("GET", path) } }
	if b, s := testing.AllocsPerRun(50, lookup(big)), testing.AllocsPerRun(50, lookup(small)); b != s {
		t.Errorf("a lookup allocates %v times among 5001 routes, %v among 2", b, s)
	}
	hostile := []requestPath{{text: "/" + strings.Repeat(":/", 4000)}, {text: "/" + strings.Repeat(":/", 4000) + "x"}}
	if rp, ok := decodePath("/" + strings.Repeat(":%2F", 2700)); ok {
		hostile = append(hostile, rp)
	}
	for _, p := range hostile {
		e, params, _ := big.lookup("GET", p)
		want, ok := route.Match("/{a}:/{b}:/{c}:/{d}:/x", withSentinel(p))
		for i, v := range want {
			want[i] = strings.ReplaceAll(v, encodedSlash, "/")
		}
		if (e != nil) != ok || ok && !reflect.DeepEqual(params, want) {
			t.Errorf("lookup of a %d-byte path = %v %q, want %v %q", len(p.text), e != nil, params, ok, want)
		}
		// The reach table of the 9-token pattern is 10 rows of
		// len/64+1 words: about 10 KB here.
		if b := allocatedBytes(5, func() { big.lookup("GET", p) }); b > 64<<10 {
			t.Errorf("a lookup of a %d-byte path allocated %d bytes", len(p.text), b)
		}
	}
}

// withSentinel returns the text of p with each encoded "/" written as
// encodedSlash, for route.Match.
func withSentinel(p requestPath) string {
	b := []byte(p.text)
	for i := range b {
		if p.isEncoded(i) {
			b[i] = encodedSlash[0]
		}
	}
	return string(b)
}

// allocatedBytes returns the bytes allocated while f runs, averaged over
// runs runs after a first one.
func allocatedBytes(runs uint64, f func()) uint64 {
	f()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		f()
	}
	runtime.ReadMemStats(&after)
	return (after.TotalAlloc - before.TotalAlloc) / runs
}

// TestKeyInParentheses checks OData's canonical key syntax: a segment
// "users('abc')" or "tables(4)" routes as "users/abc", as Graph answers
// both forms, when the path as sent routes nowhere. A function call, a
// compound key, an empty key or a malformed quote is no key.
func TestKeyInParentheses(t *testing.T) {
	var got []string
	h := newTestHandler(recordingService(&got))
	cases := []struct {
		method, target string
		status         int
		want           []string
	}{
		{"GET", "/users('abc')", 200, []string{"GetUser", "abc"}},
		{"GET", "/Users('a@contoso.com')", 200, []string{"GetUser", "a@contoso.com"}},
		{"GET", "/users('it''s')", 200, []string{"GetUser", "it's"}},
		{"GET", "/users('(x)')", 200, []string{"GetUser", "(x)"}},
		{"GET", "/users(42)", 200, []string{"GetUser", "42"}},
		{"GET", "/users('a%2Fb')", 200, []string{"GetUser", "a/b"}},
		{"GET", "/users(%27abc%27)", 200, []string{"GetUser", "abc"}},
		{"GET", "/users('abc')/", 200, []string{"GetUser", "abc"}},
		{"GET", "/groups('g1')/members", 200, []string{"ListMembers", "g1"}},
		{"DELETE", "/a(1)/b('2')/$ref", 204, []string{"DeleteRef", "1", "2"}},
		{"PATCH", "/reports('x')/42", 200, []string{"UpdateReport", "42"}},
		{"GET", "/reports/getX(period='D7')", 200, []string{"GetCounts", "D7"}}, // a documented function call routes as sent
		{"GET", "/users/delta()", 200, []string{"GetCounts", ""}},
		{"GET", "/users('')", 404, nil},
		{"GET", "/users()", 404, nil},
		{"GET", "/users(a=1)", 404, nil},
		{"GET", "/users('a','b')", 404, nil},
		{"GET", "/users('a'b')", 404, nil},
		{"GET", "/users('abc'", 404, nil},
		{"GET", "/('abc')", 404, nil},
		{"GET", "/users('a/b')", 404, nil}, // an unencoded "/" separates segments
		{"POST", "/users('abc')", 405, nil},
	}
	for _, c := range cases {
		got = nil
		rec := serveEscaped(h, c.method, c.target)
		if rec.Code != c.status || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %s: %d %q %q, want %d %q", c.method, c.target, rec.Code, got, rec.Body, c.status, c.want)
		}
	}
	if rec := serveEscaped(h, "POST", "/users('abc')"); rec.Header().Get("Allow") != "GET" {
		t.Errorf("POST /users('abc'): Allow = %q, want GET", rec.Header().Get("Allow"))
	}
}

// TestKeyAsSegmentAgreesWithRoute checks the router's rewrite against the
// parser's (route.KeyAsSegment), which routes the examples, on paths made
// of segments with and without keys.
func TestKeyAsSegmentAgreesWithRoute(t *testing.T) {
	segs := []string{"users", "users('a')", "users(4)", "f()", "f(a=1)", "x('it''s')", "x('a'b')", "('a')", "x(')", "x('')",
		"x(''')", "x('''')", "x((1))", "x('(1)')", "root:", "a(b)c", "a(b)(c)", "$ref", "x(%20)", "x(a,b)", ""}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var parts []string
		for range 1 + rng.IntN(4) {
			parts = append(parts, segs[rng.IntN(len(segs))])
		}
		path := "/" + strings.Join(parts, "/")
		want, wantOK := route.KeyAsSegment(path)
		got, gotOK := keyAsSegment(requestPath{text: path})
		if got.text != want || gotOK != wantOK || got.encoded != nil {
			t.Fatalf("%q: router %q %v, route.KeyAsSegment %q %v", path, got.text, gotOK, want, wantOK)
		}
	}
	// An encoded "/" keeps its mark through the rewrite.
	p, _ := decodePath("/a('x%2Fy')/b(z%2F)")
	got, ok := keyAsSegment(p)
	if !ok || got.text != "/a/x/y/b/z/" {
		t.Fatalf("got %q %v", got.text, ok)
	}
	var marks []int
	for i := range got.text {
		if got.isEncoded(i) {
			marks = append(marks, i)
		}
	}
	if !reflect.DeepEqual(marks, []int{4, 10}) {
		t.Errorf("encoded marks at %v, want [4 10] in %q", marks, got.text)
	}
}
