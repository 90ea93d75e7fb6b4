package rttest

import (
	"net/http"
	"testing"

	"github.com/graphdocgen/graphdocgen/gen/runtime/rt"
)

// newTestRequest returns a server request for a documented request (see
// newDocRequest); t fails when the target cannot be a request line.
func newTestRequest(t *testing.T, method, target string, header http.Header, body string) *http.Request {
	t.Helper()
	req, err := rt.NewDocRequest(method, target, header, body)
	if err != nil {
		t.Fatalf("request %s %q: %v", method, target, err)
	}
	return req
}
