package gen

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/gen/names"
	"github.com/graphdocgen/graphdocgen/gen/runtime/rt"
	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/route"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// exampleTest is what a generated golden test needs about one example.
type exampleTest struct {
	ex      *schema.Example
	sub     string // subtest name
	path    string // request path, as the handler will see it (decoded)
	query   string
	rejects string // property the handler must reject, "" for the whole body
	// rejected: the handler must answer 400 (else the example succeeds).
	rejected bool
	// queryMalformed: the 400 is for a malformed query option (Graph's
	// answer too), which queryError says.
	queryMalformed bool
	queryError     string
	// count: the request asks for the count of a collection ($count).
	count  bool
	params []paramValue
	// via is the operation that serves the request when another page
	// documents the same method and path (nil: the example's own).
	via *opPlan
	// otherTypes: via's types differ from the example's own operation's;
	// the rejects and respMismatch fields come from the check against via's.
	otherTypes   bool
	rejectsEnum  bool
	respMismatch string
	// reqRenamed names a request member the handler reads into a property
	// spelled with other letter case: the request does not round-trip.
	reqRenamed string
	// respRenamed names a response member spelled like a property but
	// for letter case: the handler answers it as the property spells it,
	// so the test compares member names ignoring case.
	respRenamed string
	// status is the success status the service double chooses with
	// SetStatus (the example's, where the page documents another); 0: the
	// documented one.
	status int
	// requestOnly: the example documents no response, so the test checks
	// the request and the documented status only.
	requestOnly bool
	// raw: the example sends a body of a media type the operation takes
	// raw (opPlan.raw), which the test cannot round-trip.
	raw bool
	// bodyDropped: the example answers 204 No Content with a body, which
	// no 204 answer carries: the test checks the request and a 204 answer
	// without a body.
	bodyDropped bool
	// stream: the operation answers a stream (Edm.Stream): the service
	// double returns the documented body with the documented Content-Type
	// (streamType) or Location (a redirect), and the test checks the
	// handler writes them.
	stream                 bool
	streamType, streamLink string
	// errStatus, errCode, errMessage: the example answers an error (4xx,
	// 5xx), which the service double returns as an *Error; "" code or
	// message when the docs show none.
	errStatus           int
	errCode, errMessage string
	// errTarget and errDetails are the error's target and details, which
	// the double returns too and the test checks.
	errTarget  string
	errDetails []docErrorRow
	// headers are the headers of a success answer that a service sets
	// (answerHeaded): the service double sets the documented ones with
	// ResponseHeader, and the test checks the handler writes them.
	headers [][2]string
}

// answerHeaded are the headers of a documented success answer that the
// service chooses, in the order the test data lists them: where a
// created entity or a long-running operation's monitor is.
var answerHeaded = []string{"Location", "Content-Location", "Operation-Location"}

// answerHeaders returns the answerHeaded headers resp documents.
func answerHeaders(resp schema.HTTPMessage) [][2]string {
	var out [][2]string
	for _, name := range answerHeaded {
		if v := resp.Header(name); v != "" {
			out = append(out, [2]string{name, v})
		}
	}
	return out
}

// wantStatus is the status the test asserts: the documented response's,
// or the operation's for a request-only example.
func (t *exampleTest) wantStatus(o *opPlan) int {
	if t.requestOnly {
		return o.op.Status
	}
	return t.ex.Response.Status
}

// serving is the operation the handler calls for this example.
func (t *exampleTest) serving(own *opPlan) *opPlan {
	if t.via != nil {
		return t.via
	}
	return own
}

// docError is what the test checks of a documented error answer: its
// code and message, and OData's target and details.
type docError struct {
	Code    string        `json:"code"`
	Message string        `json:"message"`
	Target  string        `json:"target"`
	Details []docErrorRow `json:"details"`
}

// docErrorRow is one of the details of a docError.
type docErrorRow struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Target  string `json:"target"`
}

