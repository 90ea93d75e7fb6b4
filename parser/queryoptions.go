package parser

import (
	"slices"
	"strings"
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
		op.queryOptions, op.queryOptionsStated = statedQueryOptions(c)
		return
	}
}

// statedQueryOptions reads the first paragraph of an "Optional query
// parameters" section (see readQueryOptions).
func statedQueryOptions(c cell) ([]string, bool) {
	text := strings.ToLower(c.text)
	sentence, _, _ := strings.Cut(text, ". ")
	sentence = strings.TrimSuffix(strings.TrimSpace(sentence), ".")
	if sentence == "not supported" {
		return []string{}, true
	}
	if !strings.Contains(sentence, "query parameter") {
		return nil, false
	}
	if strings.Contains(sentence, "not support") {
		return []string{}, true
	}
	i := strings.Index(sentence, "supports ")
	j := strings.Index(sentence, "query parameter")
	if i < 0 || j < i {
		return nil, false
	}
	between := sentence[i+len("supports ") : j]
	for _, vague := range []string{"some", "following", "including", "such as", "and other", "most"} {
		if strings.Contains(between, vague) {
			return nil, false
		}
	}
	var opts []string
	for _, code := range c.codes {
		name := strings.ToLower(strings.TrimSpace(code.text))
		// Only the code spans of the sentence, between its verb and noun.
		if !strings.Contains(between, name) || !strings.HasPrefix(name, "$") {
			continue
		}
		if !slices.Contains(systemQueryOptions, name) {
			return nil, false
		}
		opts = append(opts, name)
	}
	if len(opts) == 0 {
		return nil, false
	}
	slices.Sort(opts)
	return slices.Compact(opts), true
}

// systemQueryOptions are the OData system query options an operation page
// can name.
var systemQueryOptions = []string{"$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$search", "$skiptoken", "$deltatoken", "$format"}
