package rt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestErrorType checks how an *Error a service returns (wrapped or not) is
// written: the code and message filled in from the status, and a status
// outside 400-599 answered 500.
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
		{Error{Status: 599}, 599, "generalException", "The request failed with status 599."},
		{Error{Status: 403, Code: "accessDenied"}, 403, "accessDenied", "Forbidden"},
		{Error{Status: 413}, 413, "requestTooLarge", "Request Entity Too Large"},
		{Error{Status: 200, Code: "x", Message: "y"}, 500, "generalException", "Internal Server Error"},
		{Error{Status: 600, Code: "x", Message: "y"}, 500, "generalException", "Internal Server Error"},
		{Error{Status: 0}, 500, "generalException", "Internal Server Error"},
	}
	for _, c := range cases {
		h := newTestHandler(&testService{getUser: func(context.Context, *getUserRequest) (*report, error) {
			return nil, fmt.Errorf("wrapped: %w", &c.e)
		}}, WithErrorLog(func(*http.Request, error) {}))
		msg := wantError(t, serve(t, h, "GET", "/me", ""), c.status, c.code)
		if msg != c.message {
			t.Errorf("%+v: message %q, want %q", c.e, msg, c.message)
		}
		if s := c.e.Error(); !strings.Contains(s, fmt.Sprint(c.status)) || !strings.Contains(s, c.code) || !strings.Contains(s, c.message) {
			t.Errorf("%+v: Error() = %q, want the status, code and message written", c.e, s)
		}
	}
	if got := (&Error{Status: 404, Message: "gone"}).Error(); got != "404 itemNotFound: gone" {
		t.Errorf("Error() = %q", got)
	}
	ve := &ValidationError{Property: "a.b", Value: "x", Allowed: []string{"p", "q"}}
	if got := ve.Error(); !strings.Contains(got, "a.b") || !strings.Contains(got, `"x"`) || !strings.Contains(got, "p, q") {
		t.Errorf("ValidationError.Error() = %q", got)
	}
	var target *Error
	if err := NotImplemented("Op"); !errors.As(err, &target) || target.Status != 501 || !strings.Contains(target.Message, "Op") {
		t.Errorf("notImplemented = %#v", err)
	}
}

// TestServiceErrors checks the answers to errors a service returns: a
// plain error is a logged 500 whose text the client never sees, a nil
// *Error too, an unimplemented operation 501, a typed error its own.
func TestServiceErrors(t *testing.T) {
	spy := &logSpy{}
	svc := &testService{getUser: func(context.Context, *getUserRequest) (*report, error) {
		return nil, errors.New(secretText)
	}}
	h := newTestHandler(svc, WithErrorLog(spy.log))
	rec := serve(t, h, "GET", "/me", "")
	wantError(t, rec, 500, "generalException")
	if strings.Contains(rec.Body.String(), secretText) || spy.count() != 1 || !strings.Contains(spy.all()[0].Error(), secretText) {
		t.Errorf("500 body %s, logged %v", rec.Body, spy.all())
	}
	svc.getUser = func(context.Context, *getUserRequest) (*report, error) { return nil, (*Error)(nil) }
	wantError(t, serve(t, h, "GET", "/me", ""), 500, "generalException")
	if spy.count() != 2 {
		t.Errorf("a nil *Error was logged %d times, want once", spy.count()-1)
	}
	// A log that prints the error gets text, not a panic.
	var texts []string
	textLog := WithErrorLog(func(_ *http.Request, err error) { texts = append(texts, err.Error()) })
	wantError(t, serve(t, newTestHandler(svc, textLog), "GET", "/me", ""), 500, "generalException")
	if len(texts) != 1 || texts[0] != "nil *Error" {
		t.Errorf("a nil *Error was logged as %q", texts)
	}
	wantError(t, serve(t, newTestHandler(&testService{}), "GET", "/me", ""), 501, "notImplemented", "GetUser")
	svc.getUser = func(context.Context, *getUserRequest) (*report, error) {
		return &report{Name: "ignored"}, &Error{Status: 400, Code: "badThing", Message: "Bad thing."}
	}
	if msg := wantError(t, serve(t, h, "GET", "/me", ""), 400, "badThing"); msg != "Bad thing." {
		t.Errorf("message %q", msg)
	}
	svc.delRef = func(context.Context, *deleteRefRequest) error {
		return fmt.Errorf("deleting: %w", &Error{Status: 412, Code: "preconditionFailed"})
	}
	wantError(t, serve(t, h, "DELETE", "/a/1/b/2/$ref", ""), 412, "preconditionFailed", "Precondition Failed")
	if spy.count() != 2 {
		t.Errorf("typed errors were logged: %v", spy.all())
	}
}

