package gen_test

// These tests drive the checked-in seed package (generated/) from outside,
// as a user's server would, and cover every handler behaviour the README
// promises.

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/graphdocgen/graphdocgen/generated"
)

const seedPath = "/reports/userCredentialUsageDetails/abc"

// recorder is a Service that records what it receives.
type recorder struct {
	generated.UnimplementedService
	mu    sync.Mutex
	got   *generated.UpdateUserCredentialUsageDetailsRequest
	reply func(req *generated.UpdateUserCredentialUsageDetailsRequest) (*generated.UserCredentialUsageDetails, error)
}

func (r *recorder) UpdateUserCredentialUsageDetails(ctx context.Context, req *generated.UpdateUserCredentialUsageDetailsRequest) (*generated.UserCredentialUsageDetails, error) {
	r.mu.Lock()
	r.got = req
	r.mu.Unlock()
	if r.reply != nil {
		return r.reply(req)
	}
	return &req.Body, nil
}

type graphError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func do(t *testing.T, h http.Handler, method, path, contentType, body string) (*httptest.ResponseRecorder, graphError) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var ge graphError
	if rec.Code >= 400 {
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%s %s: error Content-Type %q, want application/json", method, path, ct)
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &ge); err != nil || ge.Error.Code == "" || ge.Error.Message == "" {
			t.Errorf("%s %s: error body %q is not a Graph error (%v)", method, path, rec.Body, err)
		}
	}
	return rec, ge
}

func TestSeedHandlerAbsentNullAndZero(t *testing.T) {
	svc := &recorder{}
	h := generated.NewHandler(svc)
	for _, tc := range []struct {
		body          string
		set, null, ok bool
	}{
		{`{"isSuccess": false}`, true, false, true},
		{`{}`, false, false, false},
		{`{"isSuccess": null}`, true, true, false},
		{`{"isSuccess": true}`, true, false, true},
	} {
		rec, _ := do(t, h, "PATCH", seedPath, "application/json", tc.body)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d, body %s", tc.body, rec.Code, rec.Body)
		}
		b := svc.got.Body.IsSuccess
		set, ok := b.Value != nil || b.Null, b.Value != nil
		if set != tc.set || b.Null != tc.null || ok != tc.ok {
			t.Errorf("%s: set=%v Null=%v Value!=nil=%v, want %v %v %v", tc.body, set, b.Null, ok, tc.set, tc.null, tc.ok)
		}
		if svc.got.UserCredentialUsageDetailsID != "abc" {
			t.Errorf("path parameter = %q, want abc", svc.got.UserCredentialUsageDetailsID)
		}
		var echoed map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &echoed); err != nil {
			t.Fatalf("%s: response %q: %v", tc.body, rec.Body, err)
		}
		var sent map[string]any
		json.Unmarshal([]byte(tc.body), &sent)
		if len(echoed) != len(sent) || echoed["isSuccess"] != sent["isSuccess"] {
			t.Errorf("%s: echoed %s, want the same members", tc.body, rec.Body)
		}
	}
}

func TestSeedHandlerRejects(t *testing.T) {
	h := generated.NewHandler(&recorder{})
	for _, tc := range []struct {
		name, method, path, ct, body string
		status                       int
		code, mentions               string
	}{
		{"malformed JSON", "PATCH", seedPath, "application/json", `{"isSuccess": tru`, 400, "invalidRequest", ""},
		{"wrong type", "PATCH", seedPath, "application/json", `{"isSuccess": "yes"}`, 400, "invalidRequest", "'isSuccess'"},
		{"enum value", "PATCH", seedPath, "application/json", `{"feature": "String"}`, 400, "invalidRequest", "'feature'"},
		{"enum lists allowed", "PATCH", seedPath, "application/json", `{"authMethod": "x"}`, 400, "invalidRequest", "mobileSMS"},
		{"unknown property", "PATCH", seedPath, "application/json", `{"foo": 1}`, 400, "invalidRequest", "'foo'"},
		{"malformed date", "PATCH", seedPath, "application/json", `{"eventDateTime": "yesterday"}`, 400, "invalidRequest", "'eventDateTime' must be an RFC 3339 date and time"},
		{"date with spaces", "PATCH", seedPath, "application/json", `{"eventDateTime": "2018-10-04T00: 58: 45.340Z"}`, 400, "invalidRequest", "'eventDateTime'"},
		{"date, wrong JSON type", "PATCH", seedPath, "application/json", `{"eventDateTime": 5}`, 400, "invalidRequest", "'eventDateTime' must be a string"},
		{"not an object", "PATCH", seedPath, "application/json", `[1]`, 400, "invalidRequest", ""},
		{"content type", "PATCH", seedPath, "text/plain", `{}`, 415, "unsupportedMediaType", ""},
		{"other method", "GET", seedPath, "", ``, 405, "methodNotAllowed", ""},
		{"undocumented path", "GET", "/reports/nothing", "", ``, 404, "itemNotFound", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, ge := do(t, h, tc.method, tc.path, tc.ct, tc.body)
			if rec.Code != tc.status || ge.Error.Code != tc.code {
				t.Fatalf("got %d %q, want %d %q; body %s", rec.Code, ge.Error.Code, tc.status, tc.code, rec.Body)
			}
			if !strings.Contains(ge.Error.Message, tc.mentions) {
				t.Errorf("message %q does not mention %s", ge.Error.Message, tc.mentions)
			}
			if tc.status == 405 && rec.Header().Get("Allow") != "PATCH" {
				t.Errorf("Allow = %q, want PATCH", rec.Header().Get("Allow"))
			}
		})
	}
}

