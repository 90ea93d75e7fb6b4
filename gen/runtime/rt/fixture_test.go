package rt

// The fixture of rt's handler tests: hand-written stand-ins for what the
// generator emits next to the runtime (request structs, a Service with one
// method per operation, and the operation table), a fake service whose
// methods the tests choose, and helpers that send a request and read the
// answer.
//
// The types decoded from or encoded into JSON have plain fields only: the
// stand-in codec (stub_codec.go, encoding/json) does not understand
// Optional. TODO(codec): once the codec lands, give report and thing
// Optional fields, enums and nested structs as the generated types have,
// and add the decoding assertions marked TODO(codec) in the tests.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// report is the body and the result of the report operations.
type report struct {
	ID        string          `json:"id,omitempty"`
	Name      string          `json:"name,omitempty"`
	IsSuccess *bool           `json:"isSuccess,omitempty"`
	Tags      []string        `json:"tags,omitempty"`
	Blob      json.RawMessage `json:"blob,omitempty"`
	// Fail, when set, is encoded by calling its MarshalJSON method.
	Fail *failingJSON `json:"fail,omitempty"`
}

// failingJSON is a value whose encoding fails (or panics, when panics is
// set).
type failingJSON struct{ panics bool }

// MarshalJSON returns an error, or panics.
func (f failingJSON) MarshalJSON() ([]byte, error) {
	if f.panics {
		panic("encoding panicked: " + secretText)
	}
	return nil, errors.New("cannot encode: " + secretText)
}

// secretText is text a service puts in its errors and panics: it must
// reach the error log and never the client.
const secretText = "s3cr3t-internal-detail"

// thing is the body and the result of CreateThing.
type thing struct {
	Name string `json:"name,omitempty"`
}

// The request structs, one per operation, shaped as the generator emits
// them: HTTPRequest, the path parameters, then Body when there is one.
type (
	getUserRequest struct {
		HTTPRequest *http.Request
		ID          string
	}
	updateReportRequest struct {
		HTTPRequest *http.Request
		XID         string
		Body        report
	}
	getContentRequest struct {
		HTTPRequest *http.Request
		DriveID     string
		ItemPath    string
	}
	getCountsRequest struct {
		HTTPRequest *http.Request
		Period      string
	}
	listMembersRequest struct {
		HTTPRequest *http.Request
		GroupID     string
	}
	deleteRefRequest struct {
		HTTPRequest *http.Request
		ID          string
		ID2         string
	}
	createThingRequest struct {
		HTTPRequest *http.Request
		Body        thing
	}
	pingRequest struct {
		HTTPRequest *http.Request
		Key         string
	}
)

// testAPI is the fixture's Service interface.
type testAPI interface {
	GetUser(ctx context.Context, req *getUserRequest) (*report, error)
	UpdateReport(ctx context.Context, req *updateReportRequest) (*report, error)
	GetContent(ctx context.Context, req *getContentRequest) (*CollectionResponse[report], error)
	GetCounts(ctx context.Context, req *getCountsRequest) (*CollectionResponse[report], error)
	ListMembers(ctx context.Context, req *listMembersRequest) (*CollectionResponse[report], error)
	DeleteRef(ctx context.Context, req *deleteRefRequest) error
	CreateThing(ctx context.Context, req *createThingRequest) (*thing, error)
	Ping(ctx context.Context, req *pingRequest) (*thing, error)
}

// The call functions of the operation table, as the generator emits them.
func callGetUser(svc any, ctx context.Context, req any) (any, error) {
	return svc.(testAPI).GetUser(ctx, req.(*getUserRequest))
}

func callUpdateReport(svc any, ctx context.Context, req any) (any, error) {
	return svc.(testAPI).UpdateReport(ctx, req.(*updateReportRequest))
}

func callGetContent(svc any, ctx context.Context, req any) (any, error) {
	return svc.(testAPI).GetContent(ctx, req.(*getContentRequest))
}

