package parser

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/route"
)

// readExamples reads the request/response pairs under the Examples
// heading(s). Responses pair with the latest unpaired request.
func (p *pageParser) readExamples(secs []section, ops []*opDraft) {
	inExamples := false
	var pending *annotation
	var open *exampleDraft
	// lastResp is the response just read while only prose follows it.
	var lastResp *httpMessage
	n := 0
	for _, b := range p.blocks {
		if b.kind == blockText && lastResp != nil {
			p.bodyAfterBlock(lastResp, b)
			lastResp = nil
			continue
		}
		if b.kind != blockComment {
			lastResp = nil
		}
		switch b.kind {
		case blockHeading:
			if b.tab == "" && b.level <= 2 {
				inExamples = isExamplesTitle(strings.ToLower(b.text))
			}
			continue
		case blockComment:
			if a, ok := p.readAnnotation(b); ok && a.blockType != "" {
				pending = &a
			}
			continue
		case blockFence:
		default:
			continue
		}
		ann := pending
		pending = nil
		// A request or response annotation marks an example even outside
		// the Examples section (templates that double as examples).
		annotated := ann != nil && (ann.blockType == "request" || ann.blockType == "response")
		if !inExamples && !annotated {
			continue
		}
		// Fences annotated "ignored" under Examples are still documented
		// examples (report variants, $count requests): read them too.
		switch {
		case isRequestText(b.text):
			n++
			msg := p.readHTTP(b.text, b.textOff, true)
			ex := &exampleDraft{name: fmt.Sprintf("%s-%d", pageStem(p.src.path), n), off: b.off, req: &msg}
			if ann != nil && len(ann.names) > 0 {
				ex.name = ann.names[0]
			}
			op := exampleOp(ops, msg)
			if op == nil {
				var methods []string
				for _, o := range ops {
					if !contains(methods, o.method) {
						methods = append(methods, o.method)
					}
				}
				p.warn(msg.off, diag.ExampleMethodUnknown, "example request uses %s but the page documents only %s", msg.Method, strings.Join(methods, ", "))
				open = nil
				continue
			}
			op.examples = append(op.examples, ex)
			open = ex
		case isResponseText(b.text):
			msg := p.readHTTP(b.text, b.textOff, false)
			if open == nil {
				p.warn(b.off, diag.ExampleResponseUnpaired, "example response has no request before it")
				continue
			}
			open.resp = &msg
			lastResp = &msg
			if ann != nil {
				open.truncated = ann.truncated
				open.isColl = ann.isCollection
				open.respType = ann.odataType
			}
			open = nil
		}
	}
}

// exampleOp is the operation of the page that an example request is of:
// the one with its method, or, when the page documents several (one per
// sub-heading with a response of its own), the first whose request lines
// match the example's path, else the first with a request line that ends
// in the example path's last segment (/photos/48x48/$value is a $value
// request), else the first with its method. nil when no operation has the
// method.
func exampleOp(ops []*opDraft, req httpMessage) *opDraft {
	var same []*opDraft
	for _, op := range ops {
		if strings.EqualFold(op.method, req.Method) {
			same = append(same, op)
		}
	}
	if len(same) < 2 {
		if len(same) == 0 {
			return nil
		}
		return same[0]
	}
	path, _, _, _ := route.ExampleTarget(req.Target)
	for _, op := range same {
		for _, l := range op.lines {
			if _, ok := route.Match(l.Pattern, path); ok {
				return op
			}
		}
	}
	last := path[strings.LastIndexByte(path, '/')+1:]
	for _, op := range same {
		for _, l := range op.lines {
			if strings.EqualFold(l.Pattern[strings.LastIndexByte(l.Pattern, '/')+1:], last) {
				return op
			}
		}
	}
	return same[0]
}

// countAfterRe is a bare integer (maybe in a code span), the whole paragraph.
var countAfterRe = regexp.MustCompile("^`?([0-9]+)`?$")

// bodyAfterBlock reads a text/plain response body the page writes as the
// paragraph after the response block (`394` for a $count request) instead
// of inside it.
func (p *pageParser) bodyAfterBlock(msg *httpMessage, b block) {
	if strings.TrimSpace(msg.Body) != "" {
		return
	}
	text := strings.TrimSpace(b.text)
	m := countAfterRe.FindStringSubmatch(text)
	if m == nil {
		return
	}
	off := b.textOff + strings.Index(b.text, m[1])
	msg.Body = m[1]
	msg.bodyOff = off
	msg.BodyPos = p.src.pos(off)
	p.warn(off, diag.ExampleBodyOutsideBlock, "the response body %s is written after the response block, not in it; read as its body", m[1])
}

// pageStem is the page file name without folder and extension.
func pageStem(path string) string {
	return strings.TrimSuffix(pathBase(path), ".md")
}
