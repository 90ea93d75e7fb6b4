package rt

import (
	"net/http"
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
