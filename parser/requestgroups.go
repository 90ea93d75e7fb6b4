package parser

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/route"
)

// requestLine is one request line of an HTTP request section, with the
// sub-heading it is under.
type requestLine struct {
	l   route.Line
	off int
	// group is the lower-cased sub-heading of the HTTP request section
	// the line is under ("get the photo"), "" directly under it;
	// groupText is the sub-heading as written.
	group, groupText string
}

// requestLines reads every request line of the HTTP request sections
// before the first Examples section, however deep the sub-headings they
// are under ("## HTTP request", "### Get the photo", fences in list
// items): each fence's lines, with the nearest sub-heading.
func (p *pageParser) requestLines(secs []section) []requestLine {
	var out []requestLine
	for i := 0; i < len(secs); i++ {
		s := secs[i]
		if isExamplesTitle(s.title) && s.level <= 2 {
			break
		}
		if !isHTTPRequestTitle(s.title) {
			continue
		}
		group, text := "", ""
		read := func(blocks []block) {
			for _, b := range blocks {
				switch {
				case b.kind == blockHeading && b.tab == "":
					text = collapseSpace(parseCell(b.text, 0, p.src.refs).text)
					group = strings.ToLower(text)
				case b.kind == blockFence:
					p.readRequestLines(b, func(l route.Line, off int) {
						out = append(out, requestLine{l: l, off: off, group: group, groupText: text})
					})
				}
			}
		}
		read(s.blocks)
		for i+1 < len(secs) && secs[i+1].level > s.level {
			i++
			group, text = secs[i].title, secs[i].text
			read(secs[i].blocks)
		}
	}
	return out
}

// groupResponses finds the response of each sub-heading of the HTTP
// request section that the Response section documents under a sub-heading
// of its own: "### Get the photo" and "### Response for getting the
// photo" (the same words, once "response", "for", "the" and the like are
// left out and "getting" is read as "get"). The result maps a group (see
// requestLine) to a draft holding only that response, read as the
// Response section is; groups the Response section does not document on
// their own are absent, and so are all when fewer than two groups have
// request lines. A group whose response is the page's (the Response
// section read as a whole) is absent too.
func (p *pageParser) groupResponses(secs []section, lines []requestLine) map[string]*opDraft {
	groups := map[string]bool{}
	for _, rl := range lines {
		groups[rl.group] = true
	}
	if len(groups) < 2 {
		return nil
	}
	isResponse := func(t string) bool { return t == "response" || t == "responses" }
	var subs []section
	for i, s := range secs {
		if !isResponse(s.title) {
			continue
		}
		for _, sub := range secs[i+1:] {
			if sub.level <= s.level {
				break
			}
			subs = append(subs, sub)
		}
		break
	}
	if len(subs) == 0 {
		return nil
	}
	whole := &opDraft{}
	p.readResponse(secs, whole)
	out := map[string]*opDraft{}
	for g := range groups {
		if g == "" {
			continue
		}
		var match *section
		for i := range subs {
			if sameWords(headingWords(g), headingWords(subs[i].title)) {
				if match != nil {
					match = nil // two sub-headings match: neither is read
					break
				}
				match = &subs[i]
			}
		}
		if match == nil {
			continue
		}
		d := &opDraft{}
		p.readResponseBlocks(match.blocks, d)
		if !sameResponse(d, whole) {
			out[g] = d
		}
	}
	return out
}

// headingWords are the words of a lower-cased heading that name what it
// is about: without articles, prepositions and "response", each read
// without the endings of "getting", "creates", "photos".
func headingWords(t string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		switch w {
		case "the", "a", "an", "of", "for", "to", "in", "on", "and", "response", "responses":
			continue
		}
		out = append(out, stemWord(w))
	}
	return out
}

// stemWord drops an -ing, a doubled final consonant, a final -s and a
// final -e, so that "getting" and "get", "creating" and "create",
// "photos" and "photo" are one word.
func stemWord(w string) string {
	if len(w) > 5 && strings.HasSuffix(w, "ing") {
		w = w[:len(w)-3]
		if n := len(w); n > 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiou", rune(w[n-1])) {
			w = w[:n-1]
		}
	}
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// sameWords reports whether a and b hold the same words, in any order
// (and are not empty).
func sameWords(a, b []string) bool {
	if len(a) == 0 || len(a) != len(b) {
		return false
	}
	for _, w := range a {
		if !contains(b, w) {
			return false
		}
	}
	for _, w := range b {
		if !contains(a, w) {
			return false
		}
	}
	return true
}

// sameResponse reports whether two drafts document the same response:
// status and type.
func sameResponse(a, b *opDraft) bool {
	spec := func(s *typeSpec) string {
		if s == nil {
			return ""
		}
		return strings.ToLower(s.edm + "|" + s.name + "|" + s.page + "|" + boolText(s.collection))
	}
	return a.status == b.status && spec(a.respSpec) == spec(b.respSpec) && spec(a.respTextSpec) == spec(b.respTextSpec)
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func boolText(b bool) string {
	if b {
		return "collection"
	}
	return ""
}
