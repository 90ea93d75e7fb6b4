package rt

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"reflect"
	"strconv"
	"strings"
)

// ExampleT is what RunExamples needs of a test: *testing.T satisfies
// ExampleT[*testing.T]. (The runtime does not import package testing, so
// that a program importing the package does not link it.)
type ExampleT[T any] interface {
	Helper()
	Errorf(format string, args ...any)
	Skipf(format string, args ...any)
	Run(name string, f func(T)) bool
}

// ExampleOption configures RunExamples.
type ExampleOption func(*exampleConfig)

// exampleConfig holds the settings chosen with ExampleOptions.
type exampleConfig struct {
	skip map[string]bool
}

// SkipExamples has RunExamples skip the examples named, each
// "<Operation>/<example>", or "<Operation>" for all of an operation's.
func SkipExamples(names ...string) ExampleOption {
	return func(c *exampleConfig) {
		if c.skip == nil {
			c.skip = map[string]bool{}
		}
		for _, n := range names {
			c.skip[n] = true
		}
	}
}

// ExampleReport is what RunExamples found, by example name
// ("<Operation>/<example>"), in the order the examples ran.
type ExampleReport struct {
	Passed  []string
	Failed  []string
	Skipped []ExampleSkip
}

// ExampleSkip is an example RunExamples did not check, and why. Reason
// starts with "not implemented", "not found", "rejected" or "skipped" (see
// RunExamples).
type ExampleSkip struct {
	Name, Reason string
}

// RunExamples sends each documented example of the package (the *.txtar
// files of its testdata/examples folder, which examples holds: pass
// os.DirFS("path/to/package/testdata/examples")) through h, which must be a
// Handler NewHandler returned for your Service, as subtest
// <Operation>/<example> of t (a *testing.T), and checks what a real
// service can be held to, not the documented values (a service answers
// its own data):
//
//   - an example the docs answer with an error gets an error of the same
//     class (4xx or 5xx), in the Graph error format;
//   - any other gets a status of the documented class (2xx, or 3xx), and
//     when the docs show a body, a JSON body of the same shape (an object,
//     a collection with a "value" array) that fits the operation's result
//     type strictly: every member declared, every value of its declared
//     JSON type, every enum value a member.
//
// It skips (t.Skipf, and the report lists why) an example answered 501
// ("not implemented": an operation of the embedded UnimplementedService),
// a documented success answered 404 ("not found": the documented request
// names data the service does not hold), an example whose documented
// request the handler answers 400 without calling the service
// ("rejected"), and those named with SkipExamples ("skipped"). Examples
// run in order against the same service, so that one can create what a
// later one reads.
func RunExamples[T ExampleT[T]](t T, h http.Handler, examples fs.FS, opts ...ExampleOption) *ExampleReport {
	t.Helper()
	report := &ExampleReport{}
	hd, ok := h.(*Handler)
	if !ok {
		t.Errorf("RunExamples: the handler is a %T, not one NewHandler returned", h)
		return report
	}
	var cfg exampleConfig
	for _, opt := range opts {
		if opt != nil {
			opt(&cfg)
		}
	}
	archives, err := ReadDocArchives(examples)
	var order []string
	var byOp map[string][]*DocExample
	if err == nil {
		order, byOp, err = GroupDocExamples(archives)
	}
	if err == nil && len(order) == 0 {
		err = fmt.Errorf("no examples: pass the package's testdata/examples folder, such as os.DirFS(%q)", "path/to/package/"+DocTestDir)
	}
	if err != nil {
		t.Errorf("RunExamples: %v", err)
		return report
	}
	ops := hd.opsByName()
	for _, op := range order {
		t.Run(op, func(t T) {
			for _, ex := range byOp[op] {
				_, sub, _ := strings.Cut(ex.Name, "/")
				t.Run(sub, func(t T) {
					var failures []string
					skip := "skipped by SkipExamples"
					if !cfg.skip[op] && !cfg.skip[ex.Name] {
						failures, skip = checkExample(hd, ops[ex.Op], ex)
					}
					recordExample(t, report, ex.Name, failures, skip)
				})
			}
		})
	}
	return report
}

