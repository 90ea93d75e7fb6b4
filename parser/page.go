package parser

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// pageParser reads one page into drafts; it never looks at other pages.
type pageParser struct {
	diags
	res    *pageResult
	blocks []block
}

// pageResult is what one page contributes before cross-page resolution.
type pageResult struct {
	path      string
	rel       string
	kind      string // schema.Page* constant
	title     string
	namespace string
	types     []*typeDraft
	enums     []*enumDraft
	ops       []*opDraft
	diags     []schema.Diagnostic
	src       *source
}

// section is the run of blocks under one heading.
type section struct {
	title  string // lower-cased heading text
	text   string // heading text as written (markup removed)
	level  int
	off    int
	blocks []block
}

// parsePage reads one page. It never panics on bad input: whatever it cannot
// use becomes a diagnostic.
func parsePage(path string, data []byte) (res *pageResult) {
	src := newSource(path, data)
	p := &pageParser{diags: diags{src: src}, res: &pageResult{path: path, src: src}}
	defer func() {
		if r := recover(); r != nil {
			p.errorf(0, diag.InternalError, "graphdocgen failed on this page (%v); please report it", r)
			p.res.kind = schema.PageOther
		}
		p.res.diags = p.list
		src.release()
		res = p.res
	}()
	if off, msg, bad := src.notText(); bad {
		p.errorf(off, diag.PageNotText, "%s", msg)
		p.res.kind = schema.PageOther
		return p.res
	}
	if off, code, msg, over := src.overLimit(); over {
		p.errorf(off, code, "%s", msg)
		p.res.kind = schema.PageOther
		return p.res
	}
	p.blocks = src.blocks()
	p.readHeader()
	p.classify()
	return p.res
}

var namespaceRe = regexp.MustCompile(`^Namespace:\s*(\S+)`)

// readHeader finds the title (first non-tab H1) and the Namespace: line.
func (p *pageParser) readHeader() {
	for _, b := range p.blocks {
		if b.kind == blockHeading && b.level == 1 && b.tab == "" && p.res.title == "" {
			p.res.title = cleanTitle(b.text, p.src.refs)
		}
		if b.kind == blockText && p.res.namespace == "" {
			text := strings.TrimSpace(b.text)
			if !strings.HasPrefix(text, "Namespace:") {
				continue // what namespaceRe starts with
			}
			if m := namespaceRe.FindStringSubmatch(text); m != nil {
				ns := m[1]
				if strings.HasSuffix(ns, ".") {
					p.warn(b.off, diag.NamespaceTrailingDot, "namespace %q ends with a dot; read as %q", ns, strings.TrimRight(ns, "."))
					ns = strings.TrimRight(ns, ".")
				}
				p.res.namespace = ns
			}
		}
	}
}

func cleanTitle(t string, refs linkRefs) string {
	return collapseSpace(parseCell(t, 0, refs).text)
}

// sections groups blocks under their nearest heading of level <= 3, skipping
// docs tab markers (which are H1 headings to a markdown parser). A
// section's blocks are a run of p.blocks, shared rather than copied; their
// capacity ends with the run, so appending to them copies.
func (p *pageParser) sections(maxLevel int) []section {
	var out []section
	cur, start := section{}, 0
	for i, b := range p.blocks {
		if b.kind == blockHeading && b.tab == "" && b.level <= maxLevel {
			cur.blocks = runOf(p.blocks, start, i)
			out = append(out, cur)
			text := collapseSpace(parseCell(b.text, 0, p.src.refs).text)
			cur = section{title: strings.ToLower(text), text: text, level: b.level, off: b.off}
			start = i + 1
		}
	}
	cur.blocks = runOf(p.blocks, start, len(p.blocks))
	return append(out, cur)
}

// runOf returns blocks[from:to] with its capacity cut at to, nil when the
// run is empty (as a section without blocks always was).
func runOf(blocks []block, from, to int) []block {
	if from == to {
		return nil
	}
	return blocks[from:to:to]
}

// docType is the normalized front matter doc_type.
func (p *pageParser) docType() string {
	dt := strings.ToLower(strings.TrimSpace(p.src.front["doc_type"]))
	return strings.TrimRight(dt, "_ ")
}

// classify decides the page kind by content, checks it against the front
// matter, and reads the page accordingly.
func (p *pageParser) classify() {
	secs := p.sections(3)
	want := map[string]string{
		"apipagetype": schema.PageOperation, "resourcepagetype": schema.PageResource,
		"enumpagetype": schema.PageEnum, "enumtypes": schema.PageEnum,
		"conceptualpagetype": schema.PageOther,
	}[p.docType()]
	kind := ""
	switch {
	case hasSection(secs, isHTTPRequestTitle):
		kind = schema.PageOperation
	case hasSection(secs, isPropertiesTitle) || hasSection(secs, isJSONRepTitle):
		kind = schema.PageResource
	case hasSection(secs, isMembersTitle) || hasSection(secs, isEnumValuesTitle):
		kind = schema.PageEnum
	}
	if kind == "" {
		kind = want
		if kind == "" {
			kind = schema.PageOther
		}
	}
	if want != "" && want != kind && want != schema.PageOther {
		p.warn(0, diag.PageKindMismatch, "front matter says doc_type %q but the page reads as a %s page", p.src.front["doc_type"], kind)
	} else if want == "" {
		p.warn(0, diag.PageKindMissing, "front matter has no known doc_type (%q); the page reads as a %s page", p.src.front["doc_type"], kind)
	}
	p.res.kind = kind
	switch kind {
	case schema.PageOperation:
		p.readOperation(secs)
	case schema.PageResource:
		p.readResource(secs)
	}
	p.readEnumSections(secs)
	if kind != schema.PageOther && len(p.res.ops)+len(p.res.types)+len(p.res.enums) == 0 {
		p.warn(0, diag.PageUnused, "%s page yields no operation, type or enum", kind)
	}
}

func hasSection(secs []section, pred func(string) bool) bool {
	for _, s := range secs {
		if pred(s.title) {
			return true
		}
	}
	return false
}

func isHTTPRequestTitle(t string) bool { return strings.HasPrefix(t, "http request") }
func isPropertiesTitle(t string) bool  { return t == "properties" }
func isRelationsTitle(t string) bool   { return t == "relationships" }
func isJSONRepTitle(t string) bool     { return strings.HasPrefix(t, "json representation") }
func isMembersTitle(t string) bool     { return t == "members" }
func isDerivedTitle(t string) bool     { return t == "derived types" }
func isEnumValuesTitle(t string) bool {
	return strings.HasSuffix(t, " values") && !strings.Contains(strings.TrimSuffix(t, " values"), " ")
}

// sectionBlocks returns the blocks of the first section whose title
// satisfies pred, followed by those of its subsections (deeper headings up
// to the next heading of the same or a higher level). ok is false when no
// section matches.
func sectionBlocks(secs []section, pred func(string) bool) (blocks []block, off int, ok bool) {
	return sectionBlocksUntil(secs, pred, nil)
}

// sectionBlocksUntil is sectionBlocks, ending the section also at a
// subsection whose title satisfies stop (when stop is not nil).
func sectionBlocksUntil(secs []section, pred, stop func(string) bool) (blocks []block, off int, ok bool) {
	for i, s := range secs {
		if !pred(s.title) {
			continue
		}
		blocks = append(blocks, s.blocks...)
		for _, sub := range secs[i+1:] {
			if sub.level <= s.level || stop != nil && stop(sub.title) {
				break
			}
			blocks = append(blocks, sub.blocks...)
		}
		return blocks, s.off, true
	}
	return nil, 0, false
}
