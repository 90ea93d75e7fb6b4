package parser

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/route"
)

// readOperation reads an operation page: request lines, request body,
// response and examples. One draft is made per documented method.
func (p *pageParser) readOperation(secs []section) {
	byMethod := map[string]*opDraft{}
	var order []string
	examplesSeen := false
	for _, s := range secs {
		if isExamplesTitle(s.title) && s.level <= 2 {
			examplesSeen = true
		}
		if !isHTTPRequestTitle(s.title) || examplesSeen {
			continue
		}
		for _, b := range s.blocks {
			if b.kind != blockFence {
				continue
			}
			p.readRequestLines(b, func(l route.Line, off int) {
				op := byMethod[l.Method]
				if op == nil {
					op = &opDraft{title: p.res.title, method: l.Method, off: off, page: p.res}
					byMethod[l.Method] = op
					order = append(order, l.Method)
				}
				op.lines = append(op.lines, l)
				op.lineOffs = append(op.lineOffs, off)
			})
		}
	}
	if len(order) == 0 {
		p.warn(0, diag.OperationNoRequestLine, "operation page has no request line under an HTTP request heading")
		return
	}
	first := byMethod[order[0]]
	first.description = p.description()
	p.readRequestBody(secs, first)
	p.readResponse(secs, first)
	p.readExamples(secs, byMethod, order)
	for _, m := range order[1:] {
		op := byMethod[m]
		op.description = first.description
		if m == "GET" || m == "DELETE" {
			op.noBody = true
		} else {
			op.noBody, op.bodySpec, op.params, op.paramsAreOf = first.noBody, first.bodySpec, first.params, first.paramsAreOf
		}
		op.respSpec, op.respTextSpec, op.status, op.statusOff = first.respSpec, first.respTextSpec, first.status, first.statusOff
	}
	for _, m := range order {
		p.res.ops = append(p.res.ops, byMethod[m])
	}
}

// readRequestLines parses each line of a request-line fence.
func (p *pageParser) readRequestLines(b block, emit func(route.Line, int)) {
	off := b.textOff
	for _, line := range strings.SplitAfter(b.text, "\n") {
		lineOff := off
		off += len(line)
		text := strings.TrimRight(line, "\n")
		if strings.TrimSpace(text) == "" {
			continue
		}
		l, ok, issues := route.ParseLine(text)
		for _, is := range issues {
			p.warn(lineOff+max(is.Col-1, 0), is.Code, "%s", is.Message)
		}
		if ok {
			emit(l, lineOff+len(text)-len(strings.TrimLeft(text, " \t")))
		}
	}
}

func isExamplesTitle(t string) bool { return strings.HasPrefix(t, "example") }

// description is the first prose paragraph after the title.
func (p *pageParser) description() string {
	seenTitle := false
	for _, b := range p.blocks {
		switch {
		case b.kind == blockHeading && b.level == 1 && b.tab == "":
			seenTitle = true
		case b.kind == blockHeading && seenTitle:
			return ""
		case b.kind == blockText && seenTitle:
			t := collapseSpace(parseCell(b.text, b.off, p.src.refs).text)
			if strings.HasPrefix(t, "Namespace:") || strings.HasPrefix(t, "[!INCLUDE") || strings.HasPrefix(t, "<!--") || t == "" {
				continue
			}
			return t
		}
	}
	return ""
}

// primitiveResponseRe finds a primitive (collection) response type named in prose
// ("returns a 200 OK response code and a String collection object in the
// response body"); groups: "collection of", the primitive, " collection".
var primitiveResponseRe = regexp.MustCompile(`(?i)(?:\b(?:a|an|the)\s+|\band\s+)(collection of\s+)?(?:edm\.)?(string|boolean|int16|int32|int64|double|decimal|guid|datetimeoffset|date|timeofday|duration|binary)(\s+collection)?(?:\s+(?:object|objects|value|values))?\s+in the response body`)

// respTypeRe finds the response type named in prose without a link ("a
// **countriesRegions** object in the response body", as the Dynamics pages
// say); group 1 is the name.
var respTypeRe = regexp.MustCompile(`(?i)\b(?:a|an|the)\s+(?:collection of\s+)?(?:updated\s+|new\s+)?(?:an?\s+)?([A-Za-z][A-Za-z0-9]*)\s+(?:object|objects|resource|entity)\s+in the response body`)

// bodyTypeRe finds the body type named in prose without a link ("supply a
// JSON representation for the androidLobApp object", as Intune pages say).
var bodyTypeRe = regexp.MustCompile(`(?i)JSON representation (?:of|for) (?:the |a |an )?(?:new )?([A-Za-z][A-Za-z0-9]*) (?:object|resource|entity)`)

var noBodyPhrases = newFoldPhrases(noBodyList()...)

// noBodyList lists the phrases by which a Request body section says there
// is none: (do not|don't|doesn't|does not|no need to) (supply|provide|
// specify|include|send), or that the request body is not required or empty.
func noBodyList() []string {
	list := []string{"not require a request body", "no request body", "request body is empty", "request body must be empty"}
	for _, neg := range []string{"do not", "don't", "doesn't", "does not", "no need to"} {
		for _, verb := range []string{"supply", "provide", "specify", "include", "send"} {
			list = append(list, neg+" "+verb)
		}
	}
	return list
}

