package api

// Behaviour tests of the graphdocgen runtime, run against the emitted
// graphdocgen_runtime.go and the hand-written fixture.go.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// testService implements Service with per-operation functions; a nil
// function falls back to UnimplementedService.
type testService struct {
	UnimplementedService
	getUser  func(*GetUserRequest) (*UserReport, error)
	update   func(*UpdateReportRequest) (*UserReport, error)
	content  func(*GetContentRequest) (*CollectionResponse[UserReport], error)
	counts   func(*GetCountsRequest) (*CollectionResponse[UserReport], error)
	delRef   func(*DeleteRefRequest) error
	create   func(*CreateThingRequest) (*OpenThing, error)
	ping     func(*PingRequest) (*OpenThing, error)
	received atomic.Int64
}

func (s *testService) GetUser(ctx context.Context, req *GetUserRequest) (*UserReport, error) {
	s.received.Add(1)
	if s.getUser == nil {
		return s.UnimplementedService.GetUser(ctx, req)
	}
	return s.getUser(req)
}

func (s *testService) UpdateReport(ctx context.Context, req *UpdateReportRequest) (*UserReport, error) {
	s.received.Add(1)
	if s.update == nil {
		return s.UnimplementedService.UpdateReport(ctx, req)
	}
	return s.update(req)
}

func (s *testService) GetContent(ctx context.Context, req *GetContentRequest) (*CollectionResponse[UserReport], error) {
	s.received.Add(1)
	if s.content == nil {
		return s.UnimplementedService.GetContent(ctx, req)
	}
	return s.content(req)
}

func (s *testService) GetCounts(ctx context.Context, req *GetCountsRequest) (*CollectionResponse[UserReport], error) {
	s.received.Add(1)
	if s.counts == nil {
		return s.UnimplementedService.GetCounts(ctx, req)
	}
	return s.counts(req)
}

func (s *testService) DeleteRef(ctx context.Context, req *DeleteRefRequest) error {
	s.received.Add(1)
	if s.delRef == nil {
		return s.UnimplementedService.DeleteRef(ctx, req)
	}
	return s.delRef(req)
}

func (s *testService) CreateThing(ctx context.Context, req *CreateThingRequest) (*OpenThing, error) {
	s.received.Add(1)
	if s.create == nil {
		return s.UnimplementedService.CreateThing(ctx, req)
	}
	return s.create(req)
}

func (s *testService) Ping(ctx context.Context, req *PingRequest) (*OpenThing, error) {
	s.received.Add(1)
	if s.ping == nil {
		return s.UnimplementedService.Ping(ctx, req)
	}
	return s.ping(req)
}

// logSpy collects the errors passed to WithErrorLog.
type logSpy struct {
	mu   sync.Mutex
	errs []error
}

func (l *logSpy) log(r *http.Request, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.errs = append(l.errs, err)
}

func (l *logSpy) all() []error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]error(nil), l.errs...)
}

func (l *logSpy) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.errs)
}

