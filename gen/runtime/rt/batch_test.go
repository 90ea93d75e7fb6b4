package rt

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// batchService is the service of the batch tests: users by id (u404 is
// not found), a report update that records the body and the
// Authorization header it got, and things created with the name sent.
func batchService(got *[]string) *testService {
	return &testService{
		getUser: func(_ context.Context, req *getUserRequest) (*report, error) {
			*got = append(*got, "GetUser "+req.ID+" "+req.HTTPRequest.Header.Get("Authorization")+" "+req.HTTPRequest.Header.Get("ConsistencyLevel"))
			if req.ID == "u404" {
				return nil, &Error{Status: 404, Code: "Request_ResourceNotFound", Message: "no such user"}
			}
			return &report{ID: req.ID, Name: "user " + req.ID}, nil
		},
		update: func(_ context.Context, req *updateReportRequest) (*report, error) {
			*got = append(*got, "UpdateReport "+req.XID+" "+req.Body.Name)
			return &report{ID: req.XID, Name: req.Body.Name}, nil
		},
		create: func(_ context.Context, req *createThingRequest) (*thing, error) {
			*got = append(*got, "CreateThing "+req.Body.Name)
			return &thing{Name: req.Body.Name}, nil
		},
	}
}

// postBatch sends body to /v1.0/$batch through http.StripPrefix, as the
// Graph service root, with an Authorization header.
func postBatch(h http.Handler, body string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "https://graph.example/v1.0/$batch", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer t")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	http.StripPrefix("/v1.0", h).ServeHTTP(rec, req)
	return rec
}