func callGetCounts(svc any, ctx context.Context, req any) (any, error) {
	return svc.(testAPI).GetCounts(ctx, req.(*getCountsRequest))
}

func callListMembers(svc any, ctx context.Context, req any) (any, error) {
	return svc.(testAPI).ListMembers(ctx, req.(*listMembersRequest))
}

func callDeleteRef(svc any, ctx context.Context, req any) (any, error) {
	return nil, svc.(testAPI).DeleteRef(ctx, req.(*deleteRefRequest))
}

func callCreateThing(svc any, ctx context.Context, req any) (any, error) {
	return svc.(testAPI).CreateThing(ctx, req.(*createThingRequest))
}

func callPing(svc any, ctx context.Context, req any) (any, error) {
	return svc.(testAPI).Ping(ctx, req.(*pingRequest))
}

// testOps is the fixture's operation table. Its rows cover the routing
// rules: placeholders with odd names, several routes per operation with
// different fields, drive paths (multi placeholders), a function call with
// a quoted parameter, a repeated placeholder name, a pattern that starts
// with a placeholder, malformed braces, the empty pattern, the same
// pattern and method in two operations (the first wins), and a
// collection.
var testOps = []*Operation{
	{Name: "GetUser", Method: "GET", Status: 200, Req: (*getUserRequest)(nil), Call: callGetUser, Routes: []OpRoute{
		{"/users/{id|userPrincipalName}", []uint8{1}},
		{"/me", nil},
	}},
	{Name: "GetCounts", Method: "GET", Status: 200, Req: (*getCountsRequest)(nil), Call: callGetCounts, Routes: []OpRoute{
		{"/users/delta()", nil},
		{"/reports/getX(period='{period}')", []uint8{1}},
	}},
	{Name: "UpdateReport", Method: "PATCH", Status: 200, Req: (*updateReportRequest)(nil), Call: callUpdateReport, Routes: []OpRoute{
		{"/reports/x/{xId}", []uint8{1}},
	}},
	{Name: "ReplaceReport", Method: "PUT", Status: 200, Req: (*updateReportRequest)(nil), Call: callUpdateReport, Routes: []OpRoute{
		{"/reports/x/{xId}", []uint8{1}},
	}},
	// The same method and pattern as UpdateReport, later in the table:
	// never served.
	{Name: "PatchUser", Method: "PATCH", Status: 200, Req: (*getUserRequest)(nil), Call: callGetUser, Routes: []OpRoute{
		{"/reports/x/{xId}", []uint8{1}},
	}},
	{Name: "GetContent", Method: "GET", Status: 200, Req: (*getContentRequest)(nil), Call: callGetContent, Routes: []OpRoute{
		{"/drives/{drive-id}/root:/{item-path}:/content", []uint8{1, 2}},
		{"/me/drive/root:/{item-path}:/content", []uint8{2}},
	}},
	{Name: "DeleteRef", Method: "DELETE", Status: 204, Req: (*deleteRefRequest)(nil), Call: callDeleteRef, Routes: []OpRoute{
		{"/a/{id}/b/{id}/$ref", []uint8{1, 2}},
	}},
	{Name: "CreateThing", Method: "POST", Status: 201, Req: (*createThingRequest)(nil), Call: callCreateThing, Routes: []OpRoute{
		{"/things", nil},
	}},
	{Name: "Ping", Method: "GET", Status: 200, Req: (*pingRequest)(nil), Call: callPing, Routes: []OpRoute{
		{"/{key}/ping", []uint8{1}},
		{"/bad/{unclosed", nil},
		{"", nil},
		{"/empty/{}/x", nil},
	}},
	{Name: "ListMembers", Method: "GET", Status: 200, Req: (*listMembersRequest)(nil), Call: callListMembers, Collection: true, Routes: []OpRoute{
		{"/groups/{group-id}/members", []uint8{1}},
	}},
}

