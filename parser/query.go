package parser

import (
	"github.com/graphdocgen/graphdocgen/parser/diag"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// queryHints are in every sentence readQuery looks at: most descriptions
// hold none, and are skipped.
var queryHints = newFoldPhrases("$", "returned", "filterable", "sortable", "searchable", "selectable")

// queryWords mark a sentence as one about queries: one that readQuery
// reads, or reports as unread.
var queryWords = []string{"$filter", "$orderby", "$search", "$count", "$expand", "$select", "$top", "$skip",
	"returned by default", "returned only", "only returned", "filterable", "sortable", "searchable", "selectable"}

// queryOptions are the system query options a description can say a
// property supports, by their lower-cased names.
var queryOptions = []string{"$filter", "$orderby", "$search", "$count", "$expand", "$select", "$top"}

// filterOperators are the $filter operators and functions a description
// can list, lower-cased.
var filterOperators = []string{"eq", "ne", "not", "in", "ge", "le", "gt", "lt", "has", "startswith", "endswith", "contains", "any", "all"}

// readQuery reads what a description cell says about queries on its
// property (see schema.Query), sentence by sentence; a sentence about
// queries that it cannot read is reported (query-unread), and a
// restriction it keeps as text is reported too (query-condition). It
// returns nil when the description says nothing it reads.
func (p *pageParser) readQuery(c cell) *schema.Query {
	if !queryHints.in(c.text) {
		return nil
	}
	var q *schema.Query
	cursor := 0
	lowRaw := asciiLower(c.raw)
	// doubt is the first sentence about queries the parser could not
	// read, or one that restricts support without naming an option
	// ("Supported only on the Get group API"): what the cell's other
	// sentences say is then kept, but none of it is checked.
	doubt, doubtOff := "", 0
	for _, sent := range querySentences(c) {
		low := asciiLower(sent)
		if !slices.ContainsFunc(queryWords, func(w string) bool { return strings.Contains(low, w) }) {
			if doubt == "" && restrictsSupport(low) {
				doubt, doubtOff = sent, c.off
			}
			continue
		}
		off := c.off
		if first := firstWord(low); first != "" {
			// Where the sentence is in the markdown, looked for nearby
			// (its text is shorter than its markdown, by links mostly).
			if i := strings.Index(lowRaw[cursor:min(len(lowRaw), cursor+8*len(sent)+1024)], first); i >= 0 {
				cursor += i
				off = c.off + cursor
			}
		}
		if q == nil {
			q = &schema.Query{Source: p.src.pos(off)}
		}
		read, cond := readQuerySentence(q, sent, low)
		switch {
		case !read:
			p.warn(off, diag.QueryUnread, "the description says %q about queries; not read", sent)
			if doubt == "" {
				doubt, doubtOff = sent, off
			}
		case cond != "":
			p.warn(off, diag.QueryCondition, "the description restricts a query capability (%q); kept as text, not read", cond)
		}
	}
	if q != nil && q.Returned == nil && q.Filter == nil && q.OrderBy == nil && q.Search == nil && q.Count == nil &&
		q.Expand == nil && q.Select == nil && q.Top == nil {
		return nil
	}
	if q != nil && doubt != "" && doubtQuery(q, doubt) {
		p.warn(doubtOff, diag.QueryCondition, "the description also says %q, which the parser does not read; what it says about queries is kept as text, not checked", doubt)
	}
	return q
}

// restrictsSupport reports whether a sentence without query words limits
// where or when what the cell says holds ("Supported only on the Get group
// API", "Not supported in national clouds").
func restrictsSupport(low string) bool {
	for _, lead := range []string{"supported only", "only supported", "not supported", "supports only", "only supports"} {
		if strings.HasPrefix(low, lead) {
			return true
		}
	}
	return false
}

// doubtQuery makes every reading of q that the handler would check a
// conditional one, with cond as its condition; it reports whether there
// was any.
func doubtQuery(q *schema.Query, cond string) bool {
	changed := false
	for _, o := range []*schema.QueryOption{q.Filter, q.OrderBy, q.Search, q.Count, q.Expand, q.Select, q.Top} {
		if o != nil && o.Condition == "" {
			o.Condition = cond
			changed = true
		}
	}
	if q.Returned != nil && !q.Returned.ByDefault && q.Returned.Condition == "" {
		q.Returned.Condition = cond
		changed = true
	}
	return changed
}

// firstWord is the first run of letters of s ("" for none).
func firstWord(s string) string {
	start := -1
	for i := 0; i < len(s); i++ {
		if isLetter(s[i]) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return s[start:i]
		}
	}
	if start >= 0 {
		return s[start:]
	}
	return ""
}

