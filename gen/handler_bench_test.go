package gen_test

// BenchmarkSeedPatch measures the generated handler against a hand-written
// net/http + encoding/json handler doing the same work for the seed's
// documented PATCH: route, Content-Type check, 4 MiB limit, strict decode
// (unknown properties, JSON types), enum and date checks, the service call,
// and the JSON answer (or the Graph error body). Run it with
//
//	go test -run '^$' -bench SeedPatch -benchmem ./gen/
//
// and compare the two sub-benchmarks of the same run (ns/op, allocs/op).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/generated"
)

// seedBody is the seed page's documented request with valid enum values.
const seedBody = `{
  "@odata.type": "#Microsoft.AAD.Reporting.userCredentialUsageDetails",
  "feature": "registration",
  "userPrincipalName": "User Principal Name value",
  "userDisplayName": "User Display Name value",
  "isSuccess": true,
  "authMethod": "mobileSMS",
  "failureReason": "Failure Reason value",
  "eventDateTime": "2016-12-31T23:58:34.1704434+00:00"
}`

// echoService answers the update with the record it was sent.
type echoService struct{ generated.UnimplementedService }

func (echoService) UpdateUserCredentialUsageDetails(_ context.Context, req *generated.UpdateUserCredentialUsageDetailsRequest) (*generated.UserCredentialUsageDetails, error) {
	return &req.Body, nil
}

// handRecord is the hand-written handler's model of the record: pointers
// for optional properties (it does not tell null from absent).
type handRecord struct {
	ODataType         *string `json:"@odata.type,omitempty"`
	ID                *string `json:"id,omitempty"`
	Feature           *string `json:"feature,omitempty"`
	UserPrincipalName *string `json:"userPrincipalName,omitempty"`
	UserDisplayName   *string `json:"userDisplayName,omitempty"`
	IsSuccess         *bool   `json:"isSuccess,omitempty"`
	AuthMethod        *string `json:"authMethod,omitempty"`
	FailureReason     *string `json:"failureReason,omitempty"`
	EventDateTime     *string `json:"eventDateTime,omitempty"`
}

var (
	handFeatures    = []string{"registration", "reset", "unknownFutureValue"}
	handAuthMethods = []string{"email", "mobileSMS", "mobileCall", "officePhone", "securityQuestion", "appNotification", "appCode", "alternateMobileCall", "fido", "appPassword", "unknownFutureValue"}
)

// handError writes a Graph error body.
func handError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	body, _ := json.Marshal(map[string]map[string]string{"error": {"code": code, "message": msg}})
	w.Write(body)
}

// handWritten is the hand-written handler: the same checks as the
// generated one, with net/http's ServeMux and encoding/json.
func handWritten(update func(context.Context, string, *handRecord) (*handRecord, error)) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("PATCH /reports/userCredentialUsageDetails/{id}", func(w http.ResponseWriter, r *http.Request) {
		if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
			handError(w, 415, "unsupportedMediaType", "The request body must be JSON (Content-Type: application/json).")
			return
		}
		var rec handRecord
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<20))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			var maxErr *http.MaxBytesError
			var typeErr *json.UnmarshalTypeError
			switch {
			case errors.As(err, &maxErr):
				handError(w, 413, "requestTooLarge", "The request body is too large.")
			case errors.As(err, &typeErr):
				handError(w, 400, "invalidRequest", fmt.Sprintf("Property '%s' must be a %s.", typeErr.Field, typeErr.Type))
			default:
				handError(w, 400, "invalidRequest", err.Error())
			}
			return
		}
		if rec.Feature != nil && !slices.Contains(handFeatures, *rec.Feature) {
			handError(w, 400, "invalidRequest", "Property 'feature' must be one of: "+strings.Join(handFeatures, ", ")+".")
			return
		}
		if rec.AuthMethod != nil && !slices.Contains(handAuthMethods, *rec.AuthMethod) {
			handError(w, 400, "invalidRequest", "Property 'authMethod' must be one of: "+strings.Join(handAuthMethods, ", ")+".")
			return
		}
		if rec.EventDateTime != nil {
			if _, err := time.Parse(time.RFC3339Nano, *rec.EventDateTime); err != nil {
				if _, err := time.Parse("2006-01-02T15:04:05.999999999", *rec.EventDateTime); err != nil {
					handError(w, 400, "invalidRequest", "Property 'eventDateTime' must be an RFC 3339 date and time.")
					return
				}
			}
		}
		res, err := update(r.Context(), r.PathValue("id"), &rec)
		if err != nil {
			handError(w, 500, "generalException", "Internal Server Error")
			return
		}
		out, err := json.Marshal(res)
		if err != nil {
			handError(w, 500, "generalException", "Internal Server Error")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(200)
		w.Write(out)
	})
	return mux
}