// graphError reads a documented error answer: none for an empty body,
// else a JSON object with an "error" object. Its target and details are
// read when they are a string and an array of objects of string members;
// otherwise they are not checked, nor are other members (innerError,
// the details' other members).
func graphError(resp schema.HTTPMessage) (docError, bool) {
	if strings.TrimSpace(resp.Body) == "" {
		return docError{}, true
	}
	if !resp.JSON {
		return docError{}, false
	}
	var body struct {
		Error *struct {
			Code    string          `json:"code"`
			Message string          `json:"message"`
			Target  json.RawMessage `json:"target"`
			Details json.RawMessage `json:"details"`
		} `json:"error"`
	}
	if json.Unmarshal([]byte(resp.Body), &body) != nil || body.Error == nil {
		return docError{}, false
	}
	e := docError{Code: body.Error.Code, Message: body.Error.Message}
	if json.Unmarshal(body.Error.Target, &e.Target) != nil {
		e.Target = ""
	}
	if json.Unmarshal(body.Error.Details, &e.Details) != nil {
		e.Details = nil
	}
	return e, true
}

// orBody names a property, or the body as a whole.
func orBody(name string) string {
	if name == "" {
		return "the body"
	}
	return name
}

// otherCheck is the check of ex against the types of owner, the operation
// that keeps the route ex requests (Example.Others), when owner's types are
// plain (no type family) so that check says all the test needs.
func otherCheck(owner *opPlan, ex *schema.Example) (schema.ExampleCheck, bool) {
	if owner.reqKind != nil || owner.respKind != nil {
		return schema.ExampleCheck{}, false
	}
	for _, c := range ex.Others {
		if c.Op == owner.op {
			return c, true
		}
	}
	return schema.ExampleCheck{}, false
}

// paramValue is a path parameter the service must receive.
type paramValue struct{ field, value string }

// planExamples decides, for every example, either the test that checks it
// or the diagnostic that explains why there is none.
func (p *plan) planExamples() {
	for _, o := range p.ops {
		sc := names.NewScope()
		for _, ex := range o.op.Examples {
			ex.RequestOnly = ex.Request.Method != "" && ex.Response.Status == 0
			t, code, msg := p.exampleTest(o, ex)
			if code != "" {
				p.diags = append(p.diags, schema.Diagnostic{File: ex.Source.File, Line: ex.Source.Line, Col: max(ex.Source.Col, 1),
					Severity: schema.Warning, Code: code, Message: msg})
				ex.Test, ex.Reason = nil, &code
				continue
			}
			t.sub = sc.Claim(names.TestName(ex.Name))
			name := testExamplesName + "/" + o.op.GoName + "/" + t.sub
			ex.Test, ex.Reason = &name, nil
			o.tests = append(o.tests, t)
			p.testWarnings(o, t)
		}
	}
}

// testWarnings reports what a test checks less, or otherwise, than its
// example documents: a success status other than the page's, chosen by the
// service with SetStatus, and a request without a documented response.
func (p *plan) testWarnings(o *opPlan, t *exampleTest) {
	ex := t.ex
	warn := func(code, msg string) {
		p.diags = append(p.diags, schema.Diagnostic{File: ex.Source.File, Line: ex.Source.Line, Col: max(ex.Source.Col, 1),
			Severity: schema.Warning, Code: code, Message: msg})
	}
	sv := t.serving(o)
	if t.otherTypes {
		warn(diag.ExampleServedByOther, fmt.Sprintf("example %s requests %s %s, which the handler routes to %s (%s, kept there by the route ownership rule); the test checks it with that operation's types", ex.Name, ex.Request.Method, t.path, sv.op.GoName, sv.op.Source))
	}
	if t.status != 0 {
		warn(diag.ExampleStatusDiffers, fmt.Sprintf("example %s answers %d but the page documents %d; the test has the service choose %d with SetStatus", ex.Name, t.status, sv.op.Status, t.status))
	}
	if t.errStatus != 0 {
		warn(diag.ExampleErrorAnswer, fmt.Sprintf("example %s answers the error %d; the test has the service return it as an *Error and checks the status, the error code and message, and its target and details (code, message, target), not other members", ex.Name, t.errStatus))
	}
	if t.queryMalformed {
		warn(diag.ExampleQueryMalformed, fmt.Sprintf("example %s requests %s?%s, whose query options the handler rejects with 400 as Graph does: %s; the test asserts the 400", ex.Name, t.path, t.query, t.queryError))
	}
	if extra := unselected(t.query, ex.Response, t.respRenamed != ""); len(extra) > 0 {
		warn(diag.ExampleSelectUnselected, fmt.Sprintf("example %s selects with $select but its documented response also holds %s; Graph answers only the selected properties (and id), and so does the handler: the test compares with those",
			ex.Name, strings.Join(extra, ", ")))
	}
	if t.bodyDropped {
		warn(diag.ExampleBodyOn204, fmt.Sprintf("example %s answers 204 No Content with a body; a 204 answer carries none, so the test checks the request and a 204 answer without a body", ex.Name))
	}
	switch {
	case t.requestOnly && t.rejected:
		warn(diag.ExampleRequestOnly, fmt.Sprintf("example %s documents no response; the test checks the request only (the handler must reject it with 400)", ex.Name))
	case t.requestOnly:
		warn(diag.ExampleRequestOnly, fmt.Sprintf("example %s documents no response; the test checks the request only (it routes to %s, its body decodes as documented, and the handler answers %d)", ex.Name, t.serving(o).op.GoName, t.wantStatus(t.serving(o))))
	}
}

