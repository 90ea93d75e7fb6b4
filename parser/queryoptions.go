package parser

import (
	"bytes"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
)

// readQueryOptions reads which OData system query options an operation's
// "Optional query parameters" section says the operation supports, from
// its first paragraph, and only from a sentence the parser reads whole:
//
//   - "This method supports the `$select`, `$filter` and `$top` OData query
//     parameters ..." names them: exactly those;
//   - "This method does not support (the) OData query parameters ..." (or
//     "optional query parameters", or just "Not supported."): none.
//
// Anything else ("supports the OData query parameters", "supports some of
// them", "including `$x`") says nothing exact: the operation's options
// stay unstated (nil), and the handler checks none. Reading less is the
// rule: a wrong list becomes a 400 the service never meant.
func (p *pageParser) readQueryOptions(secs []section, op *opDraft) {
	blocks, _, ok := sectionBlocks(secs, func(t string) bool { return t == "optional query parameters" })
	if !ok {
		return
	}
	for _, b := range blocks {
		if b.kind != blockText {
			continue
		}
		c := parseCell(b.text, b.textOff, p.src.refs)
		var doubt string
		op.queryOptions, op.queryOptionsStated, doubt = statedQueryOptions(c)
		if doubt != "" {
			p.warn(b.textOff, diag.QueryOptionsUnread, "the page says %q of its query options; not read as a list, so the handler checks none", doubt)
		}
		if op.queryOptionsStated {
			p.checkPageOptions(op)
		}
		return
	}
}

// checkPageOptions drops the stated query options of op when the page's
// own text (outside code blocks: prose and tables, such as a table of
// request URLs) uses another one in a URL ("...?$orderBy=deletedDateTime
// asc&$count=true"): the list is then evidently incomplete. The
// generator checks the request lines and examples the same way.
func (p *pageParser) checkPageOptions(op *opDraft) {
	for _, u := range optionUses(p.src.text) {
		if u.name == "$skiptoken" || u.name == "$deltatoken" || slices.Contains(op.queryOptions, u.name) {
			continue
		}
		p.warn(u.off, diag.QueryOptionsIncomplete, "the page uses %s in a URL, but its list of query options (%s) does not name it; the handler does not check the list",
			u.name, strings.Join(op.queryOptions, ", "))
		op.queryOptions, op.queryOptionsStated = nil, false
		return
	}
}

// optionUse is a system query option given in a URL of a page's text.
type optionUse struct {
	name string // lower-cased, with its "$"
	off  int
}

// optionUses finds the system query options given in URLs of text
// ("?$count=true", "&$orderBy=..."), outside fenced code blocks, in
// order.
func optionUses(text []byte) []optionUse {
	var out []optionUse
	fenced := false
	for start := 0; start < len(text); {
		end := bytes.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		if t := bytes.TrimLeft(line, " "); bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
			fenced = !fenced
		} else if !fenced {
			for i := 0; i+2 < len(line); i++ {
				if (line[i] != '?' && line[i] != '&') || line[i+1] != '$' {
					continue
				}
				j := i + 2
				for j < len(line) && isLetter(line[j]) {
					j++
				}
				name := "$" + asciiLower(string(line[i+2:j]))
				if j < len(line) && line[j] == '=' && slices.Contains(systemQueryOptions, name) {
					out = append(out, optionUse{name, start + i + 1})
				}
			}
		}
		start = end + 1
	}
	return out
}

// statedQueryOptions reads the first paragraph of an "Optional query
// parameters" section (see readQueryOptions). doubt is the sentence when
// it denies support but grants some too ("does not support ... other
// than `$filter`", "supports `$select` but does not support `$filter`"):
// a form read as no list at all rather than as none.
func statedQueryOptions(c cell) (opts []string, stated bool, doubt string) {
	text := strings.ToLower(c.text)
	sentence, _, _ := strings.Cut(text, ". ")
	sentence = strings.TrimSuffix(strings.TrimSpace(sentence), ".")
	if sentence == "not supported" {
		return []string{}, true, ""
	}
	if !strings.Contains(sentence, "query parameter") {
		return nil, false, ""
	}
	if before, after, ok := strings.Cut(sentence, "not support"); ok {
		// Options named after the denial illustrate it ("($filter is
		// not supported)"); one named before it, or an exception, is
		// support the sentence grants.
		if strings.Contains(before, "$") || strings.Contains(after, " other than ") || strings.Contains(after, " except") {
			return nil, false, strings.TrimSpace(sentence)
		}
		return []string{}, true, ""
	}
	i := strings.Index(sentence, "supports ")
	j := strings.Index(sentence, "query parameter")
	if i < 0 || j < i {
		return nil, false, ""
	}
	between := sentence[i+len("supports ") : j]
	for _, vague := range []string{"some", "following", "including", "such as", "and other", "most"} {
		if strings.Contains(between, vague) {
			return nil, false, ""
		}
	}
	for _, code := range c.codes {
		name := strings.ToLower(strings.TrimSpace(code.text))
		// Only the code spans of the sentence, between its verb and noun.
		if !strings.Contains(between, name) || !strings.HasPrefix(name, "$") {
			continue
		}
		if !slices.Contains(systemQueryOptions, name) {
			return nil, false, ""
		}
		opts = append(opts, name)
	}
	if len(opts) == 0 {
		return nil, false, ""
	}
	slices.Sort(opts)
	return slices.Compact(opts), true, ""
}

// systemQueryOptions are the OData system query options an operation page
// can name.
var systemQueryOptions = []string{"$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$search", "$skiptoken", "$deltatoken", "$format"}
