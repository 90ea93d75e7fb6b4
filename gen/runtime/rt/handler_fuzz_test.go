package rt

// FuzzHandler sends hostile requests to the handler of an operation table
// shaped like the checked-in seed package's (generated/), as the open
// internet would, and checks every answer against a model of routing and
// of the request body's content coding (fuzz_oracle_test.go). Run it with
//
//	go test -run='^$' -fuzz='^FuzzHandler$' -fuzztime=20s ./gen/runtime/rt
//
// It was gen/handlerfuzz, which drove the seed package itself; it moved
// here when the runtime became package rt, and tests rt's handler with a
// stand-in of the seed's operation instead.

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// fuzzDetails stands in for the seed's UserCredentialUsageDetails, with
// plain fields for the stand-in codec. TODO(codec): Optional fields, the
// enums (registered with registerTables) and Edm.DateTimeOffset, as in
// generated/update-usercredentialusagedetails.go, and the codec's messages
// in handlerMessages.
type fuzzDetails struct {
	ODataType         string `json:"@odata.type,omitempty"`
	ID                string `json:"id,omitempty"`
	Feature           string `json:"feature,omitempty"`
	UserPrincipalName string `json:"userPrincipalName,omitempty"`
	IsSuccess         *bool  `json:"isSuccess,omitempty"`
	EventDateTime     string `json:"eventDateTime,omitempty"`
}

// fuzzUpdateRequest is the seed's UpdateUserCredentialUsageDetailsRequest.
type fuzzUpdateRequest struct {
	HTTPRequest                  *http.Request
	UserCredentialUsageDetailsID string
	Body                         fuzzDetails
}

// fuzzAPI is the seed's Service.
type fuzzAPI interface {
	UpdateUserCredentialUsageDetails(ctx context.Context, req *fuzzUpdateRequest) (*fuzzDetails, error)
}

// fuzzOps is the seed's operation table.
var fuzzOps = []*Operation{{
	Name:   "UpdateUserCredentialUsageDetails",
	Method: "PATCH",
	Status: 200,
	Req:    (*fuzzUpdateRequest)(nil),
	Call: func(svc any, ctx context.Context, req any) (any, error) {
		return svc.(fuzzAPI).UpdateUserCredentialUsageDetails(ctx, req.(*fuzzUpdateRequest))
	},
	Routes: []OpRoute{{"/reports/userCredentialUsageDetails/{userCredentialUsageDetailsId}", []uint8{1}}},
}}

// fuzzSecret is text a service puts in its errors and panics; it must
// reach the error log and never the client.
const fuzzSecret = "s3cr3t-internal-detail"

// Service behaviours, chosen by the fuzzer.
const (
	echo         = iota // return the decoded body
	typedError          // return *Error with fuzzed fields
	plainError          // return an error holding fuzzSecret
	panicking           // panic with fuzzSecret
	unimplement         // answer 501 as UnimplementedService does
	wrappedError        // return fmt.Errorf wrapping an *Error
	modes
)

// fuzzService is the seed's Service, whose behaviour the fuzzer chooses.
type fuzzService struct {
	mode   int
	status int
	text   string
	called atomic.Bool
	id     string // the path segment the service received
}

// UpdateUserCredentialUsageDetails behaves as s.mode says.
func (s *fuzzService) UpdateUserCredentialUsageDetails(ctx context.Context, req *fuzzUpdateRequest) (*fuzzDetails, error) {
	s.called.Store(true)
	s.id = req.UserCredentialUsageDetailsID
	switch s.mode {
	case typedError:
		return nil, &Error{Status: s.status, Code: s.text, Message: s.text}
	case plainError:
		return nil, errors.New(fuzzSecret + s.text)
	case panicking:
		panic(fuzzSecret + s.text)
	case unimplement:
		return nil, NotImplemented("UpdateUserCredentialUsageDetails")
	case wrappedError:
		return nil, fmt.Errorf("%s: %w", fuzzSecret, &Error{Status: s.status, Code: s.text, Message: s.text})
	}
	return &req.Body, nil
}

