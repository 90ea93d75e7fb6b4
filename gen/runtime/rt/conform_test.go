package rt

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// The fixture of the RunExamples tests: a Service of four address
// operations (fxAddress has an enum property, kind), a service whose
// methods the tests choose (nil answers 501, as UnimplementedService), and
// a page of examples in the testdata format.

type (
	cfGetRequest struct {
		HTTPRequest *http.Request
		ID          string
	}
	cfListRequest struct {
		HTTPRequest *http.Request
	}
	cfCreateRequest struct {
		HTTPRequest *http.Request
		Body        fxAddress
	}
)

// cfAPI is the fixture's Service interface.
type cfAPI interface {
	GetAddress(ctx context.Context, req *cfGetRequest) (*fxAddress, error)
	ListAddresses(ctx context.Context, req *cfListRequest) (*CollectionResponse[fxAddress], error)
	CreateAddress(ctx context.Context, req *cfCreateRequest) (*fxAddress, error)
	DeleteAddress(ctx context.Context, req *cfGetRequest) error
}

// cfService implements cfAPI with the functions set; a nil one answers
// 501.
type cfService struct {
	get    func(*cfGetRequest) (*fxAddress, error)
	list   func(*cfListRequest) (*CollectionResponse[fxAddress], error)
	create func(*cfCreateRequest) (*fxAddress, error)
	del    func(*cfGetRequest) error
	calls  int
	// noLocation: CreateAddress answers without a Location.
	noLocation bool
}

func (s *cfService) GetAddress(_ context.Context, req *cfGetRequest) (*fxAddress, error) {
	s.calls++
	if s.get == nil {
		return nil, NotImplemented("GetAddress")
	}
	return s.get(req)
}

func (s *cfService) ListAddresses(_ context.Context, req *cfListRequest) (*CollectionResponse[fxAddress], error) {
	s.calls++
	if s.list == nil {
		return nil, NotImplemented("ListAddresses")
	}
	return s.list(req)
}

func (s *cfService) CreateAddress(ctx context.Context, req *cfCreateRequest) (*fxAddress, error) {
	s.calls++
	if s.create == nil {
		return nil, NotImplemented("CreateAddress")
	}
	SetStatus(ctx, http.StatusCreated)
	if !s.noLocation {
		ResponseHeader(ctx).Set("Location", "/addresses/new")
	}
	return s.create(req)
}

func (s *cfService) DeleteAddress(_ context.Context, req *cfGetRequest) error {
	s.calls++
	if s.del == nil {
		return NotImplemented("DeleteAddress")
	}
	return s.del(req)
}

// cfOps is the fixture's operation table. Like the generated tables, it
// has no call functions: the handler calls the cfAPI methods by name.
var cfOps = []*Operation{
	{Name: "GetAddress", Method: "GET", Status: 200, Req: (*cfGetRequest)(nil), Routes: []OpRoute{{"/addresses/{id}", []uint8{1}}}},
	{Name: "ListAddresses", Method: "GET", Status: 200, Req: (*cfListRequest)(nil), Collection: true, Routes: []OpRoute{{"/addresses", nil}}},
	{Name: "CreateAddress", Method: "POST", Status: 200, Req: (*cfCreateRequest)(nil), Routes: []OpRoute{{"/addresses", nil}}},
	{Name: "DeleteAddress", Method: "DELETE", Status: 204, Req: (*cfGetRequest)(nil), Routes: []OpRoute{{"/addresses/{id}", []uint8{1}}}},
}

// cfExamples is the fixture's testdata/examples folder: a success, a
// documented error, a list, a count, a create (201 where the page
// documents 200), a request the handler rejects, and a delete.
var cfExamples = fstest.MapFS{"addresses.txtar": {Data: []byte(`// Examples of the fixture.
-- routes --
GET "/addresses/a1" GetAddress
-- GetAddress/get_address --
op GetAddress
status 200
param ID "a1"
-- request --
GET "/addresses/a1"

-- response --
{"city": "Oslo", "zip": 150, "kind": "reset"}
-- GetAddress/get_address_missing --
op GetAddress
status 404
error 404 "itemNotFound" "No such address."
-- request --
GET "/addresses/zz"

-- response --
{"error": {"code": "itemNotFound", "message": "No such address."}}
-- ListAddresses/list_addresses --
op ListAddresses
status 200
-- request --
GET "/addresses?$select=city"

-- response --
{"value": [{"city": "Oslo"}]}
-- ListAddresses/count_addresses --
op ListAddresses
status 200
count 1
-- request --
GET "/addresses/$count"

-- CreateAddress/create_address --
op CreateAddress
status 201
set-status 201
header "Location" "https://graph.example/v1.0/addresses/a1"
-- request --
POST "/addresses"
Content-Type: application/json
Content-Length: 31

{"city": "Bergen", "kind": "registration"}
-- response --
{"city": "Bergen", "kind": "registration"}
-- CreateAddress/create_address_bad_kind --
op CreateAddress
reject "kind"
reject-enum
-- request --
POST "/addresses"
Content-Type: application/json

{"kind": "String"}
-- DeleteAddress/delete_address --
op DeleteAddress
status 204
-- request --
DELETE "/addresses/a1"

`)}}