// TestBatch checks a batch of requests that succeed and fail: each is
// served as if it came alone (routes, bodies, statuses, errors, the
// batch's Authorization header, its own headers), the responses come in
// the batch's order with their headers and JSON bodies, a request runs
// after those it depends on, and one whose dependency failed answers 424
// without running.
func TestBatch(t *testing.T) {
	var got []string
	h := NewHandler(batchService(&got), nil, testOps, nil)
	rec := postBatch(h, `{"requests": [
		{"id": "3", "method": "GET", "url": "/users/u3", "dependsOn": ["2"]},
		{"id": "1", "method": "GET", "url": "users/u1", "headers": {"ConsistencyLevel": "eventual"}},
		{"id": "2", "method": "PATCH", "url": "/reports/x/r1", "headers": {"Content-Type": "application/json"}, "body": {"name": "Q3"}},
		{"id": "4", "method": "GET", "url": "/users/u404"},
		{"id": "5", "method": "POST", "url": "/things", "headers": {"content-type": "application/json"}, "body": {"name": "box"}, "dependsOn": ["4"]},
		{"id": "6", "method": "DELETE", "url": "/users/u1"},
		{"id": "7", "method": "POST", "url": "/things", "headers": {"Content-Type": "application/json"}, "body": {"name": 5}},
		{"id": "8", "method": "GET", "url": "/nowhere"}
	]}`)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("batch: %d %q %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	want := `{"responses": [
		{"id": "3", "status": 200, "headers": {"Content-Type": "application/json"}, "body": {"id": "u3", "name": "user u3"}},
		{"id": "1", "status": 200, "headers": {"Content-Type": "application/json"}, "body": {"id": "u1", "name": "user u1"}},
		{"id": "2", "status": 200, "headers": {"Content-Type": "application/json"}, "body": {"id": "r1", "name": "Q3"}},
		{"id": "4", "status": 404, "headers": {"Content-Type": "application/json", "X-Content-Type-Options": "nosniff"}, "body": {"error": {"code": "Request_ResourceNotFound", "message": "no such user"}}},
		{"id": "5", "status": 424, "headers": {"Content-Type": "application/json", "X-Content-Type-Options": "nosniff"}, "body": {"error": {"code": "failedDependency", "message": "The request depends on request '4', which failed."}}},
		{"id": "6", "status": 405, "headers": {"Allow": "GET", "Content-Type": "application/json", "X-Content-Type-Options": "nosniff"}, "body": {"error": {"code": "methodNotAllowed", "message": "The request method is not allowed for this resource."}}},
		{"id": "7", "status": 400, "headers": {"Content-Type": "application/json", "X-Content-Type-Options": "nosniff"}, "body": {"error": {"code": "invalidRequest", "message": "Property 'name' must be a string."}}},
		{"id": "8", "status": 404, "headers": {"Content-Type": "application/json", "X-Content-Type-Options": "nosniff"}, "body": {"error": {"code": "itemNotFound", "message": "No resource matches the request path."}}}
	]}`
	checkJSON(t, "batch response", []byte(want), rec.Body.Bytes(), false)
	// 2 before 3 (3 depends on it), 1 first of the others in the batch's
	// order; 5 never ran.
	wantCalls := []string{"GetUser u1 Bearer t eventual", "UpdateReport r1 Q3", "GetUser u3 Bearer t ", "GetUser u404 Bearer t "}
	if strings.Join(got, "|") != strings.Join(wantCalls, "|") {
		t.Errorf("calls:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantCalls, "\n"))
	}
}

// TestBatchBodies checks what a request of a batch may send and what its
// answer holds: a base64 body for a Content-Type that is not JSON, a body
// without a Content-Type, a base64 body that is not base64, a
// non-JSON answer (base64 in the response), an answer without a body, and
// a nextLink naming the path the client used (the batch's prefix).
func TestBatchBodies(t *testing.T) {
	svc := &testService{
		content: func(context.Context, *getContentRequest) (*CollectionResponse[report], error) {
			return &CollectionResponse[report]{Value: []report{{ID: "a"}}, SkipToken: "p2"}, nil
		},
		create: func(_ context.Context, req *createThingRequest) (*thing, error) {
			return &thing{Name: req.Body.Name}, nil
		},
	}
	// With the Service type, the handler knows GetContent lists (and
	// links the next page).
	var ops []*Operation
	for _, op := range testOps {
		if op.Name == "GetContent" || op.Name == "CreateThing" {
			ops = append(ops, op)
		}
	}
	h := NewHandler(svc, reflect.TypeFor[testAPI](), ops, nil)
	body := base64.StdEncoding.EncodeToString([]byte(`{"name":"b64"}`))
	rec := postBatch(h, `{"requests": [
		{"id": "a", "method": "POST", "url": "/things", "headers": {"Content-Type": "application/json"}, "body": {"name": "json"}},
		{"id": "b", "method": "POST", "url": "/things", "headers": {"Content-Type": "text/plain"}, "body": "`+body+`"},
		{"id": "c", "method": "POST", "url": "/things", "body": {"name": "x"}},
		{"id": "d", "method": "POST", "url": "/things", "headers": {"Content-Type": "text/plain"}, "body": "not base64!"},
		{"id": "e", "method": "GET", "url": "/me/drive/root:/a.txt:/content?$top=1"},
		{"id": "f", "method": "POST", "url": "https://graph.microsoft.com/v1.0/things"},
		{"id": "g", "method": "POST", "url": "/$batch", "headers": {"Content-Type": "application/json"}, "body": {"requests": []}},
		{"id": "h", "method": "GET", "url": "/things", "body": null}
	]}`)
	if rec.Code != 200 {
		t.Fatalf("batch: %d %s", rec.Code, rec.Body)
	}
	var out struct {
		Responses []batchResponse `json:"responses"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || len(out.Responses) != 8 {
		t.Fatalf("batch response %s: %v", rec.Body, err)
	}
	status := map[string]int{}
	bodies := map[string]string{}
	for _, r := range out.Responses {
		status[r.ID], bodies[r.ID] = r.Status, string(r.Body)
	}
	// b: a text/plain body is answered 415 by an operation taking JSON,
	// its answer being JSON: the base64 body reached the handler decoded.
	wantStatus := map[string]int{"a": 201, "b": 415, "c": 400, "d": 400, "e": 200, "f": 400, "g": 400, "h": 405}
	for id, st := range wantStatus {
		if status[id] != st {
			t.Errorf("request %s: status %d, want %d (%s)", id, status[id], st, bodies[id])
		}
	}
	for id, msg := range map[string]string{"c": "needs a Content-Type header", "d": "must be a base64 string", "f": "not an absolute URL", "g": "A batch cannot hold a batch."} {
		if !strings.Contains(bodies[id], msg) {
			t.Errorf("request %s: body %s, want one saying %q", id, bodies[id], msg)
		}
	}
	if want := `"@odata.nextLink":"https://graph.example/v1.0/me/drive/root:/a.txt:/content?$top=1&$skiptoken=p2"`; !strings.Contains(bodies["e"], want) {
		t.Errorf("request e: body %s, want %s", bodies["e"], want)
	}

	// A text/plain body the operation takes reaches it decoded from base64;
	// an answer that is not JSON is base64 in the response.
	plain := NewHandler(&segmentService{result: func(string) (any, error) { return int64(7), nil }}, nil, []*Operation{
		{Name: "Count", Method: "GET", Status: 200, Req: (*memberRequest)(nil), Call: callAs("Count"), Count: true, Routes: []OpRoute{{"/users/{group-id}/things/$count", []uint8{1}}}},
	}, nil)
	rec = postBatch(plain, `{"requests": [{"id": "1", "method": "GET", "url": "/users/u1/things/$count"}]}`)
	want := `{"responses": [{"id": "1", "status": 200, "headers": {"Content-Type": "text/plain; charset=utf-8"}, "body": "` + base64.StdEncoding.EncodeToString([]byte("7")) + `"}]}`
	checkJSON(t, "count in a batch", []byte(want), rec.Body.Bytes(), false)
}

