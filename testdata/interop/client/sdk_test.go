//go:build interop

// Package client drives a server built on the generated v1.0 package
// (../graph, written by ../interop_test.go) with Microsoft's Go SDK for
// Graph. It imports the SDK's users, models and odataerrors packages and
// msgraph-sdk-go-core's request adapter and page iterator, not the SDK's
// root package, which would build every request builder of Graph (as
// GraphServiceClient.Users does, the users builder is given the adapter and
// the base URL).
package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	abs "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoft/kiota-abstractions-go/authentication"
	"github.com/microsoft/kiota-abstractions-go/serialization"
	"github.com/microsoft/kiota-abstractions-go/store"
	khttp "github.com/microsoft/kiota-http-go"
	formser "github.com/microsoft/kiota-serialization-form-go"
	jsonser "github.com/microsoft/kiota-serialization-json-go"
	multipartser "github.com/microsoft/kiota-serialization-multipart-go"
	textser "github.com/microsoft/kiota-serialization-text-go"
	msgraphcore "github.com/microsoftgraph/msgraph-sdk-go-core"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
	"github.com/microsoftgraph/msgraph-sdk-go/models/odataerrors"
	"github.com/microsoftgraph/msgraph-sdk-go/users"

	"example.com/interop/graph"
)

// token is the bearer token the SDK sends.
const token = "interop-test-token"

// staticToken is an AccessTokenProvider that always gives token.
type staticToken struct {
	hosts authentication.AllowedHostsValidator
}

func (p *staticToken) GetAuthorizationToken(context.Context, *url.URL, map[string]any) (string, error) {
	return token, nil
}

func (p *staticToken) GetAllowedHostsValidator() *authentication.AllowedHostsValidator {
	return &p.hosts
}

// seen is a request as it reached the server, before the handler.
type seen struct {
	Method, URI string
	Header      http.Header
	// Status and RetryAfter are the answer's status and Retry-After,
	// RequestID its request-id.
	Status     int
	RetryAfter string
	RequestID  string
}

// statusWriter records the status and the Retry-After and request-id
// headers of an answer.
type statusWriter struct {
	http.ResponseWriter
	status     int
	retryAfter string
	requestID  string
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status, w.retryAfter, w.requestID = code, w.Header().Get("Retry-After"), w.Header().Get("request-id")
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}

// String gives the request line and the Content-Encoding, for messages.
func (s seen) String() string {
	if ce := s.Header.Get("Content-Encoding"); ce != "" {
		return s.Method + " " + s.URI + " (Content-Encoding: " + ce + ")"
	}
	return s.Method + " " + s.URI
}

// recorder wraps a handler and records every request it serves.
type recorder struct {
	mu   sync.Mutex
	reqs []seen
}

func (rec *recorder) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, seen{r.Method, r.RequestURI, r.Header.Clone(), sw.status, sw.retryAfter, sw.requestID})
		rec.mu.Unlock()
	})
}

// take returns the requests recorded since the last call.
func (rec *recorder) take() []seen {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	out := rec.reqs
	rec.reqs = nil
	return out
}