// querySentences splits a description into sentences: at a full stop
// followed by a space or the end (not that of "e.g." or "i.e."), at one
// glued to the next sentence ("$select.For", "(eq).Read-only"), and at
// line break,
// paragraph and list tags. Each is trimmed, without its full stop.
func querySentences(c cell) []string {
	raw := c.raw
	var sb strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] == '<' {
			if name, ok := tagNameAt(raw, i); ok && sentenceTags[name] {
				sb.WriteString(" \x1e ")
				i += strings.IndexByte(raw[i:], '>')
				continue
			}
		}
		sb.WriteByte(raw[i])
	}
	text := parseCell(sb.String(), 0, nil).text
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ". "))
		if s != "" {
			out = append(out, s)
		}
	}
	start := 0
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\x1e':
			add(text[start:i])
			start = i + 1
		case text[i] == '.' && !abbreviationAt(text, i):
			end := i+1 == len(text) || text[i+1] == ' '
			glued := i > 0 && i+1 < len(text) && (isLower(text[i-1]) || text[i-1] == ')') && isUpper(text[i+1])
			if end || glued {
				add(text[start : i+1])
				start = i + 1
			}
		}
	}
	add(text[start:])
	return out
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

// asciiLower lower-cases the ASCII letters of s only, so that an index
// into the result is one into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if isUpper(c) {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// readQuerySentence reads one sentence about queries into q. It reports
// whether it read the sentence, and the restriction it kept as text.
func readQuerySentence(q *schema.Query, sent, low string) (read bool, cond string) {
	switch {
	case low == "returned by default":
		q.Returned = &schema.Returned{ByDefault: true}
		return true, ""
	case strings.Contains(low, "not returned by default"):
		q.Returned = &schema.Returned{ByDefault: false}
		for _, o := range []string{"$select", "$expand"} {
			if strings.Contains(low, o) {
				q.Returned.On = append(q.Returned.On, o)
			}
		}
		return true, ""
	case strings.Contains(low, "does not return this property unless you apply $expand"):
		q.Returned = &schema.Returned{ByDefault: false, On: []string{"$expand"}}
		return true, ""
	case strings.Contains(low, "$select=") && (strings.Contains(low, "to read the property") || strings.Contains(low, "to get the property")):
		q.Returned = &schema.Returned{ByDefault: false, On: []string{"$select"}}
		return true, ""
	}
	for _, lead := range []string{"returned only on ", "only returned on "} {
		if i := strings.Index(low, lead); i >= 0 {
			return readReturnedOn(q, sent, low, i+len(lead))
		}
	}
	for _, lead := range []string{"does not support ", "doesn't support "} {
		if i := strings.Index(low, lead); i >= 0 {
			opts, end := optionList(sent, low, i+len(lead))
			if len(opts) == 0 || strings.TrimSpace(low[end:]) != "" {
				return false, ""
			}
			for _, o := range opts {
				*optionSlot(q, o.name) = &schema.QueryOption{Supported: false}
			}
			return true, ""
		}
	}
	switch {
	case low == "not filterable":
		q.Filter = &schema.QueryOption{Supported: false}
		return true, ""
	case strings.HasPrefix(low, "the $expand query parameter is not supported"):
		q.Expand = &schema.QueryOption{Supported: false}
		return true, ""
	case (strings.HasPrefix(low, "provided so that callers can get ") || strings.HasPrefix(low, "enables the retrieval of ")) &&
		strings.Contains(low, " using $expand ") && strings.Count(low, "$") == 1:
		q.Expand = &schema.QueryOption{Supported: true}
		return true, ""
	case strings.HasPrefix(low, "get ") && (strings.HasSuffix(low, "by using $expand or $filter") || strings.HasSuffix(low, "using $expand or $filter")):
		q.Expand = &schema.QueryOption{Supported: true}
		q.Filter = &schema.QueryOption{Supported: true}
		return true, ""
	case strings.HasPrefix(low, "get ") && (strings.HasSuffix(low, "by using $expand") || strings.HasSuffix(low, "using $expand")):
		q.Expand = &schema.QueryOption{Supported: true}
		return true, ""
	}
	// "Supports ..." opens the sentence (or "Also supports ..."): words
	// before it may negate it or name another subject.
	for _, lead := range []string{"supports ", "also supports "} {
		if strings.HasPrefix(low, lead) {
			return readSupports(q, sent, low, len(lead))
		}
	}
	return false, ""
}

// readReturnedOn reads "Returned only on `$select`" (or "on applying a
// `$select` query option", "on `$select` and `$expand`") from low[i:].
func readReturnedOn(q *schema.Query, sent, low string, i int) (bool, string) {
	i = skipWords(low, i, "applying a ", "applying ")
	opts, end := optionList(sent, low, i)
	if len(opts) == 0 {
		return false, ""
	}
	end = skipWords(low, skipSpaces(low, end), "query options", "query option")
	r := &schema.Returned{ByDefault: false}
	for _, o := range opts {
		if o.name != "$select" && o.name != "$expand" {
			return false, ""
		}
		r.On = append(r.On, o.name)
	}
	r.Condition = strings.TrimSpace(sent[end:])
	q.Returned = r
	return true, r.Condition
}

