package rt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Error is an error a Service returns to choose the response: the HTTP
// Status (400 to 599), the Graph error Code (such as "itemNotFound"), and a
// Message for the client. The handler writes it as
// {"error":{"code":"...","message":"...","innerError":{...}}}, where
// innerError holds the date and the request's request-id and
// client-request-id, as Graph's errors do. Errors that wrap an *Error are
// found with errors.As.
//
// An empty Code is filled in from Status: 400 invalidRequest, 404
// itemNotFound, 405 methodNotAllowed, 413 requestTooLarge, 414 uriTooLong,
// 415 unsupportedMediaType, 500 generalException, 501 notImplemented, and for
// other statuses the status text in lowerCamel case (409 "conflict"). An empty
// Message is filled in with the status text. A Status outside 400 to 599 is
// a bug in the service: the handler logs it and answers 500.
//
// RetryAfter, when positive, is written as the Retry-After header (in
// whole seconds, rounded up), as Graph answers when it throttles (429) or
// is unavailable (503): Graph's SDKs wait that long before they retry.
//
// Target and Details are OData's optional members of an error: the target
// of the error (a property name, say) and the errors it is made of, each
// with its own code, message and target, as Graph answers a request with
// several validation errors. They are written when set.
type Error struct {
	Status     int
	Code       string
	Message    string
	RetryAfter time.Duration
	Target     string
	Details    []ErrorDetail
}

// ErrorDetail is one of the Details of an Error.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Target  string `json:"target,omitempty"`
}

// Error returns the status, code and message of e ("nil *Error" for a
// nil e, which a service may return by mistake and the error log prints).
func (e *Error) Error() string {
	if e == nil {
		return "nil *Error"
	}
	status, code, message := e.normalize()
	return fmt.Sprintf("%d %s: %s", status, code, message)
}

// normalize returns the status, code and message written for e.
func (e *Error) normalize() (int, string, string) {
	if e.Status < 400 || e.Status > 599 {
		return http.StatusInternalServerError, errorCode(http.StatusInternalServerError), http.StatusText(http.StatusInternalServerError)
	}
	code, message := e.Code, e.Message
	if code == "" {
		code = errorCode(e.Status)
	}
	if message == "" {
		message = http.StatusText(e.Status)
	}
	if message == "" {
		message = fmt.Sprintf("The request failed with status %d.", e.Status)
	}
	return e.Status, code, message
}

// errorCodes are the Graph error codes of the statuses the handler writes.
var errorCodes = map[int]string{
	http.StatusBadRequest:            "invalidRequest",
	http.StatusNotFound:              "itemNotFound",
	http.StatusMethodNotAllowed:      "methodNotAllowed",
	http.StatusRequestEntityTooLarge: "requestTooLarge",
	http.StatusRequestURITooLong:     "uriTooLong",
	http.StatusUnsupportedMediaType:  "unsupportedMediaType",
	http.StatusInternalServerError:   "generalException",
	http.StatusNotImplemented:        "notImplemented",
}

// errorCode returns the error code for an HTTP status: the one in
// errorCodes, else the status text in lowerCamel case.
func errorCode(status int) string {
	if code, ok := errorCodes[status]; ok {
		return code
	}
	words := strings.FieldsFunc(strings.ReplaceAll(http.StatusText(status), "'", ""), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 && status < 500 {
		return errorCodes[http.StatusBadRequest]
	}
	if len(words) == 0 {
		return errorCodes[http.StatusInternalServerError]
	}
	code := strings.ToLower(words[0])
	for _, w := range words[1:] {
		code += strings.ToUpper(w[:1]) + w[1:]
	}
	return code
}

// NotImplemented returns the 501 error of an operation the Service does
// not implement. It is not inlined: each UnimplementedService method stays
// one call rather than a copy of this body (3,781 methods in beta).
//
//go:noinline
func NotImplemented(op string) error {
	return &Error{Status: http.StatusNotImplemented, Message: "The operation " + op + " is not implemented."}
}

// ValidationError reports an enum property whose value is not one of the
// documented members: Property is the JSON path of the property (such as
// "kids[1].address.kind"), Value the value found, Allowed the members. The
// Validate methods of the generated types return it.
type ValidationError struct {
	Property string
	Value    string
	Allowed  []string
}

// Error names the property, its value and the allowed values.
func (e *ValidationError) Error() string {
	return fmt.Sprintf("property %s: value %q is not one of: %s", e.Property, e.Value, strings.Join(e.Allowed, ", "))
}

// ErrorBody is the JSON body of an error response.
type ErrorBody struct {
	Error errorDetail `json:"error"`
}

// errorDetail is the "error" member of an error response.
type errorDetail struct {
	Code       string        `json:"code"`
	Message    string        `json:"message"`
	Target     string        `json:"target,omitempty"`
	Details    []ErrorDetail `json:"details,omitempty"`
	InnerError *innerError   `json:"innerError,omitempty"`
}

// writeError writes e as an error response: the code, message, target
// and details of e, and the innerError of the request (see
// innerErrorOf).
func writeError(w http.ResponseWriter, e *Error) {
	status, code, message := e.normalize()
	h := w.Header()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	body := errorDetail{Code: code, Message: message, InnerError: innerErrorOf(h)}
	if status == e.Status {
		// Not for the 500 that stands for an Error whose Status is not an
		// error status.
		body.Target, body.Details = e.Target, e.Details
	}
	_ = enc.Encode(ErrorBody{Error: body})
	h.Del("Content-Length")
	if e.RetryAfter > 0 && status == e.Status {
		h.Set("Retry-After", strconv.FormatInt(int64((e.RetryAfter+time.Second-1)/time.Second), 10))
	}
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// badRequest returns a 400 invalidRequest error.
func badRequest(message string) *Error {
	return &Error{Status: http.StatusBadRequest, Message: message}
}

// mustBe returns the error for a value at path that is not what it must
// be; path "" is the whole body.
func mustBe(path, what string) *Error {
	if path == "" {
		return badRequest("The request body must be " + what + ".")
	}
	return badRequest("Property '" + path + "' must be " + what + ".")
}

// joinPath appends a property name to a property path. The name is made
// valid UTF-8 and cut to 100 bytes, as it may come from the request.
func joinPath(path, name string) string {
	name = strings.ToValidUTF8(name, string(utf8.RuneError))
	if len(name) > 100 {
		n := 100
		for n > 0 && !utf8.RuneStart(name[n]) {
			n--
		}
		name = name[:n]
	}
	if path == "" {
		return name
	}
	return path + "." + name
}