// readRequestBody reads the "Request body" section: whether there is a
// body, which type it is, and its property or parameter table.
func (p *pageParser) readRequestBody(secs []section, op *opDraft) {
	if blocks, off, ok := sectionBlocks(secs, func(t string) bool { return t == "request body" }); ok {
		op.bodyOff = off
		for _, b := range blocks {
			switch b.kind {
			case blockText:
				c := parseCell(b.text, b.textOff, p.src.refs)
				if noBodyPhrases.in(c.text) {
					op.noBody = true
				}
				if op.bodySpec == nil {
					if m := bodyTypeRe.FindStringSubmatch(c.text); m != nil {
						op.bodySpec = &typeSpec{raw: m[1], off: b.textOff, name: m[1]}
						op.bodyFromText = true
					}
					for _, l := range c.links {
						if pg := p.linkPage(l.dest); pg != "" && strings.Contains(pg, "resources/") {
							t := typeSpec{raw: l.text, off: l.off, name: strings.TrimSpace(l.text), page: pg}
							if !isIdent(t.name) {
								t.name = strings.TrimSuffix(pathBase(pg), ".md")
							}
							op.bodySpec = &t
							op.bodyFromText = false
							break
						}
					}
				}
			case blockTable:
				t := p.readTable(b)
				if op.params != nil {
					continue
				}
				op.params = p.readPropertyTable(t, false)
				op.paramsAreOf = "properties"
				if headerKey(t.header[0].text) == "parameter" {
					op.paramsAreOf = "parameters"
				}
			}
		}
		return
	}
	if op.method == "GET" || op.method == "DELETE" {
		op.noBody = true
	}
}

var (
	collectionPhrase = newFoldPhrases("collection of")
	// responseBodyPhrase is in every match of primitiveResponseRe and
	// respTypeRe: most paragraphs lack it, and the regexps are skipped.
	responseBodyPhrase = newFoldPhrases("in the response body")
)

// statusCodeAt is the index of the status code in a Response paragraph:
// the first three digits [1-5][0-9][0-9] that start a word (as \b reads
// it: after no ASCII letter, digit or '_'); -1 when there are none. It is
// what the tests' statusCodeRe finds as its group.
func statusCodeAt(s string) int {
	for i := 0; i+3 <= len(s); i++ {
		if '1' <= s[i] && s[i] <= '5' && isDigit(s[i+1]) && isDigit(s[i+2]) && (i == 0 || !isWordByte(s[i-1])) {
			return i
		}
	}
	return -1
}

// isWordByte reports whether c is an ASCII letter, digit or '_'.
func isWordByte(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' }

// readResponse reads the "Response" section: status code and type.
func (p *pageParser) readResponse(secs []section, op *opDraft) {
	isResponse := func(t string) bool { return t == "response" || t == "responses" }
	if blocks, _, ok := sectionBlocks(secs, isResponse); ok {
		for _, b := range blocks {
			if b.kind != blockText {
				continue
			}
			c := parseCell(b.text, b.textOff, p.src.refs)
			if op.status == 0 {
				if i := statusCodeAt(c.raw); i >= 0 {
					op.status, _ = strconv.Atoi(c.raw[i : i+3])
					op.statusOff = c.off + i
				}
			}
			if op.respSpec == nil {
				for _, l := range c.links {
					pg := p.linkPage(l.dest)
					if pg == "" || !strings.Contains(pg, "resources/") {
						continue
					}
					t := typeSpec{raw: l.text, off: l.off, name: strings.TrimSpace(l.text), page: pg}
					if !isIdent(t.name) {
						t.name = strings.TrimSuffix(pathBase(pg), ".md")
					}
					before := c.raw[:max(0, min(len(c.raw), l.off-c.off))]
					t.collection = collectionPhrase.in(before) && !strings.Contains(before[max(0, len(before)-40):], ".")
					op.respSpec = &t
					break
				}
			}
			if op.respSpec == nil && responseBodyPhrase.in(c.text) {
				// A primitive, or a collection of them ("a String collection
				// object in the response body", "a Boolean in the response
				// body"); a single one answers {"value": x}.
				if m := primitiveResponseRe.FindStringSubmatchIndex(c.text); m != nil {
					name := strings.ToLower(c.text[m[4]:m[5]])
					op.respSpec = &typeSpec{raw: c.text[m[0]:m[1]], off: c.off, edm: primitives[name], collection: m[2] >= 0 || m[6] >= 0}
				}
			}
			if op.respSpec == nil && op.respTextSpec == nil && responseBodyPhrase.in(c.text) {
				if m := respTypeRe.FindStringSubmatchIndex(c.text); m != nil {
					op.respTextSpec = &typeSpec{raw: c.text[m[2]:m[3]], off: c.off, name: c.text[m[2]:m[3]],
						collection: collectionPhrase.in(c.text[m[0]:m[2]])}
				}
			}
		}
		return
	}
}

func pathBase(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}
