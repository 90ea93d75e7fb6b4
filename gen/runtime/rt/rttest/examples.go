package rttest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/gen/runtime/rt"
)

// docTests is what the golden tests of a generated package need: its
// Service interface type and operation table.
type docTests struct {
	service reflect.Type
	ops     map[string]*rt.OpInfo
	table   []*rt.Operation
	// h is the handler every example goes through, built once; it calls
	// the double of the example being served (dbl).
	h   *rt.Handler
	dbl *docDouble
}

// newDocTests indexes the operation table.
func newDocTests(t *testing.T, service reflect.Type, table []*rt.Operation) *docTests {
	t.Helper()
	d := &docTests{service: service, ops: map[string]*rt.OpInfo{}, table: table}
	methods := rt.ServiceMethods(service)
	for _, op := range table {
		info, err := rt.NewOpInfo(op)
		if err == nil {
			err = info.SetResult(methods, reflect.Value{})
		}
		if err != nil {
			t.Fatal(err)
		}
		d.ops[op.Name] = info
	}
	d.h = rt.NewHandler(nil, service, table, []rt.Option{rt.WithIntercept(func(op *rt.OpInfo, ctx context.Context, req any) (any, error) {
		return d.dbl.call(op, ctx, req)
	})})
	return d
}

// RunDocExamples runs every documented example of testdata/examples as a
// subtest <Operation>/<example> of t: the documented request goes through
// the handler to a double that checks what the operation receives and
// answers the documented response, which the client must get.
func RunDocExamples(t *testing.T, service reflect.Type, table []*rt.Operation) {
	d := newDocTests(t, service, table)
	archives, err := rt.ReadDocArchives(os.DirFS(rt.DocTestDir))
	if err != nil {
		t.Fatal(err)
	}
	order, byOp, err := rt.GroupDocExamples(archives)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range order {
		t.Run(op, func(t *testing.T) {
			for _, ex := range byOp[op] {
				_, sub, _ := strings.Cut(ex.Name, "/")
				t.Run(sub, func(t *testing.T) { d.run(t, ex) })
			}
		})
	}
}

// RunDocRoutes checks that every documented request line reaches its
// Operation (the "routes" files of testdata/examples).
func RunDocRoutes(t *testing.T, service reflect.Type, table []*rt.Operation) {
	d := newDocTests(t, service, table)
	archives, err := rt.ReadDocArchives(os.DirFS(rt.DocTestDir))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range archives {
		data, ok := a.Files["routes"]
		if !ok {
			continue
		}
		cases, err := parseDocRoutes(data)
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		for _, c := range cases {
			op := d.ops[c.op]
			if op == nil {
				t.Errorf("%s: %s %s: no operation %s", a.Name, c.method, c.path, c.op)
				continue
			}
			body := ""
			if op.Body >= 0 {
				body = "{}"
			}
			dbl := &docDouble{t: t, want: c.op}
			rec := d.serve(t, dbl, c.method, c.path, [][2]string{{"Content-Type", "application/json"}}, body)
			if !dbl.called {
				t.Errorf("%s: %s %s: %s was not called; got %d %s", a.Name, c.method, c.path, c.op, rec.Code, rec.Body)
			}
		}
	}
}

// docDouble stands in for the Service: it checks that the expected
// Operation was called, hands the decoded request to check, chooses the
// status with SetStatus when status is not 0, sets headers with
// ResponseHeader, and returns result and err.
type docDouble struct {
	t       *testing.T
	want    string // "" when no operation may be called
	mu      sync.Mutex
	called  bool
	check   func(req reflect.Value)
	status  int
	headers [][2]string // set with ResponseHeader
	result  any
	err     error
}

// call is the handler's intercept.
func (s *docDouble) call(op *rt.OpInfo, ctx context.Context, req any) (any, error) {
	s.t.Helper()
	s.mu.Lock()
	s.called = true
	s.mu.Unlock()
	if op.Name != s.want {
		want := s.want
		if want == "" {
			want = "no operation"
		}
		s.t.Errorf("handler called %s, want %s", op.Name, want)
	}
	if s.check != nil {
		s.check(reflect.ValueOf(req).Elem())
	}
	if s.status != 0 {
		rt.SetStatus(ctx, s.status)
	}
	for _, h := range s.headers {
		rt.ResponseHeader(ctx).Set(h[0], h[1])
	}
	return s.result, s.err
}