// readSupports reads "Supports `$filter` (`eq`, `ne`), `$orderby` and
// `$search`" from low[i:]: every option it lists, with the operators of
// each $filter; any words after the list are a condition on them all.
// It returns the restriction it keeps as text: the words after the list,
// else the first operator list that is not only operators.
func readSupports(q *schema.Query, sent, low string, i int) (bool, string) {
	opts, end := optionList(sent, low, i)
	if len(opts) == 0 {
		return false, ""
	}
	after := strings.TrimSpace(strings.TrimLeft(sent[end:], ", "))
	cond := after
	for _, o := range opts {
		opt := &schema.QueryOption{Supported: true, Operators: o.ops, Condition: strings.TrimSpace(o.cond + " " + after)}
		*optionSlot(q, o.name) = opt
		if cond == "" {
			cond = o.cond
		}
	}
	return true, cond
}

// maxListBytes bounds an operator list: the corpus's longest is under
// 200 bytes, and looking further for its end would make a sentence of many
// unclosed lists cost quadratic time.
const maxListBytes = 512

// listedOption is one option of an option list, with the operators and
// the restriction written in parentheses after it.
type listedOption struct {
	name string
	ops  []string
	cond string
}

// optionList reads a list of system query options at low[i:] ("$filter
// (eq, ne), $search, and $orderby"; "$filter with the eq operator") and
// returns them with the index after the list. low is sent with its ASCII
// letters lower-cased; conditions are copied from sent.
func optionList(sent, low string, i int) ([]listedOption, int) {
	var out []listedOption
	end := i
	for {
		j := skipSpaces(low, i)
		name := ""
		for _, o := range queryOptions {
			if strings.HasPrefix(low[j:], o) && (j+len(o) == len(low) || !isLetter(low[j+len(o)])) {
				name = o
				break
			}
		}
		if name == "" {
			return out, end
		}
		lo := listedOption{name: name}
		j += len(name)
		k := skipSpaces(low, j)
		switch {
		case k < len(low) && low[k] == '(':
			if close := strings.IndexByte(low[k:min(len(low), k+maxListBytes)], ')'); close > 0 {
				lo.ops, lo.cond = readOperators(sent[k+1:k+close], low[k+1:k+close])
				j = k + close + 1
			}
		case strings.HasPrefix(low[k:], "with the ") && strings.Contains(low[k:min(len(low), k+maxListBytes)], " operator"):
			from := k + len("with the ")
			stop := strings.Index(low[from:], " operator")
			lo.ops, lo.cond = readOperators(sent[from:from+stop], low[from:from+stop])
			j = k + len("with the ") + stop + len(" operator")
			if strings.HasPrefix(low[j:], "s") {
				j++
			}
		}
		if name != "$filter" && (lo.ops != nil || lo.cond != "") {
			return out, end // operators after another option: not a list we read
		}
		out = append(out, lo)
		end = j
		// A separator: ",", "and", "or", ", and", ", or".
		k = skipSpaces(low, j)
		if k < len(low) && low[k] == ',' {
			k++
		}
		k = skipSpaces(low, skipWords(low, skipSpaces(low, k), "and ", "or "))
		if k >= len(low) || low[k] != '$' {
			return out, end
		}
		i = k
	}
}

// readOperators reads the operator list written in parentheses after
// $filter ("eq, ne, NOT, and in"; "eq operator only"; "eq and startsWith
// operators only"): the operators, lower-cased, and, when some piece of
// the list is not an operator ("eq on null values", "eq operator on id"),
// the whole list as written, as a condition.
func readOperators(inner, low string) ([]string, string) {
	var ops []string
	cond := ""
	for _, piece := range splitOperatorList(low) {
		w := strings.TrimSpace(piece)
		for _, suffix := range []string{" only", " operators", " operator"} {
			w = strings.TrimSpace(strings.TrimSuffix(w, suffix))
		}
		if w == "" {
			continue
		}
		first, _, more := strings.Cut(w, " ")
		if !slices.Contains(filterOperators, first) {
			cond = strings.TrimSpace(inner)
			continue
		}
		if more {
			cond = strings.TrimSpace(inner)
		}
		if !slices.Contains(ops, first) {
			ops = append(ops, first)
		}
	}
	return ops, cond
}

// splitOperatorList splits at commas and at the words "and" and "or".
func splitOperatorList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		words := strings.Fields(part)
		cur := []string{}
		for _, w := range words {
			if w == "and" || w == "or" {
				out = append(out, strings.Join(cur, " "))
				cur = cur[:0]
				continue
			}
			cur = append(cur, w)
		}
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// optionSlot is the field of q that holds option name.
func optionSlot(q *schema.Query, name string) **schema.QueryOption {
	switch name {
	case "$filter":
		return &q.Filter
	case "$orderby":
		return &q.OrderBy
	case "$search":
		return &q.Search
	case "$count":
		return &q.Count
	case "$expand":
		return &q.Expand
	case "$select":
		return &q.Select
	}
	return &q.Top
}

// skipSpaces returns the index after the spaces at s[i:].
func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// skipWords returns the index after the first of words found at s[i:],
// or i.
func skipWords(s string, i int, words ...string) int {
	for _, w := range words {
		if strings.HasPrefix(s[i:], w) {
			return i + len(w)
		}
	}
	return i
}
