package handlerfuzz_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/graphdocgen/graphdocgen/generated"
)

// headerService chooses its behaviour from the X-Mode request header, so
// that one handler serves requests of every kind at once.
type headerService struct {
	generated.UnimplementedService
	calls atomic.Int64
}

func (s *headerService) UpdateUserCredentialUsageDetails(ctx context.Context, req *generated.UpdateUserCredentialUsageDetailsRequest) (*generated.UserCredentialUsageDetails, error) {
	s.calls.Add(1)
	switch req.HTTPRequest.Header.Get("X-Mode") {
	case "panic":
		panic(secret)
	case "error":
		return nil, io.ErrUnexpectedEOF
	case "typed":
		return nil, &generated.Error{Status: 409, Code: "conflict", Message: "taken"}
	}
	if err := req.Body.Validate(); err != nil {
		return nil, err
	}
	return &req.Body, nil
}

// concurrentCase is one kind of request with its expected status.
type concurrentCase struct {
	mode, method, path, body string
	status                   int
}

var concurrentCases = []concurrentCase{
	{"", "PATCH", seedPath, `{"feature":"reset","isSuccess":true}`, 200},
	{"", "PATCH", seedPath, `{"feature":"nope"}`, 400},
	{"", "PATCH", seedPath, strings.Repeat("[", 1000), 400},
	{"", "PATCH", seedPath, "{\"id\":\"\xff\"}", 200},
	{"", "GET", seedPath, ``, 405},
	{"", "GET", "/nowhere", ``, 404},
	{"panic", "PATCH", seedPath, `{}`, 500},
	{"error", "PATCH", seedPath, `{}`, 500},
	{"typed", "PATCH", seedPath, `{}`, 409},
}

// TestConcurrentRequests serves every kind of request at once through a
// real server (run it with -race): panics and errors in some requests never
// disturb the others, and the server keeps serving.
func TestConcurrentRequests(t *testing.T) {
	svc := &headerService{}
	srv := httptest.NewServer(generated.NewHandler(svc, generated.WithErrorLog(nil)))
	defer srv.Close()
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 40 {
				c := concurrentCases[(w+i)%len(concurrentCases)]
				if err := send(srv, c); err != "" {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := send(srv, concurrentCases[0]); err != "" {
		t.Errorf("after the concurrent requests: %s", err)
	}
	if svc.calls.Load() == 0 {
		t.Error("the service was never called")
	}
}

// send sends one request and returns what is wrong with the answer, or "".
func send(srv *httptest.Server, c concurrentCase) string {
	req, err := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader(c.body))
	if err != nil {
		return err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Mode", c.mode)
	res, err := srv.Client().Do(req)
	if err != nil {
		return c.mode + " " + c.method + " " + c.path + ": " + err.Error()
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != c.status {
		return c.mode + " " + c.method + " " + c.path + ": status " + res.Status + ": " + string(body)
	}
	if c.status >= 400 {
		var e errorReply
		if json.Unmarshal(body, &e) != nil || e.Error.Code == "" || strings.Contains(string(body), secret) {
			return "bad error body " + string(body)
		}
	}
	return ""
}
