// Package handlerfuzz holds only tests: it sends hostile requests to the
// handler of the checked-in seed package (generated/), as the open
// internet would. Run the fuzz target with
//
//	go test -run='^$' -fuzz='^FuzzHandler$' -fuzztime=20s ./gen/handlerfuzz
package handlerfuzz_test

import (
	"bytes"
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

	"github.com/graphdocgen/graphdocgen/generated"
)

// secret is text a service puts in its errors and panics; it must reach
// the error log and never the client.
const secret = "s3cr3t-internal-detail"

// Service behaviours, chosen by the fuzzer.
const (
	echo         = iota // return the decoded body
	typedError          // return *generated.Error with fuzzed fields
	plainError          // return an error holding secret
	panicking           // panic with secret
	unimplement         // generated.UnimplementedService
	wrappedError        // return fmt.Errorf wrapping a *generated.Error
	modes
)

// service is a generated.Service whose behaviour the fuzzer chooses.
type service struct {
	generated.UnimplementedService
	mode   int
	status int
	text   string
	called atomic.Bool
	id     string // the path segment the service received
}

func (s *service) UpdateUserCredentialUsageDetails(ctx context.Context, req *generated.UpdateUserCredentialUsageDetailsRequest) (*generated.UserCredentialUsageDetails, error) {
	s.called.Store(true)
	s.id = req.UserCredentialUsageDetailsID
	switch s.mode {
	case typedError:
		return nil, &generated.Error{Status: s.status, Code: s.text, Message: s.text}
	case plainError:
		return nil, errors.New(secret + s.text)
	case panicking:
		panic(secret + s.text)
	case unimplement:
		return s.UnimplementedService.UpdateUserCredentialUsageDetails(ctx, req)
	case wrappedError:
		return nil, fmt.Errorf("%s: %w", secret, &generated.Error{Status: s.status, Code: s.text, Message: s.text})
	}
	return &req.Body, nil
}

// request is one fuzzed request. Its path is escaped, as on the wire.
type request struct {
	method, path, contentType string
	contentLength             int64
	body                      []byte
}

func (q request) build() *http.Request {
	h := http.Header{}
	if q.contentType != "" {
		h.Set("Content-Type", q.contentType)
	}
	return &http.Request{
		Method:        q.method,
		URL:           requestURL(q.path),
		Header:        h,
		Body:          io.NopCloser(bytes.NewReader(q.body)),
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

const seedPath = "/reports/userCredentialUsageDetails/abc"

func FuzzHandler(f *testing.F) {
	for _, s := range seedRequests() {
		f.Add(s.method, s.path, s.contentType, int64(len(s.body)), s.body, uint8(echo), int16(0), "")
	}
	f.Add("PATCH", seedPath, "application/json", int64(2), []byte(`{}`), uint8(typedError), int16(409), "conflict")
	f.Add("PATCH", seedPath, "application/json", int64(2), []byte(`{}`), uint8(typedError), int16(200), "")
	f.Add("PATCH", seedPath, "", int64(-1), []byte(`{}`), uint8(plainError), int16(0), "x")
	f.Add("PATCH", seedPath, "", int64(-1), []byte(`{}`), uint8(panicking), int16(0), "x")
	f.Add("PATCH", seedPath, "", int64(-1), []byte(`{}`), uint8(unimplement), int16(0), "")
	f.Add("PATCH", seedPath, "", int64(-1), []byte(`{}`), uint8(wrappedError), int16(503), "busy")
	f.Fuzz(func(t *testing.T, method, path, ct string, cl int64, body []byte, mode uint8, status int16, text string) {
		svc := &service{mode: int(mode) % modes, status: int(status), text: text}
		var logged []error
		h := generated.NewHandler(svc, generated.WithMaxBodyBytes(1<<16), generated.WithErrorLog(func(_ *http.Request, err error) {
			logged = append(logged, err)
		}))
		q := request{method: method, path: path, contentType: ct, contentLength: cl, body: body}
		rec := serve(h, q)
		checkResponse(t, q, svc, rec)
		checkLogged(t, svc, logged)
		// Whatever happened, the next request is served.
		svc.mode = echo
		if next := serve(h, request{method: "PATCH", path: seedPath, body: []byte(`{"id":"1"}`), contentLength: -1}); next.Code != 200 {
			t.Fatalf("the request after %q got %d: %s", body, next.Code, next.Body)
		}
	})
}

// serve runs one request through h and returns the recorded response.
func serve(h http.Handler, q request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, q.build())
	return rec
}

// seedRequests are requests the fuzzer starts from: valid ones and the
// hostile shapes of the issue.
func seedRequests() []request {
	deep := strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000)
	out := []request{
		{method: "PATCH", path: seedPath, contentType: "application/json", body: []byte(`{"feature":"reset","isSuccess":true,"id":"x"}`)},
		{method: "PATCH", path: seedPath, contentType: "application/json; charset=utf-8", body: []byte(`{"@odata.type":"#x","a@odata.bind":"y"}`)},
		{method: "PATCH", path: seedPath, body: []byte("{\"id\":\"\xff\xfe\"}")},
		{method: "PATCH", path: seedPath, body: []byte("{\"\xff\":1}")},
		{method: "PATCH", path: seedPath, body: []byte(`{"isSuccess":1e999999999}`)},
		{method: "PATCH", path: seedPath, body: []byte(`{"id":123456789012345678901234567890}`)},
		{method: "PATCH", path: seedPath, body: []byte(deep)},
		{method: "PATCH", path: seedPath, body: []byte(strings.Repeat("[", 70) + strings.Repeat("]", 70))},
		{method: "PATCH", path: seedPath, body: []byte(`{"eventDateTime":"` + secret + `"}`)},
		{method: "PATCH", path: seedPath, body: []byte(`{"feature":"` + secret + `"}`)},
		{method: "PATCH", path: seedPath, body: []byte(`{"feature":"reset"} trailing`)},
		{method: "PATCH", path: seedPath, contentType: "text/plain", body: []byte(`{}`)},
		{method: "GET", path: seedPath},
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
	}
	for i := range out {
		out[i].contentLength = int64(len(out[i].body))
	}
	return out
}