// exampleTest checks that an example can become a test.
func (p *plan) exampleTest(o *opPlan, ex *schema.Example) (*exampleTest, string, string) {
	req := ex.Request
	if !strings.EqualFold(req.Method, o.op.Method) {
		return nil, diag.ExampleMethodMismatch, fmt.Sprintf("example %s uses %s but %s is %s", ex.Name, req.Method, o.op.GoName, o.op.Method)
	}
	if req.Method == "" {
		return nil, diag.ExampleRequestMissing, "example has no request"
	}
	path, query, host, _ := route.ExampleTarget(req.Target)
	if host != "" {
		return nil, diag.ExampleForeignHost, fmt.Sprintf("example %s calls %s, not the Graph service; it is not a route of this package", ex.Name, host)
	}
	ref, values, seg := p.matchExample(o.op.Method, path)
	if ref == nil {
		return nil, diag.ExampleRouteUnmatched, fmt.Sprintf("example %s requests %s %s, which matches none of the documented request lines of %s", ex.Name, o.op.Method, path, o.op.GoName)
	}
	var via *opPlan
	check := schema.ExampleCheck{Rejects: ex.Rejects, RejectsEnum: ex.RejectsEnum, RejectsBody: ex.RejectsBody, ResponseMismatch: ex.ResponseMismatch, RequestRenamed: ex.RequestRenamed, ResponseRenamed: ex.ResponseRenamed}
	otherTypes := false
	if ref.op != o {
		if !p.serves(ref.op, o) {
			other, ok := otherCheck(ref.op, ex)
			if !ok {
				return nil, diag.ExampleRouteAmbiguous, fmt.Sprintf("example %s requests %s %s, which the handler routes to %s (%s), whose request or response type differs", ex.Name, o.op.Method, path, ref.op.op.GoName, ref.op.op.Routes[ref.index].Source)
			}
			if other.Rejects != "" || other.RejectsBody {
				return nil, diag.ExampleRouteAmbiguous, fmt.Sprintf("example %s requests %s %s, which the handler routes to %s (%s), whose request type rejects %s", ex.Name, o.op.Method, path, ref.op.op.GoName, ref.op.op.Routes[ref.index].Source, orBody(other.Rejects))
			}
			check, otherTypes = other, true
		}
		via = ref.op
	}
	t := &exampleTest{ex: ex, path: path, query: query, count: isCount(seg) || ref.op.op.Count, rejects: check.Rejects, rejected: check.Rejects != "" || check.RejectsBody,
		rejectsEnum: check.RejectsEnum, respMismatch: check.ResponseMismatch, reqRenamed: check.RequestRenamed, respRenamed: check.ResponseRenamed, via: via, otherTypes: otherTypes, requestOnly: ex.RequestOnly}
	sv := t.serving(o)
	seen := map[int]bool{}
	for pi, fi := range sv.paramOf[ref.index] {
		if !seen[fi] && pi < len(values) {
			seen[fi] = true
			t.params = append(t.params, paramValue{sv.params[fi], values[pi]})
		}
	}
	p.checkStatedOptions(sv, ex.Source, "example "+ex.Name, t.query)
	if _, err := rt.ParseODataQuery(t.query, queryParams(sv.op.Paths)...); err != nil {
		t.rejected, t.queryMalformed, t.queryError, t.rejects = true, true, err.(*rt.Error).Message, ""
		return t, "", ""
	}
	hasBodyType := sv.op.RequestType != nil || sv.bodyType != ""
	if strings.TrimSpace(req.Body) != "" && hasBodyType && !req.JSON {
		mt := rawMediaType(req.Header("Content-Type"))
		if mt == "" || ex.Response.IsError() {
			return nil, diag.ExampleBodyNotJSON, fmt.Sprintf("example %s sends a body that is not JSON", ex.Name)
		}
		// The docs show the operation taking this media type (a MIME
		// message, an image): the handler passes it on raw.
		if !slices.Contains(sv.raw, mt) {
			sv.raw = append(sv.raw, mt)
			slices.Sort(sv.raw)
			p.warnAt(ex.Source, diag.ExampleBodyRaw, fmt.Sprintf("example %s sends a %s body to %s, whose body is JSON; the handler passes %s bodies to the service undecoded (req.HTTPRequest.Body)", ex.Name, mt, sv.op.GoName, mt))
		}
		t.raw = true
	}
	if code, msg := p.kindCheck(sv, ex); code != "" {
		return nil, code, msg
	}
	if t.rejected {
		return t, "", ""
	}
	if code, msg := p.answerCheck(sv, t); code != "" {
		return nil, code, msg
	}
	return t, "", ""
}