// cfExampleNames are the examples of cfExamples, in order.
var cfExampleNames = []string{
	"GetAddress/get_address", "GetAddress/get_address_missing",
	"ListAddresses/list_addresses", "ListAddresses/count_addresses",
	"CreateAddress/create_address", "CreateAddress/create_address_bad_kind",
	"DeleteAddress/delete_address",
}

// newCfHandler is the fixture's NewHandler.
func newCfHandler(svc cfAPI) http.Handler {
	return NewHandler(svc, reflect.TypeFor[cfAPI](), cfOps, []Option{WithErrorLog(nil)})
}

// fakeT records what RunExamples reports, as a tree of subtests.
type fakeT struct {
	name            string
	errors, skips   []string
	subs            []*fakeT
	failed, skipped bool
}

func (t *fakeT) Helper() {}
func (t *fakeT) Errorf(format string, args ...any) {
	t.failed = true
	t.errors = append(t.errors, fmt.Sprintf(format, args...))
}
func (t *fakeT) Skipf(format string, args ...any) {
	t.skipped = true
	t.skips = append(t.skips, fmt.Sprintf(format, args...))
}
func (t *fakeT) Run(name string, f func(*fakeT)) bool {
	sub := &fakeT{name: t.name + "/" + name}
	if t.name == "" {
		sub.name = name
	}
	t.subs = append(t.subs, sub)
	f(sub)
	if sub.failed {
		t.failed = true
	}
	return !sub.failed
}

// leaves returns the outcome of each innermost subtest: "PASS name",
// "FAIL name: errors" or "SKIP name: reason".
func (t *fakeT) leaves() []string {
	if len(t.subs) == 0 {
		switch {
		case t.failed:
			return []string{"FAIL " + t.name + ": " + strings.Join(t.errors, "; ")}
		case t.skipped:
			return []string{"SKIP " + t.name + ": " + strings.Join(t.skips, "; ")}
		}
		return []string{"PASS " + t.name}
	}
	var out []string
	for _, s := range t.subs {
		out = append(out, s.leaves()...)
	}
	return out
}

// memAddresses is an in-memory service implementing the four operations.
func memAddresses() *cfService {
	data := map[string]fxAddress{"a1": {City: Some("Oslo"), Zip: Some[int32](150), Kind: Some(fxFeature("reset"))}}
	notFound := &Error{Status: http.StatusNotFound, Message: "No such address."}
	return &cfService{
		get: func(req *cfGetRequest) (*fxAddress, error) {
			a, ok := data[req.ID]
			if !ok {
				return nil, notFound
			}
			return &a, nil
		},
		list: func(*cfListRequest) (*CollectionResponse[fxAddress], error) {
			res := &CollectionResponse[fxAddress]{Value: []fxAddress{}}
			for _, id := range slices.Sorted(func(yield func(string) bool) {
				for id := range data {
					if !yield(id) {
						return
					}
				}
			}) {
				res.Value = append(res.Value, data[id])
			}
			return res, nil
		},
		create: func(req *cfCreateRequest) (*fxAddress, error) {
			id := fmt.Sprintf("a%d", len(data)+1)
			data[id] = req.Body
			return &req.Body, nil
		},
		del: func(req *cfGetRequest) error {
			if _, ok := data[req.ID]; !ok {
				return notFound
			}
			delete(data, req.ID)
			return nil
		},
	}
}