// newSDK returns the SDK's users request builder and request adapter for
// srv, set up as msgraph-sdk-go's NewGraphServiceClient sets up a client:
// the default serializers and parse nodes, the backing store (a model
// sends only the properties set on it, and null for one set to nil), and
// the default middleware (retry, redirect, gzip request compression,
// parameter name decoding, user agent, headers inspection, Graph telemetry,
// URL replacement) over the test server's TLS transport.
func newSDK(t *testing.T, srv *httptest.Server) (*users.UsersRequestBuilder, abs.RequestAdapter) {
	t.Helper()
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	abs.RegisterDefaultSerializer(func() serialization.SerializationWriterFactory { return jsonser.NewJsonSerializationWriterFactory() })
	abs.RegisterDefaultSerializer(func() serialization.SerializationWriterFactory { return textser.NewTextSerializationWriterFactory() })
	abs.RegisterDefaultSerializer(func() serialization.SerializationWriterFactory { return formser.NewFormSerializationWriterFactory() })
	abs.RegisterDefaultSerializer(func() serialization.SerializationWriterFactory {
		return multipartser.NewMultipartSerializationWriterFactory()
	})
	abs.RegisterDefaultDeserializer(func() serialization.ParseNodeFactory { return jsonser.NewJsonParseNodeFactory() })
	abs.RegisterDefaultDeserializer(func() serialization.ParseNodeFactory { return textser.NewTextParseNodeFactory() })
	abs.RegisterDefaultDeserializer(func() serialization.ParseNodeFactory { return formser.NewFormParseNodeFactory() })

	auth := authentication.NewBaseBearerTokenAuthenticationProvider(&staticToken{authentication.NewAllowedHostsValidator([]string{u.Host})})
	opts := msgraphcore.GraphClientOptions{GraphServiceLibraryVersion: "1.89.0"}
	httpClient := msgraphcore.GetDefaultClient(&opts)
	httpClient.Transport = khttp.NewCustomTransportWithParentTransport(srv.Client().Transport, msgraphcore.GetDefaultMiddlewaresWithOptions(&opts)...)
	adapter, err := msgraphcore.NewGraphRequestAdapterBaseWithParseNodeFactoryAndSerializationWriterFactoryAndHttpClient(auth, opts, nil, nil, httpClient)
	if err != nil {
		t.Fatal(err)
	}
	base := srv.URL + "/v1.0"
	adapter.SetBaseUrl(base)
	adapter.EnableBackingStore(store.BackingStoreFactoryInstance)
	return users.NewUsersRequestBuilderInternal(map[string]string{"baseurl": base}, adapter), adapter
}

// newServer serves svc under /v1.0 through the generated handler.
func newServer(t *testing.T, svc *usersService, rec *recorder) *httptest.Server {
	t.Helper()
	errs := func(r *http.Request, err error) { t.Errorf("handler error log: %s %s: %v", r.Method, r.URL, err) }
	srv := httptest.NewTLSServer(rec.wrap(http.StripPrefix("/v1.0", graph.NewHandler(svc, graph.WithErrorLog(errs)))))
	t.Cleanup(srv.Close)
	return srv
}

// seedUsers returns n users that exist before the test starts.
func seedUsers(svc *usersService, n int) {
	for i := range n {
		var u graph.User
		name := string(rune('A' + i))
		u.DisplayName = graph.Some("Seed " + name)
		u.UserPrincipalName = graph.Some("seed" + name + "@contoso.com")
		u.AccountEnabled = graph.Some(true)
		svc.add(u)
	}
}