// answerCheck checks that the documented answer of an example can be
// tested, and has the service double choose the example's success status
// when the page documents another, or return its error.
func (p *plan) answerCheck(o *opPlan, t *exampleTest) (string, string) {
	ex, resp := t.ex, t.ex.Response
	if t.requestOnly {
		if t.count {
			return diag.ExampleResponseMissing, fmt.Sprintf("example %s asks for a count ($count) but documents no response", ex.Name)
		}
		return "", ""
	}
	if resp.IsError() {
		de, ok := graphError(resp)
		if !ok {
			return diag.ExampleStatusMismatch, fmt.Sprintf("example %s answers %d but the page documents %d, with a body that is not a Graph error", ex.Name, resp.Status, o.op.Status)
		}
		t.errStatus, t.errCode, t.errMessage = resp.Status, de.Code, de.Message
		t.errTarget, t.errDetails = de.Target, de.Details
		return "", ""
	}
	if resp.Status >= 200 && resp.Status < 300 {
		t.headers = answerHeaders(resp)
	}
	if resp.Status == 204 && strings.TrimSpace(resp.Body) != "" {
		// Graph answers 204 without a body (RFC 9110 allows none): the
		// test checks the request and that answer, not the docs' body.
		t.bodyDropped = true
		if o.op.Status != 204 {
			t.status = 204
		}
		return "", ""
	}
	if t.respMismatch != "" {
		if t.otherTypes {
			return diag.ExampleRouteAmbiguous, fmt.Sprintf("example %s requests %s %s, which the handler routes to %s (%s), whose response type %s cannot hold %s", ex.Name, o.op.Method, t.path, o.op.GoName, o.op.Source, o.op.ResponseType, t.respMismatch)
		}
		return diag.ExampleResponseTypeMismatch, fmt.Sprintf("example %s answers %s with a value its type cannot hold; see the warning at that value", ex.Name, t.respMismatch)
	}
	if resp.Status != o.op.Status {
		if resp.Status < 200 || resp.Status > 399 {
			return diag.ExampleStatusMismatch, fmt.Sprintf("example %s answers %d but the page documents %d", ex.Name, resp.Status, o.op.Status)
		}
		t.status = resp.Status
	}
	if r := o.op.ResponseType; r != nil && r.Name == schema.EdmStream && !r.Collection {
		t.stream = true
		t.streamType, t.streamLink = resp.Header("Content-Type"), resp.Header("Location")
		return "", ""
	}
	if t.count {
		if _, ok := countBody(resp.Body); !ok {
			return diag.ExampleCountNotInteger, fmt.Sprintf("example %s asks for a count ($count) but the documented answer is not a bare integer", ex.Name)
		}
		return "", ""
	}
	if strings.TrimSpace(resp.Body) != "" {
		if o.op.ResponseType == nil {
			return diag.ExampleResponseUntyped, fmt.Sprintf("example %s answers with a body but the page names no response type", ex.Name)
		}
		if !resp.JSON {
			return diag.ExampleBodyNotJSON, fmt.Sprintf("example %s answers with a body that is not JSON", ex.Name)
		}
	}
	return "", ""
}

// sameContract reports whether two operations (documenting the same route)
// decode and answer alike, so one can serve the other's examples.
func sameContract(a, b *opPlan) bool {
	return a.op.Contract() == b.op.Contract() && a.op.Status == b.op.Status
}

