package rt

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"time"
)

// Graph names every request: it answers with a request-id header (its own
// GUID for the request) and a client-request-id header (the client's, or
// the request-id when the client sent none), and repeats both, with the
// date, in the innerError of an error body. Graph's SDKs send a
// client-request-id on every request and read innerError when they report
// an error.
const (
	requestIDKey       = "Request-Id" // canonical form of request-id
	clientRequestIDKey = "Client-Request-Id"
	maxClientRequestID = 128
)

// RequestID returns the request-id the handler gave the request that ctx
// belongs to (a GUID, written as the request-id response header and in
// the innerError of an error body), for a Service to log next to its own
// records; "" outside a request served by NewHandler. ctx is the context
// the handler passed to the method, or one derived from it.
func RequestID(ctx context.Context) string {
	if st := stateOf(ctx); st != nil {
		return st.requestID
	}
	return ""
}

// nameRequest gives st a new request-id and writes the request-id and
// client-request-id headers of the answer to r.
func nameRequest(h http.Header, st *requestState, r *http.Request) {
	st.requestID = newGUID()
	client := r.Header.Get(clientRequestIDKey)
	if !validClientRequestID(client) {
		client = st.requestID
	}
	// The header values live in st, which is allocated anyway.
	st.ids = [2]string{st.requestID, client}
	h[requestIDKey] = st.ids[0:1:1]
	h[clientRequestIDKey] = st.ids[1:2:2]
}

// validClientRequestID reports whether the handler echoes a
// client-request-id: 1 to 128 printable ASCII characters. Graph's SDKs
// send a GUID.
func validClientRequestID(s string) bool {
	if s == "" || len(s) > maxClientRequestID {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// newGUID returns a random (version 4) GUID in its 36-character form.
func newGUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:], b[10:])
	return string(s[:])
}

// innerErrorOf returns the innerError of an error answered with headers
// h: the date and the ids nameRequest wrote, nil when h has no
// request-id (an answer made outside ServeHTTP). The date is UTC with its
// Z: innerError's date is an Edm.DateTimeOffset, and an offset-less
// date, which Graph itself sends, fails the date parsing of some
// versions of Graph's SDKs.
func innerErrorOf(h http.Header) *innerError {
	id := h.Get(requestIDKey)
	if id == "" {
		return nil
	}
	return &innerError{
		Date:            time.Now().UTC().Format("2006-01-02T15:04:05Z"),
		RequestID:       id,
		ClientRequestID: h.Get(clientRequestIDKey),
	}
}

// innerError is the innerError member of an error body.
type innerError struct {
	Date            string `json:"date"`
	RequestID       string `json:"request-id"`
	ClientRequestID string `json:"client-request-id,omitempty"`
}
