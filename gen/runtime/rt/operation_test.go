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
	rows := map[string]*operation{
		"not a pointer":   {name: "A", method: "GET", req: getUserRequest{}},
		"nil request":     {name: "B", method: "GET"},
		"pointer to int":  {name: "C", method: "GET", req: new(int)},
		"field too large": {name: "D", method: "GET", req: (*getUserRequest)(nil), routes: []opRoute{{"/d/{id}", []uint8{2}}}},
		"not a string":    {name: "E", method: "GET", req: (*noString)(nil), routes: []opRoute{{"/e/{n}", []uint8{1}}}},
		"unexported":      {name: "F", method: "GET", req: (*unexported)(nil), routes: []opRoute{{"/f/{n}", []uint8{1}}}},
		"too few fields":  {name: "G", method: "GET", req: (*deleteRefRequest)(nil), routes: []opRoute{{"/a/{id}/b/{id}", []uint8{1}}}},
		"too many fields": {name: "H", method: "GET", req: (*deleteRefRequest)(nil), routes: []opRoute{{"/a/{id}/b/{}", []uint8{1, 2}}}},
		"no fields":       {name: "I", method: "GET", req: (*getUserRequest)(nil), routes: []opRoute{{"/me", nil}, {"/users/{id}", nil}}},
	}
	for what, op := range rows {
		func() {
			defer func() {
				v := recover()
				if s, _ := v.(string); !strings.Contains(s, "operation "+op.name) {
					t.Errorf("%s: newHandler panicked with %v, want a message naming operation %s", what, v, op.name)
				}
			}()
			newHandler(&testService{}, nil, []*operation{op}, nil)
		}()
	}
	// A well-formed table does not panic, and finds HTTPRequest and Body.
	for _, op := range testOps {
		info, err := newOpInfo(op)
		if err != nil {
			t.Fatal(err)
		}
		if wantBody := info.reqType.Name() == "updateReportRequest" || info.reqType.Name() == "createThingRequest"; info.httpReq != 0 || (info.body >= 0) != wantBody {
			t.Errorf("%s: HTTPRequest field %d, Body field %d", op.name, info.httpReq, info.body)
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
		op      *operation
		service reflect.Type
		want    string
	}{
		"no method":       {&operation{name: "Missing", method: "GET", req: (*pingRequest)(nil)}, service, "the Service has no method Missing"},
		"other request":   {&operation{name: "GetUser", method: "GET", req: (*pingRequest)(nil)}, service, "not func(context.Context, *rt.pingRequest)"},
		"no service type": {&operation{name: "Ping", method: "GET", req: (*pingRequest)(nil)}, nil, "no call function and no Service type"},
	}
	for what, r := range rows {
		func() {
			defer func() {
				v := recover()
				if s, _ := v.(string); !strings.Contains(s, "operation "+r.op.name) || !strings.Contains(s, r.want) {
					t.Errorf("%s: newHandler panicked with %v, want a message naming operation %s and saying %q", what, v, r.op.name, r.want)
				}
			}()
			newHandler(&testService{}, r.service, []*operation{r.op}, nil)
		}()
	}
	// Bound by name, the method is called with the request; a nil Service
	// answers 500 rather than panicking out of ServeHTTP.
	op := &operation{name: "Ping", method: "GET", status: 200, req: (*pingRequest)(nil), routes: []opRoute{{"/{key}/ping", []uint8{1}}}}
	var got string
	svc := &testService{ping: func(_ context.Context, req *pingRequest) (*thing, error) {
		got = req.Key
		return &thing{}, nil
	}}
	rec := httptest.NewRecorder()
	newHandler(svc, service, []*operation{op}, []Option{WithErrorLog(nil)}).ServeHTTP(rec, httptest.NewRequest("GET", "/k1/ping", nil))
	if rec.Code != 200 || got != "k1" {
		t.Errorf("bound method: status %d, key %q; want 200, k1", rec.Code, got)
	}
	rec = httptest.NewRecorder()
	newHandler(nil, service, []*operation{op}, []Option{WithErrorLog(nil)}).ServeHTTP(rec, httptest.NewRequest("GET", "/k1/ping", nil))
	if rec.Code != 500 {
		t.Errorf("nil Service: status %d, want 500", rec.Code)
	}
}
