package gen

import (
	"fmt"
	"strings"

	"github.com/graphdocgen/graphdocgen/gen/names"
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
	// count: the request asks for the count of a collection ($count).
	count  bool
	params []paramValue
	// via is the operation that serves the request when another page
	// documents the same method and path (nil: the example's own).
	via *opPlan
	// status is the success status the service double chooses with
	// SetStatus (the example's, where the page documents another); 0: the
	// documented one.
	status int
	// requestOnly: the example documents no response, so the test checks
	// the request and the documented status only.
	requestOnly bool
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
			name := "Test" + o.op.GoName + "/" + t.sub
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
	if t.status != 0 {
		warn("example-status-differs", fmt.Sprintf("example %s answers %d but the page documents %d; the test has the service choose %d with SetStatus", ex.Name, t.status, o.op.Status, t.status))
	}
	switch {
	case t.requestOnly && t.rejected:
		warn("example-request-only", fmt.Sprintf("example %s documents no response; the test checks the request only (the handler must reject it with 400)", ex.Name))
	case t.requestOnly:
		warn("example-request-only", fmt.Sprintf("example %s documents no response; the test checks the request only (it routes to %s, its body decodes as documented, and the handler answers %d)", ex.Name, t.serving(o).op.GoName, t.wantStatus(t.serving(o))))
	}
}

// exampleTest checks that an example can become a test.
func (p *plan) exampleTest(o *opPlan, ex *schema.Example) (*exampleTest, string, string) {
	req := ex.Request
	if !strings.EqualFold(req.Method, o.op.Method) {
		return nil, "example-method-mismatch", fmt.Sprintf("example %s uses %s but %s is %s", ex.Name, req.Method, o.op.GoName, o.op.Method)
	}
	if req.Method == "" {
		return nil, "example-request-missing", "example has no request"
	}
	path, query, host, _ := route.ExampleTarget(req.Target)
	if host != "" {
		return nil, "example-foreign-host", fmt.Sprintf("example %s calls %s, not the Graph service; it is not a route of this package", ex.Name, host)
	}
	ref, values, seg := p.matchExample(o.op.Method, path)
	if ref == nil {
		return nil, "example-route-unmatched", fmt.Sprintf("example %s requests %s %s, which matches none of the documented request lines of %s", ex.Name, o.op.Method, path, o.op.GoName)
	}
	var via *opPlan
	if ref.op != o {
		if !p.serves(ref.op, o) {
			return nil, "example-route-ambiguous", fmt.Sprintf("example %s requests %s %s, which the handler routes to %s (%s), whose request or response type differs", ex.Name, o.op.Method, path, ref.op.op.GoName, ref.op.op.Routes[ref.index].Source)
		}
		via = ref.op
	}
	t := &exampleTest{ex: ex, path: path, query: query, count: isCount(seg), rejects: ex.Rejects, rejected: ex.Rejects != "" || ex.RejectsBody, via: via,
		requestOnly: ex.RequestOnly}
	sv := t.serving(o)
	seen := map[int]bool{}
	for pi, fi := range sv.paramOf[ref.index] {
		if !seen[fi] && pi < len(values) {
			seen[fi] = true
			t.params = append(t.params, paramValue{sv.params[fi], values[pi]})
		}
	}
	hasBodyType := o.op.RequestType != nil || o.bodyType != ""
	if strings.TrimSpace(req.Body) != "" && hasBodyType && !req.JSON {
		return nil, "example-body-not-json", fmt.Sprintf("example %s sends a body that is not JSON", ex.Name)
	}
	if code, msg := p.kindCheck(sv, ex); code != "" {
		return nil, code, msg
	}
	if t.rejected {
		return t, "", ""
	}
	if code, msg := p.answerCheck(o, t); code != "" {
		return nil, code, msg
	}
	return t, "", ""
}

// answerCheck checks that the documented answer of an example can be
// tested, and has the service double choose the example's success status
// when the page documents another.
func (p *plan) answerCheck(o *opPlan, t *exampleTest) (string, string) {
	ex, resp := t.ex, t.ex.Response
	if t.requestOnly {
		if t.count {
			return "example-response-missing", fmt.Sprintf("example %s asks for a count ($count) but documents no response", ex.Name)
		}
		return "", ""
	}
	if ex.ResponseMismatch != "" {
		return "example-response-type-mismatch", fmt.Sprintf("example %s answers %s with a value its type cannot hold; see the warning at that value", ex.Name, ex.ResponseMismatch)
	}
	if resp.Status == 204 && strings.TrimSpace(resp.Body) != "" {
		return "example-body-on-204", fmt.Sprintf("example %s answers 204 No Content with a body; a 204 answer carries none", ex.Name)
	}
	if resp.Status != o.op.Status {
		if resp.Status < 200 || resp.Status > 399 {
			return "example-status-mismatch", fmt.Sprintf("example %s answers %d but the page documents %d", ex.Name, resp.Status, o.op.Status)
		}
		t.status = resp.Status
	}
	if t.count {
		if _, ok := countBody(resp.Body); !ok {
			return "example-count-not-integer", fmt.Sprintf("example %s asks for a count ($count) but the documented answer is not a bare integer", ex.Name)
		}
		return "", ""
	}
	if strings.TrimSpace(resp.Body) != "" {
		if o.op.ResponseType == nil {
			return "example-response-untyped", fmt.Sprintf("example %s answers with a body but the page names no response type", ex.Name)
		}
		if !resp.JSON {
			return "example-body-not-json", fmt.Sprintf("example %s answers with a body that is not JSON", ex.Name)
		}
	}
	return "", ""
}

// sameContract reports whether two operations (documenting the same route)
// decode and answer alike, so one can serve the other's examples.
func sameContract(a, b *opPlan) bool {
	ref := func(r *schema.TypeRef) string {
		if r == nil {
			return ""
		}
		return strings.ToLower(r.String())
	}
	params := func(o *opPlan) string {
		var n []string
		for _, p := range o.op.Parameters {
			n = append(n, p.Name+":"+p.Type.String())
		}
		return strings.Join(n, ",")
	}
	return ref(a.op.RequestType) == ref(b.op.RequestType) && params(a) == params(b) &&
		ref(a.op.ResponseType) == ref(b.op.ResponseType) && a.op.Status == b.op.Status &&
		a.op.ValueWrapped == b.op.ValueWrapped
}
