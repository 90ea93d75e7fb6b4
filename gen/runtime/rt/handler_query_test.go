package rt

// Tests of what the handler does with a request's query options and
// preferences: parsing into req.Query, the checks against the operation's
// entity, $select projection, paging with SkipToken, and evolvable enums.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// qColor is an evolvable enum: blue is documented after unknownFutureValue.
type qColor string

// qThing is an entity as the generator emits one.
type qThing struct {
	ODataType        Optional[string] `json:"@odata.type,omitzero"`
	ID               Optional[string] `json:"id,omitzero"`
	Name             Optional[string] `json:"name,omitzero"`
	Color            Optional[qColor] `json:"color,omitzero"`
	ODataAnnotations Annotations      `json:"-" graphjson:",annotations"`
}

type (
	qGetRequest struct {
		HTTPRequest *http.Request
		Query       ODataQuery
		ID          string
	}
	qListRequest struct {
		HTTPRequest *http.Request
		Query       ODataQuery
	}
	qPatchRequest struct {
		HTTPRequest *http.Request
		Query       ODataQuery
		ID          string
		Body        qThing
	}
	qDeleteRefRequest struct {
		HTTPRequest *http.Request
		Query       ODataQuery
		ID          string
		OwnerID     string
	}
)

// qService is the Service of these tests.
type qService interface {
	Get(context.Context, *qGetRequest) (*qThing, error)
	List(context.Context, *qListRequest) (*CollectionResponse[qThing], error)
	Patch(context.Context, *qPatchRequest) (*qThing, error)
	DeleteRef(context.Context, *qDeleteRefRequest) error
}

// qImpl records the last request and answers what its fields say.
type qImpl struct {
	got  any
	list *CollectionResponse[qThing]
}

func (s *qImpl) Get(_ context.Context, r *qGetRequest) (*qThing, error) {
	s.got = r
	return &qThing{ID: Some(r.ID), Name: Some("n"), Color: Some(qColor("blue"))}, nil
}

func (s *qImpl) List(_ context.Context, r *qListRequest) (*CollectionResponse[qThing], error) {
	s.got = r
	return s.list, nil
}

func (s *qImpl) Patch(_ context.Context, r *qPatchRequest) (*qThing, error) {
	s.got = r
	return &r.Body, nil
}

func (s *qImpl) DeleteRef(_ context.Context, r *qDeleteRefRequest) error {
	s.got = r
	return nil
}

// qOps is the operation table of these tests.
var qOps = []*Operation{
	{"Get", "GET", 200, (*qGetRequest)(nil), nil,
		[]OpRoute{{"/things/{id}", []uint8{2}}}, false, false, nil, []string{"$select", "$expand"}, nil},
	{"List", "GET", 200, (*qListRequest)(nil), nil,
		[]OpRoute{{"/things", nil}}, true, false, []string{"startDateTime"}, nil, nil},
	{"Patch", "PATCH", 200, (*qPatchRequest)(nil), nil,
		[]OpRoute{{"/things/{id}", []uint8{2}}}, false, false, nil, nil, nil},
	{"DeleteRef", "DELETE", 204, (*qDeleteRefRequest)(nil), nil, []OpRoute{{"/groups/{id}/owners/{ownerId}/$ref", []uint8{2, 3}}}, false, false, nil, []string{}, nil},
}

func init() {
	RegisterTables(
		[]EnumInfo{{Typ: (*qColor)(nil), Members: []string{"red", "unknownFutureValue", "blue"}}},
		nil,
		[]TypeInfo{{(*qThing)(nil), "microsoft.graph.thing", "name=eq,startswith"}},
	)
}

// qHandler returns the handler of these tests.
func qHandler(svc *qImpl, opts ...Option) http.Handler {
	return NewHandler(svc, reflect.TypeFor[qService](), qOps, opts)
}

// jsonOf decodes a JSON answer.
func jsonOf(t *testing.T, rec *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("answer %q: %v", rec.Body, err)
	}
	return m
}