// fuzzRequest is one fuzzed request. Its path is escaped, as on the wire.
// body is the body as meant; wire the body as sent, body compressed with
// the codings of contentEncoding when the fuzzer asked for it.
type fuzzRequest struct {
	method, path, contentType, contentEncoding string
	contentLength                              int64
	body, wire                                 []byte
	// stages are the sizes of body, then of each compressed form, the
	// last being wire's; nil when wire is body.
	stages []int
}

// build returns the server request for q.
func (q fuzzRequest) build() *http.Request {
	h := http.Header{}
	if q.contentType != "" {
		h.Set("Content-Type", q.contentType)
	}
	if q.contentEncoding != "" {
		h.Set("Content-Encoding", q.contentEncoding)
	}
	return &http.Request{
		Method:        q.method,
		URL:           requestURL(q.path),
		Header:        h,
		Body:          io.NopCloser(bytes.NewReader(q.wire)),
		ContentLength: q.contentLength,
		Host:          "example.com",
		RemoteAddr:    "192.0.2.1:1234",
		RequestURI:    q.path,
	}
}

// requestURL returns the URL of a request for an escaped path: as
// net/http's server sets it (Path decoded, RawPath as sent) when the path
// decodes, else as a hand-built request may hold it (Path as it is, RawPath
// malformed).
func requestURL(path string) *url.URL {
	if p, err := url.PathUnescape(path); err == nil {
		return &url.URL{Path: p, RawPath: path}
	}
	return &url.URL{Path: path, RawPath: path}
}

// modelCodings returns the content codings a Content-Encoding value names,
// lower-cased, in order, without identity and empty entries, and whether
// all are gzip, x-gzip or deflate.
func modelCodings(ce string) ([]string, bool) {
	var out []string
	known := true
	for _, c := range strings.Split(ce, ",") {
		switch c = strings.ToLower(strings.TrimSpace(c)); c {
		case "", "identity":
		case "gzip", "x-gzip", "deflate":
			out = append(out, c)
		default:
			known = false
		}
	}
	return out, known
}

// encode sets q.wire to q.body compressed with the codings of
// q.contentEncoding when they are all known and at most four, else to
// q.body.
func (q *fuzzRequest) encode() {
	q.wire = q.body
	codings, known := modelCodings(q.contentEncoding)
	if !known || len(codings) == 0 || len(codings) > 4 {
		return
	}
	data := q.body
	q.stages = []int{len(data)}
	for _, c := range codings {
		var b bytes.Buffer
		var w io.WriteCloser = gzip.NewWriter(&b)
		if c == "deflate" {
			w = zlib.NewWriter(&b)
		}
		w.Write(data)
		w.Close()
		data = b.Bytes()
		q.stages = append(q.stages, len(data))
	}
	q.wire = data
}

// fuzzPath is the seed's route with a value.
const fuzzPath = "/reports/userCredentialUsageDetails/abc"

// fuzzLimit is the body limit of the fuzzed handler.
const fuzzLimit = 1 << 16

// newFuzzHandler returns the handler of svc, logging to *logged.
func newFuzzHandler(svc *fuzzService, logged *[]error) *Handler {
	return NewHandler(svc, nil, fuzzOps, []Option{WithMaxBodyBytes(fuzzLimit), WithErrorLog(func(_ *http.Request, err error) {
		*logged = append(*logged, err)
	})})
}

