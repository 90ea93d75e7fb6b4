package gen

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

const cmpPath = "github.com/google/go-cmp/cmp"

// serviceTestFile declares the golden tests' service double and helpers.
func (e *emitter) serviceTestFile() *jen.File {
	f := e.newFile()
	f.Line()
	f.Comment("testService is the golden tests' double: each method checks that the expected")
	f.Comment("operation was called, hands the decoded request to check, chooses status")
	f.Comment("with SetStatus when it is not 0, and returns result and err.")
	f.Type().Id("testService").Struct(
		jen.Id("t").Op("*").Qual("testing", "T"),
		jen.Id("op").String(),
		jen.Id("called").Bool(),
		jen.Id("check").Func().Params(jen.Id("req").Any()),
		jen.Id("status").Int(),
		jen.Id("result").Any(),
		jen.Id("err").Error(),
	)
	f.Line()
	f.Func().Params(jen.Id("s").Op("*").Id("testService")).Id("call").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("op").String(), jen.Id("req").Any()).Block(
		jen.Id("s").Dot("t").Dot("Helper").Call(),
		jen.If(jen.Id("op").Op("!=").Id("s").Dot("op")).Block(
			jen.Id("s").Dot("t").Dot("Errorf").Call(jen.Lit("handler called %s, want %q"), jen.Id("op"), jen.Id("s").Dot("op")),
		),
		jen.Id("s").Dot("called").Op("=").True(),
		jen.If(jen.Id("s").Dot("check").Op("!=").Nil()).Block(jen.Id("s").Dot("check").Call(jen.Id("req"))),
		jen.If(jen.Id("s").Dot("status").Op("!=").Lit(0)).Block(jen.Id("SetStatus").Call(jen.Id("ctx"), jen.Id("s").Dot("status"))),
	)
	f.Line()
	f.Func().Id("testResult").Types(jen.Id("T").Any()).Params(jen.Id("s").Op("*").Id("testService")).Id("T").Block(
		jen.List(jen.Id("v"), jen.Id("_")).Op(":=").Id("s").Dot("result").Assert(jen.Id("T")),
		jen.Return(jen.Id("v")),
	)
	for _, o := range e.plan.live() {
		body := []jen.Code{jen.Id("s").Dot("call").Call(jen.Id("ctx"), jen.Lit(o.op.GoName), jen.Id("req"))}
		if res := e.resultGoType(o); res != nil {
			body = append(body, jen.Return(jen.Id("testResult").Types(res.code()).Call(jen.Id("s")), jen.Id("s").Dot("err")))
		} else {
			body = append(body, jen.Return(jen.Id("s").Dot("err")))
		}
		f.Line()
		f.Func().Params(jen.Id("s").Op("*").Id("testService")).Id(o.op.GoName).Add(e.signature(o)).Block(body...)
	}
	e.genRouteTest(f)
	f.Line()
	f.Comment("cmpOpts lets cmp.Diff look inside Optional values.")
	f.Var().Id("cmpOpts").Op("=").Qual(cmpPath, "Exporter").Call(
		jen.Func().Params(jen.Qual("reflect", "Type")).Bool().Block(jen.Return(jen.True())))
	f.Line()
	f.Comment("decodeDoc decodes a documented JSON body into v.")
	f.Func().Id("decodeDoc").Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("body").String(), jen.Id("v").Any()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Index().Byte().Parens(jen.Id("body")), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit("documented body does not decode: %v"), jen.Err()),
		),
	)
	f.Line()
	f.Comment("serveDoc sends a documented request through NewHandler.")
	f.Func().Id("serveDoc").Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("svc").Id("Service"),
		jen.List(jen.Id("method"), jen.Id("target")).String(), jen.Id("header").Qual("net/http", "Header"), jen.Id("body").String(),
	).Op("*").Qual("net/http/httptest", "ResponseRecorder").Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("rec").Op(":=").Qual("net/http/httptest", "NewRecorder").Call(),
		jen.Id("NewHandler").Call(jen.Id("svc")).Dot("ServeHTTP").Call(jen.Id("rec"),
			jen.Id("newTestRequest").Call(jen.Id("t"), jen.Id("method"), jen.Id("target"), jen.Id("header"), jen.Id("body"))),
		jen.Return(jen.Id("rec")),
	)
	f.Line()
	f.Comment("errorOf decodes the code and message of rec's Graph error body.")
	f.Func().Id("errorOf").Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("rec").Op("*").Qual("net/http/httptest", "ResponseRecorder")).Params(jen.List(jen.Id("code"), jen.Id("message")).String()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Var().Id("body").Struct(jen.Id("Error").Op("*").Struct(
			jen.Id("Code").String().Tag(map[string]string{"json": "code"}),
			jen.Id("Message").String().Tag(map[string]string{"json": "message"}),
		).Tag(map[string]string{"json": "error"})),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("rec").Dot("Body").Dot("Bytes").Call(), jen.Op("&").Id("body")), jen.Err().Op("!=").Nil().Op("||").Id("body").Dot("Error").Op("==").Nil()).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit("error body is not a Graph error (%v): %s"), jen.Err(), jen.Id("rec").Dot("Body")),
		),
		jen.Return(jen.Id("body").Dot("Error").Dot("Code"), jen.Id("body").Dot("Error").Dot("Message")),
	)
	f.Line()
	f.Comment("checkError asserts a Graph error body with the documented code and message (each when not \"\").")
	f.Func().Id("checkError").Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("rec").Op("*").Qual("net/http/httptest", "ResponseRecorder"), jen.List(jen.Id("code"), jen.Id("message")).String()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.List(jen.Id("gotCode"), jen.Id("gotMessage")).Op(":=").Id("errorOf").Call(jen.Id("t"), jen.Id("rec")),
		jen.If(jen.Id("code").Op("!=").Lit("").Op("&&").Id("gotCode").Op("!=").Id("code")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("error code = %q, want %q"), jen.Id("gotCode"), jen.Id("code")),
		),
		jen.If(jen.Id("message").Op("!=").Lit("").Op("&&").Id("gotMessage").Op("!=").Id("message")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("error message = %q, want %q"), jen.Id("gotMessage"), jen.Id("message")),
		),
	)
	f.Line()
	f.Comment("checkRejected asserts a 400 Graph error whose message names property (when not \"\").")
	f.Func().Id("checkRejected").Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("rec").Op("*").Qual("net/http/httptest", "ResponseRecorder"), jen.Id("property").String()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.Id("rec").Dot("Code").Op("!=").Qual("net/http", "StatusBadRequest")).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit("status = %d, want 400; body: %s"), jen.Id("rec").Dot("Code"), jen.Id("rec").Dot("Body")),
		),
		jen.List(jen.Id("_"), jen.Id("message")).Op(":=").Id("errorOf").Call(jen.Id("t"), jen.Id("rec")),
		jen.If(jen.Id("property").Op("!=").Lit("").Op("&&").Op("!").Qual("strings", "Contains").Call(jen.Id("message"), jen.Lit("'").Op("+").Id("property").Op("+").Lit("'"))).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("error message %q does not name property %q"), jen.Id("message"), jen.Id("property")),
		),
	)
	return f
}