// discardWriter is a ResponseWriter that keeps only the status, so that
// the benchmark measures the handlers, not a recorder.
type discardWriter struct {
	h      http.Header
	status int
	n      int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) WriteHeader(status int)      { w.status = status }
func (w *discardWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// seedHandlers are the two benchmarked handlers.
func seedHandlers() []struct {
	name string
	h    http.Handler
} {
	return []struct {
		name string
		h    http.Handler
	}{
		{"generated", generated.NewHandler(&echoService{})},
		{"handwritten", handWritten(func(_ context.Context, _ string, rec *handRecord) (*handRecord, error) { return rec, nil })},
	}
}

// seedRequest serves the benchmark's request once with h.
func seedRequest(b *testing.B, h http.Handler, req *http.Request, body []byte, w *discardWriter) {
	r := req.Clone(req.Context())
	r.Body = io.NopCloser(bytes.NewReader(body))
	clear(w.h)
	w.status, w.n = 0, 0
	h.ServeHTTP(w, r)
	if w.status != 200 {
		b.Fatalf("status %d", w.status)
	}
}

func BenchmarkSeedPatch(b *testing.B) {
	body := []byte(seedBody)
	req := httptest.NewRequest("PATCH", "/reports/userCredentialUsageDetails/abc", nil)
	req.Header.Set("Content-Type", "application/json")
	hs := seedHandlers()
	for _, hc := range hs {
		b.Run(hc.name, func(b *testing.B) {
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				seedRequest(b, hc.h, req, body, w)
			}
		})
	}
	// versus alternates blocks of requests to each handler and reports the
	// median of the per-block time ratios (generated / hand-written) and
	// its inverse, the generated handler's throughput relative to the
	// hand-written one: a busy machine slows both sides of a block alike.
	b.Run("versus", func(b *testing.B) {
		w := &discardWriter{h: http.Header{}}
		const block = 50
		var ratios []float64
		for b.Loop() {
			var d [2]time.Duration
			for i, hc := range hs {
				start := time.Now()
				for range block {
					seedRequest(b, hc.h, req, body, w)
				}
				d[i] = time.Since(start)
			}
			ratios = append(ratios, float64(d[0])/float64(d[1]))
		}
		slices.Sort(ratios)
		med := ratios[len(ratios)/2]
		b.ReportMetric(med, "gen/hand-time")
		b.ReportMetric(1/med, "gen/hand-throughput")
	})
}

// TestSeedPatchHandlersAgree checks that the two benchmarked handlers
// answer the benchmark's request alike, and reject the same bad bodies,
// so that the benchmark compares equal work.
func TestSeedPatchHandlersAgree(t *testing.T) {
	gen := generated.NewHandler(&echoService{})
	hand := handWritten(func(_ context.Context, _ string, rec *handRecord) (*handRecord, error) { return rec, nil })
	for _, body := range []string{seedBody, `{"feature": "x"}`, `{"authMethod": "x"}`, `{"eventDateTime": "x"}`, `{"isSuccess": "x"}`, `{"nope": 1}`} {
		var got [2]*httptest.ResponseRecorder
		for i, h := range []http.Handler{gen, hand} {
			r := httptest.NewRequest("PATCH", "/reports/userCredentialUsageDetails/abc", strings.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			got[i] = httptest.NewRecorder()
			h.ServeHTTP(got[i], r)
		}
		if got[0].Code != got[1].Code {
			t.Errorf("%s: generated %d, hand-written %d", body, got[0].Code, got[1].Code)
		}
		if got[0].Code == 200 {
			var a, b map[string]any
			if json.Unmarshal(got[0].Body.Bytes(), &a) != nil || json.Unmarshal(got[1].Body.Bytes(), &b) != nil || fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s: answers differ:\n%s\n%s", body, got[0].Body, got[1].Body)
			}
		}
	}
}