// recordExample reports an example's outcome to t and adds it to r.
func recordExample[T ExampleT[T]](t T, r *ExampleReport, name string, failures []string, skip string) {
	t.Helper()
	switch {
	case skip != "":
		r.Skipped = append(r.Skipped, ExampleSkip{Name: name, Reason: skip})
		t.Skipf("%s", skip)
	case len(failures) > 0:
		r.Failed = append(r.Failed, name)
		for _, f := range failures {
			t.Errorf("%s", f)
		}
	default:
		r.Passed = append(r.Passed, name)
	}
}

// opsByName returns the operations h serves, by Service method name.
func (h *Handler) opsByName() map[string]*OpInfo {
	m := map[string]*OpInfo{}
	add := func(ps []*routePattern) {
		for _, p := range ps {
			for _, e := range p.routes {
				m[e.op.Name] = e.op
			}
		}
	}
	for _, ps := range h.router.bySegment {
		add(ps)
	}
	add(h.router.anySegment)
	return m
}

// checkExample sends ex through h to the service and returns what does not
// conform, or why the example is skipped.
func checkExample(h *Handler, op *OpInfo, ex *DocExample) (failures []string, skip string) {
	if ex.Rejects {
		return nil, "rejected: the handler answers the documented request 400 without calling the service"
	}
	if op == nil {
		return []string{"the handler serves no operation " + ex.Op}, ""
	}
	req, err := NewDocRequest(ex.Method, ex.Target, DocHeader(ex.Header), string(ex.RequestBody))
	if err != nil {
		return []string{fmt.Sprintf("documented request %s %q: %v", ex.Method, ex.Target, err)}, ""
	}
	// The handler, with an intercept that tells whether it called the
	// service.
	called := false
	hc := *h
	hc.cfg.intercept = func(op *OpInfo, ctx context.Context, req any) (any, error) {
		called = true
		if h.cfg.intercept != nil {
			return h.cfg.intercept(op, ctx, req)
		}
		return op.invoke(h.svc, ctx, reflect.ValueOf(req))
	}
	w := &exampleRecorder{header: http.Header{}}
	hc.ServeHTTP(w, req)
	code := w.status()
	got := fmt.Sprintf("%d %s", code, truncateText(strings.TrimSpace(w.body.String()), 500))
	switch {
	case !called && code >= 400:
		return []string{fmt.Sprintf("got %s without a call of the service", got)}, ""
	case code == http.StatusNotImplemented && ex.ErrStatus != http.StatusNotImplemented:
		_, message, _ := w.graphError()
		return nil, "not implemented: " + message
	case ex.ErrStatus != 0:
		if code/100 != ex.ErrStatus/100 {
			return []string{fmt.Sprintf("got %s; want a %dxx error: the docs answer %d", got, ex.ErrStatus/100, ex.ErrStatus)}, ""
		}
		if _, _, err := w.graphError(); err != nil {
			return []string{fmt.Sprintf("got %s: %v", got, err)}, ""
		}
	case code == http.StatusNotFound:
		_, message, err := w.graphError()
		if err != nil {
			return []string{fmt.Sprintf("got %s: %v", got, err)}, ""
		}
		return nil, "not found: the service answered 404 (" + message + "); the documented request names data it does not hold"
	case code/100 != ex.Status/100:
		return []string{fmt.Sprintf("got %s; want %dxx (the docs answer %d)", got, ex.Status/100, ex.Status)}, ""
	case ex.IsStream:
		if ex.Location != "" && w.header.Get("Location") == "" && code/100 == 3 {
			return []string{fmt.Sprintf("got %s without a Location; the docs answer a redirect", got)}, ""
		}
	case ex.IsCount:
		if _, err := strconv.ParseUint(strings.TrimSpace(w.body.String()), 10, 63); err != nil {
			return []string{fmt.Sprintf("got %s; want a count (a non-negative integer)", got)}, ""
		}
	case len(bytes.TrimSpace(ex.ResponseBody)) > 0 && op.result != nil:
		if err := checkExampleBody(op.result, ex.ResponseBody, w); err != nil {
			return []string{fmt.Sprintf("got %s: %v", got, err)}, ""
		}
	}
	if missingLocation(ex, code, w.header) {
		return []string{fmt.Sprintf("got %s without a Location; the docs answer one, where the created entity or the operation's monitor is (set it with ResponseHeader)", got)}, ""
	}
	return nil, ""
}

