package parser

import (
	"sort"
	"strings"
)

// listCodes returns the code spans of a description cell that list its
// values. Each values phrase (the first at c.raw[loc[0]:loc[1]], then any
// later one) introduces one list: the code spans of the rest of its
// sentence, or, when the phrase (or its sentence, ending in a colon) is
// followed by an HTML list or by line breaks ("Possible values
// are:<br/><ul><li>`a`: ...</li><li>`b`</li></ul>", "are:</br>`a` —
// ...</br>`b` — ..."), the code span that opens each item. Code spans
// elsewhere in the cell (conditions such as "If **type** is `weekly`",
// query capabilities such as "Supports `$filter` (`eq`)", defaults,
// examples) are never values.
func listCodes(c cell, loc []int) []span {
	ranges := codeRanges(c)
	var out []span
	for loc != nil {
		from := loc[1]
		end := len(c.raw)
		if at, breaks, ok := itemsAt(c.raw, from); ok {
			var items []span
			items, end = itemCodes(c, ranges, at, breaks)
			out = append(out, items...)
		} else {
			end = listSentenceEnd(c.raw, from, ranges)
			n := len(out)
			for i := firstRange(ranges, from); i < len(ranges) && ranges[i][0] < end; i++ {
				out = append(out, c.codes[i])
			}
			if len(out) == n && strings.HasSuffix(strings.TrimSpace(c.raw[from:end]), ":") {
				if at, breaks, ok := itemsAt(c.raw, end); ok {
					var items []span
					items, end = itemCodes(c, ranges, at, breaks)
					out = append(out, items...)
				}
			}
		}
		next := valuesPhrase(c.raw[end:])
		if next == nil {
			break
		}
		loc = []int{end + next[0], end + next[1]}
	}
	return out
}

// codeRanges gives, index for index with c.codes, the raw range of each
// code span (backticks included), relative to c.raw.
func codeRanges(c cell) [][2]int {
	out := make([][2]int, len(c.codes))
	for i, s := range c.codes {
		start := min(max(s.off-c.off, 0), len(c.raw))
		end := min(start+len(s.text), len(c.raw))
		for start > 0 && c.raw[start-1] == ' ' {
			start--
		}
		for start > 0 && c.raw[start-1] == '`' {
			start--
		}
		for end < len(c.raw) && c.raw[end] == ' ' {
			end++
		}
		for end < len(c.raw) && c.raw[end] == '`' {
			end++
		}
		out[i] = [2]int{start, end}
	}
	return out
}

// firstRange is the index of the first range that starts at or after
// from (len(ranges) for none); ranges are in ascending order.
func firstRange(ranges [][2]int, from int) int {
	return sort.Search(len(ranges), func(i int) bool { return ranges[i][0] >= from })
}

// listSentenceEnd is where the sentence that starts at raw[from] ends: at
// a full stop followed by white space, a tag or the end of the cell (not
// the one of "e.g." or "i.e."), or at a tag in sentenceTags. Full stops
// inside code spans do not count.
func listSentenceEnd(raw string, from int, codes [][2]int) int {
	k := max(firstRange(codes, from)-1, 0)
	for i := from; i < len(raw); i++ {
		for k < len(codes) && codes[k][1] <= i {
			k++
		}
		if k < len(codes) && codes[k][0] <= i {
			i = codes[k][1] - 1
			continue
		}
		switch raw[i] {
		case '.':
			next := byte(' ')
			if i+1 < len(raw) {
				next = raw[i+1]
			}
			if (next == ' ' || next == '\t' || next == '\n' || next == '<') && !abbreviationAt(raw, i) {
				return i
			}
		case '<':
			if name, ok := tagNameAt(raw, i); ok && sentenceTags[name] {
				return i
			}
		}
	}
	return len(raw)
}