// testService implements testAPI with per-operation functions; a nil
// function answers 501 as the generated UnimplementedService does.
type testService struct {
	getUser  func(context.Context, *getUserRequest) (*report, error)
	update   func(context.Context, *updateReportRequest) (*report, error)
	content  func(context.Context, *getContentRequest) (*CollectionResponse[report], error)
	counts   func(context.Context, *getCountsRequest) (*CollectionResponse[report], error)
	members  func(context.Context, *listMembersRequest) (*CollectionResponse[report], error)
	delRef   func(context.Context, *deleteRefRequest) error
	create   func(context.Context, *createThingRequest) (*thing, error)
	ping     func(context.Context, *pingRequest) (*thing, error)
	received atomic.Int64
}

var _ testAPI = (*testService)(nil)

// GetUser calls s.getUser.
func (s *testService) GetUser(ctx context.Context, req *getUserRequest) (*report, error) {
	s.received.Add(1)
	if s.getUser == nil {
		return nil, NotImplemented("GetUser")
	}
	return s.getUser(ctx, req)
}

// UpdateReport calls s.update.
func (s *testService) UpdateReport(ctx context.Context, req *updateReportRequest) (*report, error) {
	s.received.Add(1)
	if s.update == nil {
		return nil, NotImplemented("UpdateReport")
	}
	return s.update(ctx, req)
}

// GetContent calls s.content.
func (s *testService) GetContent(ctx context.Context, req *getContentRequest) (*CollectionResponse[report], error) {
	s.received.Add(1)
	if s.content == nil {
		return nil, NotImplemented("GetContent")
	}
	return s.content(ctx, req)
}

// GetCounts calls s.counts.
func (s *testService) GetCounts(ctx context.Context, req *getCountsRequest) (*CollectionResponse[report], error) {
	s.received.Add(1)
	if s.counts == nil {
		return nil, NotImplemented("GetCounts")
	}
	return s.counts(ctx, req)
}

// ListMembers calls s.members.
func (s *testService) ListMembers(ctx context.Context, req *listMembersRequest) (*CollectionResponse[report], error) {
	s.received.Add(1)
	if s.members == nil {
		return nil, NotImplemented("ListMembers")
	}
	return s.members(ctx, req)
}

// DeleteRef calls s.delRef.
func (s *testService) DeleteRef(ctx context.Context, req *deleteRefRequest) error {
	s.received.Add(1)
	if s.delRef == nil {
		return NotImplemented("DeleteRef")
	}
	return s.delRef(ctx, req)
}

// CreateThing calls s.create.
func (s *testService) CreateThing(ctx context.Context, req *createThingRequest) (*thing, error) {
	s.received.Add(1)
	if s.create == nil {
		return nil, NotImplemented("CreateThing")
	}
	return s.create(ctx, req)
}

// Ping calls s.ping.
func (s *testService) Ping(ctx context.Context, req *pingRequest) (*thing, error) {
	s.received.Add(1)
	if s.ping == nil {
		return nil, NotImplemented("Ping")
	}
	return s.ping(ctx, req)
}

// newTestHandler is the fixture's NewHandler.
func newTestHandler(svc testAPI, opts ...Option) *Handler {
	return NewHandler(svc, nil, testOps, opts)
}

// recordingService returns a testService whose operations set *got to
// their name and the path values they received, and return nil.
func recordingService(got *[]string) *testService {
	return &testService{
		getUser: func(_ context.Context, r *getUserRequest) (*report, error) {
			*got = []string{"GetUser", r.ID}
			return nil, nil
		},
		update: func(_ context.Context, r *updateReportRequest) (*report, error) {
			*got = []string{"UpdateReport", r.XID}
			return nil, nil
		},
		content: func(_ context.Context, r *getContentRequest) (*CollectionResponse[report], error) {
			*got = []string{"GetContent", r.DriveID, r.ItemPath}
			return nil, nil
		},
		counts: func(_ context.Context, r *getCountsRequest) (*CollectionResponse[report], error) {
			*got = []string{"GetCounts", r.Period}
			return nil, nil
		},
		members: func(_ context.Context, r *listMembersRequest) (*CollectionResponse[report], error) {
			*got = []string{"ListMembers", r.GroupID}
			return nil, nil
		},
		delRef: func(_ context.Context, r *deleteRefRequest) error {
			*got = []string{"DeleteRef", r.ID, r.ID2}
			return nil
		},
		ping: func(_ context.Context, r *pingRequest) (*thing, error) {
			*got = []string{"Ping", r.Key}
			return nil, nil
		},
	}
}