// unselected returns, sorted, the properties of a documented JSON response
// (of the objects of its "value" array for a collection) that the
// request's $select does not name: neither selected, nor id, nor control
// information. It returns nil when the request has no $select or selects
// everything. With fold, names compare ignoring letter case.
func unselected(query string, resp schema.HTTPMessage, fold bool) []string {
	sel := selectedNames(query)
	if sel == nil || !resp.JSON {
		return nil
	}
	name := func(k string) string { return k }
	if fold {
		// The response spells properties in other letter case
		// (response-renamed): the test selects ignoring case.
		name = strings.ToLower
		lower := map[string]bool{}
		for k := range sel {
			lower[strings.ToLower(k)] = true
		}
		sel = lower
	}
	var body map[string]json.RawMessage
	if json.Unmarshal([]byte(resp.Body), &body) != nil {
		return nil
	}
	objects := []map[string]json.RawMessage{body}
	if raw, ok := body["value"]; ok && !sel["value"] {
		var list []map[string]json.RawMessage
		if json.Unmarshal(raw, &list) == nil {
			objects = list
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, o := range objects {
		for k := range o {
			if !sel[name(k)] && name(k) != "id" && !strings.Contains(k, "@") && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	slices.Sort(out)
	return out
}

// selectedNames reads the top-level properties a query string's $select
// (or select) names; nil when it has none or selects everything ("*").
func selectedNames(query string) map[string]bool {
	for _, part := range strings.Split(query, "&") {
		name, value, _ := strings.Cut(part, "=")
		if n, err := url.QueryUnescape(name); err == nil && strings.EqualFold(strings.TrimPrefix(n, "$"), "select") {
			v, err := url.QueryUnescape(value)
			if err != nil {
				return nil
			}
			sel := map[string]bool{}
			for _, item := range strings.Split(v, ",") {
				item = strings.TrimSpace(item)
				if i := strings.IndexAny(item, "/("); i >= 0 {
					if strings.Contains(item[:i], ".") { // a type cast: the property follows it
						item = strings.TrimLeft(item[i:], "/")
						if j := strings.IndexAny(item, "/("); j >= 0 {
							item = item[:j]
						}
					} else {
						item = item[:i]
					}
				}
				if item == "*" {
					return nil
				}
				if item != "" {
					sel[item] = true
				}
			}
			return sel
		}
	}
	return nil
}

// checkStatedOptions drops the query options an operation's page lists
// (Operation.QueryOptions) when a request it serves uses another: one of
// its examples, or a request line routed to it (its own, or another
// page's whose route it keeps). The list is then evidently incomplete,
// and enforcing it would refuse what the docs show working. what names
// the request ("example list_users"); it warns once per operation.
// $skiptoken and $deltatoken are never checked: they come from links the
// service itself writes.
func (p *plan) checkStatedOptions(o *opPlan, at schema.Pos, what, query string) {
	if o.op.QueryOptions == nil || o.optionsDropped {
		return
	}
	for _, part := range strings.Split(query, "&") {
		name, _, _ := strings.Cut(part, "=")
		n, err := url.QueryUnescape(name)
		if err != nil {
			continue
		}
		opt := "$" + strings.ToLower(strings.TrimPrefix(n, "$"))
		if opt == "$skiptoken" || opt == "$deltatoken" || !slices.Contains(systemOptions, opt) || slices.Contains(*o.op.QueryOptions, opt) {
			continue
		}
		o.optionsDropped = true
		p.warnAt(at, diag.QueryOptionsIncomplete, fmt.Sprintf("%s uses %s, which the page of %s does not list among its query options (%s); the handler does not check the list",
			what, opt, o.op.GoName, strings.Join(*o.op.QueryOptions, ", ")))
		return
	}
}

// rawMediaType is the media type of a request's Content-Type, lower-cased
// and without parameters, when it is one the handler can take raw: not
// JSON, not empty.
func rawMediaType(ct string) string {
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	typ, sub, ok := strings.Cut(mt, "/")
	if !ok || typ == "" || sub == "" || strings.ContainsAny(mt, " ,") || sub == "json" || strings.HasSuffix(sub, "+json") {
		return ""
	}
	return mt
}

// systemOptions are the OData system query options a page can list.
var systemOptions = []string{"$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$search", "$skiptoken", "$deltatoken", "$format"}