// pageTestFile holds the golden tests of a page's operations, nil if none,
// and the raw literals to put back into it once it is formatted.
func (e *emitter) pageTestFile(d *pageDecls) (*jen.File, *rawLits) {
	f := e.newFile()
	lits := &rawLits{}
	n := 0
	var cases []routeCase
	for _, o := range d.ops {
		cases = append(cases, o.routeCases...)
	}
	if len(cases) > 0 {
		e.routeCasesInit(f, cases)
		n++
	}
	for _, o := range d.ops {
		if len(o.tests) == 0 {
			continue
		}
		n++
		// Each subtest is a function of its own, not a function literal
		// in the t.Run call: gofmt prints an argument spanning lines once
		// more to measure it, so literals would double its work.
		var subs []jen.Code
		for _, t := range o.tests {
			subs = append(subs, jen.Id("t").Dot("Run").Call(jen.Lit(t.sub), jen.Id(t.fn)))
		}
		f.Line()
		f.Comment("Test" + o.op.GoName + " sends each documented example of " + o.op.GoName + " through the handler")
		f.Comment("and compares what the service receives and what the client gets with the docs.")
		f.Func().Id("Test" + o.op.GoName).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(subs...)
		for _, t := range o.tests {
			f.Line()
			f.Comment(t.fn + " is subtest " + t.sub + " of Test" + o.op.GoName + ".")
			f.Func().Id(t.fn).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(e.testBody(lits, t.serving(o), t)...)
		}
	}
	if n == 0 {
		return nil, nil
	}
	return f, lits
}