// abbreviationAt reports whether the full stop at raw[i] ends "e.g." or
// "i.e.", which do not end a sentence.
func abbreviationAt(raw string, i int) bool {
	if i < 3 {
		return false
	}
	w := strings.ToLower(raw[i-3 : i])
	return w == "e.g" || w == "i.e"
}

// sentenceTags are the tags that end a sentence: line breaks, paragraphs
// and lists.
var sentenceTags = map[string]bool{"br": true, "/br": true, "p": true, "/p": true, "ul": true, "ol": true, "li": true}

// maxTagBytes bounds the tags tagNameAt reads, so that looking for the
// '>' of each '<' costs time linear in the text.
const maxTagBytes = 128

// tagNameAt reads the lower-cased name of the tag that starts at raw[i]
// ("br", "/ul", "li"), with false when no tag of at most maxTagBytes
// starts there.
func tagNameAt(raw string, i int) (string, bool) {
	if i >= len(raw) || raw[i] != '<' {
		return "", false
	}
	end := strings.IndexByte(raw[i:min(len(raw), i+maxTagBytes)], '>')
	if end < 0 || !isTag(raw[i:i+end+1]) {
		return "", false
	}
	j := i + 1
	if j < len(raw) && raw[j] == '/' {
		j++
	}
	k := j
	for k < i+end && (isLetter(raw[k]) || isDigit(raw[k])) {
		k++
	}
	return strings.ToLower(raw[i+1 : k]), true
}

// itemsAt reports whether a list of items follows raw[from], after white
// space and colons: an HTML list (<ul>, <ol> or a first <li>), maybe after
// line breaks, or items separated by line breaks (<br>, <br/>, </br>),
// the first one opening with a code span. It returns where the list
// starts and whether its items are separated by line breaks.
func itemsAt(raw string, from int) (at int, breaks, ok bool) {
	i, sawBreak := from, false
	for i < len(raw) {
		switch {
		case raw[i] == ' ' || raw[i] == '\t' || raw[i] == ':':
			i++
			continue
		case raw[i] == '`':
			return i, true, sawBreak
		case raw[i] == '<':
			name, ok := tagNameAt(raw, i)
			switch {
			case !ok:
				return 0, false, false
			case name == "br" || name == "/br":
				sawBreak = true
				i += strings.IndexByte(raw[i:], '>') + 1
				continue
			case name == "ul" || name == "ol" || name == "li":
				return i, false, true
			}
		}
		return 0, false, false
	}
	return 0, false, false
}

// itemCodes returns the code span that opens each item of the list that
// starts at raw[at] (see itemsAt), and where the list ends: an HTML list
// ends with the tag that closes it, and its items that do not open with a
// code span are passed over; a list of items separated by line breaks
// ends with the first item that does not open with one.
func itemCodes(c cell, ranges [][2]int, at int, breaks bool) ([]span, int) {
	raw := c.raw
	var out []span
	opening := func(start int) bool {
		for start < len(raw) && (raw[start] == ' ' || raw[start] == '\t') {
			start++
		}
		if k := firstRange(ranges, start); k < len(ranges) && ranges[k][0] == start {
			out = append(out, c.codes[k])
			return true
		}
		return false
	}
	if breaks && !opening(at) {
		return out, at
	}
	k := firstRange(ranges, at)
	for i := at; i < len(raw); i++ {
		for k < len(ranges) && ranges[k][1] <= i {
			k++
		}
		if k < len(ranges) && ranges[k][0] <= i {
			i = ranges[k][1] - 1
			continue
		}
		name, ok := tagNameAt(raw, i)
		if !ok {
			continue
		}
		tagEnd := i + strings.IndexByte(raw[i:], '>') + 1 // tagNameAt found it
		switch {
		case !breaks && (name == "/ul" || name == "/ol"):
			return out, tagEnd
		case !breaks && name == "li":
			opening(tagEnd)
		case breaks && (name == "br" || name == "/br"):
			if !opening(tagEnd) {
				return out, i
			}
		}
		i = tagEnd - 1
	}
	return out, len(raw)
}