// serve sends a documented request through the handler with the double.
func (d *docTests) serve(t *testing.T, dbl *docDouble, method, target string, header [][2]string, body string) *httptest.ResponseRecorder {
	t.Helper()
	d.dbl = dbl
	rec := httptest.NewRecorder()
	d.h.ServeHTTP(rec, newTestRequest(t, method, target, rt.DocHeader(header), body))
	return rec
}

// run is one example's test.
func (d *docTests) run(t *testing.T, ex *rt.DocExample) {
	op := d.ops[ex.Op]
	if op == nil {
		t.Fatalf("no operation %s", ex.Op)
	}
	if ex.Rejects {
		rec := d.serve(t, &docDouble{t: t}, ex.Method, ex.Target, ex.Header, string(ex.RequestBody))
		checkRejected(t, rec, ex.Reject)
		if ex.RejectEnum {
			d.roundTrips(t, op, ex)
		}
		return
	}
	dbl := &docDouble{t: t, want: op.Name, status: ex.SetStatus, headers: ex.AnswerHeaders}
	dbl.check = func(req reflect.Value) { d.checkRequest(t, op, ex, req) }
	switch {
	case ex.IsStream:
		dbl.result = &rt.Stream{ContentType: ex.StreamType, Body: bytes.NewReader(ex.ResponseBody), Location: ex.Location}
	case ex.IsCount && d.resultType(t, op) == reflect.TypeFor[int64]():
		// An operation that answers a count (Operation.Count).
		dbl.result = ex.Count
	case ex.IsCount:
		res := reflect.New(d.resultType(t, op).Elem())
		n := ex.Count
		res.Elem().FieldByName("ODataCount").Set(reflect.ValueOf(&n))
		dbl.result = res.Interface()
	case ex.ErrStatus != 0:
		dbl.err = &rt.Error{Status: ex.ErrStatus, Code: ex.ErrCode, Message: ex.ErrMessage, Target: ex.ErrTarget, Details: ex.ErrDetails}
	case len(strings.TrimSpace(string(ex.ResponseBody))) > 0 && d.resultType(t, op) != nil:
		res, err := decodeResult(ex.ResponseBody, d.resultType(t, op))
		if err != nil {
			t.Fatalf("documented response does not decode: %v", err)
		}
		dbl.result = res
	}
	rec := d.serve(t, dbl, ex.Method, ex.Target, ex.Header, string(ex.RequestBody))
	if rec.Code != ex.Status {
		t.Fatalf("status = %d, want %d; body: %s", rec.Code, ex.Status, rec.Body)
	}
	if !dbl.called {
		t.Fatal("the service was not called")
	}
	for _, h := range ex.AnswerHeaders {
		if got := rec.Header().Get(h[0]); got != h[1] {
			t.Errorf("%s = %q, want %q (the documented header, which the service set)", h[0], got, h[1])
		}
	}
	switch {
	case ex.IsStream:
		checkStream(t, rec, ex)
		return
	case ex.IsCount:
		if got := strings.TrimSpace(rec.Body.String()); got != strconv.FormatInt(ex.Count, 10) {
			t.Errorf("count = %q, want %d", got, ex.Count)
		}
		return
	case ex.ErrStatus != 0:
		if ex.ErrCode != "" || ex.ErrMessage != "" {
			checkError(t, rec, ex.ErrCode, ex.ErrMessage)
		}
		checkErrorDetails(t, rec, ex)
	case len(strings.TrimSpace(string(ex.ResponseBody))) == 0:
		if rec.Body.Len() != 0 {
			t.Errorf("body = %s, want none", rec.Body)
		}
	default:
		if ex.ResponseRenamed != "" {
			checkJSONFold(t, "response body", d.projected(t, op, ex), rec.Body.Bytes(), ex.Truncated)
		} else {
			checkJSON(t, "response body", d.projected(t, op, ex), rec.Body.Bytes(), ex.Truncated)
		}
	}
	d.roundTrips(t, op, ex)
}