// testBody is one example's golden test.
func (e *emitter) testBody(lits *rawLits, o *opPlan, t *exampleTest) []jen.Code {
	ex := t.ex
	target := t.path
	if t.query != "" {
		target += "?" + t.query
	}
	reqBody := ex.Request.Body
	var out []jen.Code
	out = append(out, comment("Documented at "+ex.Source.String()+"."))
	if t.via != nil {
		out = append(out, comment("The handler routes this request to "+o.op.GoName+", documented with the same method and path at "+o.op.Source.String()+"."))
	}
	if t.status != 0 {
		out = append(out, comment(fmt.Sprintf("The example answers %d where the page documents %d: the service chooses %d with SetStatus.", t.status, o.op.Status, t.status)))
	}
	out = append(out, jen.Const().Id("reqBody").Op("=").Add(lits.bodyLit(reqBody)))
	call := jen.Id("serveDoc").Call(jen.Id("t"), jen.Id("svc"), jen.Lit(ex.Request.Method), jen.Lit(target), e.headerLit(ex.Request.Headers), jen.Id("reqBody"))
	if t.rejected {
		out = append(out,
			comment("The documented body holds a value the handler must reject (see the warning for this example)."),
			jen.Id("svc").Op(":=").Op("&").Id("testService").Values(jen.Dict{jen.Id("t"): jen.Id("t"), jen.Id("op"): jen.Lit("none")}),
			jen.Id("rec").Op(":=").Add(call),
			jen.Id("checkRejected").Call(jen.Id("t"), jen.Id("rec"), jen.Lit(t.rejects)),
		)
		if !t.rejectsEnum {
			return out // the body does not decode into the types at all
		}
		if e.responseRoundTrips(o, t) {
			out = append(out, jen.Const().Id("respBody").Op("=").Add(lits.bodyLit(documentedResponse(ex))))
		}
		return append(out, e.roundTrips(o, t)...)
	}
	if t.count {
		return append(out, e.countTest(o, t, call)...)
	}
	if t.errStatus != 0 {
		return append(out, e.errorTest(o, t, call)...)
	}
	respBody := documentedResponse(ex)
	if t.requestOnly {
		out = append(out, comment(fmt.Sprintf("The example documents no response: the service returns no result and the handler must answer %d without a body.", t.wantStatus(o))))
	} else {
		out = append(out, jen.Const().Id("respBody").Op("=").Add(lits.bodyLit(respBody)))
	}
	out = append(out,
		e.newDouble(o, t),
		jen.Id("svc").Dot("check").Op("=").Func().Params(jen.Id("got").Any()).Block(e.checkRequest(o, t)...),
	)
	if o.op.ResponseType != nil && strings.TrimSpace(respBody) != "" {
		out = append(out,
			jen.Var().Id("res").Add(e.responseBodyType(o).code()),
			jen.Id("decodeDoc").Call(jen.Id("t"), jen.Id("respBody"), jen.Op("&").Id("res")),
		)
		switch {
		case kindResult(o):
			out = append(out, jen.Id("svc").Dot("result").Op("=").Id("res").Dot("Value"))
		default:
			out = append(out, jen.Id("svc").Dot("result").Op("=").Op("&").Id("res"))
		}
	}
	out = append(out,
		jen.Id("rec").Op(":=").Add(call),
		wantStatus(t.wantStatus(o)),
		jen.If(jen.Op("!").Id("svc").Dot("called")).Block(jen.Id("t").Dot("Fatal").Call(jen.Lit("the service was not called"))),
	)
	if strings.TrimSpace(respBody) == "" {
		out = append(out, jen.If(jen.Id("rec").Dot("Body").Dot("Len").Call().Op("!=").Lit(0)).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("body = %s, want none"), jen.Id("rec").Dot("Body"))))
		if t.requestOnly {
			out = append(out, e.roundTrips(o, t)...)
		}
	} else {
		out = append(out, jen.Id("checkJSON").Call(jen.Id("t"), jen.Lit("response body"), jen.Index().Byte().Parens(jen.Id("respBody")), jen.Id("rec").Dot("Body").Dot("Bytes").Call(), jen.Lit(ex.Truncated)))
		out = append(out, e.roundTrips(o, t)...)
	}
	return out
}