// TestRunExamplesUnimplemented checks that every example against a
// service implementing nothing is skipped, none failed: the ones the
// service answers 501 as not implemented, the rejected one as rejected.
func TestRunExamplesUnimplemented(t *testing.T) {
	ft := &fakeT{}
	r := RunExamples(ft, newCfHandler(&cfService{}), cfExamples)
	if len(r.Passed) != 0 || len(r.Failed) != 0 || len(r.Skipped) != len(cfExampleNames) {
		t.Fatalf("report %+v, want all %d skipped", r, len(cfExampleNames))
	}
	for i, s := range r.Skipped {
		want := "not implemented: The operation " + strings.SplitN(s.Name, "/", 2)[0] + " is not implemented."
		if s.Name == "CreateAddress/create_address_bad_kind" {
			want = "rejected: the handler answers the documented request 400 without calling the service"
		}
		if s.Name != cfExampleNames[i] || s.Reason != want {
			t.Errorf("skipped[%d] = %+v, want %s: %s", i, s, cfExampleNames[i], want)
		}
	}
	for _, l := range ft.leaves() {
		if !strings.HasPrefix(l, "SKIP ") {
			t.Errorf("subtest %s, want SKIP", l)
		}
	}
	if len(ft.leaves()) != len(cfExampleNames) || ft.failed {
		t.Errorf("subtests %q", ft.leaves())
	}
}

// TestRunExamplesInMemory checks that an in-memory service passes the
// examples it implements (the delete finds the address the get read), and
// that the report and the subtests agree.
func TestRunExamplesInMemory(t *testing.T) {
	ft := &fakeT{}
	r := RunExamples(ft, newCfHandler(memAddresses()), cfExamples)
	want := []string{
		"PASS GetAddress/get_address",
		"PASS GetAddress/get_address_missing",
		"PASS ListAddresses/list_addresses",
		"PASS ListAddresses/count_addresses",
		"PASS CreateAddress/create_address",
		"SKIP CreateAddress/create_address_bad_kind: rejected: the handler answers the documented request 400 without calling the service",
		"PASS DeleteAddress/delete_address",
	}
	if got := ft.leaves(); !slices.Equal(got, want) {
		t.Errorf("subtests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.Passed) != 6 || len(r.Failed) != 0 || len(r.Skipped) != 1 {
		t.Errorf("report %+v", r)
	}
	// The same through a real *testing.T: every example passes or skips.
	RunExamples(t, newCfHandler(memAddresses()), cfExamples)
}

// TestRunExamplesFailures checks that services that do not conform fail
// the examples concerned, with messages naming what is wrong.
func TestRunExamplesFailures(t *testing.T) {
	for _, tc := range []struct {
		name    string
		breakIt func(s *cfService)
		failed  []string
		message string
	}{
		{"an undocumented enum value", func(s *cfService) {
			get := s.get
			s.get = func(req *cfGetRequest) (*fxAddress, error) {
				a, err := get(req)
				if a != nil {
					a.Kind = Some(fxFeature("Reset"))
				}
				return a, err
			}
		}, []string{"GetAddress/get_address"}, `the body does not fit *rt.fxAddress: Property 'kind' must be one of`},
		{"a success for a documented error", func(s *cfService) {
			s.get = func(*cfGetRequest) (*fxAddress, error) { return &fxAddress{}, nil }
		}, []string{"GetAddress/get_address_missing"}, "got 200 {}; want a 4xx error: the docs answer 404"},
		{"an internal error", func(s *cfService) {
			s.list = func(*cfListRequest) (*CollectionResponse[fxAddress], error) { return nil, errors.New("boom") }
		}, []string{"ListAddresses/list_addresses", "ListAddresses/count_addresses"}, "want 2xx (the docs answer 200)"},
		{"no body", func(s *cfService) {
			s.create = func(*cfCreateRequest) (*fxAddress, error) { return nil, nil }
		}, []string{"CreateAddress/create_address"}, "the answer has no body; the docs show one"},
		{"no Location", func(s *cfService) {
			s.noLocation = true
		}, []string{"CreateAddress/create_address"}, "without a Location; the docs answer one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc := memAddresses()
			tc.breakIt(svc)
			ft := &fakeT{}
			r := RunExamples(ft, newCfHandler(svc), cfExamples)
			if !slices.Equal(r.Failed, tc.failed) {
				t.Fatalf("failed %q, want %q; subtests:\n%s", r.Failed, tc.failed, strings.Join(ft.leaves(), "\n"))
			}
			if !ft.failed {
				t.Error("the test did not fail")
			}
			for _, l := range ft.leaves() {
				if strings.HasPrefix(l, "FAIL ") && !strings.Contains(l, tc.message) {
					t.Errorf("%s\nwant a message holding %q", l, tc.message)
				}
			}
		})
	}
}