// TestSeedHandlerAcceptsDates: the forms of Edm.DateTimeOffset the docs
// use are accepted and reach the service as sent.
func TestSeedHandlerAcceptsDates(t *testing.T) {
	for _, v := range []string{"2016-12-31T23:58:34.1704434+00:00", "2019-11-02T19:00:00Z", "2017-09-04T00:00:00", "2017-09-04T00:00:00.5-07:00"} {
		svc := &recorder{}
		rec, _ := do(t, generated.NewHandler(svc), "PATCH", seedPath, "application/json", `{"eventDateTime": "`+v+`"}`)
		if rec.Code != 200 {
			t.Errorf("%s: status %d: %s", v, rec.Code, rec.Body)
			continue
		}
		if got := svc.got.Body.EventDateTime.Value; got == nil || string(*got) != v {
			t.Errorf("%s: service got %v", v, got)
		}
	}
}

func TestSeedHandlerAcceptsAnnotations(t *testing.T) {
	h := generated.NewHandler(&recorder{})
	body := `{"@odata.type": "#Microsoft.AAD.Reporting.userCredentialUsageDetails", "manager@odata.bind": "https://x/users/1", "feature": "reset"}`
	if rec, _ := do(t, h, "PATCH", seedPath, "application/json; charset=utf-8", body); rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
}

func TestSeedHandlerBodyLimit(t *testing.T) {
	h := generated.NewHandler(&recorder{}, generated.WithMaxBodyBytes(64))
	small := `{"failureReason": "` + strings.Repeat("x", 10) + `"}`
	if rec, _ := do(t, h, "PATCH", seedPath, "application/json", small); rec.Code != 200 {
		t.Fatalf("small body: status %d", rec.Code)
	}
	big := `{"failureReason": "` + strings.Repeat("x", 100) + `"}`
	if rec, ge := do(t, h, "PATCH", seedPath, "application/json", big); rec.Code != 413 || ge.Error.Code != "requestTooLarge" {
		t.Fatalf("big body: %d %q", rec.Code, ge.Error.Code)
	}
	// A lying Content-Length does not get past the limit.
	req := httptest.NewRequest("PATCH", seedPath, io.NopCloser(strings.NewReader(big)))
	req.ContentLength = 10
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 413 {
		t.Errorf("lying Content-Length: status %d", rec.Code)
	}
	// The default limit is 4 MiB.
	h = generated.NewHandler(&recorder{})
	huge := `{"failureReason": "` + strings.Repeat("x", 4<<20) + `"}`
	if rec, _ := do(t, h, "PATCH", seedPath, "application/json", huge); rec.Code != 413 {
		t.Errorf("default limit: status %d for a body over 4 MiB", rec.Code)
	}
}