// FuzzHandler checks the handler's answer to any request: its status
// against the model of routing and of content codings, the shape of its
// body, what the error log got, that a compressed body is served as the
// same body sent plain, and that the next request is served.
func FuzzHandler(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s.method, s.path, s.contentType, s.contentEncoding, s.wire != nil, s.contentLength, s.body, uint8(echo), int16(0), "")
	}
	f.Add("PATCH", fuzzPath, "application/json", "", false, int64(2), []byte(`{}`), uint8(typedError), int16(409), "conflict")
	f.Add("PATCH", fuzzPath, "application/json", "", false, int64(2), []byte(`{}`), uint8(typedError), int16(200), "")
	f.Add("PATCH", fuzzPath, "", "", false, int64(-1), []byte(`{}`), uint8(plainError), int16(0), "x")
	f.Add("PATCH", fuzzPath, "", "", false, int64(-1), []byte(`{}`), uint8(panicking), int16(0), "x")
	f.Add("PATCH", fuzzPath, "", "", false, int64(-1), []byte(`{}`), uint8(unimplement), int16(0), "")
	f.Add("PATCH", fuzzPath, "", "", false, int64(-1), []byte(`{}`), uint8(wrappedError), int16(503), "busy")
	f.Add("PATCH", fuzzPath, "", "gzip", true, int64(-1), []byte(`{"id":"x"}`), uint8(wrappedError), int16(503), "busy")
	f.Add("PATCH", "/reports/userCredentialUsageDetails('it''s%2F')/", "application/json", "", false, int64(2), []byte(`{}`), uint8(echo), int16(0), "")
	f.Fuzz(func(t *testing.T, method, path, ct, ce string, encode bool, cl int64, body []byte, mode uint8, status int16, text string) {
		svc := &fuzzService{mode: int(mode) % modes, status: int(status), text: text}
		var logged []error
		h := newFuzzHandler(svc, &logged)
		q := fuzzRequest{method: method, path: path, contentType: ct, contentEncoding: ce, contentLength: cl, body: body, wire: body}
		if encode {
			q.encode()
		}
		rec := serveFuzz(h, q)
		checkResponse(t, q, svc, rec)
		checkLogged(t, svc, logged)
		if q.stages != nil {
			checkSameAsPlain(t, q, svc, rec)
		}
		// Whatever happened, the next request is served.
		svc.mode = echo
		next := serveFuzz(h, fuzzRequest{method: "PATCH", path: fuzzPath, wire: []byte(`{"id":"1"}`), contentLength: -1})
		if next.Code != 200 {
			t.Fatalf("the request after %q got %d: %s", body, next.Code, next.Body)
		}
	})
}

// checkSameAsPlain checks that the answer rec to q, whose body was sent
// compressed, is the answer to q's body sent plain, unless a compressed
// stage is over the limit, when it is 413 (or the plain request's error
// found before the body is read).
func checkSameAsPlain(t *testing.T, q fuzzRequest, svc *fuzzService, rec *httptest.ResponseRecorder) {
	t.Helper()
	plainSvc := &fuzzService{mode: svc.mode, status: svc.status, text: svc.text}
	var logged []error
	p := q
	p.contentEncoding, p.wire, p.stages = "", q.body, nil
	plain := serveFuzz(newFuzzHandler(plainSvc, &logged), p)
	over := false
	for _, n := range q.stages {
		over = over || n > fuzzLimit
	}
	switch {
	case !over && (rec.Code != plain.Code || !bytes.Equal(withoutInnerErrors(t, rec.Body.Bytes()), withoutInnerErrors(t, plain.Body.Bytes()))):
		t.Fatalf("sent with Content-Encoding %q: %d %s; sent plain: %d %s", q.contentEncoding, rec.Code, rec.Body, plain.Code, plain.Body)
	case over && rec.Code != 413 && rec.Code != plain.Code:
		t.Fatalf("sent with Content-Encoding %q, stages %v over the limit: %d %s, want 413", q.contentEncoding, q.stages, rec.Code, rec.Body)
	case svc.called.Load() && plainSvc.id != svc.id:
		t.Fatalf("the service got %q compressed, %q plain", svc.id, plainSvc.id)
	}
}

// serveFuzz runs one request through h and returns the recorded response.
func serveFuzz(h http.Handler, q fuzzRequest) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, q.build())
	return rec
}

