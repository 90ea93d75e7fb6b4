package parser

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/route"
)

// readOperation reads an operation page: request lines, request body,
// response and examples. One draft is made per documented method, and one
// more for the request lines of a sub-heading of the HTTP request section
// whose own response the Response section documents under a matching
// sub-heading (see requestGroups).
func (p *pageParser) readOperation(secs []section) {
	lines := p.requestLines(secs)
	if len(lines) == 0 {
		p.warn(0, diag.OperationNoRequestLine, "operation page has no request line under an HTTP request heading")
		return
	}
	responses := p.groupResponses(secs, lines)
	// GET request lines ending in /$value answer the entity's media (its
	// raw bytes), not the JSON the page's other GET lines of their group
	// answer (message-get.md: GET /me/messages/{id} and its /$value): they
	// are an operation of their own.
	plain := map[string]bool{}
	for _, rl := range lines {
		if rl.l.Method == "GET" && !isValuePattern(rl.l.Pattern) {
			plain[rl.group] = true
		}
	}
	var ops []*opDraft
	byKey := map[string]*opDraft{}
	ownResp := map[*opDraft]*opDraft{} // an op's response, when its group has one
	for _, rl := range lines {
		k := rl.l.Method
		resp := responses[rl.group]
		if resp != nil {
			k += "\x00" + rl.group
		}
		media := rl.l.Method == "GET" && isValuePattern(rl.l.Pattern) && plain[rl.group]
		if media {
			k += "\x00$value"
		}
		op := byKey[k]
		if op == nil {
			op = &opDraft{title: p.res.title, method: rl.l.Method, off: rl.off, page: p.res, media: media}
			if resp != nil {
				op.section = rl.groupText
				op.title = p.res.title + ": " + rl.groupText
				ownResp[op] = resp
			}
			byKey[k] = op
			ops = append(ops, op)
		}
		op.lines = append(op.lines, rl.l)
		op.lineOffs = append(op.lineOffs, rl.off)
	}
	// The operations of the page's own response first: a generator that
	// names a page's operations in order gives them the plain name.
	slices.SortStableFunc(ops, func(a, b *opDraft) int {
		return cmp.Or(cmp.Compare(boolRank(a.media), boolRank(b.media)), cmp.Compare(boolRank(a.section != ""), boolRank(b.section != "")))
	})
	first := ops[0]
	first.description = p.description()
	p.readRequestBody(secs, first)
	p.readResponse(secs, first)
	p.readQueryOptions(secs, first)
	// first's response is the page's; the Response section's own
	// sub-heading gives a group's.
	page := *first
	if resp := ownResp[first]; resp != nil {
		first.respSpec, first.respTextSpec, first.status, first.statusOff = resp.respSpec, resp.respTextSpec, resp.status, resp.statusOff
	}
	for _, op := range ops[1:] {
		op.description = first.description
		op.queryOptions, op.queryOptionsStated = first.queryOptions, first.queryOptionsStated
		if op.method == "GET" || op.method == "DELETE" {
			op.noBody = true
		} else {
			op.noBody, op.bodySpec, op.params, op.paramsAreOf = first.noBody, first.bodySpec, first.params, first.paramsAreOf
		}
		op.respSpec, op.respTextSpec, op.status, op.statusOff = page.respSpec, page.respTextSpec, page.status, page.statusOff
		if resp := ownResp[op]; resp != nil {
			op.respSpec, op.respTextSpec, op.status, op.statusOff = resp.respSpec, resp.respTextSpec, resp.status, resp.statusOff
		}
	}
	p.readExamples(secs, ops)
	p.res.ops = append(p.res.ops, ops...)
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

// description is the first prose paragraph after the title, outside
// blockquotes: a callout before it ("> **Important:** APIs under the /beta
// version are subject to change", on every Intune beta page) is about the
// docs, not what the page documents.
func (p *pageParser) description() string {
	for _, b := range p.intro() {
		t := collapseSpace(parseCell(b.text, b.off, p.src.refs).text)
		if strings.HasPrefix(t, "Namespace:") || strings.HasPrefix(t, "[!INCLUDE") || strings.HasPrefix(t, "<!--") || t == "" {
			continue
		}
		return t
	}
	return ""
}

// intro returns the page's introduction: the text blocks outside
// blockquotes between its title and the first heading below it.
func (p *pageParser) intro() []block {
	var out []block
	seenTitle := false
	for _, b := range p.blocks {
		switch {
		case b.kind == blockHeading && b.level == 1 && b.tab == "":
			seenTitle = true
		case b.kind == blockHeading && seenTitle:
			return out
		case b.kind == blockText && seenTitle && !b.quoted:
			out = append(out, b)
		}
	}
	return out
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

// noBodySaid reads whether a paragraph of a Request body section says
// the request has no body: a sentence with a noBodyPhrases phrase that is
// about the body ("Do not supply a request body for this method"), not
// about what a body holds ("For best performance, don't include existing
// values that haven't changed", on every update page). optional: every
// such sentence says a body is not required ("No request body is
// required. However, you can specify properties ..."): a table or type
// the section documents then stands, as an optional body.
func noBodySaid(text string) (none, optional bool) {
	optional = true
	for _, sent := range strings.Split(text, ". ") {
		if !noBodyPhrases.in(sent) || !strings.Contains(asciiLower(sent), "body") {
			continue
		}
		none = true
		optional = optional && strings.Contains(asciiLower(sent), "require")
	}
	return none, none && optional
}

// readRequestBody reads the "Request body" section: whether there is a
// body, which type it is, and its property or parameter table. A section
// that says its table holds parameters of the request URL ("In the
// request URL, provide the following query parameters with values", on
// Intune's functions) documents no body (request-body-url-parameters).
func (p *pageParser) readRequestBody(secs []section, op *opDraft) {
	// A Response or Example heading nested under Request body
	// (workbookrange-visibleview.md's "### Response") ends it: its links
	// and tables are not the body's.
	notBody := func(t string) bool {
		return strings.HasPrefix(t, "response") || strings.HasPrefix(t, "example") || t == "request"
	}
	if blocks, off, ok := sectionBlocksUntil(secs, func(t string) bool { return t == "request body" }, notBody); ok {
		op.bodyOff = off
		strict, inURL := false, -1 // strict: a sentence says there is no body, not only that none is required
		for _, b := range blocks {
			switch b.kind {
			case blockText:
				c := parseCell(b.text, b.textOff, p.src.refs)
				if none, opt := noBodySaid(c.text); none {
					op.noBody = true
					strict = strict || !opt
				}
				if low := asciiLower(c.text); inURL < 0 && strings.Contains(low, "in the request url, provide") {
					inURL = b.textOff
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
		if op.noBody && !strict && (op.params != nil || op.bodySpec != nil) {
			op.noBody = false // "No request body is required. However, you can specify ..."
		}
		if inURL >= 0 && op.params != nil {
			p.warn(inURL, diag.RequestBodyUrlParameters, "the Request body section says its table holds parameters of the request URL; it makes no body, and the parameters reach the service as the request line's placeholders, unchecked")
			op.params, op.noBody = nil, true
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

// successCodeAt is the index of the first status code statusCodeAt
// finds in s that is a success (2xx) or a redirect (3xx, a download's
// 302 Found); -1 when there is none. A Response paragraph that names an
// error first ("if the file exceeds the quota, a 507 Insufficient
// Storage response is returned") documents what failure answers, not
// the operation's status.
func successCodeAt(s string) int {
	for off := 0; off < len(s); {
		i := statusCodeAt(s[off:])
		if i < 0 {
			return -1
		}
		j := off + i
		if c := s[j]; (c == '2' || c == '3') && (j+3 == len(s) || !isDigit(s[j+3])) {
			return j // not the start of a longer number: "2021"
		}
		off += i + 3
	}
	return -1
}

// isWordByte reports whether c is an ASCII letter, digit or '_'.
func isWordByte(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' }

// readResponse reads the "Response" section: status code and type. Its
// sub-sections about errors ("### Error response codes") are not read:
// they document what failure answers, not the operation's response.
func (p *pageParser) readResponse(secs []section, op *opDraft) {
	isResponse := func(t string) bool { return t == "response" || t == "responses" }
	for i, s := range secs {
		if !isResponse(s.title) {
			continue
		}
		blocks := s.blocks
		for _, sub := range secs[i+1:] {
			if sub.level <= s.level {
				break
			}
			if !strings.Contains(sub.title, "error") {
				blocks = append(blocks, sub.blocks...)
			}
		}
		p.readResponseBlocks(blocks, op)
		return
	}
}

// readResponseBlocks reads the status code and type of a response from
// the blocks that document it.
func (p *pageParser) readResponseBlocks(blocks []block, op *opDraft) {
	for _, b := range blocks {
		if b.kind != blockText {
			continue
		}
		c := parseCell(b.text, b.textOff, p.src.refs)
		op.respText += c.text + "\n"
		if op.status == 0 {
			if i := successCodeAt(c.raw); i >= 0 {
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
}

func pathBase(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}
