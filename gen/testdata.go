package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// pageExamples is the testdata file of a page (see the runtime's
// test_data.go for the format): the requests built from the request lines
// its operations keep, for TestRoutes, and its documented examples, for
// TestExamples; nil when it has neither.
func (e *emitter) pageExamples(d *pageDecls) []byte {
	var b bytes.Buffer
	b.WriteString("// " + Header + "\n")
	b.WriteString("// Examples and request lines of " + e.plan.rel(d.page) + " (TestExamples, TestRoutes).\n")
	empty := true
	var routes []routeCase
	for _, o := range d.ops {
		routes = append(routes, o.routeCases...)
	}
	if len(routes) > 0 {
		empty = false
		b.WriteString("-- routes --\n")
		for _, c := range routes {
			fmt.Fprintf(&b, "%s %s %s\n", c.method, strconv.Quote(c.path), c.op)
		}
	}
	for _, o := range d.ops {
		for _, t := range o.tests {
			empty = false
			e.writeExample(&b, o, t)
		}
	}
	if empty {
		return nil
	}
	return b.Bytes()
}

// writeExample writes one example's files: what the test expects, the
// request, and the response when one is documented.
func (e *emitter) writeExample(b *bytes.Buffer, own *opPlan, t *exampleTest) {
	o := t.serving(own)
	ex := t.ex
	name := own.op.GoName + "/" + t.sub
	respBody := documentedResponse(ex)
	if t.bodyDropped {
		respBody = ""
	}
	fmt.Fprintf(b, "-- %s --\n", name)
	fmt.Fprintf(b, "op %s\n", o.op.GoName)
	line := func(key string, vals ...string) {
		b.WriteString(key)
		for _, v := range vals {
			b.WriteString(" " + v)
		}
		b.WriteByte('\n')
	}
	roundTrips := false
	switch {
	case t.queryMalformed:
		line("reject-query")
	case t.rejected:
		if t.rejects == "" {
			line("reject-body")
		} else {
			line("reject", strconv.Quote(t.rejects))
		}
		if t.rejectsEnum {
			line("reject-enum")
			roundTrips = true
		}
	case t.count:
		n, _ := countBody(ex.Response.Body)
		line("status", strconv.Itoa(t.wantStatus(o)))
		line("count", strconv.FormatInt(n, 10))
	case t.stream:
		line("status", strconv.Itoa(t.wantStatus(o)))
		line("stream", strconv.Quote(t.streamType))
		if t.streamLink != "" {
			line("location", strconv.Quote(t.streamLink))
		}
	case t.errStatus != 0:
		line("status", strconv.Itoa(t.errStatus))
		line("error", strconv.Itoa(t.errStatus), strconv.Quote(t.errCode), strconv.Quote(t.errMessage))
		if t.errTarget != "" {
			line("error-target", strconv.Quote(t.errTarget))
		}
		for _, d := range t.errDetails {
			line("error-detail", strconv.Quote(d.Code), strconv.Quote(d.Message), strconv.Quote(d.Target))
		}
		roundTrips = true
	default:
		line("status", strconv.Itoa(t.wantStatus(o)))
		roundTrips = strings.TrimSpace(respBody) != "" || t.requestOnly || t.bodyDropped
	}
	if t.status != 0 && !t.rejected {
		line("set-status", strconv.Itoa(t.status))
	}
	if !t.rejected && t.errStatus == 0 {
		for _, h := range t.headers {
			line("header", strconv.Quote(h[0]), strconv.Quote(h[1]))
		}
	}
	for _, p := range t.params {
		line("param", p.field, strconv.Quote(p.value))
	}
	if ex.Truncated {
		line("truncated")
	}
	if t.respRenamed != "" && !t.rejected && !t.count && t.errStatus == 0 && !t.requestOnly {
		line("response-renamed", strconv.Quote(t.respRenamed))
	}
	if t.requestOnly {
		line("request-only")
	}
	if roundTrips && e.bodyGoType(o) != nil && ex.Request.JSON && t.reqRenamed == "" {
		line("round-trip-request")
	}
	if roundTrips && e.responseRoundTrips(o, t) {
		line("round-trip-response")
	}
	target := t.path
	if t.query != "" {
		target += "?" + t.query
	}
	b.WriteString("-- request --\n")
	fmt.Fprintf(b, "%s %s\n", ex.Request.Method, strconv.Quote(target))
	for _, h := range ex.Request.Headers {
		if k := http.CanonicalHeaderKey(h.Name); k == "Content-Length" || k == "Host" {
			continue
		}
		b.WriteString(h.Name + ": " + h.Value + "\n")
	}
	b.WriteByte('\n')
	writeBody(b, ex.Request.Body, ex.Request.JSON)
	if !t.requestOnly && strings.TrimSpace(respBody) != "" {
		b.WriteString("-- response --\n")
		writeBody(b, respBody, ex.Response.JSON)
	}
}

// writeBody writes a body as a file of the archive: as documented, ending
// in a newline; a JSON body with a line the archive would read as a file
// marker is written compacted.
func writeBody(b *bytes.Buffer, body string, isJSON bool) {
	if isJSON && hasArchiveMarker(body) {
		var c bytes.Buffer
		if json.Compact(&c, []byte(body)) == nil {
			body = c.String()
		}
	}
	if body == "" {
		return
	}
	b.WriteString(body)
	if !strings.HasSuffix(body, "\n") {
		b.WriteByte('\n')
	}
}

// hasArchiveMarker reports whether a line of s reads as a file marker of
// the archive ("-- name --").
func hasArchiveMarker(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") {
			return true
		}
	}
	return false
}

// responseRoundTrips reports whether the documented response body is
// round-tripped through the response type (not when it spells a member
// in other letter case: the type writes it back as the property does).
func (e *emitter) responseRoundTrips(o *opPlan, t *exampleTest) bool {
	return o.op.ResponseType != nil && t.ex.Response.JSON && t.respMismatch == "" && t.respRenamed == "" && t.errStatus == 0 && !t.bodyDropped
}