// TestBatchMalformed checks the answers to a batch that cannot run: each
// is a Graph error for the whole batch, and no request of it runs.
func TestBatchMalformed(t *testing.T) {
	var got []string
	h := NewHandler(batchService(&got), nil, testOps, nil)
	twentyOne := make([]string, 21)
	for i := range twentyOne {
		twentyOne[i] = `{"id": "` + strings.Repeat("x", i+1) + `", "method": "GET", "url": "/me"}`
	}
	cases := []struct {
		name, body string
		status     int
		message    string
	}{
		{"not JSON", `{"requests": [`, 400, "not a JSON object"},
		{"not an object", `[]`, 400, "not a JSON object"},
		{"no requests", `{"requests": []}`, 400, "holds no requests"},
		{"no requests member", `{}`, 400, "holds no requests"},
		{"too many", `{"requests": [` + strings.Join(twentyOne, ",") + `]}`, 400, "holds 21 requests; a batch holds at most 20"},
		{"no id", `{"requests": [{"method": "GET", "url": "/me"}]}`, 400, "Request 1 of the batch has no id."},
		{"no url", `{"requests": [{"id": "1", "method": "GET"}]}`, 400, "needs a method and a url"},
		{"no method", `{"requests": [{"id": "1", "url": "/me"}]}`, 400, "needs a method and a url"},
		{"same id", `{"requests": [{"id": "1", "method": "GET", "url": "/me"}, {"id": "1", "method": "GET", "url": "/me"}]}`, 400, "two requests with the id '1'"},
		{"unknown dependency", `{"requests": [{"id": "1", "method": "GET", "url": "/me", "dependsOn": ["9"]}]}`, 400, "depends on '9'"},
		{"on itself", `{"requests": [{"id": "1", "method": "GET", "url": "/me", "dependsOn": ["1"]}]}`, 400, "depends on '1'"},
		{"too many dependencies", `{"requests": [{"id": "1", "method": "GET", "url": "/me", "dependsOn": [` + strings.Repeat(`"2",`, 19) + `"2"]}, {"id": "2", "method": "GET", "url": "/me"}]}`, 400, "depends on 20 requests"},
		{"cycle", `{"requests": [{"id": "1", "method": "GET", "url": "/me", "dependsOn": ["2"]}, {"id": "2", "method": "GET", "url": "/me", "dependsOn": ["1"]}]}`, 400, "cycle"},
	}
	for _, c := range cases {
		rec := postBatch(h, c.body)
		if msg := wantError(t, rec, c.status, "invalidRequest"); !strings.Contains(msg, c.message) {
			t.Errorf("%s: %d %s, want %d saying %q", c.name, rec.Code, rec.Body, c.status, c.message)
		}
	}
	if len(got) != 0 {
		t.Errorf("malformed batches ran %v", got)
	}
	// Not POST, not JSON, too large; a gzip batch is read.
	req := httptest.NewRequest("GET", "/$batch", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 405 || rec.Header().Get("Allow") != "POST" {
		t.Errorf("GET /$batch: %d Allow %q, want 405 Allow POST", rec.Code, rec.Header().Get("Allow"))
	}
	if rec := postBatch(h, `{"requests": []}`, "Content-Type", "text/plain"); rec.Code != 415 {
		t.Errorf("text/plain batch: %d, want 415", rec.Code)
	}
	small := NewHandler(batchService(&got), nil, testOps, []Option{WithMaxBodyBytes(64)})
	if rec := postBatch(small, `{"requests": [{"id": "1", "method": "GET", "url": "/users/`+strings.Repeat("u", 64)+`"}]}`); rec.Code != 413 {
		t.Errorf("large batch: %d, want 413", rec.Code)
	}
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	_, _ = zw.Write([]byte(`{"requests": [{"id": "1", "method": "GET", "url": "/users/u1"}]}`))
	_ = zw.Close()
	req = httptest.NewRequest("POST", "/$batch", &zipped)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Content-Encoding", "gzip")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	checkJSON(t, "gzip batch", []byte(`{"responses": [{"id": "1", "status": 200, "headers": {"Content-Type": "application/json"}, "body": {"id": "u1", "name": "user u1"}}]}`), rec.Body.Bytes(), false)
}

// FuzzBatch sends arbitrary batch bodies: the handler never panics, and
// answers either 200 with one response per request, each with an id and
// a status, or a Graph error.
func FuzzBatch(f *testing.F) {
	f.Add(`{"requests": [{"id": "1", "method": "GET", "url": "/users/u1"}]}`)
	f.Add(`{"requests": [{"id": "1", "method": "PATCH", "url": "/reports/x/r", "headers": {"Content-Type": "application/json"}, "body": {"name": "n"}, "dependsOn": ["2"]}, {"id": "2", "method": "GET", "url": "me"}]}`)
	f.Add(`{"requests": [{"id": "1", "method": "POST", "url": "/things", "headers": {"Content-Type": "image/png"}, "body": "iVBORw0KGgo="}]}`)
	f.Add(`{"requests": [{"id": "1", "method": "GET", "url": "/$batch"}, {"id": "2", "method": "G ET", "url": "/%zz"}]}`)
	f.Add(`{"requests": [{"id": "a", "method": "GET", "url": "/users/u404"}, {"id": "b", "method": "GET", "url": "/me", "dependsOn": ["a", "a"]}]}`)
	var got []string
	h := NewHandler(batchService(&got), nil, testOps, []Option{WithErrorLog(nil)})
	f.Fuzz(func(t *testing.T, body string) {
		got = got[:0]
		rec := postBatch(h, body)
		if rec.Code != 200 {
			if rec.Code < 400 || !json.Valid(rec.Body.Bytes()) || !strings.Contains(rec.Body.String(), `"error"`) {
				t.Fatalf("%d %s", rec.Code, rec.Body)
			}
			return
		}
		var out struct {
			Responses []batchResponse `json:"responses"`
		}
		var in struct {
			Requests []json.RawMessage `json:"requests"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			t.Fatalf("answer %s: %v", rec.Body, err)
		}
		if err := json.Unmarshal([]byte(body), &in); err != nil || len(in.Requests) != len(out.Responses) {
			t.Fatalf("%d responses to %s", len(out.Responses), body)
		}
		for _, r := range out.Responses {
			if r.ID == "" || r.Status < 100 || r.Status > 599 {
				t.Fatalf("response %+v", r)
			}
		}
	})
}