func TestUsers(t *testing.T) {
	svc := &usersService{pageSize: 100}
	seedUsers(svc, 5)
	rec := &recorder{}
	srv := newServer(t, svc, rec)
	client, adapter := newSDK(t, srv)
	ctx := t.Context()

	// step runs a subtest on the requests it makes.
	step := func(name string, f func(t *testing.T)) {
		rec.take()
		t.Run(name, f)
	}

	var id string // the created user's
	step("create", func(t *testing.T) {
		body := models.NewUser()
		body.SetAccountEnabled(new(true))
		body.SetDisplayName(new("Adele Vance"))
		body.SetMailNickname(new("AdeleV"))
		body.SetUserPrincipalName(new("AdeleV@contoso.com"))
		pw := models.NewPasswordProfile()
		pw.SetForceChangePasswordNextSignIn(new(true))
		pw.SetPassword(new("xWwvJ]6NMw+bWH-d"))
		body.SetPasswordProfile(pw)
		// The SDK's headers inspection reads the answer's headers.
		inspect := khttp.NewHeadersInspectionOptions()
		inspect.InspectResponseHeaders = true
		got, err := client.Post(ctx, body, &users.UsersRequestBuilderPostRequestConfiguration{Options: []abs.RequestOption{inspect}})
		if err != nil {
			t.Fatalf("Post: %v", describe(err))
		}
		id = deref(got.GetId())
		if loc := inspect.GetResponseHeaders().Get("Location"); len(loc) != 1 || loc[0] != "https://graph.microsoft.com/v1.0/users/"+id {
			t.Errorf("Post answered Location %q, want the one the service set with ResponseHeader", loc)
		}
		if rid := inspect.GetResponseHeaders().Get("request-id"); len(rid) != 1 || len(rid[0]) != 36 {
			t.Errorf("Post answered request-id %q, want a GUID", rid)
		}
		if id == "" || deref(got.GetDisplayName()) != "Adele Vance" || !deref(got.GetAccountEnabled()) || deref(got.GetUserPrincipalName()) != "AdeleV@contoso.com" {
			t.Errorf("Post answered id %q, displayName %q, accountEnabled %v, userPrincipalName %q", id, deref(got.GetDisplayName()), deref(got.GetAccountEnabled()), deref(got.GetUserPrincipalName()))
		}

		// The service received exactly the properties the SDK set.
		svc.mu.Lock()
		created := slices.Clone(svc.created)
		svc.mu.Unlock()
		if len(created) != 1 {
			t.Fatalf("POST /users served %d times, want 1", len(created))
		}
		b := created[0]
		want := map[string]any{
			"@odata.type":       "#microsoft.graph.user",
			"accountEnabled":    true,
			"displayName":       "Adele Vance",
			"mailNickname":      "AdeleV",
			"userPrincipalName": "AdeleV@contoso.com",
			"passwordProfile":   map[string]any{"forceChangePasswordNextSignIn": true, "password": "xWwvJ]6NMw+bWH-d"},
		}
		if diff := cmp.Diff(want, jsonMembers(t, b)); diff != "" {
			t.Errorf("create body (-want +got):\n%s", diff)
		}
		if pp := b.PasswordProfile.Value; pp == nil || deref(pp.Password.Value) != "xWwvJ]6NMw+bWH-d" {
			t.Errorf("create body: passwordProfile %+v", b.PasswordProfile)
		}

		// One request, gzipped by the SDK's compression handler and
		// accepted as such (a 415 would have made it retry uncompressed).
		reqs := rec.take()
		if len(reqs) != 1 {
			t.Fatalf("requests: %v, want one POST", reqs)
		}
		r := reqs[0]
		if r.Method != http.MethodPost || r.URI != "/v1.0/users" {
			t.Errorf("request line %s %s, want POST /v1.0/users", r.Method, r.URI)
		}
		for name, want := range map[string]string{
			"Content-Encoding": "gzip",
			"Content-Type":     "application/json",
			"Accept":           "application/json",
			"Authorization":    "Bearer " + token,
		} {
			if got := r.Header.Get(name); got != want {
				t.Errorf("%s: %q, want %q", name, got, want)
			}
		}
	})
	if id == "" {
		t.Fatal("no user was created")
	}

	step("get", func(t *testing.T) {
		for _, key := range []string{id, "AdeleV@contoso.com"} {
			got, err := client.ByUserId(key).Get(ctx, nil)
			if err != nil {
				t.Fatalf("Get %s: %v", key, describe(err))
			}
			if deref(got.GetId()) != id || deref(got.GetDisplayName()) != "Adele Vance" || deref(got.GetMailNickname()) != "AdeleV" {
				t.Errorf("Get %s: id %q, displayName %q, mailNickname %q", key, deref(got.GetId()), deref(got.GetDisplayName()), deref(got.GetMailNickname()))
			}
		}
		// $select: the handler answers only the selected properties (and id).
		got, err := client.ByUserId(id).Get(ctx, &users.UserItemRequestBuilderGetRequestConfiguration{
			QueryParameters: &users.UserItemRequestBuilderGetQueryParameters{Select: []string{"displayName"}},
		})
		if err != nil {
			t.Fatalf("Get $select=displayName: %v", describe(err))
		}
		if deref(got.GetId()) != id || deref(got.GetDisplayName()) != "Adele Vance" || got.GetMailNickname() != nil {
			t.Errorf("Get $select=displayName: id %q, displayName %q, mailNickname %v", deref(got.GetId()), deref(got.GetDisplayName()), got.GetMailNickname())
		}
		if reqs := rec.take(); len(reqs) != 3 || reqs[2].URI != "/v1.0/users/"+id+"?$select=displayName" {
			t.Errorf("requests: %v, want the last GET /v1.0/users/%s?$select=displayName", reqs, id)
		}
	})

	step("update", func(t *testing.T) {
		// A new model with only the changes, as Graph's Go snippets
		// write an update: two properties set and one cleared (the
		// backing store writes a property set to nil as null).
		svc.mu.Lock()
		svc.users[svc.find(id)].City = graph.Some("Redmond")
		svc.mu.Unlock()
		patch := models.NewUser()
		patch.SetDisplayName(new("Adele V."))
		patch.SetSurname(new("Vance"))
		patch.SetCity(nil)
		if _, err := client.ByUserId(id).Patch(ctx, patch, nil); err != nil {
			t.Fatalf("Patch: %v", describe(err))
		}
		svc.mu.Lock()
		updated := slices.Clone(svc.updated)
		svc.mu.Unlock()
		if len(updated) != 1 {
			t.Fatalf("PATCH /users/{id} served %d times, want 1", len(updated))
		}
		b := updated[0]
		want := map[string]any{
			"@odata.type": "#microsoft.graph.user",
			"displayName": "Adele V.",
			"surname":     "Vance",
			"city":        nil,
		}
		if diff := cmp.Diff(want, jsonMembers(t, b)); diff != "" {
			t.Errorf("update body (-want +got):\n%s", diff)
		}
		// The same, field by field: set, null, absent.
		if deref(b.DisplayName.Value) != "Adele V." || b.DisplayName.Null {
			t.Errorf("DisplayName: %+v, want set to %q", b.DisplayName, "Adele V.")
		}
		if b.City.Value != nil || !b.City.Null {
			t.Errorf("City: %+v, want null", b.City)
		}
		if b.GivenName.Value != nil || b.GivenName.Null {
			t.Errorf("GivenName: %+v, want absent", b.GivenName)
		}
		if b.AccountEnabled.Value != nil || b.AccountEnabled.Null {
			t.Errorf("AccountEnabled: %+v, want absent", b.AccountEnabled)
		}
		reqs := rec.take()
		if len(reqs) != 1 || reqs[0].Method != http.MethodPatch || reqs[0].Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("requests: %v, want one gzipped PATCH", reqs)
		}

		got, err := client.ByUserId(id).Get(ctx, nil)
		if err != nil {
			t.Fatalf("Get after Patch: %v", describe(err))
		}
		if deref(got.GetDisplayName()) != "Adele V." || deref(got.GetSurname()) != "Vance" || deref(got.GetMailNickname()) != "AdeleV" || got.GetCity() != nil {
			t.Errorf("after Patch: displayName %q, surname %q, mailNickname %q, city %v", deref(got.GetDisplayName()), deref(got.GetSurname()), deref(got.GetMailNickname()), got.GetCity())
		}
		rec.take()
	})

	step("invalid", func(t *testing.T) {
		// A validation error with OData's target and details, read
		// through the SDK's ODataError.
		patch := models.NewUser()
		patch.SetDisplayName(new(""))
		_, err := client.ByUserId(id).Patch(ctx, patch, nil)
		var oe *odataerrors.ODataError
		if !errors.As(err, &oe) || oe.GetStatusCode() != http.StatusBadRequest {
			t.Fatalf("Patch with an empty displayName: %T %v, want a 400 *odataerrors.ODataError", err, err)
		}
		main := oe.GetErrorEscaped()
		if main == nil || deref(main.GetCode()) != "Request_BadRequest" || deref(main.GetTarget()) != "user" {
			t.Fatalf("error %+v: want code Request_BadRequest, target user", main)
		}
		details := main.GetDetails()
		if len(details) != 1 || deref(details[0].GetCode()) != "EmptyValueNotAllowed" || deref(details[0].GetMessage()) != "displayName cannot be empty." || deref(details[0].GetTarget()) != "displayName" {
			t.Errorf("details: %d, want one EmptyValueNotAllowed for displayName", len(details))
		}
		if main.GetInnerError() == nil {
			t.Error("error without innerError")
		}
		if reqs := rec.take(); len(reqs) != 1 {
			t.Errorf("%d requests, want 1: %v", len(reqs), reqs)
		}
	})

	step("list and page", func(t *testing.T) {
		svc.mu.Lock()
		svc.lists = nil
		var want []string
		for _, u := range svc.users {
			want = append(want, deref(u.ID.Value))
		}
		svc.mu.Unlock()

		top := int32(2)
		first, err := client.Get(ctx, &users.UsersRequestBuilderGetRequestConfiguration{
			QueryParameters: &users.UsersRequestBuilderGetQueryParameters{Top: &top},
		})
		if err != nil {
			t.Fatalf("Get: %v", describe(err))
		}
		if n := len(first.GetValue()); n != 2 {
			t.Errorf("first page has %d users, want 2", n)
		}
		if first.GetOdataNextLink() == nil {
			t.Fatal("first page has no @odata.nextLink")
		}
		it, err := msgraphcore.NewPageIterator[models.Userable](first, adapter, models.CreateUserCollectionResponseFromDiscriminatorValue)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		if err := it.Iterate(ctx, func(u models.Userable) bool {
			got = append(got, deref(u.GetId()))
			return true
		}); err != nil {
			t.Fatalf("Iterate: %v", describe(err))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("users paged through (-want +got):\n%s", diff)
		}

		// Every page was asked for with $top=2; the later ones with the
		// skip token the service set, through @odata.nextLink.
		pages := (len(want) + 1) / 2
		reqs := rec.take()
		if len(reqs) != pages {
			t.Errorf("%d requests, want %d: %v", len(reqs), pages, reqs)
		}
		var tokens []string
		for i, r := range reqs {
			q := r.URI[strings.Index(r.URI, "?")+1:]
			if !strings.HasPrefix(r.URI, "/v1.0/users?") || !strings.Contains(q, "$top=2") || (i > 0) != strings.Contains(q, "$skiptoken=") {
				t.Errorf("request %d: %s %s", i, r.Method, r.URI)
			}
		}
		svc.mu.Lock()
		for _, q := range svc.lists {
			tokens = append(tokens, q.SkipToken)
			if q.Top == nil || *q.Top != 2 {
				t.Errorf("list query: Top %v, want 2", q.Top)
			}
		}
		svc.mu.Unlock()
		var wantTokens []string
		for i := range pages {
			if i == 0 {
				wantTokens = append(wantTokens, "")
			} else {
				wantTokens = append(wantTokens, strconv.Itoa(2*i))
			}
		}
		if diff := cmp.Diff(wantTokens, tokens); diff != "" {
			t.Errorf("skip tokens list received (-want +got):\n%s", diff)
		}
	})

	step("delta", func(t *testing.T) {
		// GET /users/delta(), as the SDK writes a function without
		// arguments: the delta operation (the docs write /users/delta),
		// not GET /users/{id} with the key "delta()". Then the deltaLink
		// round, whose $deltatoken the handler never refuses.
		svc.mu.Lock()
		svc.deltas = nil
		want := len(svc.users)
		svc.mu.Unlock()
		res, err := client.Delta().GetAsDeltaGetResponse(ctx, nil)
		if err != nil {
			t.Fatalf("Delta: %v", describe(err))
		}
		if n := len(res.GetValue()); n != want {
			t.Errorf("Delta: %d users, want %d", n, want)
		}
		link := res.GetOdataDeltaLink()
		if link == nil {
			t.Fatal("Delta: no @odata.deltaLink")
		}
		if _, err := client.Delta().WithUrl(*link).GetAsDeltaGetResponse(ctx, nil); err != nil {
			t.Fatalf("Delta with the deltaLink: %v", describe(err))
		}
		reqs := rec.take()
		if len(reqs) != 2 || reqs[0].URI != "/v1.0/users/delta()" || !strings.HasPrefix(reqs[1].URI, "/v1.0/users/delta()?$deltatoken=") {
			t.Errorf("requests: %v, want GET /v1.0/users/delta() then its deltaLink", reqs)
		}
		svc.mu.Lock()
		defer svc.mu.Unlock()
		if len(svc.deltas) != 2 || svc.deltas[1].DeltaToken != strconv.Itoa(want) {
			t.Errorf("delta received %d requests (%v), want 2, the second with the token", len(svc.deltas), svc.deltas)
		}
	})

	step("reminder view", func(t *testing.T) {
		// A function with arguments: the SDK quotes them as OData string
		// literals (and spells the names its own way); the docs write the
		// request line without quotes. The service gets the values, and
		// an empty page is an empty list.
		start, end := "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"
		res, err := client.ByUserId(id).ReminderViewWithStartDateTimeWithEndDateTime(&end, &start).GetAsReminderViewWithStartDateTimeWithEndDateTimeGetResponse(ctx, nil)
		if err != nil {
			t.Fatalf("ReminderView: %v", describe(err))
		}
		if res.GetValue() == nil || len(res.GetValue()) != 0 {
			t.Errorf("ReminderView: value %v, want an empty list", res.GetValue())
		}
		reqs := rec.take()
		if len(reqs) != 1 || !strings.Contains(reqs[0].URI, "reminderView(StartDateTime='") {
			t.Errorf("requests: %v, want one GET of reminderView with quoted arguments", reqs)
		}
		svc.mu.Lock()
		defer svc.mu.Unlock()
		if n := len(svc.windows); n != 1 || svc.windows[n-1] != [2]string{start, end} {
			t.Errorf("reminderView received %v, want [%s %s]", svc.windows, start, end)
		}
	})

	step("count", func(t *testing.T) {
		// GET /users/$count, as the SDK sends it (with ConsistencyLevel),
		// answered as text/plain by the list operation, which is told
		// to count (Query.Count) and does so past its first page.
		svc.mu.Lock()
		svc.pageSize = 2
		svc.mu.Unlock()
		defer func() {
			svc.mu.Lock()
			svc.pageSize = 100
			svc.mu.Unlock()
		}()
		headers := abs.NewRequestHeaders()
		headers.Add("ConsistencyLevel", "eventual")
		n, err := client.Count().Get(ctx, &users.CountRequestBuilderGetRequestConfiguration{Headers: headers})
		if err != nil {
			t.Fatalf("Count: %v", describe(err))
		}
		svc.mu.Lock()
		want := len(svc.users)
		svc.mu.Unlock()
		if n == nil || int(*n) != want {
			t.Errorf("Count: %v, want %d", n, want)
		}
		reqs := rec.take()
		if len(reqs) != 1 || reqs[0].URI != "/v1.0/users/$count" || reqs[0].Header.Get("ConsistencyLevel") != "eventual" {
			t.Errorf("requests: %v, want one GET /v1.0/users/$count with ConsistencyLevel", reqs)
		}
	})

	step("throttled", func(t *testing.T) {
		// A 429 with Retry-After: the SDK's retry handler waits and sends
		// the request again, marked Retry-Attempt: 1.
		svc.mu.Lock()
		svc.throttle = 1
		svc.mu.Unlock()
		got, err := client.ByUserId(id).Get(ctx, nil)
		if err != nil {
			t.Fatalf("Get: %v", describe(err))
		}
		if deref(got.GetId()) != id {
			t.Errorf("Get: id %q, want %q", deref(got.GetId()), id)
		}
		reqs := rec.take()
		if len(reqs) != 2 || reqs[1].Header.Get("Retry-Attempt") != "1" || reqs[0].Status != http.StatusTooManyRequests || reqs[0].RetryAfter != "1" {
			t.Errorf("requests: %+v, want a 429 with Retry-After 1, then a retry", reqs)
		}
	})

	step("photo", func(t *testing.T) {
		// GET /users/{id}/photo/$value: the SDK reads the bytes of the
		// *Stream the service answers.
		got, err := client.ByUserId(id).Photo().Content().Get(ctx, nil)
		if err != nil {
			t.Fatalf("Photo().Content().Get: %v", describe(err))
		}
		if string(got) != string(photoBytes) {
			t.Errorf("photo bytes %q, want %q", got, photoBytes)
		}
		reqs := rec.take()
		if len(reqs) != 1 || reqs[0].URI != "/v1.0/users/"+id+"/photo/$value" {
			t.Errorf("requests: %v, want one GET /v1.0/users/%s/photo/$value", reqs, id)
		}

		// PUT: the SDK compresses the bytes (gzip), and the service
		// reads them as they were before.
		upload := []byte("\xff\xd8\xff\xe0 a new photo " + strings.Repeat("pixels ", 100))
		if _, err := client.ByUserId(id).Photo().Content().Put(ctx, upload, nil); err != nil {
			t.Fatalf("Photo().Content().Put: %v", describe(err))
		}
		svc.mu.Lock()
		got = slices.Clone(svc.uploaded)
		svc.mu.Unlock()
		if string(got) != string(upload) {
			t.Errorf("the service read %d bytes %.30q, want the %d sent", len(got), got, len(upload))
		}
		reqs = rec.take()
		if len(reqs) != 1 || reqs[0].Method != http.MethodPut || reqs[0].Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("requests: %v, want one PUT with Content-Encoding gzip", reqs)
		}
	})

	step("batch", func(t *testing.T) {
		// JSON batching (POST /$batch) through msgraph-sdk-go-core's
		// BatchRequest: a GET, a PATCH that depends on it, a GET of a
		// missing user, and a GET that depends on that one (424).
		info := func(ri *abs.RequestInformation, err error) abs.RequestInformation {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			return *ri
		}
		batch := msgraphcore.NewBatchRequest(adapter)
		add := func(ri abs.RequestInformation) msgraphcore.BatchItem {
			t.Helper()
			item, err := batch.AddBatchRequestStep(ri)
			if err != nil {
				t.Fatal(err)
			}
			return item
		}
		get := add(info(client.ByUserId(id).ToGetRequestInformation(ctx, nil)))
		patch := models.NewUser()
		patch.SetJobTitle(new("Engineer"))
		update := add(info(client.ByUserId(id).ToPatchRequestInformation(ctx, patch, nil)))
		update.DependsOnItem(get)
		missing := add(info(client.ByUserId("no-such-user").ToGetRequestInformation(ctx, nil)))
		after := add(info(client.ByUserId(id).ToGetRequestInformation(ctx, nil)))
		after.DependsOnItem(missing)
		resp, err := batch.Send(ctx, adapter)
		if err != nil {
			t.Fatalf("Send: %v", describe(err))
		}
		want := map[string]int32{*get.GetId(): 200, *update.GetId(): 204, *missing.GetId(): 404, *after.GetId(): 424}
		if diff := cmp.Diff(want, resp.GetStatusCodes()); diff != "" {
			t.Errorf("statuses by request (-want +got):\n%s", diff)
		}
		user, err := msgraphcore.GetBatchResponseById[models.Userable](resp, *get.GetId(), models.CreateUserFromDiscriminatorValue)
		if err != nil {
			t.Fatalf("GetBatchResponseById: %v", describe(err))
		}
		if deref(user.GetId()) != id || deref(user.GetDisplayName()) != "Adele V." {
			t.Errorf("batch GET: id %q, displayName %q", deref(user.GetId()), deref(user.GetDisplayName()))
		}
		svc.mu.Lock()
		title := svc.users[svc.find(id)].JobTitle
		svc.mu.Unlock()
		if deref(title.Value) != "Engineer" {
			t.Errorf("jobTitle after the batch's PATCH: %+v, want Engineer", title)
		}
		reqs := rec.take()
		if len(reqs) != 1 || reqs[0].Method != http.MethodPost || reqs[0].URI != "/v1.0/$batch" {
			t.Errorf("requests: %v, want one POST /v1.0/$batch", reqs)
		}
	})

	step("delete", func(t *testing.T) {
		if err := client.ByUserId(id).Delete(ctx, nil); err != nil {
			t.Fatalf("Delete: %v", describe(err))
		}
		svc.mu.Lock()
		left := svc.find(id)
		svc.mu.Unlock()
		if left >= 0 {
			t.Errorf("user %s still exists after Delete", id)
		}
		reqs := rec.take()
		if len(reqs) != 1 || reqs[0].Method != http.MethodDelete || reqs[0].URI != "/v1.0/users/"+id {
			t.Errorf("requests: %v, want DELETE /v1.0/users/%s", reqs, id)
		}
	})

	step("not found", func(t *testing.T) {
		wantMsg := "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present."
		check := func(what string, err error) {
			t.Helper()
			reqs := rec.take()
			if len(reqs) != 1 {
				t.Fatalf("%s: %d requests, want 1 (the retry handler retries 429, 503 and 504 only): %v", what, len(reqs), reqs)
			}
			var oe *odataerrors.ODataError
			if !errors.As(err, &oe) {
				t.Fatalf("%s: %T %v, want *odataerrors.ODataError", what, err, err)
			}
			if oe.GetStatusCode() != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", what, oe.GetStatusCode())
			}
			main := oe.GetErrorEscaped()
			if main == nil {
				t.Fatalf("%s: ODataError without its error member", what)
			}
			if got := deref(main.GetCode()); got != "Request_ResourceNotFound" {
				t.Errorf("%s: code %q, want Request_ResourceNotFound", what, got)
			}
			if got := deref(main.GetMessage()); got != wantMsg {
				t.Errorf("%s: message %q, want %q", what, got, wantMsg)
			}
			// The innerError names the request as Graph's does: the
			// answer's request-id, the client-request-id the SDK sent,
			// and a date the SDK parses.
			inner := main.GetInnerError()
			if inner == nil {
				t.Fatalf("%s: error without innerError", what)
			}
			sent := reqs[0].Header.Get("client-request-id")
			if got := deref(inner.GetRequestId()); got == "" || got != reqs[0].RequestID {
				t.Errorf("%s: innerError request-id %q, answer's request-id header %q", what, got, reqs[0].RequestID)
			}
			if got := deref(inner.GetClientRequestId()); sent == "" || got != sent {
				t.Errorf("%s: innerError client-request-id %q, the SDK sent %q", what, got, sent)
			}
			if d := inner.GetDate(); d == nil || time.Since(*d) > time.Hour || time.Until(*d) > time.Hour {
				t.Errorf("%s: innerError date %v", what, d)
			}
		}
		_, err := client.ByUserId(id).Get(ctx, nil)
		check("Get", err)
		check("Delete", client.ByUserId(id).Delete(ctx, nil))
		_, err = client.ByUserId(id).Patch(ctx, models.NewUser(), nil)
		check("Patch", err)
	})
}

// jsonMembers returns v as encoding/json writes it, decoded into a map.
func jsonMembers(t *testing.T, v any) map[string]any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// describe adds the code and message of an ODataError to err's text.
func describe(err error) error {
	var oe *odataerrors.ODataError
	if errors.As(err, &oe) && oe.GetErrorEscaped() != nil {
		m := oe.GetErrorEscaped()
		return errors.Join(err, errors.New("status "+http.StatusText(oe.GetStatusCode())+": "+deref(m.GetCode())+": "+deref(m.GetMessage())))
	}
	return err
}