// TestPanic checks that a panicking service answers a logged 500 (with
// the stack, without the panic's text in the body) and that the server
// keeps serving.
func TestPanic(t *testing.T) {
	spy := &logSpy{}
	var calls atomic.Int64
	svc := &testService{getUser: func(context.Context, *getUserRequest) (*report, error) {
		if calls.Add(1) == 1 {
			panic("boom: " + secretText)
		}
		return &report{Name: "ok"}, nil
	}}
	srv := httptest.NewServer(newTestHandler(svc, WithErrorLog(spy.log)))
	defer srv.Close()
	for i, want := range []int{500, 200} {
		resp, err := http.Get(srv.URL + "/me")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want || strings.Contains(string(body), secretText) || strings.Contains(string(body), "goroutine") {
			t.Errorf("request %d: %d %s", i, resp.StatusCode, body)
		}
	}
	if errs := spy.all(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "boom") || !strings.Contains(errs[0].Error(), "goroutine ") {
		t.Errorf("logged %v, want the panic with its stack", errs)
	}
	rec := httptest.NewRecorder()
	svc.getUser = func(context.Context, *getUserRequest) (*report, error) { panic(errors.New("again")) }
	newTestHandler(svc, WithErrorLog(spy.log)).ServeHTTP(rec, newTestRequest(t, "GET", "/me", nil, ""))
	wantError(t, rec, 500, "generalException")
	// A panic while the answer is encoded is a 500 too.
	svc.getUser = func(context.Context, *getUserRequest) (*report, error) {
		return &report{Fail: &failingJSON{panics: true}}, nil
	}
	rec = serve(t, newTestHandler(svc, WithErrorLog(spy.log)), "GET", "/me", "")
	wantError(t, rec, 500, "generalException")
	if strings.Contains(rec.Body.String(), secretText) {
		t.Errorf("body leaks the panic: %s", rec.Body)
	}
}

// TestPanicAbortHandler checks that http.ErrAbortHandler is re-panicked,
// for the server to abort the response, and not logged.
func TestPanicAbortHandler(t *testing.T) {
	spy := &logSpy{}
	svc := &testService{getUser: func(context.Context, *getUserRequest) (*report, error) { panic(http.ErrAbortHandler) }}
	h := newTestHandler(svc, WithErrorLog(spy.log))
	rec := httptest.NewRecorder()
	func() {
		defer func() {
			if v := recover(); v != http.ErrAbortHandler {
				t.Errorf("recovered %v, want http.ErrAbortHandler", v)
			}
		}()
		h.ServeHTTP(rec, newTestRequest(t, "GET", "/me", nil, ""))
	}()
	if spy.count() != 0 || rec.Code != 200 || rec.Body.Len() != 0 || rec.Flushed {
		t.Errorf("ErrAbortHandler: logged %v, wrote %d %q", spy.all(), rec.Code, rec.Body)
	}
}

// panicWriter is a ResponseWriter whose Write panics after recording the
// status.
type panicWriter struct {
	header  http.Header
	written []int
}

// Header returns the header map.
func (w *panicWriter) Header() http.Header { return w.header }

// WriteHeader records status.
func (w *panicWriter) WriteHeader(status int) { w.written = append(w.written, status) }

