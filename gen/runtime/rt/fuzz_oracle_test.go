package rt

// The oracle of FuzzHandler: what any response of the handler must look
// like. It models the rules it checks on its own, without rt's code.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/parser/route"
)

// handlerMessages are the messages the handler writes itself.
var handlerMessages = regexp.MustCompile(`^(?:` + strings.Join([]string{
	`The request path is longer than \d+ bytes\.`,
	`The request method is not allowed for this resource\.`,
	`No resource matches the request path\.`,
	`The request body must be JSON \(Content-Type: application/json\)\.`,
	`The request body could not be (?:decoded|read)\.`,
	`The request body is larger than \d+ bytes\.`,
	`The request body's Content-Encoding "(?s:.*)" is not supported: send it with gzip, deflate or no content coding\.`,
	`The request body is not valid (?:gzip|x-gzip|deflate) data\.`,
	`The request body is not valid JSON(?: \(error at byte \d+\))?\.`,
	`The request body is nested more than \d+ levels deep\.`,
	`(?:The request body|Property '(?s:.*)') must be (?:a boolean|an integer between -?\d+ and \d+|a number|an object|a string|an array|one of: [A-Za-z, ]+|an RFC 3339 date and time such as 2024-01-02T03:04:05Z|a date such as 2024-01-02|a time of day such as 13:45:30|an ISO 8601 duration such as PT1H30M|base64)\.`,
	`Property '(?s:.*)' is not defined\.`,
	`The operation [A-Za-z0-9_]+ is not implemented\.`,
	`Internal Server Error`,
}, "|") + `)$`)

// leaks are texts that must never reach a client.
var leaks = []string{fuzzSecret, "goroutine ", ".go:", "runtime/debug", "panic"}

// errorReply is the Graph error format, read strictly.
type errorReply struct {
	Error struct {
		Code       string         `json:"code"`
		Message    string         `json:"message"`
		InnerError innerErrorWant `json:"innerError"`
	} `json:"error"`
}

