package rt

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// TestNewHandlerPanics checks that newHandler rejects a malformed table
// row, naming the operation: it is a bug of the generator.
func TestNewHandlerPanics(t *testing.T) {
	type noString struct {
		HTTPRequest *http.Request
		N           int
	}
	type unexported struct {
		HTTPRequest *http.Request
		n           string
	}
	rows := map[string]*Operation{
		"not a pointer":   {Name: "A", Method: "GET", Req: getUserRequest{}},
		"nil request":     {Name: "B", Method: "GET"},
		"pointer to int":  {Name: "C", Method: "GET", Req: new(int)},
		"field too large": {Name: "D", Method: "GET", Req: (*getUserRequest)(nil), Routes: []OpRoute{{"/d/{id}", []uint8{2}}}},
		"not a string":    {Name: "E", Method: "GET", Req: (*noString)(nil), Routes: []OpRoute{{"/e/{n}", []uint8{1}}}},
		"unexported":      {Name: "F", Method: "GET", Req: (*unexported)(nil), Routes: []OpRoute{{"/f/{n}", []uint8{1}}}},
		"too few fields":  {Name: "G", Method: "GET", Req: (*deleteRefRequest)(nil), Routes: []OpRoute{{"/a/{id}/b/{id}", []uint8{1}}}},
		"too many fields": {Name: "H", Method: "GET", Req: (*deleteRefRequest)(nil), Routes: []OpRoute{{"/a/{id}/b/{}", []uint8{1, 2}}}},
		"no fields":       {Name: "I", Method: "GET", Req: (*getUserRequest)(nil), Routes: []OpRoute{{"/me", nil}, {"/users/{id}", nil}}},
	}
	for what, op := range rows {
		func() {
			defer func() {
				v := recover()
				if s, _ := v.(string); !strings.Contains(s, "operation "+op.Name) {
					t.Errorf("%s: newHandler panicked with %v, want a message naming operation %s", what, v, op.Name)
				}
			}()
			NewHandler(&testService{}, nil, []*Operation{op}, nil)
		}()
	}
	// A well-formed table does not panic, and finds HTTPRequest and Body.
	for _, op := range testOps {
		info, err := NewOpInfo(op)
		if err != nil {
			t.Fatal(err)
		}
		if wantBody := info.reqType.Name() == "updateReportRequest" || info.reqType.Name() == "createThingRequest"; info.httpReq != 0 || (info.Body >= 0) != wantBody {
			t.Errorf("%s: HTTPRequest field %d, Body field %d", op.Name, info.httpReq, info.Body)
		}
	}
}

// TestNewHandlerServiceMethods checks how newHandler binds a table row
// without a call function to the Service method of its name: a missing
// method, a method whose signature does not take the row's request type,
// and a row with no Service type at all are generator bugs it names.
func TestNewHandlerServiceMethods(t *testing.T) {
	service := reflect.TypeFor[testAPI]()
	rows := map[string]struct {
		op      *Operation
		service reflect.Type
		want    string
	}{
		"no method":       {&Operation{Name: "Missing", Method: "GET", Req: (*pingRequest)(nil)}, service, "the Service has no method Missing"},
		"other request":   {&Operation{Name: "GetUser", Method: "GET", Req: (*pingRequest)(nil)}, service, "not func(context.Context, *rt.pingRequest)"},
		"no service type": {&Operation{Name: "Ping", Method: "GET", Req: (*pingRequest)(nil)}, nil, "no call function and no Service type"},
		"count not int64": {&Operation{Name: "Ping", Method: "GET", Req: (*pingRequest)(nil), Count: true}, service, "answers a count: the Service method is func(context.Context, *rt.pingRequest) (*rt.thing, error), not func(context.Context, *rt.pingRequest) (int64, error)"},
	}
	for what, r := range rows {
		func() {
			defer func() {
				v := recover()
				if s, _ := v.(string); !strings.Contains(s, "operation "+r.op.Name) || !strings.Contains(s, r.want) {
					t.Errorf("%s: newHandler panicked with %v, want a message naming operation %s and saying %q", what, v, r.op.Name, r.want)
				}
			}()
			NewHandler(&testService{}, r.service, []*Operation{r.op}, nil)
		}()
	}
	// Bound by name, the method is called with the request; a nil Service
	// answers 500 rather than panicking out of ServeHTTP.
	op := &Operation{Name: "Ping", Method: "GET", Status: 200, Req: (*pingRequest)(nil), Routes: []OpRoute{{"/{key}/ping", []uint8{1}}}}
	var got string
	svc := &testService{ping: func(_ context.Context, req *pingRequest) (*thing, error) {
		got = req.Key
		return &thing{}, nil
	}}
	rec := httptest.NewRecorder()
	NewHandler(svc, service, []*Operation{op}, []Option{WithErrorLog(nil)}).ServeHTTP(rec, httptest.NewRequest("GET", "/k1/ping", nil))
	if rec.Code != 200 || got != "k1" {
		t.Errorf("bound method: status %d, key %q; want 200, k1", rec.Code, got)
	}
	rec = httptest.NewRecorder()
	NewHandler(nil, service, []*Operation{op}, []Option{WithErrorLog(nil)}).ServeHTTP(rec, httptest.NewRequest("GET", "/k1/ping", nil))
	if rec.Code != 500 {
		t.Errorf("nil Service: status %d, want 500", rec.Code)
	}
}