// logSpy collects the errors passed to WithErrorLog.
type logSpy struct {
	mu   sync.Mutex
	errs []error
}

// log is the error log function.
func (l *logSpy) log(_ *http.Request, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.errs = append(l.errs, err)
}

// all returns the errors logged so far.
func (l *logSpy) all() []error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]error(nil), l.errs...)
}

// count returns the number of errors logged so far.
func (l *logSpy) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.errs)
}

// serve sends one request through h: target as documented (see
// newTestRequest), header as name, value pairs.
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

// serveEscaped sends one request whose target is escaped as on the wire
// (newTestRequest would encode its "%").
func serveEscaped(h http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

// errorResponse is the decoded body of an error response.
type errorResponse struct {
	Error struct {
		Code       string         `json:"code"`
		Message    string         `json:"message"`
		InnerError innerErrorWant `json:"innerError"`
	} `json:"error"`
}

// innerErrorWant is the innerError of an error body.
type innerErrorWant struct {
	Date            string `json:"date"`
	RequestID       string `json:"request-id"`
	ClientRequestID string `json:"client-request-id"`
}

// problem says what is wrong with an innerError answered with headers h,
// or "": its date must be an RFC 3339 UTC time, its ids those of the
// request-id and client-request-id headers, and the request-id a GUID.
func (ie innerErrorWant) problem(h http.Header) string {
	if d, err := time.Parse(time.RFC3339, ie.Date); err != nil || d.Location() != time.UTC {
		return fmt.Sprintf("innerError date %q is not an RFC 3339 UTC time", ie.Date)
	}
	if !isGUID(ie.RequestID) || ie.RequestID != h.Get("request-id") {
		return fmt.Sprintf("innerError request-id %q: not a GUID, or not the request-id header %q", ie.RequestID, h.Get("request-id"))
	}
	if ie.ClientRequestID == "" || ie.ClientRequestID != h.Get("client-request-id") {
		return fmt.Sprintf("innerError client-request-id %q is not the client-request-id header %q", ie.ClientRequestID, h.Get("client-request-id"))
	}
	return ""
}

// isGUID reports whether s is a GUID in its 36-character form.
func isGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if s[i] != '-' {
				return false
			}
		case !strings.ContainsRune("0123456789abcdef", rune(s[i])):
			return false
		}
	}
	return true
}

// wantError checks an error response: status, headers, exact body shape,
// code, and that the message contains every fragment. It returns the
// message.
func wantError(t *testing.T, rec *httptest.ResponseRecorder, status int, code string, fragments ...string) string {
	t.Helper()
	if rec.Code != status {
		t.Errorf("status = %d, want %d (body %s)", rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	if opt := rec.Header().Get("X-Content-Type-Options"); opt != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q, want nosniff", opt)
	}
	var shape map[string]map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &shape); err != nil || len(shape) != 1 || len(shape["error"]) != 3 {
		t.Errorf("error body has the wrong shape: %s", rec.Body)
	}
	var e errorResponse
	dec := json.NewDecoder(strings.NewReader(rec.Body.String()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("decoding the error body: %v", err)
	}
	if e.Error.Code != code {
		t.Errorf("code = %q, want %q", e.Error.Code, code)
	}
	if p := e.Error.InnerError.problem(rec.Header()); p != "" {
		t.Error(p)
	}
	for _, f := range fragments {
		if !strings.Contains(e.Error.Message, f) {
			t.Errorf("message %q does not contain %q", e.Error.Message, f)
		}
	}
	return e.Error.Message
}