// serve sends one request through h.
func serve(t *testing.T, h http.Handler, method, target, body string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	hdr := http.Header{}
	for i := 0; i+1 < len(header); i += 2 {
		hdr.Add(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, newTestRequest(t, method, target, hdr, body))
	return rec
}

// errorResponse is the decoded body of an error response.
type errorResponse struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// wantError checks an error response: status, exact body shape, code, and
// that the message contains every fragment.
func wantError(t *testing.T, rec *httptest.ResponseRecorder, status int, code string, fragments ...string) string {
	t.Helper()
	if rec.Code != status {
		t.Errorf("status = %d, want %d (body %s)", rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	var shape map[string]map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &shape); err != nil || len(shape) != 1 || len(shape["error"]) != 2 {
		t.Errorf("error body has the wrong shape: %s", rec.Body)
	}
	var e errorResponse
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("decoding the error body: %v", err)
	}
	if e.Error.Code != code {
		t.Errorf("code = %q, want %q", e.Error.Code, code)
	}
	for _, f := range fragments {
		if !strings.Contains(e.Error.Message, f) {
			t.Errorf("message %q does not contain %q", e.Error.Message, f)
		}
	}
	return e.Error.Message
}

func TestOptional(t *testing.T) {
	var absent Optional[bool]
	null := Null[bool]()
	f := Some(false)
	checks := []struct {
		name                  string
		o                     Optional[bool]
		set, isNull, zero, ok bool
	}{
		{"absent", absent, false, false, true, false},
		{"null", null, true, true, false, false},
		{"false", f, true, false, false, true},
	}
	for _, c := range checks {
		v, ok := c.o.Get()
		if c.o.IsSet() != c.set || c.o.IsNull() != c.isNull || c.o.IsZero() != c.zero || ok != c.ok || v {
			t.Errorf("%s: IsSet=%v IsNull=%v IsZero=%v Get=(%v,%v)", c.name, c.o.IsSet(), c.o.IsNull(), c.o.IsZero(), v, ok)
		}
		if got := c.o.Or(true); got != !c.ok {
			t.Errorf("%s: Or(true) = %v", c.name, got)
		}
	}
	type doc struct {
		A Optional[bool]   `json:"a,omitzero"`
		B Optional[bool]   `json:"b,omitzero"`
		C Optional[bool]   `json:"c,omitzero"`
		S Optional[string] `json:"s,omitzero"`
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc{B: null, C: f, S: Some("<a&b>")}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != `{"b":null,"c":false,"s":"<a&b>"}`+"\n" {
		t.Errorf("Encode = %s", got)
	}
	if data, _ := json.Marshal(Some("<a&b>")); string(data) != `"\u003ca\u0026b\u003e"` {
		t.Errorf("Marshal = %s", data)
	}
	var d doc
	if err := json.Unmarshal([]byte(`{"b":null,"c":true,"s":"x"}`), &d); err != nil {
		t.Fatal(err)
	}
	if d.A.IsSet() || !d.B.IsNull() || d.C.Or(false) != true || d.S.Or("") != "x" {
		t.Errorf("Unmarshal = %+v", d)
	}
	if err := json.Unmarshal([]byte(`{"c":"no"}`), &d); err == nil {
		t.Error("Unmarshal of a string into Optional[bool] succeeded")
	}
	if got, _ := json.Marshal(absent); string(got) != "null" {
		t.Errorf("Marshal(absent) = %s", got)
	}
	if reflect.TypeFor[Optional[[]UserReport]]() == nil || Some(UserReport{}).elemType() != reflect.TypeFor[UserReport]() {
		t.Error("elemType")
	}
	if v, ok := Some(3).anyValue(); !ok || v != 3 {
		t.Errorf("anyValue = %v, %v", v, ok)
	}
	if _, ok := Null[int]().anyValue(); ok {
		t.Error("anyValue of null is set")
	}
}

func TestRoundTrip(t *testing.T) {
	roundTrip[UserReport](t, `{"id":"1","@odata.type":"#x","feature":"reset","features":["reset"],"isSuccess":false,
		"count":9007199254740993,"score":1.5,"tags":[],"address":{"city":"<Zürich & co>","zip":8000},
		"kids":[{"id":"2","kids":null,"parent":{"name":"p"}}],"parent":null,"blob":{"any":[1,{"x":null}]},
		"labels":{"a":"registration"},"when":"2024-01-02T03:04:05.1234567Z","name":"\u00e9\ud83d\ude00"}`)
	roundTrip[CollectionResponse[UserReport]](t, `{"@odata.context":"ctx","@odata.count":2,"@odata.nextLink":"n","value":[{"id":"a"},{}]}`)
	roundTrip[CollectionResponse[string]](t, `{"value":[]}`)
}

func TestPrimitives(t *testing.T) {
	for _, s := range []string{"2024-01-02T03:04:05Z", "2024-01-02T03:04:05.1234567Z", "2024-01-02T03:04:05+02:00", "2024-01-02T03:04:05.5-07:00", "2024-01-02T03:04:05", "2024-01-02T03:04:05.123"} {
		if _, err := DateTimeOffset(s).Time(); err != nil {
			t.Errorf("DateTimeOffset(%q): %v", s, err)
		}
	}
	if tm, _ := DateTimeOffset("2024-01-02T03:04:05+02:00").Time(); !tm.Equal(time.Date(2024, 1, 2, 1, 4, 5, 0, time.UTC)) {
		t.Errorf("offset: %v", tm)
	}
	for _, bad := range []string{"", "2024-01-02", "yesterday"} {
		if _, err := DateTimeOffset(bad).Time(); err == nil || DateTimeOffset(bad).IsValid() {
			t.Errorf("DateTimeOffset(%q) parsed or is valid", bad)
		}
	}
	valid := map[string]bool{
		string(DateTimeOffset("2024-01-02T03:04:05Z")): DateTimeOffset("2024-01-02T03:04:05Z").IsValid(),
		string(Date("2024-02-29")):                     Date("2024-02-29").IsValid(),
		string(TimeOfDay("13:45:30.5")):                TimeOfDay("13:45:30.5").IsValid(),
		string(Duration("P1DT2H")):                     Duration("P1DT2H").IsValid(),
		string(Binary("aGVsbG8=")):                     Binary("aGVsbG8=").IsValid(),
		"invalid Date":                                 !Date("2024-02-30").IsValid(),
		"invalid TimeOfDay":                            !TimeOfDay("25:00:00").IsValid(),
		"invalid Duration":                             !Duration("PT").IsValid(),
		"invalid Binary":                               !Binary("not base64!").IsValid(),
	}
	for s, ok := range valid {
		if !ok {
			t.Errorf("IsValid is wrong for %s", s)
		}
	}
	if tm, err := Date("2024-02-29").Time(); err != nil || tm.Day() != 29 {
		t.Errorf("Date: %v %v", tm, err)
	}
	if _, err := Date("2024-02-30").Time(); err == nil {
		t.Error("Date 2024-02-30 parsed")
	}
	for s, want := range map[string]time.Duration{"13:45:30": 13*time.Hour + 45*time.Minute + 30*time.Second, "00:00:01.5": 1500 * time.Millisecond} {
		tm, err := TimeOfDay(s).Time()
		if err != nil || tm.Sub(tm.Truncate(24*time.Hour)) != want {
			t.Errorf("TimeOfDay(%q) = %v, %v", s, tm, err)
		}
	}
	if _, err := TimeOfDay("25:00:00").Time(); err == nil {
		t.Error("TimeOfDay 25:00:00 parsed")
	}
	durations := map[string]time.Duration{
		"P1D": 24 * time.Hour, "PT1H30M": 90 * time.Minute, "P1DT2H": 26 * time.Hour, "PT0.5S": 500 * time.Millisecond,
		"-PT5M": -5 * time.Minute, "P2W": 14 * 24 * time.Hour, "P1Y": 365 * 24 * time.Hour, "P1M": 30 * 24 * time.Hour,
		"PT1M": time.Minute, "P1MT1M": 30*24*time.Hour + time.Minute, "PT0,25S": 250 * time.Millisecond, "PT36H": 36 * time.Hour,
	}
	for s, want := range durations {
		if got, err := Duration(s).Duration(); err != nil || got != want {
			t.Errorf("Duration(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, bad := range []string{"", "P", "PT", "P1DT", "1D", "PT1D", "P1H", "P1S", "P1D1Y", "PT1S1M", "PxD", "P99999999999Y", "P1.2.3D"} {
		if got, err := Duration(bad).Duration(); err == nil {
			t.Errorf("Duration(%q) = %v, want an error", bad, got)
		}
	}
	for s, want := range map[string]string{"aGk/Pz8=": "hi???", "aGk_Pz8=": "hi???", "aGk_Pz8": "hi???", "": ""} {
		if got, err := Binary(s).Bytes(); err != nil || string(got) != want {
			t.Errorf("Binary(%q) = %q, %v", s, got, err)
		}
	}
	if _, err := Binary("!!").Bytes(); err == nil {
		t.Error("Binary(!!) decoded")
	}
}

func TestErrorType(t *testing.T) {
	cases := []struct {
		e             Error
		status        int
		code, message string
	}{
		{Error{Status: 404}, 404, "itemNotFound", "Not Found"},
		{Error{Status: 409, Message: "Exists."}, 409, "conflict", "Exists."},
		{Error{Status: 429}, 429, "tooManyRequests", "Too Many Requests"},
		{Error{Status: 418}, 418, "imATeapot", "I'm a teapot"},
		{Error{Status: 505}, 505, "httpVersionNotSupported", "HTTP Version Not Supported"},
		{Error{Status: 499}, 499, "invalidRequest", "The request failed with status 499."},
		{Error{Status: 403, Code: "accessDenied"}, 403, "accessDenied", "Forbidden"},
		{Error{Status: 200, Code: "x", Message: "y"}, 500, "generalException", "Internal Server Error"},
	}
	for _, c := range cases {
		h := NewHandler(&testService{getUser: func(*GetUserRequest) (*UserReport, error) {
			return nil, fmt.Errorf("wrapped: %w", &c.e)
		}}, WithErrorLog(func(*http.Request, error) {}))
		wantError(t, serve(t, h, "GET", "/me", ""), c.status, c.code)
		rec := serve(t, h, "GET", "/me", "")
		var e errorResponse
		_ = json.Unmarshal(rec.Body.Bytes(), &e)
		if e.Error.Message != c.message {
			t.Errorf("%+v: message %q, want %q", c.e, e.Error.Message, c.message)
		}
	}
	if got := (&Error{Status: 404, Message: "gone"}).Error(); !strings.Contains(got, "404") || !strings.Contains(got, "gone") {
		t.Errorf("Error() = %q", got)
	}
	ve := &ValidationError{Property: "a.b", Value: "x", Allowed: []string{"p", "q"}}
	if got := ve.Error(); !strings.Contains(got, "a.b") || !strings.Contains(got, "p, q") {
		t.Errorf("ValidationError.Error() = %q", got)
	}
	var target *Error
	if err := notImplemented("Op"); !errors.As(err, &target) || target.Status != 501 {
		t.Errorf("notImplemented = %#v", err)
	}
}

func TestServiceErrors(t *testing.T) {
	spy := &logSpy{}
	secret := "secret-go-error-text"
	svc := &testService{getUser: func(*GetUserRequest) (*UserReport, error) { return nil, errors.New(secret) }}
	h := NewHandler(svc, WithErrorLog(spy.log))
	rec := serve(t, h, "GET", "/me", "")
	wantError(t, rec, 500, "generalException")
	if strings.Contains(rec.Body.String(), secret) || spy.count() != 1 {
		t.Errorf("500 body %s, %d logged", rec.Body, spy.count())
	}
	svc.getUser = func(*GetUserRequest) (*UserReport, error) { return nil, (*Error)(nil) }
	wantError(t, serve(t, h, "GET", "/me", ""), 500, "generalException")
	wantError(t, serve(t, NewHandler(&testService{}), "GET", "/me", ""), 501, "notImplemented", "GetUser")
	svc.getUser = func(*GetUserRequest) (*UserReport, error) {
		return nil, &Error{Status: 400, Code: "badThing", Message: "Bad thing."}
	}
	if msg := wantError(t, serve(t, h, "GET", "/me", ""), 400, "badThing"); msg != "Bad thing." {
		t.Errorf("message %q", msg)
	}
}

func TestPanic(t *testing.T) {
	spy := &logSpy{}
	var calls atomic.Int64
	svc := &testService{getUser: func(*GetUserRequest) (*UserReport, error) {
		if calls.Add(1) == 1 {
			panic("boom: secret")
		}
		return &UserReport{Name: Some("ok")}, nil
	}}
	srv := httptest.NewServer(NewHandler(svc, WithErrorLog(spy.log)))
	defer srv.Close()
	for i, want := range []int{500, 200} {
		resp, err := http.Get(srv.URL + "/me")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want || strings.Contains(string(body), "secret") {
			t.Errorf("request %d: %d %s", i, resp.StatusCode, body)
		}
	}
	if errs := spy.all(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "boom") {
		t.Errorf("logged %v", errs)
	}
	rec := httptest.NewRecorder()
	svc.getUser = func(*GetUserRequest) (*UserReport, error) { panic(errors.New("again")) }
	NewHandler(svc, WithErrorLog(spy.log)).ServeHTTP(rec, newTestRequest(t, "GET", "/me", nil, ""))
	wantError(t, rec, 500, "generalException")
}

// recordingService returns a testService whose operations set *got to
// their name and the path values they received, and return nil.
func recordingService(got *[]string) *testService {
	return &testService{
		getUser: func(r *GetUserRequest) (*UserReport, error) { *got = []string{"GetUser", r.ID}; return nil, nil },
		update: func(r *UpdateReportRequest) (*UserReport, error) {
			*got = []string{"UpdateReport", r.XID}
			return nil, nil
		},
		content: func(r *GetContentRequest) (*CollectionResponse[UserReport], error) {
			*got = []string{"GetContent", r.DriveID, r.ItemPath}
			return nil, nil
		},
		counts: func(r *GetCountsRequest) (*CollectionResponse[UserReport], error) {
			*got = []string{"GetCounts", r.Period}
			return nil, nil
		},
		delRef: func(r *DeleteRefRequest) error { *got = []string{"DeleteRef", r.ID, r.ID2}; return nil },
		ping:   func(r *PingRequest) (*OpenThing, error) { *got = []string{"Ping", r.Key}; return nil, nil },
	}
}

func TestRouting(t *testing.T) {
	var got []string
	svc := recordingService(&got)
	h := NewHandler(svc)
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
	notFound := []string{"/nothing", "/users", "/users/", "/users/a/b", "/drives/d/root:/:/content", "/a/1/b/2/$REF/x", "/bad/x", "/", "/reports/getX(period=D7)", "/empty/x/x"}
	for _, p := range notFound {
		wantError(t, serve(t, h, "GET", p, ""), 404, "itemNotFound")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/users/a%20b", nil))
	if rec.Code != 200 || got[1] != "a b" {
		t.Errorf("decoded value: %d %q", rec.Code, got)
	}
	rec = serve(t, h, "GET", "/reports/x/42", "")
	wantError(t, rec, 405, "methodNotAllowed")
	if allow := rec.Header().Get("Allow"); allow != "PATCH, PUT" {
		t.Errorf("Allow = %q", allow)
	}
	rec = serve(t, h, "POST", "/a/1/b/2/$ref", "")
	wantError(t, rec, 405, "methodNotAllowed")
	if allow := rec.Header().Get("Allow"); allow != "DELETE" {
		t.Errorf("Allow = %q", allow)
	}
	rec = serve(t, h, "POST", "/users/ping", "")
	if allow := rec.Header().Get("Allow"); rec.Code != 405 || allow != "GET" {
		t.Errorf("POST /users/ping: %d Allow=%q", rec.Code, allow)
	}
	long := "/users/" + strings.Repeat("a", 8192)
	wantError(t, serve(t, h, "GET", long, ""), 414, "uriTooLong")
	if rec := serve(t, h, "GET", long[:8192], ""); rec.Code != 200 {
		t.Errorf("8192-byte path: %d", rec.Code)
	}
	if svc.received.Load() == 0 {
		t.Error("no request reached the service")
	}
}

// serveEscaped sends one request whose target is escaped as on the wire
// (newTestRequest would encode its "%").
func serveEscaped(h http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

// TestEncodedSlash checks the routing of paths that encode a "/" (%2F or
// %2f): it stays inside its segment, no literal "/" of a pattern matches
// it, and the service receives it decoded, like every other escape.
func TestEncodedSlash(t *testing.T) {
	var got []string
	svc := recordingService(&got)
	svc.counts = func(r *GetCountsRequest) (*CollectionResponse[UserReport], error) {
		got = []string{"GetCounts", r.Period, TypeCast(r.HTTPRequest)}
		return &CollectionResponse[UserReport]{Value: []UserReport{{}, {}}}, nil
	}
	h := NewHandler(svc)
	cases := []struct {
		method, target string
		status         int
		want           []string
		body           string
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
		{"GET", "/groups/a%2Fb/members/$count", 200, []string{"GetCounts", "a/b", ""}, "2"},
		{"GET", "/groups/a%2Fb/members/%24count", 200, []string{"GetCounts", "a/b", ""}, "2"},
		{"GET", "/groups/a%2Fb/members/microsoft.graph.user", 200, []string{"GetCounts", "a/b", "microsoft.graph.user"}, "{\"value\":[{},{}]}\n"},
		{"GET", "/groups/a%2Fb/members/microsoft.graph.user/$count", 200, []string{"GetCounts", "a/b", "microsoft.graph.user"}, "2"},
		// An encoded "/" never matches the literal "/" of a pattern.
		{"GET", "/users%2Fabc", 404, nil, ""},
		{"GET", "/me%2F", 404, nil, ""},
		{"GET", "/users/a%2Fb/", 404, nil, ""},
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
		if rec.Code != c.status || !reflect.DeepEqual(got, c.want) || rec.Code == 200 && rec.Body.String() != c.body {
			t.Errorf("%s %s: %d %q %q, want %d %q %q", c.method, c.target, rec.Code, got, rec.Body, c.status, c.want, c.body)
		}
	}
	if rec := serveEscaped(h, "POST", "/users/a%2Fb"); rec.Header().Get("Allow") != "GET" {
		t.Errorf("Allow = %q", rec.Header().Get("Allow"))
	}
	// The path limit counts decoded bytes.
	got = nil
	if rec := serveEscaped(h, "GET", "/users/"+strings.Repeat("%2F", 8192-len("/users/"))); rec.Code != 200 || len(got) != 2 || got[1] != strings.Repeat("/", 8192-len("/users/")) {
		t.Errorf("8192 decoded bytes: %d", rec.Code)
	}
	wantError(t, serveEscaped(h, "GET", "/users/"+strings.Repeat("%2F", 8192)), 414, "uriTooLong")
}

// TestHandBuiltPath checks requests built by hand, whose URL.RawPath may
// be malformed or not encode URL.Path: the handler routes by URL.Path then,
// as if nothing was encoded, and never panics.
func TestHandBuiltPath(t *testing.T) {
	var got []string
	svc := &testService{getUser: func(r *GetUserRequest) (*UserReport, error) { got = []string{r.ID}; return nil, nil }}
	spy := &logSpy{}
	h := NewHandler(svc, WithErrorLog(spy.log))
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
	for _, bad := range []string{"%", "/a%", "/a%2", "/a%zz", "/a%+1", "/a%-1", "/a%_1", "/a% 1", "/a%0x"} {
		if _, ok := decodePath(bad); ok {
			t.Errorf("decodePath(%q) succeeded", bad)
		}
	}
	rp, ok := decodePath("/a%2Fb%25%2f%41")
	if want := "/a/b%/A"; !ok || rp.text != want || !rp.separates(0) || rp.separates(2) || rp.separates(5) || !rp.isEncoded(5) || rp.isEncoded(6) {
		t.Errorf("decodePath = %q %v %v, want %q with the \"/\" at 2 and 5 encoded", rp.text, rp.encoded, ok, want)
	}
}

// TestRouterAgainstReference checks the emitted router against the cases
// computed by the generator-side route package (testdata/routecases.json,
// written by the runtime package's test).
func TestRouterAgainstReference(t *testing.T) {
	data, err := os.ReadFile("testdata/routecases.json")
	if err != nil {
		t.Skip("no reference cases:", err)
	}
	var cases []struct {
		Pattern, Path, Escaped string
		Values                 []string
		OK                     bool
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
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
	}
	if len(cases) < 100 {
		t.Errorf("only %d reference cases", len(cases))
	}
}

func TestRouterScale(t *testing.T) {
	var table []route
	for i := range 5000 {
		table = append(table, route{method: "GET", pattern: fmt.Sprintf("/res%d/{id}/child/{cid}", i), serve: (*handler).servePing})
	}
	table = append(table, route{method: "GET", pattern: "/{a}:/{b}:/{c}:/{d}:/x", serve: (*handler).servePing})
	rt := newRouter(table)
	start := time.Now()
	for i := range 2000 {
		if e, params, _ := rt.lookup("GET", requestPath{text: fmt.Sprintf("/res%d/7/child/8", i)}); e == nil || params[1] != "8" {
			t.Fatalf("lookup %d failed", i)
		}
	}
	rt.lookup("GET", requestPath{text: "/" + strings.Repeat(":/", 4000)})
	slashes, _ := decodePath("/" + strings.Repeat(":%2F", 2700))
	rt.lookup("GET", slashes)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("lookups took %v", d)
	}
}

func TestDecode(t *testing.T) {
	var last *UserReport
	svc := &testService{update: func(r *UpdateReportRequest) (*UserReport, error) {
		last = &r.Body
		return &r.Body, nil
	}}
	h := NewHandler(svc)
	ok := func(body string, header ...string) *UserReport {
		t.Helper()
		last = nil
		rec := serve(t, h, "PATCH", "/reports/x/1", body, header...)
		if rec.Code != 200 || last == nil {
			t.Fatalf("PATCH %s: %d %s", body, rec.Code, rec.Body)
		}
		return last
	}
	bad := func(body string, status int, code string, fragments ...string) string {
		t.Helper()
		last = nil
		msg := wantError(t, serve(t, h, "PATCH", "/reports/x/1", body), status, code, fragments...)
		if last != nil {
			t.Errorf("PATCH %s reached the service", body)
		}
		return msg
	}

	r := ok(`{}`)
	if r.IsSuccess.IsSet() {
		t.Error("absent isSuccess is set")
	}
	r = ok(`{"isSuccess":false}`)
	if v, set := r.IsSuccess.Get(); !set || v || r.IsSuccess.IsNull() {
		t.Errorf("false: %+v", r.IsSuccess)
	}
	r = ok(`{"isSuccess":null,"tags":null,"kids":null,"address":null,"feature":null,"blob":null,"labels":null}`)
	if !r.IsSuccess.IsNull() || !r.Tags.IsNull() || !r.Address.IsNull() || !r.Feature.IsNull() {
		t.Errorf("null: %+v", r)
	}
	r = ok(``)
	if !reflect.DeepEqual(*r, UserReport{}) {
		t.Error("empty body set a field")
	}
	ok(`  `)
	ok(`{"feature":"reset"}`, "Content-Type", "Application/JSON; charset=utf-8")
	ok(`{}`, "Content-Type", "application/merge-patch+json")
	r = ok(`{"@odata.type":"#microsoft.graph.x","x@odata.bind":"https://example.com/a","@odata.context":"c","@odata.etag":{"a":[1]}}`)
	if r.ODataType.Or("") != "#microsoft.graph.x" {
		t.Errorf("@odata.type = %+v", r.ODataType)
	}
	r = ok(`{"id":"i","name":"a\u0000b","count":-9223372036854775808,"size":65535,"small":-128,"score":1.7976931348623157e308,"ratio":-3.4e38,
		"blob":[1,"x",{"y":null}],"labels":{"a":"reset"},"features":["reset","unknownFutureValue"],"when":"2024-01-02T03:04:05.1234567+02:00",
		"addresses":[{"city":"c","zip":1}],"kids":[{"kids":[{"feature":"registration"}]}],"parent":{"parent":{"id":"pp"}}}`)
	if r.ID.Or("") != "i" || r.Count.Or(0) != -9223372036854775808 || r.Kids.Or(nil)[0].Kids.Or(nil)[0].Feature.Or("") != "registration" {
		t.Errorf("decoded %+v", r)
	}
	if p, _ := r.Parent.Get(); p.Parent.Or(UserReport{}).ID.Or("") != "pp" {
		t.Errorf("parent %+v", p)
	}
	r = ok("{\"name\":\"\xff\"}")
	if r.Name.Or("") != "\uFFFD" {
		t.Errorf("invalid UTF-8 value decoded as %q", r.Name.Or(""))
	}

	bad(`{"feature":"bogus"}`, 400, "invalidRequest", "Property 'feature' must be one of: registration, reset, unknownFutureValue.")
	if msg := bad(`{"feature":"bogus"}`, 400, "invalidRequest"); strings.Contains(msg, "bogus") {
		t.Errorf("message echoes the value: %q", msg)
	}
	badCases := map[string]string{
		`{"isSuccess":"yes"}`:                      "Property 'isSuccess' must be a boolean.",
		`{"isSuccess":1}`:                          "Property 'isSuccess' must be a boolean.",
		`{"name":5}`:                               "Property 'name' must be a string.",
		`{"name":{}}`:                              "Property 'name' must be a string.",
		`{"count":"1"}`:                            "Property 'count' must be an integer between -9223372036854775808 and 9223372036854775807.",
		`{"count":1.5}`:                            "Property 'count' must be an integer between",
		`{"count":1e3}`:                            "Property 'count' must be an integer between",
		`{"count":99999999999999999999}`:           "Property 'count' must be an integer between",
		`{"small":200}`:                            "Property 'small' must be an integer between -128 and 127.",
		`{"size":-1}`:                              "Property 'size' must be an integer between 0 and 65535.",
		`{"size":65536}`:                           "Property 'size' must be an integer between 0 and 65535.",
		`{"score":1e400}`:                          "Property 'score' must be a number.",
		`{"score":"1"}`:                            "Property 'score' must be a number.",
		`{"ratio":1e39}`:                           "Property 'ratio' must be a number.",
		`{"address":"x"}`:                          "Property 'address' must be an object.",
		`{"address":[]}`:                           "Property 'address' must be an object.",
		`{"address":{"city":5}}`:                   "Property 'address.city' must be a string.",
		`{"address":{"zip":2147483648}}`:           "Property 'address.zip' must be an integer between -2147483648 and 2147483647.",
		`{"address":{"kind":"x"}}`:                 "Property 'address.kind' must be one of: registration, reset, unknownFutureValue.",
		`{"address":{"street":"x"}}`:               "Property 'address.street' is not defined.",
		`{"tags":{}}`:                              "Property 'tags' must be an array.",
		`{"tags":"a"}`:                             "Property 'tags' must be an array.",
		`{"tags":["a",1]}`:                         "Property 'tags[1]' must be a string.",
		`{"tags":[null]}`:                          "Property 'tags[0]' must be a string.",
		`{"features":["reset","nope"]}`:            "Property 'features[1]' must be one of",
		`{"addresses":[{},{},{"city":true}]}`:      "Property 'addresses[2].city' must be a string.",
		`{"kids":[{"kids":[{},{"feature":"x"}]}]}`: "Property 'kids[0].kids[1].feature' must be one of",
		`{"parent":{"parent":{"foo":1}}}`:          "Property 'parent.parent.foo' is not defined.",
		`{"labels":{"a":"reset","b":"bad"}}`:       "Property 'labels.b' must be one of",
		`{"labels":[]}`:                            "Property 'labels' must be an object.",
		`{"foo":1}`:                                "Property 'foo' is not defined.",
		`{"@odata.type":5}`:                        "Property '@odata.type' must be a string.",
		`{"FEATURE":"bogus"}`:                      "Property 'FEATURE' must be one of",
		`{"when":"not a date"}`:                    "Property 'when' must be an RFC 3339 date and time such as 2024-01-02T03:04:05Z.",
		`{"when":""}`:                              "Property 'when' must be an RFC 3339 date and time",
		`{"when":"2024-01-02"}`:                    "Property 'when' must be an RFC 3339 date and time",
		`{"when":5}`:                               "Property 'when' must be a string.",
		`[1]`:                                      "The request body must be an object.",
		`null`:                                     "The request body must be an object.",
		`"x"`:                                      "The request body must be an object.",
	}
	for body, want := range badCases {
		bad(body, 400, "invalidRequest", want)
	}
	for _, body := range []string{`{"a":`, `{"a" 1}`, `{"a":1,}`, `{} x`, `{"a":tru}`, `{'a':1}`, "{\"a\":\"\x01\"}"} {
		msg := bad(body, 400, "invalidRequest", "not valid JSON", "byte")
		if strings.Contains(msg, "invalid character") || strings.Contains(msg, "unexpected") {
			t.Errorf("message has Go error text: %q", msg)
		}
	}
	long := strings.Repeat("k", 300)
	msg := bad(`{"`+long+`":1}`, 400, "invalidRequest", "Property '"+long[:100]+"' is not defined.")
	if strings.Contains(msg, long[:101]) {
		t.Errorf("long name not truncated: %q", msg)
	}
	rec := serve(t, h, "PATCH", "/reports/x/1", "{\"\xffé"+strings.Repeat("é", 60)+"\":1}")
	if !utf8.Valid(rec.Body.Bytes()) || rec.Code != 400 {
		t.Errorf("invalid UTF-8 key: %d %q", rec.Code, rec.Body)
	}
	wantError(t, rec, 400, "invalidRequest", "\uFFFDé")

	wantError(t, serve(t, h, "PATCH", "/reports/x/1", `{}`, "Content-Type", "text/plain"), 415, "unsupportedMediaType")
	wantError(t, serve(t, h, "PATCH", "/reports/x/1", `{}`, "Content-Type", "application/jsonp"), 415, "unsupportedMediaType")
	wantError(t, serve(t, h, "PATCH", "/reports/x/1", `{}`, "Content-Type", "+json"), 415, "unsupportedMediaType")
}

func TestOpenType(t *testing.T) {
	var last *OpenThing
	h := NewHandler(&testService{create: func(r *CreateThingRequest) (*OpenThing, error) { last = &r.Body; return &r.Body, nil }})
	rec := serve(t, h, "POST", "/things", `{"name":"n","extra":{"deep":[1,2,{"x":null}]},"more":5}`)
	if rec.Code != 201 || last == nil || last.Name.Or("") != "n" {
		t.Errorf("open type: %d %s", rec.Code, rec.Body)
	}
	checkJSON(t, "created", []byte(`{"name":"n"}`), rec.Body.Bytes(), false)
	wantError(t, serve(t, h, "POST", "/things", `{"kind":"bogus"}`), 400, "invalidRequest", "Property 'kind' must be one of")
	wantError(t, serve(t, h, "POST", "/things", `{"KIND":"bogus"}`), 400, "invalidRequest", "Property 'KIND' must be one of")
	wantError(t, serve(t, h, "POST", "/things", `{"name":1}`), 400, "invalidRequest", "Property 'name' must be a string.")
}

// nest returns a body whose blob is n arrays deep (n+1 levels with the
// outer object).
func nest(n int) string {
	return `{"blob":` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`
}

func TestDepth(t *testing.T) {
	h := NewHandler(&testService{
		update: func(r *UpdateReportRequest) (*UserReport, error) { return nil, nil },
		create: func(r *CreateThingRequest) (*OpenThing, error) { return nil, nil },
	})
	if rec := serve(t, h, "PATCH", "/reports/x/1", nest(63)); rec.Code != 200 {
		t.Errorf("depth 64: %d %s", rec.Code, rec.Body)
	}
	wantError(t, serve(t, h, "PATCH", "/reports/x/1", nest(64)), 400, "invalidRequest", "64")
	wantError(t, serve(t, h, "PATCH", "/reports/x/1", nest(100000)), 400, "invalidRequest")
	kids := func(n int) string { // 2n+1 levels
		return strings.Repeat(`{"kids":[`, n) + "{}" + strings.Repeat("]}", n)
	}
	if rec := serve(t, h, "PATCH", "/reports/x/1", kids(31)); rec.Code != 200 {
		t.Errorf("kids depth 63: %d %s", rec.Code, rec.Body)
	}
	wantError(t, serve(t, h, "PATCH", "/reports/x/1", kids(32)), 400, "invalidRequest", "nested")
	open := `{"x":` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + `}`
	wantError(t, serve(t, h, "POST", "/things", open), 400, "invalidRequest", "nested")
}

func TestBodyLimit(t *testing.T) {
	var calls atomic.Int64
	svc := &testService{update: func(r *UpdateReportRequest) (*UserReport, error) { calls.Add(1); return nil, nil }}
	const limit = 100
	h := NewHandler(svc, WithMaxBodyBytes(limit))
	atLimit := `{"name":"` + strings.Repeat("a", limit-len(`{"name":""}`)) + `"}`
	if rec := serve(t, h, "PATCH", "/reports/x/1", atLimit); rec.Code != 200 {
		t.Errorf("body at the limit: %d %s", rec.Code, rec.Body)
	}
	over := `{"name":"` + strings.Repeat("a", limit+1-len(`{"name":""}`)) + `"}`
	wantError(t, serve(t, h, "PATCH", "/reports/x/1", over), 413, "requestTooLarge")
	for _, cl := range []int64{-1, 10} { // unknown and lying Content-Length
		req := newTestRequest(t, "PATCH", "/reports/x/1", nil, over)
		req.ContentLength = cl
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		wantError(t, rec, 413, "requestTooLarge")
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, body := range []io.Reader{strings.NewReader(over), io.MultiReader(strings.NewReader(over))} {
		req, _ := http.NewRequest("PATCH", srv.URL+"/reports/x/1", body)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 413 {
			t.Errorf("over the limit through a server: %d", resp.StatusCode)
		}
	}
	if calls.Load() != 1 {
		t.Errorf("%d calls reached the service", calls.Load())
	}
	big := NewHandler(svc)
	if rec := serve(t, big, "PATCH", "/reports/x/1", `{"name":"`+strings.Repeat("a", 4<<20-20)+`"}`); rec.Code != 200 {
		t.Errorf("default limit: %d", rec.Code)
	}
	wantError(t, serve(t, big, "PATCH", "/reports/x/1", `{"name":"`+strings.Repeat("a", 4<<20)+`"}`), 413, "requestTooLarge")
}

func TestReply(t *testing.T) {
	spy := &logSpy{}
	res := &UserReport{Name: Some("<b>&</b>"), IsSuccess: Some(false), Tags: Null[[]string]()}
	svc := &testService{getUser: func(*GetUserRequest) (*UserReport, error) { return res, nil }}
	h := NewHandler(svc, WithErrorLog(spy.log))
	rec := serve(t, h, "GET", "/me", "")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/json" {
		t.Errorf("reply: %d %v", rec.Code, rec.Header())
	}
	if !strings.Contains(rec.Body.String(), `"<b>&</b>"`) {
		t.Errorf("HTML was escaped: %s", rec.Body)
	}
	checkJSON(t, "reply", []byte(`{"name":"<b>&</b>","isSuccess":false,"tags":null}`), rec.Body.Bytes(), false)
	res = &UserReport{Blob: Some(json.RawMessage(`{bad`))}
	wantError(t, serve(t, h, "GET", "/me", ""), 500, "generalException")
	if spy.count() != 1 {
		t.Errorf("encode failure logged %d times", spy.count())
	}
	svc.counts = func(*GetCountsRequest) (*CollectionResponse[UserReport], error) {
		return &CollectionResponse[UserReport]{ODataCount: Some[int64](1), Value: []UserReport{{Entity: Entity{ID: Some("a")}}}}, nil
	}
	rec = serve(t, h, "GET", "/reports/getX(period='D7')", "")
	checkJSON(t, "collection", []byte(`{"@odata.count":1,"value":[{"id":"a"}]}`), rec.Body.Bytes(), false)
	svc.delRef = func(*DeleteRefRequest) error { return nil }
	if rec := serve(t, h, "DELETE", "/a/1/b/2/$ref", ""); rec.Code != 204 || rec.Body.Len() != 0 {
		t.Errorf("no content: %d %q", rec.Code, rec.Body)
	}
}

// TestSetStatus checks that a service chooses its success status with
// SetStatus: the answer keeps its body except for 204, 304 and nil, a code
// that is not 200-399 is logged and the documented status answered, and the
// choice does not leak into the next request.
func TestSetStatus(t *testing.T) {
	spy := &logSpy{}
	var code atomic.Int64
	res := &UserReport{Name: Some("a")}
	svc := &testService{getUser: func(req *GetUserRequest) (*UserReport, error) {
		if c := code.Load(); c != 0 {
			SetStatus(req.HTTPRequest.Context(), int(c))
		}
		return res, nil
	}}
	h := NewHandler(svc, WithErrorLog(spy.log))
	for _, c := range []struct {
		set, want int
		body      bool
		logged    int
	}{
		{0, 200, true, 0}, {201, 201, true, 0}, {202, 202, true, 0}, {204, 204, false, 0},
		{302, 302, true, 0}, {304, 304, false, 0}, {0, 200, true, 0},
		{404, 200, true, 1}, {500, 200, true, 2}, {100, 200, true, 3}, {-1, 200, true, 4},
	} {
		code.Store(int64(c.set))
		rec := serve(t, h, "GET", "/me", "")
		if rec.Code != c.want || (rec.Body.Len() > 0) != c.body || spy.count() != c.logged {
			t.Errorf("SetStatus(%d): %d %q, %d logged; want %d, body %v, %d logged", c.set, rec.Code, rec.Body, spy.count(), c.want, c.body, c.logged)
		}
	}
	if errs := spy.all(); len(errs) == 0 || !strings.Contains(errs[0].Error(), "SetStatus(404) ignored") {
		t.Errorf("logged %v", errs)
	}
	code.Store(204)
	res = nil
	if rec := serve(t, h, "GET", "/me", ""); rec.Code != 204 || rec.Body.Len() != 0 {
		t.Errorf("nil result: %d %q", rec.Code, rec.Body)
	}
	svc.delRef = func(req *DeleteRefRequest) error {
		SetStatus(req.HTTPRequest.Context(), 200)
		return nil
	}
	if rec := serve(t, h, "DELETE", "/a/1/b/2/$ref", ""); rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("no result, 200: %d %q", rec.Code, rec.Body)
	}
	svc.delRef = func(req *DeleteRefRequest) error {
		SetStatus(req.HTTPRequest.Context(), 201)
		return &Error{Status: 409, Code: "conflict", Message: "Conflict."}
	}
	wantError(t, serve(t, h, "DELETE", "/a/1/b/2/$ref", ""), 409, "conflict")
	SetStatus(context.Background(), 201) // outside a request: no effect, no panic
}

func TestValidateStruct(t *testing.T) {
	good := &UserReport{Feature: Some(FeatureTypeReset), Kids: Some([]UserReport{{Features: Some([]FeatureType{"registration"})}})}
	if err := good.Validate(); err != nil {
		t.Errorf("valid: %v", err)
	}
	bad := &UserReport{Kids: Some([]UserReport{{}, {Address: Some(Address{Kind: Some(FeatureType("nope"))})}})}
	var ve *ValidationError
	if err := bad.Validate(); !errors.As(err, &ve) {
		t.Fatalf("invalid: %v", err)
	}
	want := &ValidationError{Property: "kids[1].address.kind", Value: "nope", Allowed: []string{"registration", "reset", "unknownFutureValue"}}
	if diff := cmp.Diff(want, ve); diff != "" {
		t.Errorf("ValidationError (-want +got):\n%s", diff)
	}
	for name, x := range map[string]interface{ Validate() error }{
		"parent":   &UserReport{Parent: Some(UserReport{Parent: Some(UserReport{Features: Some([]FeatureType{"reset", ""})})})},
		"labels":   &UserReport{Labels: Some(map[string]FeatureType{"b": "x", "a": "reset"})},
		"optional": &UserReport{Feature: Some(FeatureType("x"))},
	} {
		if err := x.Validate(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if err := (&UserReport{Labels: Some(map[string]FeatureType{"b": "x"})}).Validate(); !errors.As(err, &ve) || ve.Property != "labels.b" {
		t.Errorf("labels: %v", err)
	}
	cyc := make([]UserReport, 2)
	cyc[0].Kids = Some(cyc)
	cyc[1].Kids = Some(cyc)
	done := make(chan error)
	go func() { done <- (&UserReport{Kids: Some(cyc)}).Validate() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("cycle: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("validateStruct does not terminate on a cycle")
	}
	cyc[1].Feature = Some(FeatureType("bad"))
	if err := cyc[0].Validate(); !errors.As(err, &ve) || ve.Property != "kids[1].feature" {
		t.Errorf("cycle with a bad value: %v", err)
	}
	if err := validateStruct(nil); err != nil {
		t.Errorf("nil: %v", err)
	}
}

func TestConcurrent(t *testing.T) {
	svc := &testService{
		update: func(r *UpdateReportRequest) (*UserReport, error) { return &r.Body, nil },
		getUser: func(r *GetUserRequest) (*UserReport, error) {
			if r.ID == "panic" {
				panic("boom")
			}
			return &UserReport{Entity: Entity{ID: Some(r.ID)}}, nil
		},
	}
	srv := httptest.NewServer(NewHandler(svc, WithErrorLog(func(*http.Request, error) {})))
	defer srv.Close()
	var wg sync.WaitGroup
	errs := make(chan string, 1000)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 25 {
				id := fmt.Sprintf("u%d-%d", g, i)
				check := func(resp *http.Response, err error, want int) {
					if err != nil {
						errs <- err.Error()
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != want {
						errs <- fmt.Sprintf("%s: %d, want %d", id, resp.StatusCode, want)
					}
				}
				resp, err := http.Get(srv.URL + "/users/" + id)
				check(resp, err, 200)
				req, _ := http.NewRequest("PATCH", srv.URL+"/reports/x/"+id, strings.NewReader(`{"kids":[{"feature":"reset"}],"address":{"city":"c"}}`))
				resp, err = http.DefaultClient.Do(req)
				check(resp, err, 200)
				req, _ = http.NewRequest("PATCH", srv.URL+"/reports/x/"+id, strings.NewReader(`{"feature":"nope"}`))
				resp, err = http.DefaultClient.Do(req)
				check(resp, err, 400)
				resp, err = http.Get(srv.URL + "/users/panic")
				check(resp, err, 500)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestDefaultErrorLogAndUnwrap(t *testing.T) {
	var buf strings.Builder
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	svc := &testService{getUser: func(*GetUserRequest) (*UserReport, error) { return nil, errors.New("logged by default") }}
	wantError(t, serve(t, NewHandler(svc), "GET", "/me", ""), 500, "generalException")
	if !strings.Contains(buf.String(), "GET /me: logged by default") {
		t.Errorf("default log: %q", buf.String())
	}
	rec := httptest.NewRecorder()
	if w := (&trackingWriter{ResponseWriter: rec}); w.Unwrap() != rec || http.NewResponseController(w).Flush() != nil || !rec.Flushed {
		t.Error("trackingWriter does not unwrap to the ResponseWriter")
	}
}

func TestOptions(t *testing.T) {
	h := NewHandler(&testService{}, nil, WithErrorLog(nil), WithMaxBodyBytes(0))
	wantError(t, serve(t, h, "GET", "/me", ""), 501, "notImplemented")
	svc := &testService{getUser: func(*GetUserRequest) (*UserReport, error) { return nil, errors.New("x") }}
	wantError(t, serve(t, NewHandler(svc, WithErrorLog(nil)), "GET", "/me", ""), 500, "generalException")
}

func TestNewTestRequest(t *testing.T) {
	r := newTestRequest(t, "GET", `/reports/getX(period='D 7')/{x}/"q"/100%/a#b?$filter=name eq 'a b'&$search="x y"&q={z}`, http.Header{"X-A": {"1", "2"}}, "")
	if want := `/reports/getX(period='D 7')/{x}/"q"/100%/a#b`; r.URL.Path != want {
		t.Errorf("Path = %q, want %q", r.URL.Path, want)
	}
	// The handler routes a test request by the documented path: every "/"
	// of it separates segments, and a documented "%2F" is text.
	for _, doc := range []string{`/reports/getX(period='D 7')/{x}/"q"/100%/a#b`, "/drives/{id}/root:/a%2Fb c/$d=(1):/content", "/x%252F%/y"} {
		rp := routingPath(newTestRequest(t, "GET", doc+"?q=%2F", nil, ""))
		if rp.text != doc || rp.encoded != nil {
			t.Errorf("routingPath = %q %v, want %q with no encoded \"/\"", rp.text, rp.encoded, doc)
		}
	}
	q := r.URL.Query()
	if q.Get("$filter") != "name eq 'a b'" || q.Get("$search") != `"x y"` || q.Get("q") != "{z}" {
		t.Errorf("Query = %v", q)
	}
	if got := r.Header.Values("X-A"); len(got) != 2 {
		t.Errorf("header = %v", got)
	}
	r = newTestRequest(t, "POST", "https://graph.microsoft.com/v1.0/me?x=%24y", nil, `{"a":1}`)
	if r.URL.Path != "/v1.0/me" || r.URL.Query().Get("x") != "$y" || r.Host != "graph.microsoft.com" {
		t.Errorf("absolute: %q %q %q", r.URL.Path, r.URL.RawQuery, r.Host)
	}
	if b, _ := io.ReadAll(r.Body); string(b) != `{"a":1}` {
		t.Errorf("body %q", b)
	}
}

func TestCheckJSON(t *testing.T) {
	checkJSON(t, "equal", []byte(`{"a":1.0,"b":[1,2e0],"c":{"d":null}}`), []byte(`{"c":{"d":null},"b":[1.00,2],"a":1}`), false)
	checkJSON(t, "subset", []byte(`{"a":100,"b":[{"x":1}]}`), []byte(`{"a":1e2,"b":[{"x":1,"y":2}],"z":true}`), true)
	checkJSON(t, "scalars", []byte(`"x"`), []byte(` "x" `), true)
	checkJSON(t, "big", []byte(`12345678901234567890123`), []byte(`12345678901234567890123.0`), false)
}

// TestCheckJSONFailures runs failing checks in a child process and checks
// that they fail with a diff.
func TestCheckJSONFailures(t *testing.T) {
	failing := map[string]func(t *testing.T){
		"value":       func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{"a":1}`), []byte(`{"a":2}`), true) },
		"missing":     func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{"a":1,"b":2}`), []byte(`{"a":1}`), true) },
		"extra":       func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{"a":1}`), []byte(`{"a":1,"b":2}`), false) },
		"length":      func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`[1]`), []byte(`[1,2]`), true) },
		"type":        func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{"a":"1"}`), []byte(`{"a":1}`), true) },
		"invalid got": func(t *testing.T) { checkJSON(t, "WHAT-LABEL", []byte(`{}`), []byte(`{`), true) },
		"round trip":  func(t *testing.T) { roundTrip[UserReport](t, `{"id":"a","unknown":1}`) },
		"round null":  func(t *testing.T) { roundTrip[Address](t, `{"city":"c","zip":1.5}`) },
	}
	if name := os.Getenv("RUNTIME_FAIL_CASE"); name != "" {
		failing[name](t)
		return
	}
	for name := range failing {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCheckJSONFailures$", "-test.v")
		cmd.Env = append(os.Environ(), "RUNTIME_FAIL_CASE="+name)
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Errorf("%s: passed, want a failure", name)
			continue
		}
		if name != "invalid got" && !strings.Contains(name, "round") && !strings.Contains(string(out), "(-want +got)") {
			t.Errorf("%s: no diff in\n%s", name, out)
		}
		if !strings.Contains(name, "round") && !strings.Contains(string(out), "WHAT-LABEL") {
			t.Errorf("%s: output does not name the check:\n%s", name, out)
		}
	}
}

type embA struct {
	X      Optional[string] `json:"x,omitzero"`
	Shared Optional[int]    `json:"shared,omitzero"`
	Amb    Optional[int]    `json:"amb,omitzero"`
	Plain2 string
}

type embB struct {
	Y       Optional[string] `json:"y,omitzero"`
	Amb     Optional[int]    `json:"amb,omitzero"`
	Shared2 int              `json:"shared"`
	P2      string           `json:"Plain2"`
}

// Named is embedded with a tag, so its fields are not promoted.
type Named struct {
	Z string `json:"z"`
}

// Word is an embedded non-struct type.
type Word string

type fieldRules struct {
	embA
	*embB
	Named `json:"named"`
	Word
	Shared Optional[int] `json:"shared,omitzero"`
	Skip   string        `json:"-"`
	hidden string
	Plain  string
	Dash   string `json:"-,"`
	// Tag names encoding/json rejects fall back to the field name.
	Quoted    string `json:"a\"b,omitempty"`
	Euro      string `json:"€uro"`
	Apostr    string `json:"it's"`
	Separator string `json:"x y"`
	Spaced    string `json:"a b!#$%&()*+-./:;<=>?@[]^_{|}~"`
}

func TestStructFields(t *testing.T) {
	v := fieldRules{embA: embA{X: Some("x"), Shared: Some(1), Amb: Some(1), Plain2: "p"}, embB: &embB{Y: Some("y"), Amb: Some(2), Shared2: 3, P2: "q"},
		Named: Named{Z: "z"}, Word: "w", Shared: Some(4), Skip: "s", hidden: "h", Plain: "p", Dash: "d",
		Quoted: "q", Euro: "e", Apostr: "a", Separator: "s", Spaced: "sp"}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	_ = json.Unmarshal(data, &m)
	var want, got []string
	for k := range m {
		want = append(want, k)
	}
	for _, f := range jsonFieldsOf(reflect.TypeFor[fieldRules]()).fields {
		got = append(got, f.name)
	}
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("field names (-encoding/json +runtime):\n%s", diff)
	}
	typ := reflect.TypeFor[fieldRules]()
	for body, want := range map[string]string{
		`{"amb":1}`:         "Property 'amb' is not defined.",
		`{"z":"a"}`:         "Property 'z' is not defined.",
		`{"Skip":"a"}`:      "Property 'Skip' is not defined.",
		`{"hidden":"a"}`:    "Property 'hidden' is not defined.",
		`{"shared":"x"}`:    "Property 'shared' must be an integer",
		`{"named":{"y":1}}`: "Property 'named.y' is not defined.",
		`{"Plain2":1}`:      "Property 'Plain2' must be a string.",
		`{"Word":1}`:        "Property 'Word' must be a string.",
		`{"x":1}`:           "Property 'x' must be a string.",
		`{"y":1}`:           "Property 'y' must be a string.",
		`{"plain":1}`:       "Property 'plain' must be a string.",
		`{"-":1}`:           "Property '-' must be a string.",
		`{"named":{"z":1}}`: "Property 'named.z' must be a string.",
		`{"a\"b":"q"}`:      "Property 'a\"b' is not defined.",
		`{"€uro":"q"}`:      "Property '€uro' is not defined.",
		`{"quoted":1}`:      "Property 'quoted' must be a string.",
		`{"Euro":1}`:        "Property 'Euro' must be a string.",
		`{"x":"a","y":"b","named":{"z":"c"},"plain":"d","-":"e","Word":"f","shared":1,"Apostr":"g","separator":"h","a b!#$%&()*+-./:;<=>?@[]^_{|}~":"i"}`: "",
	} {
		e := checkBody([]byte(body), typ)
		if want == "" && e != nil || want != "" && (e == nil || !strings.Contains(e.Message, want)) {
			t.Errorf("checkBody(%s) = %v, want %q", body, e, want)
		}
	}
}