// checkResponse checks the response rec to q from a handler around svc.
func checkResponse(t *testing.T, q fuzzRequest, svc *fuzzService, rec *httptest.ResponseRecorder) {
	t.Helper()
	if p := statusProblem(svc, rec.Code); p != "" {
		t.Fatalf("%s %q: status %d: %s; body %s", q.method, q.path, rec.Code, p, rec.Body)
	}
	if p := routeProblem(q, svc, rec.Code); p != "" {
		t.Fatalf("%s %q: status %d: %s; body %s", q.method, q.path, rec.Code, p, rec.Body)
	}
	if p := codingProblem(q, svc, rec); p != "" {
		t.Fatalf("%s %q, Content-Encoding %q: status %d: %s; body %s", q.method, q.path, q.contentEncoding, rec.Code, p, rec.Body)
	}
	if rec.Code < 400 {
		checkSuccess(t, rec)
		return
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Fatalf("error response has Content-Type %q", ct)
	}
	var e errorReply
	dec := json.NewDecoder(bytes.NewReader(rec.Body.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil || e.Error.Code == "" || e.Error.Message == "" || dec.More() {
		t.Fatalf("error body %q is not a Graph error (%v)", rec.Body, err)
	}
	if p := e.Error.InnerError.problem(rec.Header()); p != "" {
		t.Fatalf("error body %q: %s", rec.Body, p)
	}
	if serviceChose(svc, rec.Code) {
		if want := viaJSON(svc.text); want != "" && (e.Error.Message != want || e.Error.Code != want) {
			t.Errorf("service error %q: answered code %q, message %q", svc.text, e.Error.Code, e.Error.Message)
		}
		return
	}
	if rec.Code == 405 && rec.Header().Get("Allow") == "" {
		t.Errorf("405 without an Allow header")
	}
	checkMessage(t, q, e.Error.Message, rec.Body.String())
}

// viaJSON returns s as it reads after a trip through JSON (invalid UTF-8
// becomes U+FFFD).
func viaJSON(s string) string {
	data, _ := json.Marshal(s)
	var out string
	_ = json.Unmarshal(data, &out)
	return out
}

// statusProblem says why status is not a possible answer, or "".
func statusProblem(svc *fuzzService, status int) string {
	if !svc.called.Load() {
		switch status {
		case 400, 404, 405, 413, 414, 415:
			return ""
		}
		return "the service was not called, so only 400, 404, 405, 413, 414 or 415 may be answered"
	}
	want := map[int]int{echo: 200, plainError: 500, panicking: 500, unimplement: 501}[svc.mode]
	if svc.mode == typedError || svc.mode == wrappedError {
		want = 500
		if svc.status >= 400 && svc.status <= 599 {
			want = svc.status
		}
	}
	if status != want {
		return "want " + http.StatusText(want)
	}
	return ""
}

// routed reports whether q's path matches the seed's one route,
// PATCH /reports/userCredentialUsageDetails/{id}: the request's escaped
// path, split on "/" and each segment decoded, must be "reports" and
// "userCredentialUsageDetails" in any ASCII case and one non-empty
// segment (an encoded "/" stays in it), which it returns. One trailing "/"
// that the request did not encode is ignored, as the docs write some
// request lines with it (GET /identity/apiConnectors/) and Graph answers
// them. A path that matches nowhere is matched again with its segments
// "name(key)" split in two (route.SplitKey), as Graph routes OData's keys
// in parentheses. It returns an error when the escaped path does not
// decode.
func routed(q fuzzRequest) (string, bool, error) {
	u := requestURL(q.path)
	escaped := u.EscapedPath()
	if len(escaped) > 1 {
		escaped = strings.TrimSuffix(escaped, "/")
	}
	segs := strings.Split(escaped, "/")
	for i, seg := range segs {
		var err error
		if segs[i], err = url.PathUnescape(seg); err != nil {
			return "", false, fmt.Errorf("the escaped path %q does not decode", u.EscapedPath())
		}
	}
	match := func(segs []string) bool {
		return len(segs) == 4 && segs[0] == "" && foldASCII(segs[1]) == "reports" &&
			foldASCII(segs[2]) == "usercredentialusagedetails" && segs[3] != ""
	}
	if match(segs) {
		return segs[3], true, nil
	}
	// A path that routes nowhere as sent is routed with its OData keys in
	// parentheses as key segments ("userCredentialUsageDetails('a')").
	var keyed []string
	for _, seg := range segs {
		if name, key, ok := route.SplitKey(seg); ok {
			keyed = append(keyed, name, key)
		} else {
			keyed = append(keyed, seg)
		}
	}
	if len(keyed) > len(segs) && match(keyed) {
		return keyed[3], true, nil
	}
	return "", false, nil
}

// routeProblem says how the status of q, or the path segment the service
// received, disagrees with the model of routing, or "".
func routeProblem(q fuzzRequest, svc *fuzzService, status int) string {
	seg, ok, err := routed(q)
	if err != nil {
		return err.Error()
	}
	want := 0
	switch {
	case len(requestURL(q.path).Path) > 8192:
		want = 414
	case !ok:
		want = 404
	case q.method != "PATCH":
		want = 405
	}
	called := svc.called.Load()
	switch {
	case want != 0 && (called || status != want):
		return fmt.Sprintf("want %d without calling the service", want)
	case want == 0 && !called && (status == 404 || status == 405 || status == 414):
		return "the path matches the route"
	case want == 0 && called && svc.id != seg:
		return fmt.Sprintf("the service got the segment %q, want %q", svc.id, seg)
	}
	return ""
}

// codingProblem says how the answer to q disagrees with the model of
// content codings, or "": a Content-Encoding naming a coding other than
// gzip, x-gzip, deflate and identity is answered 415 with Accept-Encoding:
// gzip, deflate (unless the request fails before its body is read), and
// only such a request gets that header.
func codingProblem(q fuzzRequest, svc *fuzzService, rec *httptest.ResponseRecorder) string {
	_, known := modelCodings(q.contentEncoding)
	accept := rec.Header().Get("Accept-Encoding")
	switch {
	case known && accept != "":
		return fmt.Sprintf("Accept-Encoding %q for supported codings", accept)
	case known:
		return ""
	case svc.called.Load():
		return "the service was called for an unsupported coding"
	case rec.Code == 415 && accept != "gzip, deflate" && !strings.Contains(rec.Body.String(), "Content-Type"):
		return fmt.Sprintf("415 for the coding with Accept-Encoding %q", accept)
	}
	if _, ok, _ := routed(q); ok && q.method == "PATCH" && q.contentLength <= fuzzLimit && len(requestURL(q.path).Path) <= 8192 && rec.Code != 415 {
		return "want 415 for an unsupported coding"
	}
	return ""
}

// foldASCII folds the ASCII upper-case letters of s to lower case, as the
// Handler compares the literal parts of a path.
func foldASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// serviceChose reports whether the service's own *Error chose the answer.
func serviceChose(svc *fuzzService, status int) bool {
	return svc.called.Load() && (svc.mode == typedError || svc.mode == wrappedError) && svc.status == status
}

// checkSuccess checks a 2xx answer: JSON with the right Content-Type.
func checkSuccess(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("success has Content-Type %q", ct)
	}
	if !json.Valid(rec.Body.Bytes()) {
		t.Errorf("success body %q is not JSON", rec.Body)
	}
}

// checkMessage checks a message the handler wrote itself: one of its
// templates, valid UTF-8, bounded, no internal details, and no string
// value of the request body (only property names, and the
// Content-Encoding it does not support, may be echoed).
func checkMessage(t *testing.T, q fuzzRequest, msg, raw string) {
	t.Helper()
	if !handlerMessages.MatchString(msg) {
		t.Errorf("message %q is not one the handler writes", msg)
	}
	if !utf8.ValidString(msg) || len(msg) > 16<<10 {
		t.Errorf("message is invalid UTF-8 or %d bytes long", len(msg))
	}
	keys, values := bodyStrings(q.body)
	echoed := keys + "\n" + strings.ToLower(q.contentEncoding)
	for _, l := range leaks {
		if strings.Contains(raw, l) && !strings.Contains(echoed, l) {
			t.Errorf("error body leaks %q: %s", l, raw)
		}
	}
	for _, v := range values {
		if len(v) >= 6 && strings.Contains(msg, v) && !strings.Contains(echoed, v) && !strings.Contains(handlerVocabulary, v) {
			t.Errorf("message %q echoes the body value %q", msg, v)
		}
	}
}

// handlerVocabulary holds the words the handler's messages may use anyway.
const handlerVocabulary = "The request body must be one of: registration, reset, unknownFutureValue, email, mobileSMS, mobileCall, officePhone, securityQuestion, appNotification, appCode, alternateMobileCall, fido, appPassword, a boolean an integer between a number an object a string an array is not defined Property Content-Encoding is not supported: send it with gzip, deflate or no content coding"

// bodyStrings returns the member names of body, each followed by ".",
// and its string values, as far as body is valid JSON.
func bodyStrings(body []byte) (string, []string) {
	type frame struct{ object, wantKey bool }
	dec := json.NewDecoder(bytes.NewReader(body))
	var keys strings.Builder
	var values []string
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return keys.String(), values
		}
		d, delim := tok.(json.Delim)
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch {
		case delim && (d == '}' || d == ']'):
			stack = stack[:len(stack)-1]
		case top != nil && top.wantKey:
			keys.WriteString(tok.(string) + ".")
			top.wantKey = false
			continue
		case delim:
			stack = append(stack, &frame{object: d == '{', wantKey: d == '{'})
			continue
		default:
			if v, ok := tok.(string); ok {
				values = append(values, v)
			}
		}
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].wantKey = true
		}
	}
}

// checkLogged checks that internal errors reached the error log with their
// text, and that nothing else did.
func checkLogged(t *testing.T, svc *fuzzService, logged []error) {
	t.Helper()
	internal := svc.called.Load() && (svc.mode == plainError || svc.mode == panicking ||
		(svc.mode == typedError || svc.mode == wrappedError) && (svc.status < 400 || svc.status > 599))
	if !internal {
		if len(logged) > 0 {
			t.Errorf("logged %v for a request without an internal error", logged)
		}
		return
	}
	if len(logged) != 1 {
		t.Fatalf("logged %d errors for one internal error, want 1", len(logged))
	}
	if svc.mode != typedError && !strings.Contains(logged[0].Error(), fuzzSecret) {
		t.Errorf("the log lost the service's error text: %v", logged[0])
	}
	if svc.mode == panicking && !strings.Contains(logged[0].Error(), "goroutine ") {
		t.Errorf("a panic was logged without its stack: %v", errors.Unwrap(logged[0]))
	}
}