func TestQueryReachesService(t *testing.T) {
	svc := &qImpl{list: &CollectionResponse[qThing]{}}
	h := qHandler(svc)
	rec := serve(t, h, "GET", "/things?$select=name&$filter=startswith(name,'a')&$top=2&$orderby=name desc&$count=true&startDateTime=2024-01-01", "")
	if rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	q := svc.got.(*qListRequest).Query
	if len(q.Select) != 1 || q.Select[0].String() != "name" || q.Filter == nil || q.Filter.String() != "startswith(name,'a')" ||
		q.Top == nil || *q.Top != 2 || len(q.OrderBy) != 1 || !q.OrderBy[0].Desc || q.Count == nil || !*q.Count {
		t.Errorf("the service got %+v", q)
	}
	if got := q.Params.Get("startDateTime"); got != "2024-01-01" {
		t.Errorf("startDateTime = %q", got)
	}
	// Without "$" too, as Graph allows.
	serve(t, h, "GET", "/things?top=3&select=name", "")
	if q := svc.got.(*qListRequest).Query; q.Top == nil || *q.Top != 3 || len(q.Select) != 1 {
		t.Errorf("without $: %+v", q)
	}
}

func TestQueryRejected(t *testing.T) {
	h := qHandler(&qImpl{list: &CollectionResponse[qThing]{}})
	for _, c := range []struct{ target, mentions string }{
		{"/things?$top=abc", "$top"},
		{"/things?$filter=name eq", "$filter"},
		{"/things?$select=nope", "Could not find a property named 'nope' on type 'microsoft.graph.thing'."},
		{"/things?$orderby=nope", "'nope'"},
		{"/things?$filter=nope eq 1", "'nope'"},
		{"/things?$filter=endswith(name,'x')", "endswith"},
		{"/things?$top=1&$top=2", "more than once"},
	} {
		rec := serve(t, h, "GET", c.target, "")
		wantError(t, rec, 400, "invalidRequest", "")
		if !strings.Contains(rec.Body.String(), c.mentions) {
			t.Errorf("%s: %s does not mention %q", c.target, rec.Body, c.mentions)
		}
	}
	// id and the key are always properties; WithLenientQuery lets the
	// service decide the rest.
	if rec := serve(t, h, "GET", "/things?$select=id&$filter=id eq 'a'", ""); rec.Code != 200 {
		t.Errorf("id: %d %s", rec.Code, rec.Body)
	}
	lenient := qHandler(&qImpl{list: &CollectionResponse[qThing]{}}, WithLenientQuery())
	if rec := serve(t, lenient, "GET", "/things?$select=nope&$filter=endswith(name,'x')", ""); rec.Code != 200 {
		t.Errorf("lenient: %d %s", rec.Code, rec.Body)
	}
	wantError(t, serve(t, lenient, "GET", "/things?$top=abc", ""), 400, "invalidRequest", "")
	// Get's page lists $select and $expand; DeleteRef's supports none.
	if rec := serve(t, h, "GET", "/things/x?$select=name", ""); rec.Code != 200 {
		t.Errorf("documented option: %d %s", rec.Code, rec.Body)
	}
	wantError(t, serve(t, h, "GET", "/things/x?$top=1", ""), 400, "invalidRequest", "The query option '$top' is not supported by this operation.")
	wantError(t, serve(t, h, "DELETE", "/groups/g/owners/o/$ref?$select=id", ""), 400, "invalidRequest", "The query option '$select' is not supported by this operation.")
	if rec := serve(t, h, "DELETE", "/groups/g/owners/o/$ref?$skiptoken=x", ""); rec.Code != 204 {
		t.Errorf("$skiptoken: %d %s", rec.Code, rec.Body)
	}
	if rec := serve(t, lenient, "GET", "/things/x?$top=1", ""); rec.Code != 200 {
		t.Errorf("lenient, undocumented option: %d %s", rec.Code, rec.Body)
	}
}