// projected is the documented response as the handler answers it: with
// only the properties the request's $select names (and id and control
// information), as Graph answers; the docs sometimes show more.
func (d *docTests) projected(t *testing.T, op *rt.OpInfo, ex *rt.DocExample) []byte {
	_, rawQuery, ok := strings.Cut(ex.Target, "?")
	if !ok {
		return ex.ResponseBody
	}
	q, e := rt.ParseRequestQuery(rawQuery, op.Params)
	if e != nil {
		return ex.ResponseBody
	}
	opts := rt.AnswerOptions(q, op, true)
	if opts.Selected == nil {
		return ex.ResponseBody
	}
	out, err := rt.ProjectJSON(ex.ResponseBody, opts.Selected, opts.SelectInValue, ex.ResponseRenamed != "")
	if err != nil {
		t.Fatalf("documented response: %v", err)
	}
	return out
}

// checkRequest compares the request the operation got with the documented
// one: path parameters and the decoded body.
func (d *docTests) checkRequest(t *testing.T, op *rt.OpInfo, ex *rt.DocExample, req reflect.Value) {
	t.Helper()
	for _, p := range ex.Params {
		if got := req.FieldByName(p[0]).String(); got != p[1] {
			t.Errorf("%s = %q, want %q", p[0], got, p[1])
		}
	}
	if op.Body < 0 || len(strings.TrimSpace(string(ex.RequestBody))) == 0 {
		return
	}
	if ct := rt.DocHeader(ex.Header).Get("Content-Type"); op.TakesRaw(ct) {
		// A media type the operation takes raw: nothing decoded, the
		// documented bytes in the request.
		if !req.Field(op.Body).IsZero() {
			t.Errorf("a %s body was decoded as JSON", ct)
		}
		if hr, _ := req.FieldByName("HTTPRequest").Interface().(*http.Request); hr != nil && hr.Body != nil {
			got, err := io.ReadAll(hr.Body)
			if err != nil || !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(ex.RequestBody)) {
				t.Errorf("the service read %q (%v), want the documented %s body", got, err, ct)
			}
		}
		return
	}
	want := reflect.New(op.BodyType)
	if err := rt.UnmarshalStruct(ex.RequestBody, want.Interface()); err != nil {
		t.Errorf("documented request body does not decode: %v", err)
		return
	}
	if diff := cmp.Diff(want.Elem().Interface(), req.Field(op.Body).Interface(), cmp.Exporter(func(reflect.Type) bool { return true })); diff != "" {
		t.Errorf("decoded request body differs from the docs (-want +got):\n%s", diff)
	}
}

// roundTrips checks that the documented bodies survive the operation's
// types: decoded and encoded again, each equals the documented JSON.
func (d *docTests) roundTrips(t *testing.T, op *rt.OpInfo, ex *rt.DocExample) {
	if ex.RoundTripRequest && op.Body >= 0 {
		t.Run("request-round-trip", func(t *testing.T) {
			docRoundTrip(t, op.BodyType, ex.RequestBody)
		})
	}
	if ex.RoundTripResponse {
		if rt := d.resultType(t, op); rt != nil {
			t.Run("response-round-trip", func(t *testing.T) {
				docRoundTrip(t, rt, ex.ResponseBody)
			})
		}
	}
}

// resultType is the type the Service method of op returns (its first
// result), nil when it returns only an error.
func (d *docTests) resultType(t *testing.T, op *rt.OpInfo) reflect.Type {
	m, ok := d.service.MethodByName(op.Name)
	if !ok {
		t.Fatalf("Service has no method %s", op.Name)
	}
	if m.Type.NumOut() < 2 {
		return nil
	}
	return m.Type.Out(0)
}

// docRoundTrip decodes body into a value of type typ (through its pointer
// when typ is a pointer, as a family member when it is a family's
// interface), encodes it again, and checks the result equals body as JSON.
func docRoundTrip(t *testing.T, typ reflect.Type, body []byte) {
	t.Helper()
	v, err := decodeResult(body, typ)
	if err != nil {
		t.Errorf("decoding %v: %v", typ, err)
		return
	}
	out, err := rt.AppendJSON(nil, v, nil)
	if err != nil {
		t.Errorf("encoding %v: %v", typ, err)
		return
	}
	checkJSON(t, "round trip of "+typ.String(), body, out, false)
}