// errorTest is the test of an example answering an error: the double
// returns it as an *Error, and the client must get its status, and the
// documented error code and message.
func (e *emitter) errorTest(o *opPlan, t *exampleTest, call jen.Code) []jen.Code {
	out := []jen.Code{
		comment(fmt.Sprintf("The example answers the error %d: the service returns it as an *Error.", t.errStatus)),
		e.newDouble(o, t),
		jen.Id("svc").Dot("check").Op("=").Func().Params(jen.Id("got").Any()).Block(e.checkRequest(o, t)...),
		jen.Id("svc").Dot("err").Op("=").Op("&").Id("Error").Values(jen.Dict{
			jen.Id("Status"): jen.Lit(t.errStatus), jen.Id("Code"): jen.Lit(t.errCode), jen.Id("Message"): jen.Lit(t.errMessage),
		}),
		jen.Id("rec").Op(":=").Add(call),
		wantStatus(t.errStatus),
		jen.If(jen.Op("!").Id("svc").Dot("called")).Block(jen.Id("t").Dot("Fatal").Call(jen.Lit("the service was not called"))),
	}
	if t.errCode != "" || t.errMessage != "" {
		out = append(out, jen.Id("checkError").Call(jen.Id("t"), jen.Id("rec"), jen.Lit(t.errCode), jen.Lit(t.errMessage)))
	}
	return append(out, e.roundTrips(o, t)...)
}

// checkRequest compares the decoded request with the documented one.
func (e *emitter) checkRequest(o *opPlan, t *exampleTest) []jen.Code {
	var out []jen.Code
	for _, pv := range t.params {
		out = append(out, jen.If(jen.Id("req").Dot(pv.field).Op("!=").Lit(pv.value)).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit(pv.field+" = %q, want %q"), jen.Id("req").Dot(pv.field), jen.Lit(pv.value)),
		))
	}
	if body := e.bodyGoType(o); body != nil && strings.TrimSpace(t.ex.Request.Body) != "" {
		out = append(out,
			jen.Var().Id("want").Add(body.code()),
			jen.Id("decodeDoc").Call(jen.Id("t"), jen.Id("reqBody"), jen.Op("&").Id("want")),
			jen.If(jen.Id("diff").Op(":=").Qual(cmpPath, "Diff").Call(jen.Id("want"), jen.Id("req").Dot("Body"), jen.Id("cmpOpts")), jen.Id("diff").Op("!=").Lit("")).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("decoded request body differs from the docs (-want +got):\n%s"), jen.Id("diff")),
			),
		)
	}
	assert := jen.Id("got").Assert(jen.Op("*").Id(o.reqType))
	if len(out) == 0 {
		return []jen.Code{jen.Id("_").Op("=").Add(assert)}
	}
	return append([]jen.Code{jen.Id("req").Op(":=").Add(assert)}, out...)
}

// roundTrips checks that the documented bodies survive the generated types.
func (e *emitter) roundTrips(o *opPlan, t *exampleTest) []jen.Code {
	var out []jen.Code
	if body := e.bodyGoType(o); body != nil && t.ex.Request.JSON {
		out = append(out, jen.Id("t").Dot("Run").Call(jen.Lit("request-round-trip"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
			jen.Id("roundTrip").Types(body.code()).Call(jen.Id("t"), jen.Id("reqBody")))))
	}
	if e.responseRoundTrips(o, t) {
		out = append(out, jen.Id("t").Dot("Run").Call(jen.Lit("response-round-trip"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
			jen.Id("roundTrip").Types(e.responseBodyType(o).code()).Call(jen.Id("t"), jen.Id("respBody")))))
	}
	return out
}