// fuzzSeeds are requests the fuzzer starts from: valid ones and the
// hostile shapes of the issue. Those with a non-nil wire ask for their
// body to be compressed.
func fuzzSeeds() []fuzzRequest {
	deep := strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000)
	compress := []byte{}
	out := []fuzzRequest{
		{method: "PATCH", path: fuzzPath, contentType: "application/json", body: []byte(`{"feature":"reset","isSuccess":true,"id":"x"}`)},
		{method: "PATCH", path: fuzzPath, contentType: "application/json; charset=utf-8", body: []byte(`{"@odata.type":"#x","a@odata.bind":"y"}`)},
		{method: "PATCH", path: fuzzPath, body: []byte("{\"id\":\"\xff\xfe\"}")},
		{method: "PATCH", path: fuzzPath, body: []byte("{\"\xff\":1}")},
		{method: "PATCH", path: fuzzPath, body: []byte(`{"isSuccess":1e999999999}`)},
		{method: "PATCH", path: fuzzPath, body: []byte(`{"id":123456789012345678901234567890}`)},
		{method: "PATCH", path: fuzzPath, body: []byte(deep)},
		{method: "PATCH", path: fuzzPath, body: []byte(strings.Repeat("[", 70) + strings.Repeat("]", 70))},
		{method: "PATCH", path: fuzzPath, body: []byte(`{"eventDateTime":"` + fuzzSecret + `"}`)},
		{method: "PATCH", path: fuzzPath, body: []byte(`{"feature":"` + fuzzSecret + `"}`)},
		{method: "PATCH", path: fuzzPath, body: []byte(`{"feature":"reset"} trailing`)},
		{method: "PATCH", path: fuzzPath, contentType: "text/plain", body: []byte(`{}`)},
		{method: "GET", path: fuzzPath},
		{method: "patch", path: "/REPORTS/usercredentialusagedetails/%2F"},
		{method: "PATCH", path: "/reports/userCredentialUsageDetails/a%2Fb", body: []byte(`{}`)},
		{method: "PATCH", path: "/reports/userCredentialUsageDetails/a%2fb%252F%20", body: []byte(`{}`)},
		{method: "PATCH", path: "/reports%2FuserCredentialUsageDetails/abc", body: []byte(`{}`)},
		{method: "PATCH", path: "/%72eports/userCredentialUsageDetail%73/%61", body: []byte(`{}`)},
		{method: "PATCH", path: "/reports/userCredentialUsageDetails/a%2Fb%zz", body: []byte(`{}`)},
		{method: "PATCH", path: "/reports/userCredentialUsageDetails/" + strings.Repeat("%2F", 3000), body: []byte(`{}`)},
		{method: "DELETE", path: "/reports/userCredentialUsageDetails/a/b"},
		{method: "PATCH", path: "/" + strings.Repeat("x", 9000)},
		{method: "", path: ""},
		{method: "PATCH", path: "/reports/userCredentialUsageDetails/\x00\xff"},
		// Content codings: compressed by the harness, or sent as they are.
		{method: "PATCH", path: fuzzPath, contentEncoding: "gzip", body: []byte(`{"id":"z"}`), wire: compress},
		{method: "PATCH", path: fuzzPath, contentEncoding: "x-gzip, deflate", body: []byte(`{"feature":"reset"}`), wire: compress},
		{method: "PATCH", path: fuzzPath, contentEncoding: "Deflate,identity", body: []byte(`{}`), wire: compress},
		{method: "PATCH", path: fuzzPath, contentEncoding: "gzip", body: bytes.Repeat([]byte(" "), 1<<17), wire: compress},
		{method: "PATCH", path: fuzzPath, contentEncoding: "gzip", body: []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff")},
		{method: "PATCH", path: fuzzPath, contentEncoding: "deflate", body: []byte("\x78\x9c\x03\x00")},
		{method: "PATCH", path: fuzzPath, contentEncoding: "br", body: []byte(`{}`)},
		{method: "PATCH", path: fuzzPath, contentEncoding: "gzip, " + fuzzSecret, body: []byte(`{}`), wire: compress},
		{method: "PATCH", path: fuzzPath, contentType: "text/plain", contentEncoding: "zstd", body: []byte(`{}`)},
	}
	for i := range out {
		out[i].contentLength = int64(len(out[i].body))
		if out[i].wire != nil {
			out[i].contentLength = -1
		}
	}
	return out
}