// Write panics.
func (w *panicWriter) Write([]byte) (int, error) { panic("write failed") }

// TestPanicAfterWrite checks that a panic after the response has started
// is logged, and no second response is written.
func TestPanicAfterWrite(t *testing.T) {
	spy := &logSpy{}
	h := newTestHandler(&testService{getUser: func(context.Context, *getUserRequest) (*report, error) {
		return &report{Name: "a"}, nil
	}}, WithErrorLog(spy.log))
	w := &panicWriter{header: http.Header{}}
	h.ServeHTTP(w, newTestRequest(t, "GET", "/me", nil, ""))
	if len(w.written) != 1 || w.written[0] != 200 || spy.count() != 1 {
		t.Errorf("statuses written %v, logged %v; want one 200 and the panic logged", w.written, spy.all())
	}
}

// TestDefaultErrorLogAndUnwrap checks the default error log (log.Printf
// with the method and path) and that the handler's ResponseWriter unwraps
// for http.ResponseController.
func TestDefaultErrorLogAndUnwrap(t *testing.T) {
	var buf bytes.Buffer
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	svc := &testService{getUser: func(context.Context, *getUserRequest) (*report, error) {
		return nil, errors.New("logged by default")
	}}
	wantError(t, serve(t, newTestHandler(svc), "GET", "/me", ""), 500, "generalException")
	if !strings.Contains(buf.String(), "GET /me: logged by default") {
		t.Errorf("default log: %q", buf.String())
	}
	// A path cannot forge a log line.
	svc.ping = func(context.Context, *pingRequest) (*thing, error) { return nil, errors.New("x") }
	buf.Reset()
	serveEscaped(newTestHandler(svc), "GET", "/a%0A2026%2F01%2F01%2000:00:00%20forged%ff/ping")
	if got := buf.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, `"/a\n2026/01/01 00:00:00 forged\xff/ping": x`) {
		t.Errorf("default log of a path with a newline: %q", got)
	}
	rec := httptest.NewRecorder()
	if w := (&trackingWriter{ResponseWriter: rec}); w.Unwrap() != rec || http.NewResponseController(w).Flush() != nil || !rec.Flushed {
		t.Error("trackingWriter does not unwrap to the ResponseWriter")
	}
}

// TestOptions checks nil options, WithErrorLog(nil) (errors are
// discarded) and WithMaxBodyBytes below 1 (the default limit).
func TestOptions(t *testing.T) {
	h := newTestHandler(&testService{}, nil, WithErrorLog(nil), WithMaxBodyBytes(0))
	wantError(t, serve(t, h, "GET", "/me", ""), 501, "notImplemented")
	if h.cfg.maxBodyBytes != defaultMaxBodyBytes || h.cfg.errorLog != nil {
		t.Errorf("config %+v, want the default limit and no error log", h.cfg)
	}
	for _, n := range []int64{-5, 0} {
		if h := newTestHandler(&testService{}, WithMaxBodyBytes(n)); h.cfg.maxBodyBytes != defaultMaxBodyBytes {
			t.Errorf("WithMaxBodyBytes(%d): limit %d", n, h.cfg.maxBodyBytes)
		}
	}
	if h := newTestHandler(&testService{}, WithMaxBodyBytes(7)); h.cfg.maxBodyBytes != 7 {
		t.Errorf("WithMaxBodyBytes(7): limit %d", h.cfg.maxBodyBytes)
	}
	svc := &testService{getUser: func(context.Context, *getUserRequest) (*report, error) { return nil, errors.New("x") }}
	var buf bytes.Buffer
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	wantError(t, serve(t, newTestHandler(svc, WithErrorLog(nil)), "GET", "/me", ""), 500, "generalException")
	if buf.Len() != 0 {
		t.Errorf("WithErrorLog(nil) logged %q", buf.String())
	}
	// The last option wins.
	spy := &logSpy{}
	wantError(t, serve(t, newTestHandler(svc, WithErrorLog(nil), WithErrorLog(spy.log)), "GET", "/me", ""), 500, "generalException")
	if spy.count() != 1 {
		t.Errorf("the last WithErrorLog was not used: %d logged", spy.count())
	}
}