// responseBodyType is the Go type of the documented response body (see
// documentedResponse): the result type.
func (e *emitter) responseBodyType(o *opPlan) *typeExpr {
	return e.resultValueType(o)
}

// responseRoundTrips reports whether the documented response body is
// round-tripped through the response type.
func (e *emitter) responseRoundTrips(o *opPlan, t *exampleTest) bool {
	return o.op.ResponseType != nil && t.ex.Response.JSON && t.respMismatch == "" && t.errStatus == 0
}

// headerLit renders documented request headers (without Content-Length,
// which docs rarely get right).
func (e *emitter) headerLit(hs []schema.Header) jen.Code {
	d := jen.Dict{}
	vals := map[string][]jen.Code{}
	var order []string
	for _, h := range hs {
		k := http.CanonicalHeaderKey(h.Name)
		if k == "Content-Length" || k == "Host" {
			continue
		}
		if _, ok := vals[k]; !ok {
			order = append(order, k)
		}
		vals[k] = append(vals[k], jen.Lit(h.Value))
	}
	for _, k := range order {
		d[jen.Lit(k)] = jen.Values(vals[k]...)
	}
	return jen.Qual("net/http", "Header").Values(d)
}

// bodyLit writes a body as a raw string when it can, for readable diffs.
// The raw string is a placeholder until the file is formatted (see
// rawLits); bodies with control characters other than newline and tab,
// litMark among them, are interpreted strings.
func (r *rawLits) bodyLit(s string) jen.Code {
	ok := utf8.ValidString(s) && !strings.Contains(s, "`")
	for _, c := range s {
		if c != '\n' && c != '\t' && (unicode.IsControl(c) || c == '\uFEFF') {
			ok = false
		}
	}
	if !ok {
		return jen.Lit(s)
	}
	return r.add(s)
}

// countTest is the test of a $count example: the service returns a
// collection holding the documented count, and the handler must answer it
// as text.
func (e *emitter) countTest(o *opPlan, t *exampleTest, call jen.Code) []jen.Code {
	ex := t.ex
	n, _ := countBody(ex.Response.Body)
	return []jen.Code{
		comment("The request asks for the count of the collection ($count)."),
		e.newDouble(o, t),
		jen.Id("svc").Dot("check").Op("=").Func().Params(jen.Id("got").Any()).Block(e.checkRequest(o, t)...),
		jen.Id("svc").Dot("result").Op("=").Op("&").Add(e.resultValueType(o).code()).Values(jen.Dict{
			jen.Id("ODataCount"): jen.Id("Some").Types(jen.Int64()).Call(jen.Lit(n)),
		}),
		jen.Id("rec").Op(":=").Add(call),
		wantStatus(t.wantStatus(o)),
		jen.If(jen.Op("!").Id("svc").Dot("called")).Block(jen.Id("t").Dot("Fatal").Call(jen.Lit("the service was not called"))),
		jen.If(jen.Id("got").Op(":=").Qual("strings", "TrimSpace").Call(jen.Id("rec").Dot("Body").Dot("String").Call()), jen.Id("got").Op("!=").Lit(fmt.Sprint(n))).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("count = %q, want %q"), jen.Id("got"), jen.Lit(fmt.Sprint(n))),
		),
	}
}

// newDouble declares svc, the service double expecting a call of o; when
// the example answers a success status other than the documented one, the
// double chooses it with SetStatus.
func (e *emitter) newDouble(o *opPlan, t *exampleTest) jen.Code {
	fields := jen.Dict{jen.Id("t"): jen.Id("t"), jen.Id("op"): jen.Lit(o.op.GoName)}
	if t.status != 0 {
		fields[jen.Id("status")] = jen.Lit(t.status)
	}
	return jen.Id("svc").Op(":=").Op("&").Id("testService").Values(fields)
}

// wantStatus fails the test when the handler did not answer status.
func wantStatus(status int) jen.Code {
	return jen.If(jen.Id("rec").Dot("Code").Op("!=").Lit(status)).Block(
		jen.Id("t").Dot("Fatalf").Call(jen.Lit("status = %d, want "+strconv.Itoa(status)+"; body: %s"), jen.Id("rec").Dot("Code"), jen.Id("rec").Dot("Body")),
	)
}