// TestSeedHandlerEncodedSlash sends, through a real server, paths whose
// id holds an encoded "/": it stays in its segment and reaches the service
// decoded, while an encoded "/" in the literal part of the path is not a
// separator.
func TestSeedHandlerEncodedSlash(t *testing.T) {
	svc := &recorder{}
	srv := httptest.NewServer(generated.NewHandler(svc))
	defer srv.Close()
	for _, tc := range []struct {
		path   string
		status int
		id     string
	}{
		{"/reports/userCredentialUsageDetails/a%2Fb", 200, "a/b"},
		{"/reports/userCredentialUsageDetails/a%2fb", 200, "a/b"},
		{"/reports/userCredentialUsageDetails/a%252Fb", 200, "a%2Fb"},
		{"/reports/userCredentialUsageDetails/a%20b", 200, "a b"},
		{"/reports/userCredentialUsageDetails/%2F%2F", 200, "//"},
		{"/reports/userCredentialUsageDetails/a/b", 404, ""},
		{"/reports/userCredentialUsageDetails%2Fabc", 404, ""},
		{"/reports%2FuserCredentialUsageDetails/abc", 404, ""},
	} {
		svc.mu.Lock()
		svc.got = nil
		svc.mu.Unlock()
		req, err := http.NewRequest("PATCH", srv.URL+tc.path, strings.NewReader(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		var id string
		svc.mu.Lock()
		if svc.got != nil {
			id = svc.got.UserCredentialUsageDetailsID
		}
		svc.mu.Unlock()
		if res.StatusCode != tc.status || id != tc.id {
			t.Errorf("PATCH %s: %d, id %q; want %d, id %q", tc.path, res.StatusCode, id, tc.status, tc.id)
		}
	}
}

func TestSeedHandlerServiceErrors(t *testing.T) {
	var logged []error
	svc := &recorder{}
	h := generated.NewHandler(svc, generated.WithErrorLog(func(r *http.Request, err error) { logged = append(logged, err) }))
	svc.reply = func(*generated.UpdateUserCredentialUsageDetailsRequest) (*generated.UserCredentialUsageDetails, error) {
		return nil, errors.New("database password is hunter2")
	}
	rec, ge := do(t, h, "PATCH", seedPath, "application/json", `{}`)
	if rec.Code != 500 || ge.Error.Code != "generalException" || strings.Contains(rec.Body.String(), "hunter2") {
		t.Errorf("plain error: %d %s", rec.Code, rec.Body)
	}
	svc.reply = func(*generated.UpdateUserCredentialUsageDetailsRequest) (*generated.UserCredentialUsageDetails, error) {
		panic("secret panic text")
	}
	rec, _ = do(t, h, "PATCH", seedPath, "application/json", `{}`)
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "secret") {
		t.Errorf("panic: %d %s", rec.Code, rec.Body)
	}
	if len(logged) != 2 {
		t.Errorf("error log got %d errors, want 2", len(logged))
	}
	svc.reply = func(*generated.UpdateUserCredentialUsageDetailsRequest) (*generated.UserCredentialUsageDetails, error) {
		return nil, &generated.Error{Status: 409, Code: "nameAlreadyExists", Message: "taken"}
	}
	rec, ge = do(t, h, "PATCH", seedPath, "application/json", `{}`)
	if rec.Code != 409 || ge.Error.Code != "nameAlreadyExists" || ge.Error.Message != "taken" {
		t.Errorf("typed error: %d %+v", rec.Code, ge)
	}
	svc.reply = nil
	if rec, _ = do(t, h, "PATCH", seedPath, "application/json", `{}`); rec.Code != 200 {
		t.Errorf("after a panic the next request got %d", rec.Code)
	}
	rec, ge = do(t, generated.NewHandler(&generated.UnimplementedService{}), "PATCH", seedPath, "application/json", `{}`)
	if rec.Code != 501 || ge.Error.Code != "notImplemented" {
		t.Errorf("unimplemented: %d %+v", rec.Code, ge)
	}
}

func TestSeedValidate(t *testing.T) {
	v := generated.UserCredentialUsageDetails{Feature: generated.Some(generated.UserCredentialUsageDetailsFeature("bogus"))}
	err := v.Validate()
	var ve *generated.ValidationError
	if !errors.As(err, &ve) || ve.Property != "feature" || len(ve.Allowed) != 3 {
		t.Fatalf("Validate() = %v, want a ValidationError naming feature and its 3 members", err)
	}
	v.Feature = generated.Some(generated.UserCredentialUsageDetailsFeatureReset)
	if err := v.Validate(); err != nil {
		t.Errorf("Validate() of a valid value = %v", err)
	}
	if !generated.UserCredentialUsageDetailsAuthMethodMobileSMS.IsValid() || generated.UserCredentialUsageDetailsAuthMethod("sms").IsValid() {
		t.Error("IsValid disagrees with the documented members")
	}
}

func TestSeedHandlerConcurrent(t *testing.T) {
	h := generated.NewHandler(&recorder{})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := `{"isSuccess": true}`
			if i%2 == 0 {
				body = `{"feature": "nope"}`
			}
			req := httptest.NewRequest("PATCH", seedPath, strings.NewReader(body))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if want := map[bool]int{true: 400, false: 200}[i%2 == 0]; rec.Code != want {
				t.Errorf("request %d: status %d, want %d", i, rec.Code, want)
			}
		}()
	}
	wg.Wait()
}
