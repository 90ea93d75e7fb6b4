package rt

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// JSON batching: POST /$batch takes up to maxBatch requests in one JSON
// body, {"requests": [{"id", "method", "url", "headers", "body",
// "dependsOn"}]}, serves each through the handler as if it had come alone,
// and answers 200 with {"responses": [{"id", "status", "headers",
// "body"}]}, as Graph does (https://learn.microsoft.com/graph/json-batching)
// and as Graph's SDKs send (msgraph-sdk-go-core's BatchRequest). A route
// the docs document as /$batch wins over it.
//
// The choices where Graph's documentation is silent:
//   - requests run one at a time, each time the first of the batch whose
//     dependencies have all run, and their responses are listed in the
//     order of the batch;
//   - a request whose dependency answered an error is not run and answers
//     424 (code failedDependency);
//   - a malformed batch (no requests, more than maxBatch, an id missing or
//     repeated, a request without method or url, a dependency on an
//     unknown id, on itself or on maxBatch or more, a cycle) is answered
//     400 as a whole;
//   - a request that cannot be sent (an absolute or nested $batch url, a
//     body without a Content-Type header, a body that is neither JSON for
//     a JSON Content-Type nor base64 for another) answers 400 on its own;
//   - a request carries the batch's headers (Authorization among them)
//     except those of its body, and its own headers over them.

// batchSegment is the path of the batch endpoint.
const batchSegment = "/$batch"

// maxBatch is the number of requests a batch may hold, as in Graph.
const maxBatch = 20

// batchRequest is one request of a batch.
type batchRequest struct {
	ID        string            `json:"id"`
	Method    string            `json:"method"`
	URL       string            `json:"url"`
	Headers   map[string]string `json:"headers"`
	Body      json.RawMessage   `json:"body"`
	DependsOn []string          `json:"dependsOn"`
}

// batchResponse is the answer to one request of a batch.
type batchResponse struct {
	ID      string            `json:"id"`
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers,omitempty"`
	Body    json.RawMessage   `json:"body,omitempty"`
}

// isBatchPath reports whether a routing path is the batch endpoint.
func isBatchPath(p requestPath) bool {
	return strings.EqualFold(p.text, batchSegment) || strings.EqualFold(p.text, batchSegment+"/")
}

