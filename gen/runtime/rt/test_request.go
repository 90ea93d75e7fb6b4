package rt

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// newTestRequest returns a server request for a documented request: target is
// the path as documented (it may hold spaces, braces or quotes; the
// request's URL.Path is that path), with an optional query string and an
// optional scheme and host. An empty body means no body.
func newTestRequest(t *testing.T, method, target string, header http.Header, body string) *http.Request {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, escapeTestTarget(target), r)
	for k, vs := range header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	return req
}

// escapeTestTarget percent-encodes a documented request target so that the
// request's URL.Path is the documented path and its query is kept.
func escapeTestTarget(target string) string {
	prefix := ""
	for _, scheme := range []string{"https://", "http://"} {
		if len(target) < len(scheme) || !strings.EqualFold(target[:len(scheme)], scheme) {
			continue
		}
		i := strings.IndexByte(target[len(scheme):], '/')
		if i < 0 {
			return target
		}
		prefix, target = target[:len(scheme)+i], target[len(scheme)+i:]
		break
	}
	path, query, hasQuery := strings.Cut(target, "?")
	u := &url.URL{Path: path}
	out := prefix + u.EscapedPath()
	if hasQuery {
		out += "?" + escapeTestQuery(query)
	}
	return out
}

// escapeTestQuery percent-encodes the bytes of a query string that cannot
// appear in a request line, keeping existing escapes.
func escapeTestQuery(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '%' && i+2 < len(q) && isTestHex(q[i+1]) && isTestHex(q[i+2]):
			b.WriteByte(c)
		case c <= ' ' || c >= 127 || strings.IndexByte("\"#%<>\\^`{|}", c) >= 0:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isTestHex reports whether c is a hexadecimal digit.
func isTestHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