// decodeResult decodes body as a value of typ: a new pointer for a pointer
// type, the member its @odata.type names for a family's interface, else a
// value.
func decodeResult(body []byte, typ reflect.Type) (any, error) {
	switch typ.Kind() {
	case reflect.Pointer:
		v := reflect.New(typ.Elem())
		return v.Interface(), rt.UnmarshalStruct(body, v.Interface())
	case reflect.Interface:
		return decodeFamilyMember(body, typ)
	}
	v := reflect.New(typ)
	err := rt.UnmarshalStruct(body, v.Interface())
	return v.Elem().Interface(), err
}

// checkErrorDetails asserts the documented target and details of an
// error answer (none when the docs show none).
func checkErrorDetails(t *testing.T, rec *httptest.ResponseRecorder, ex *rt.DocExample) {
	t.Helper()
	var body struct {
		Error struct {
			Target  string           `json:"target"`
			Details []rt.ErrorDetail `json:"details"`
		} `json:"error"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("error body %s: %v", rec.Body, err)
	}
	if body.Error.Target != ex.ErrTarget {
		t.Errorf("error target = %q, want %q", body.Error.Target, ex.ErrTarget)
	}
	if !slices.Equal(body.Error.Details, ex.ErrDetails) {
		t.Errorf("error details = %+v, want %+v", body.Error.Details, ex.ErrDetails)
	}
}

// checkError asserts a Graph error body with the documented code and
// message (each when not "").
func checkError(t *testing.T, rec *httptest.ResponseRecorder, code, message string) {
	t.Helper()
	gotCode, gotMessage := errorOf(t, rec)
	if code != "" && gotCode != code {
		t.Errorf("error code = %q, want %q", gotCode, code)
	}
	if message != "" && gotMessage != message {
		t.Errorf("error message = %q, want %q", gotMessage, message)
	}
}

// checkRejected asserts a 400 Graph error whose message names property
// (when not "").
func checkRejected(t *testing.T, rec *httptest.ResponseRecorder, property string) {
	t.Helper()
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("status = %d, want 400; body: %s", rec.Code, rec.Body)
	}
	_, message := errorOf(t, rec)
	if property != "" && !strings.Contains(message, "'"+property+"'") {
		t.Errorf("error message %q does not name property %q", message, property)
	}
}

// errorOf decodes the code and message of rec's Graph error body.
func errorOf(t *testing.T, rec *httptest.ResponseRecorder) (code, message string) {
	t.Helper()
	var body rt.ErrorBody
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error.Code == "" {
		t.Fatalf("error body is not a Graph error (%v): %s", err, rec.Body)
	}
	return body.Error.Code, body.Error.Message
}

// decodeFamilyMember decodes body as the member of the family iface (a
// registered family's interface) that its @odata.type names, else the
// base, and returns a pointer to it.
func decodeFamilyMember(body []byte, iface reflect.Type) (any, error) {
	k := rt.KindOf(iface)
	if k == nil {
		return nil, fmt.Errorf("%v is not a registered type family", iface)
	}
	var probe struct {
		Type string `json:"@odata.type"`
	}
	if err := json.Unmarshal(body, &probe); err != nil {
		return nil, err
	}
	v := reflect.New(k.Member(probe.Type))
	return v.Interface(), rt.UnmarshalStruct(body, v.Interface())
}

// checkStream checks the answer of an operation that answers a stream:
// the documented redirect, or the documented body with its Content-Type.
func checkStream(t *testing.T, rec *httptest.ResponseRecorder, ex *rt.DocExample) {
	t.Helper()
	if ex.Location != "" {
		if got := rec.Header().Get("Location"); got != ex.Location {
			t.Errorf("Location = %q, want %q", got, ex.Location)
		}
		return
	}
	want := ex.StreamType
	if want == "" {
		want = "application/octet-stream"
	}
	if got := rec.Header().Get("Content-Type"); got != want {
		t.Errorf("Content-Type = %q, want %q", got, want)
	}
	if got := rec.Body.Bytes(); !bytes.Equal(got, ex.ResponseBody) {
		t.Errorf("body = %q, want %q", got, ex.ResponseBody)
	}
}