// missingLocation reports whether an answer with status code and headers
// h lacks the Location its example documents, when the status says where
// something is: 201 Created (OData asks for it) or 202 Accepted (where
// the client polls the operation). Its value is the service's to choose.
func missingLocation(ex *DocExample, code int, h http.Header) bool {
	if code != http.StatusCreated && code != http.StatusAccepted || h.Get("Location") != "" {
		return false
	}
	for _, kv := range ex.AnswerHeaders {
		if kv[0] == "Location" {
			return true
		}
	}
	return false
}

// checkExampleBody checks the JSON body of an answer against the
// documented one (doc) and the operation's result type: same JSON kind,
// a "value" array when the docs show a collection, and a strict decode.
func checkExampleBody(result reflect.Type, doc []byte, w *exampleRecorder) error {
	body := w.body.Bytes()
	if len(bytes.TrimSpace(body)) == 0 {
		return fmt.Errorf("the answer has no body; the docs show one")
	}
	if ct := w.header.Get("Content-Type"); !isJSONMediaType(ct) {
		return fmt.Errorf("Content-Type is %q, not JSON", ct)
	}
	var want, got any
	if err := json.Unmarshal(body, &got); err != nil {
		return fmt.Errorf("the body is not JSON: %v", err)
	}
	if json.Unmarshal(doc, &want) == nil {
		if wk, gk := jsonKind(want), jsonKind(got); wk != gk {
			return fmt.Errorf("the body is a JSON %s; the docs show a %s", gk, wk)
		}
		wm, _ := want.(map[string]any)
		gm, _ := got.(map[string]any)
		if _, list := wm["value"].([]any); list {
			if _, ok := gm["value"].([]any); !ok {
				return fmt.Errorf(`the body has no "value" array; the docs show a collection`)
			}
		}
	}
	if e := decodeResultStrict(body, result); e != nil {
		return fmt.Errorf("the body does not fit %v: %s", result, e.Message)
	}
	return nil
}

// jsonKind names the JSON kind of a value encoding/json decoded.
func jsonKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	}
	return "null"
}

// decodeResultStrict decodes body as a value of typ (through its pointer
// when typ is a pointer, as the member its @odata.type names when it is a
// registered family's interface) with the checks of a request body.
func decodeResultStrict(body []byte, typ reflect.Type) *Error {
	switch typ.Kind() {
	case reflect.Pointer:
		typ = typ.Elem()
	case reflect.Interface:
		if k := KindOf(typ); k != nil {
			var probe struct {
				Type string `json:"@odata.type"`
			}
			_ = json.Unmarshal(body, &probe)
			typ = k.Member(probe.Type)
		}
	}
	return decodeStrict(body, reflect.New(typ).Interface(), nil)
}

// exampleRecorder is the http.ResponseWriter of RunExamples and of the
// requests of a batch (the runtime does not import net/http/httptest,
// which registers a flag).
type exampleRecorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

// Header returns the response header.
func (w *exampleRecorder) Header() http.Header { return w.header }

// WriteHeader records the first status written.
func (w *exampleRecorder) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

// Write records body bytes.
func (w *exampleRecorder) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.body.Write(p)
}

// status is the status written, 200 when none was.
func (w *exampleRecorder) status() int {
	if w.code == 0 {
		return http.StatusOK
	}
	return w.code
}

// graphError returns the code and message of the recorded answer, an
// error when it is not a Graph error: a JSON object whose "error" member
// holds a code and a message.
func (w *exampleRecorder) graphError() (code, message string, err error) {
	if ct := w.header.Get("Content-Type"); !isJSONMediaType(ct) {
		return "", "", fmt.Errorf("the error's Content-Type is %q, not JSON", ct)
	}
	var body ErrorBody
	if err := json.Unmarshal(w.body.Bytes(), &body); err != nil || body.Error.Code == "" || body.Error.Message == "" {
		return "", "", fmt.Errorf(`the body is not a Graph error, {"error":{"code":"...","message":"..."}}`)
	}
	return body.Error.Code, body.Error.Message, nil
}