func TestSelectProjects(t *testing.T) {
	svc := &qImpl{list: &CollectionResponse[qThing]{Value: []qThing{{ID: Some("1"), Name: Some("a"), Color: Some(qColor("red"))}}}}
	h := qHandler(svc)
	got := jsonOf(t, serve(t, h, "GET", "/things/x?$select=name", ""))
	if diff := cmp.Diff(map[string]any{"id": "x", "name": "n"}, got); diff != "" {
		t.Errorf("single entity (-want +got):\n%s", diff)
	}
	got = jsonOf(t, serve(t, h, "GET", "/things?$select=color", ""))
	want := map[string]any{"value": []any{map[string]any{"id": "1", "color": "red"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("collection (-want +got):\n%s", diff)
	}
}

func TestPaging(t *testing.T) {
	n := int64(7)
	svc := &qImpl{list: &CollectionResponse[qThing]{ODataCount: &n, Value: []qThing{{ID: Some("1")}}, SkipToken: "t/2 x"}}
	h := http.StripPrefix("/beta", qHandler(svc))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "http://example.com/beta/things?$top=1&$skiptoken=old&$count=true", nil)
	h.ServeHTTP(rec, req)
	got := jsonOf(t, rec)
	if link := got["@odata.nextLink"]; link != "http://example.com/beta/things?$top=1&$count=true&$skiptoken=t%2F2+x" {
		t.Errorf("@odata.nextLink = %v", link)
	}
	if got["@odata.count"] != 7.0 {
		t.Errorf("@odata.count = %v", got["@odata.count"])
	}
	// The next request hands the token back.
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/beta/things?$top=1&$skiptoken=t%2F2+x", nil))
	if tok := svc.got.(*qListRequest).Query.SkipToken; tok != "t/2 x" {
		t.Errorf("SkipToken = %q", tok)
	}
	// A link the service writes itself wins.
	svc.list.ODataNextLink = "https://other/next"
	got = jsonOf(t, serve(t, qHandler(svc), "GET", "/things", ""))
	if got["@odata.nextLink"] != "https://other/next" {
		t.Errorf("own link replaced: %v", got["@odata.nextLink"])
	}
	// An empty page is an empty list, even when the service leaves Value
	// nil.
	rec = serve(t, qHandler(&qImpl{list: &CollectionResponse[qThing]{}}), "GET", "/things", "")
	if body := strings.TrimSpace(rec.Body.String()); body != `{"value":[]}` {
		t.Errorf("empty page: %s", body)
	}
}

func TestHandlerEvolvableEnums(t *testing.T) {
	h := qHandler(&qImpl{})
	rec := serve(t, h, "GET", "/things/x", "")
	if got := jsonOf(t, rec)["color"]; got != "unknownFutureValue" {
		t.Errorf("without Prefer: color = %v", got)
	}
	if rec.Header().Get("Preference-Applied") != "" {
		t.Error("Preference-Applied without Prefer")
	}
	rec = serve(t, h, "GET", "/things/x", "", "Prefer", "odata.maxpagesize=5, include-unknown-enum-members")
	if got := jsonOf(t, rec)["color"]; got != "blue" {
		t.Errorf("with Prefer: color = %v", got)
	}
	if got := rec.Header().Get("Preference-Applied"); got != "include-unknown-enum-members" {
		t.Errorf("Preference-Applied = %q", got)
	}
	rec = serve(t, h, "PATCH", "/things/x", `{"color": "blue"}`, "Content-Type", "application/json")
	wantError(t, rec, 400, "invalidRequest", "")
	if !strings.Contains(rec.Body.String(), "'color'") {
		t.Errorf("rejection does not name color: %s", rec.Body)
	}
	rec = serve(t, h, "PATCH", "/things/x", `{"color": "blue"}`, "Content-Type", "application/json", "Prefer", "include-unknown-enum-members")
	if rec.Code != 200 || jsonOf(t, rec)["color"] != "blue" {
		t.Errorf("with Prefer: %d %s", rec.Code, rec.Body)
	}
}

func TestWrittenRequestLines(t *testing.T) {
	svc := &qImpl{list: &CollectionResponse[qThing]{}}
	h := qHandler(svc)
	if rec := serve(t, h, "GET", "/things/", ""); rec.Code != 200 {
		t.Errorf("trailing slash: %d %s", rec.Code, rec.Body)
	}
	rec := serve(t, h, "DELETE", "/groups/g1/owners/u1$ref", "")
	if rec.Code != 204 {
		t.Fatalf("glued $ref: %d %s", rec.Code, rec.Body)
	}
	// The glued form routes as /groups/g1/owners/u1/$ref would.
	if r, ok := svc.got.(*qDeleteRefRequest); !ok || r.ID != "g1" || r.OwnerID != "u1" {
		t.Errorf("got %+v", svc.got)
	}
	wantError(t, serve(t, h, "GET", "/nothing/", ""), 404, "itemNotFound", "")
}