// TestErrorBody checks the error body's JSON: no HTML escaping, valid
// UTF-8, and the message and code as given.
func TestErrorBody(t *testing.T) {
	svc := &testService{getUser: func(context.Context, *getUserRequest) (*report, error) {
		return nil, &Error{Status: 400, Code: "a<b>&c", Message: "x \"y\" <z> \xff"}
	}}
	rec := serve(t, newTestHandler(svc), "GET", "/me", "")
	msg := wantError(t, rec, 400, "a<b>&c")
	if msg != "x \"y\" <z> \uFFFD" || !strings.Contains(rec.Body.String(), "<z>") {
		t.Errorf("message %q, body %s", msg, rec.Body)
	}
	if !json.Valid(rec.Body.Bytes()) {
		t.Errorf("body %q is not JSON", rec.Body)
	}
}

// TestErrorRetryAfter checks the Retry-After header of an *Error with
// RetryAfter: whole seconds rounded up, none without it, and none when the
// handler answers 500 for an Error whose status is not an error status.
func TestErrorRetryAfter(t *testing.T) {
	cases := []struct {
		e    *Error
		code int
		want string
	}{
		{&Error{Status: 429, Code: "TooManyRequests", RetryAfter: 1500 * time.Millisecond}, 429, "2"},
		{&Error{Status: 503, RetryAfter: 30 * time.Second}, 503, "30"},
		{&Error{Status: 429}, 429, ""},
		{&Error{Status: 429, RetryAfter: -time.Second}, 429, ""},
		{&Error{Status: 200, RetryAfter: time.Second}, 500, ""},
	}
	for _, c := range cases {
		svc := &testService{getUser: func(context.Context, *getUserRequest) (*report, error) { return nil, c.e }}
		rec := serve(t, NewHandler(svc, nil, testOps, []Option{WithErrorLog(nil)}), "GET", "/me", "")
		if rec.Code != c.code || rec.Header().Get("Retry-After") != c.want {
			t.Errorf("%+v: %d Retry-After %q, want %d %q", c.e, rec.Code, rec.Header().Get("Retry-After"), c.code, c.want)
		}
	}
}

// TestErrorTargetDetails checks OData's optional error members: target
// and details written after code and message, in that order, and none of
// them for the 500 that stands for an Error with a success status.
func TestErrorTargetDetails(t *testing.T) {
	e := &Error{Status: 422, Code: "Request_UnprocessableEntity", Message: "The values provided contain one or more validation errors.", Target: "group",
		Details: []ErrorDetail{{Code: "MissingPrefixSuffix", Message: "Property displayName is missing a required prefix.", Target: "displayName"}, {Code: "Other", Message: "m"}}}
	svc := &testService{getUser: func(context.Context, *getUserRequest) (*report, error) { return nil, e }}
	rec := serve(t, newTestHandler(svc), "GET", "/me", "")
	if rec.Code != 422 {
		t.Fatalf("status %d", rec.Code)
	}
	want := `{"error":{"code":"Request_UnprocessableEntity","message":"The values provided contain one or more validation errors.","target":"group","details":[{"code":"MissingPrefixSuffix","message":"Property displayName is missing a required prefix.","target":"displayName"},{"code":"Other","message":"m"}],"innerError":`
	if !strings.HasPrefix(rec.Body.String(), want) {
		t.Errorf("body %s\nwant it to start %s", rec.Body, want)
	}
	e.Status = 200
	rec = serve(t, newTestHandler(svc, WithErrorLog(nil)), "GET", "/me", "")
	wantError(t, rec, 500, "generalException")
	if strings.Contains(rec.Body.String(), "details") || strings.Contains(rec.Body.String(), "target") {
		t.Errorf("500 with the Error's target or details: %s", rec.Body)
	}
}
