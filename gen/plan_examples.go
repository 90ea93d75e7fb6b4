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
		}
	}
}

// exampleTest checks that an example can become a test.
func (p *plan) exampleTest(o *opPlan, ex *schema.Example) (*exampleTest, string, string) {
	req, resp := ex.Request, ex.Response
	if !strings.EqualFold(req.Method, o.op.Method) {
		return nil, "example-method-mismatch", fmt.Sprintf("example %s uses %s but %s is %s", ex.Name, req.Method, o.op.GoName, o.op.Method)
	}
	if req.Method == "" {
		return nil, "example-request-missing", "example has no request"
	}
	if resp.Status == 0 {
		return nil, "example-response-missing", fmt.Sprintf("example %s has no documented response", ex.Name)
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
	best := ref.index
	t := &exampleTest{ex: ex, path: path, query: query, count: isCount(seg), rejects: ex.Rejects, rejected: ex.Rejects != "" || ex.RejectsBody, via: via}
	sv := t.serving(o)
	seen := map[int]bool{}
	for pi, fi := range sv.paramOf[best] {
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
	if ex.ResponseMismatch != "" {
		return nil, "example-response-type-mismatch", fmt.Sprintf("example %s answers %s with a value its type cannot hold; see the warning at that value", ex.Name, ex.ResponseMismatch)
	}
	if resp.Status == 204 && strings.TrimSpace(resp.Body) != "" {
		return nil, "example-body-on-204", fmt.Sprintf("example %s answers 204 No Content with a body; a 204 answer carries none", ex.Name)
	}
	if resp.Status != o.op.Status {
		return nil, "example-status-mismatch", fmt.Sprintf("example %s answers %d but the page documents %d", ex.Name, resp.Status, o.op.Status)
	}
	if t.count {
		if _, ok := countBody(resp.Body); !ok {
			return nil, "example-count-not-integer", fmt.Sprintf("example %s asks for a count ($count) but the documented answer is not a bare integer", ex.Name)
		}
		return t, "", ""
	}
	if strings.TrimSpace(resp.Body) != "" {
		if o.op.ResponseType == nil {
			return nil, "example-response-untyped", fmt.Sprintf("example %s answers with a body but the page names no response type", ex.Name)
		}
		if !resp.JSON {
			return nil, "example-body-not-json", fmt.Sprintf("example %s answers with a body that is not JSON", ex.Name)
		}
	}
	return t, "", ""
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