// TestRunExamplesWrongKind checks the strict decode of an answer: a
// member of the wrong JSON kind fails, through a family's interface too.
func TestRunExamplesWrongKind(t *testing.T) {
	w := &exampleRecorder{header: http.Header{"Content-Type": {"application/json"}}}
	w.body.WriteString(`{"city": "Oslo", "zip": "150"}`)
	err := checkExampleBody(reflect.TypeFor[*fxAddress](), []byte(`{"city": "Oslo", "zip": 150}`), w)
	if err == nil || !strings.Contains(err.Error(), "'zip'") {
		t.Errorf("zip as a string: %v", err)
	}
	for body, want := range map[string]string{
		`{"value": {"city": "Oslo"}}`: `no "value" array`,
		`[]`:                          "the body is a JSON array; the docs show a object",
		`{"value": [], "x": 1}`:       "'x'",
	} {
		w.body.Reset()
		w.body.WriteString(body)
		err := checkExampleBody(reflect.TypeFor[*CollectionResponse[fxAddress]](), []byte(`{"value": [{"city": "Oslo"}]}`), w)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", body, err, want)
		}
	}
	w.body.Reset()
	w.body.WriteString(`{"@odata.type": "#microsoft.graph.webApp", "appUrl": 1}`)
	if err := checkExampleBody(reflect.TypeFor[fxAppKind](), []byte(`{}`), w); err == nil || !strings.Contains(err.Error(), "'appUrl'") {
		t.Errorf("family member with a wrong kind: %v", err)
	}
}

// TestRunExamplesOptions checks SkipExamples, by operation and by
// example, and the errors for a handler NewHandler did not return and
// for a folder without examples.
func TestRunExamplesOptions(t *testing.T) {
	ft := &fakeT{}
	r := RunExamples(ft, newCfHandler(memAddresses()), cfExamples, SkipExamples("GetAddress", "ListAddresses/count_addresses"), nil)
	var skipped []string
	for _, s := range r.Skipped {
		if s.Reason == "skipped by SkipExamples" {
			skipped = append(skipped, s.Name)
		}
	}
	if want := []string{"GetAddress/get_address", "GetAddress/get_address_missing", "ListAddresses/count_addresses"}; !slices.Equal(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
	if ft.failed || len(r.Passed) != 3 {
		t.Errorf("report %+v; subtests %q", r, ft.leaves())
	}

	ft = &fakeT{}
	RunExamples(ft, http.NotFoundHandler(), cfExamples)
	if !ft.failed || len(ft.errors) != 1 || !strings.Contains(ft.errors[0], "not one NewHandler returned") {
		t.Errorf("another handler: %q", ft.errors)
	}
	ft = &fakeT{}
	RunExamples(ft, newCfHandler(&cfService{}), fstest.MapFS{})
	if !ft.failed || len(ft.errors) != 1 || !strings.Contains(ft.errors[0], "no examples") {
		t.Errorf("no examples: %q", ft.errors)
	}
}

// TestRunExamplesNotFound checks that a documented success the service
// answers 404 is skipped as not found, and that a 404 of the handler (a
// request that routes nowhere) fails.
func TestRunExamplesNotFound(t *testing.T) {
	svc := memAddresses()
	svc.get = func(*cfGetRequest) (*fxAddress, error) { return nil, &Error{Status: http.StatusNotFound} }
	ft := &fakeT{}
	r := RunExamples(ft, newCfHandler(svc), cfExamples, SkipExamples("ListAddresses", "CreateAddress", "DeleteAddress"))
	want := []ExampleSkip{{Name: "GetAddress/get_address", Reason: "not found: the service answered 404 (Not Found); the documented request names data it does not hold"}}
	if !slices.Equal(r.Skipped[:1], want) || !slices.Equal(r.Passed, []string{"GetAddress/get_address_missing"}) || ft.failed {
		t.Errorf("report %+v; subtests %q", r, ft.leaves())
	}

	nowhere := fstest.MapFS{"x.txtar": {Data: []byte("-- GetAddress/nowhere --\nop GetAddress\nstatus 200\n-- request --\nGET \"/nowhere/a1\"\n\n-- response --\n{}\n")}}
	ft = &fakeT{}
	r = RunExamples(ft, newCfHandler(memAddresses()), nowhere)
	if !slices.Equal(r.Failed, []string{"GetAddress/nowhere"}) || !strings.Contains(strings.Join(ft.leaves(), ""), "got 404 ") || !strings.Contains(strings.Join(ft.leaves(), ""), "without a call of the service") {
		t.Errorf("report %+v; subtests %q", r, ft.leaves())
	}
}
