package rt

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestRequestIDs checks the request-id and client-request-id of answers:
// a new GUID per request, the client's client-request-id echoed when it is
// printable ASCII of at most 128 bytes and the request-id in its place
// otherwise, both in the innerError of an error, and RequestID giving the
// Service the id its answer carries.
func TestRequestIDs(t *testing.T) {
	var seen string
	svc := &testService{getUser: func(ctx context.Context, req *getUserRequest) (*report, error) {
		seen = RequestID(ctx)
		if req.ID == "missing" {
			return nil, &Error{Status: 404}
		}
		return &report{ID: req.ID}, nil
	}}
	h := newTestHandler(svc)
	cases := []struct {
		name, client string
		echoed       bool
	}{
		{"none", "", false},
		{"GUID", "0b7f4d2a-53c1-4f6e-9e3a-1f2d3c4b5a69", true},
		{"other printable", "my-app/42:retry#1", true},
		{"128 bytes", strings.Repeat("a", 128), true},
		{"129 bytes", strings.Repeat("a", 129), false},
		{"space", "a b", false},
		{"not ASCII", "é", false},
	}
	ids := map[string]bool{}
	for _, c := range cases {
		for _, target := range []string{"/users/u1", "/users/missing"} {
			var hdr []string
			if c.client != "" {
				hdr = []string{"client-request-id", c.client}
			}
			seen = ""
			rec := serve(t, h, "GET", target, "", hdr...)
			id, client := rec.Header().Get("request-id"), rec.Header().Get("client-request-id")
			if !isGUID(id) || ids[id] {
				t.Errorf("%s %s: request-id %q is not a new GUID", c.name, target, id)
			}
			ids[id] = true
			if seen != id {
				t.Errorf("%s %s: RequestID gave the service %q, the answer has %q", c.name, target, seen, id)
			}
			want := id
			if c.echoed {
				want = c.client
			}
			if client != want {
				t.Errorf("%s %s: client-request-id %q, want %q", c.name, target, client, want)
			}
			if target == "/users/missing" {
				wantError(t, rec, 404, "itemNotFound")
			} else if rec.Code != 200 {
				t.Errorf("%s: %d %s", c.name, rec.Code, rec.Body)
			}
		}
	}
	// The handler's own errors carry the ids too.
	rec := serve(t, h, "GET", "/nowhere", "", "client-request-id", "c-1")
	wantError(t, rec, 404, "itemNotFound")
	if rec.Header().Get("client-request-id") != "c-1" {
		t.Errorf("404 without the client-request-id: %v", rec.Header())
	}
	if RequestID(context.Background()) != "" {
		t.Error("RequestID outside a request is not empty")
	}
}

// TestBatchRequestIDs checks the ids of a batch: the batch's answer has
// its own, each request's error has its own request-id in its innerError
// (one that failed a dependency too) and the batch's client-request-id, and
// the responses list no id headers.
func TestBatchRequestIDs(t *testing.T) {
	var got []string
	h := NewHandler(batchService(&got), nil, testOps, nil)
	rec := postBatch(h, `{"requests": [
		{"id": "1", "method": "GET", "url": "/users/u404"},
		{"id": "2", "method": "GET", "url": "/users/u1", "dependsOn": ["1"]}
	]}`, "client-request-id", "batch-7")
	if rec.Code != 200 || rec.Header().Get("client-request-id") != "batch-7" || !isGUID(rec.Header().Get("request-id")) {
		t.Fatalf("batch: %d %v", rec.Code, rec.Header())
	}
	var out struct {
		Responses []struct {
			ID      string            `json:"id"`
			Headers map[string]string `json:"headers"`
			Body    errorResponse     `json:"body"`
		} `json:"responses"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || len(out.Responses) != 2 {
		t.Fatalf("responses: %s", rec.Body)
	}
	ids := map[string]bool{rec.Header().Get("request-id"): true}
	for _, r := range out.Responses {
		ie := r.Body.Error.InnerError
		if !isGUID(ie.RequestID) || ids[ie.RequestID] || ie.ClientRequestID != "batch-7" {
			t.Errorf("response %s: innerError %+v", r.ID, ie)
		}
		ids[ie.RequestID] = true
		for k := range r.Headers {
			if strings.EqualFold(k, "request-id") || strings.EqualFold(k, "client-request-id") {
				t.Errorf("response %s lists header %s", r.ID, k)
			}
		}
	}
}