// serveBatch answers a request to the batch endpoint.
func (h *Handler) serveBatch(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, &Error{Status: http.StatusMethodNotAllowed, Message: "A batch is sent with POST."})
		return
	}
	var in struct {
		Requests []batchRequest `json:"requests"`
	}
	if ct := r.Header.Get("Content-Type"); !isJSONMediaType(ct) {
		writeError(w, &Error{Status: http.StatusUnsupportedMediaType, Message: "The batch must be JSON (Content-Type: application/json)."})
		return
	}
	body, e := h.readBody(w, r)
	if e != nil {
		writeError(w, e)
		return
	}
	if err := json.Unmarshal(body, &in); err != nil {
		writeError(w, badRequest("The batch is not a JSON object {\"requests\": [...]}: "+truncateText(err.Error(), 200)))
		return
	}
	order, e := batchOrder(in.Requests)
	if e != nil {
		writeError(w, e)
		return
	}
	out := make([]batchResponse, len(in.Requests))
	done := make([]bool, len(in.Requests))
	index := make(map[string]int, len(in.Requests))
	for i, req := range in.Requests {
		index[req.ID] = i
	}
	prefix := batchPrefix(r)
	for _, i := range order {
		req := &in.Requests[i]
		out[i] = h.serveBatchItem(r, prefix, req, failedDependency(req, index, out, done))
		done[i] = true
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(struct {
		Responses []batchResponse `json:"responses"`
	}{out}); err != nil {
		h.logError(r, fmt.Errorf("encoding the batch response: %v", err))
		writeError(w, &Error{Status: http.StatusInternalServerError})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

// batchOrder checks a batch and returns the order its requests run in:
// the batch's order, each request after those it depends on.
func batchOrder(reqs []batchRequest) ([]int, *Error) {
	switch {
	case len(reqs) == 0:
		return nil, badRequest("The batch holds no requests.")
	case len(reqs) > maxBatch:
		return nil, badRequest(fmt.Sprintf("The batch holds %d requests; a batch holds at most %d.", len(reqs), maxBatch))
	}
	index := make(map[string]int, len(reqs))
	for i, req := range reqs {
		switch {
		case req.ID == "":
			return nil, badRequest(fmt.Sprintf("Request %d of the batch has no id.", i+1))
		case req.Method == "" || req.URL == "":
			return nil, badRequest(fmt.Sprintf("Request '%s' of the batch needs a method and a url.", req.ID))
		}
		if _, dup := index[req.ID]; dup {
			return nil, badRequest(fmt.Sprintf("The batch has two requests with the id '%s'.", req.ID))
		}
		index[req.ID] = i
	}
	for _, req := range reqs {
		if len(req.DependsOn) >= maxBatch {
			return nil, badRequest(fmt.Sprintf("Request '%s' of the batch depends on %d requests; a batch holds at most %d.", req.ID, len(req.DependsOn), maxBatch))
		}
		for _, dep := range req.DependsOn {
			if _, ok := index[dep]; !ok || dep == req.ID {
				return nil, badRequest(fmt.Sprintf("Request '%s' of the batch depends on '%s', which is not another request of the batch.", req.ID, dep))
			}
		}
	}
	// Each time, the first request of the batch whose dependencies have
	// all run.
	order := make([]int, 0, len(reqs))
	placed := make([]bool, len(reqs))
	for len(order) < len(reqs) {
		next := -1
		for i, req := range reqs {
			ready := !placed[i]
			for _, dep := range req.DependsOn {
				ready = ready && placed[index[dep]]
			}
			if ready {
				next = i
				break
			}
		}
		if next < 0 {
			return nil, badRequest("The requests of the batch depend on each other in a cycle.")
		}
		placed[next] = true
		order = append(order, next)
	}
	return order, nil
}

// failedDependency returns the id of a request req depends on that
// answered an error, "" when none did.
func failedDependency(req *batchRequest, index map[string]int, out []batchResponse, done []bool) string {
	for _, dep := range req.DependsOn {
		if i := index[dep]; done[i] && out[i].Status >= 400 {
			return dep
		}
	}
	return ""
}

// batchPrefix is the part of the batch request's path before /$batch that
// a wrapper such as http.StripPrefix removed ("/v1.0"), kept so that the
// links a request of the batch answers (@odata.nextLink) name the path the
// client uses.
func batchPrefix(r *http.Request) string {
	path, _, _ := strings.Cut(r.RequestURI, "?")
	if u, err := url.Parse(r.RequestURI); err == nil && u.Host != "" {
		path = u.EscapedPath() // absolute-form
	}
	esc := r.URL.EscapedPath()
	n := len(path) - len(esc)
	if n <= 0 || !strings.EqualFold(path[n:], esc) {
		return ""
	}
	return path[:n]
}

// serveBatchItem serves one request of a batch; failed is the id of a
// request it depends on that answered an error ("" for none).
func (h *Handler) serveBatchItem(outer *http.Request, prefix string, req *batchRequest, failed string) batchResponse {
	if failed != "" {
		return batchError(outer, req.ID, &Error{Status: http.StatusFailedDependency, Message: fmt.Sprintf("The request depends on request '%s', which failed.", failed)})
	}
	inner, e := batchHTTPRequest(outer, prefix, req)
	if e != nil {
		return batchError(outer, req.ID, e)
	}
	rec := &exampleRecorder{header: http.Header{}}
	h.ServeHTTP(rec, inner)
	return batchAnswer(rec, req.ID)
}

// batchHTTPRequest builds the HTTP request of one request of a batch.
func batchHTTPRequest(outer *http.Request, prefix string, req *batchRequest) (*http.Request, *Error) {
	target := req.URL
	if !strings.HasPrefix(target, "/") {
		target = "/" + target
	}
	if strings.Contains(target, "://") || strings.HasPrefix(target, "//") {
		return nil, badRequest("The url of a request of a batch is relative to the service root (\"/users\"), not an absolute URL.")
	}
	var body []byte
	contentType := ""
	for k, v := range req.Headers {
		if strings.EqualFold(k, "Content-Type") {
			contentType = v
		}
	}
	if len(req.Body) > 0 && !bytes.Equal(bytes.TrimSpace(req.Body), []byte("null")) {
		var e *Error
		if body, e = batchBody(req.Body, contentType); e != nil {
			return nil, e
		}
	}
	inner, err := http.NewRequestWithContext(outer.Context(), strings.ToUpper(req.Method), target, bytes.NewReader(body))
	if err != nil {
		return nil, badRequest("The request cannot be sent: " + truncateText(err.Error(), 200))
	}
	if isBatchPath(requestPath{text: inner.URL.Path}) {
		return nil, badRequest("A batch cannot hold a batch.")
	}
	for k, vs := range outer.Header {
		switch http.CanonicalHeaderKey(k) {
		case "Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding":
			continue
		}
		inner.Header[k] = vs
	}
	for k, v := range req.Headers {
		inner.Header.Set(k, v)
	}
	if body == nil {
		inner.Body, inner.ContentLength = http.NoBody, 0
	}
	inner.Host, inner.TLS, inner.RemoteAddr = outer.Host, outer.TLS, outer.RemoteAddr
	inner.RequestURI = prefix + target
	return inner, nil
}

// batchBody returns the bytes of a request's body: the JSON as is for a
// JSON Content-Type, else the bytes a JSON string holds in base64.
func batchBody(raw json.RawMessage, contentType string) ([]byte, *Error) {
	if contentType == "" {
		return nil, badRequest("A request of a batch with a body needs a Content-Type header.")
	}
	if isJSONMediaType(contentType) {
		return raw, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, badRequest("The body of a request of a batch whose Content-Type is not JSON must be a base64 string.")
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return b, nil
		}
	}
	return nil, badRequest("The body of a request of a batch whose Content-Type is not JSON must be a base64 string.")
}

// batchError is the answer of a request of a batch that fails before the
// handler serves it: its innerError has a request-id of its own, as a
// request the handler serves has, and the batch's client-request-id.
func batchError(outer *http.Request, id string, e *Error) batchResponse {
	rec := &exampleRecorder{header: http.Header{}}
	nameRequest(rec.header, &requestState{}, outer)
	writeError(rec, e)
	return batchAnswer(rec, id)
}

// batchAnswer is a recorded answer as a response of a batch: its headers
// (several values joined by ", ") but the request-id and
// client-request-id, which the batch's own answer carries, and its body as
// JSON when its Content-Type is JSON, else as a base64 string.
func batchAnswer(r *exampleRecorder, id string) batchResponse {
	out := batchResponse{ID: id, Status: r.status()}
	for k, vs := range r.header {
		if k == requestIDKey || k == clientRequestIDKey {
			continue
		}
		if out.Headers == nil {
			out.Headers = map[string]string{}
		}
		out.Headers[k] = strings.Join(vs, ", ")
	}
	b := r.body.Bytes()
	switch {
	case len(b) == 0:
	case isJSONMediaType(r.header.Get("Content-Type")) && json.Valid(b):
		out.Body = bytes.TrimRight(b, "\n")
	default:
		s, _ := json.Marshal(base64.StdEncoding.EncodeToString(b))
		out.Body = s
	}
	return out
}
