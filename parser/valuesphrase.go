package parser

import "strings"

// valuesPhrase finds the leftmost phrase that introduces a list of values
// in a description cell and returns its start and end, or nil when there
// is none. It is the regular expression valuesPhraseRe of the tests,
// written out by hand (that regexp, unanchored and case-insensitive, was
// the costliest step of reading a page):
//
//	(?i)(the\s+)?(possible|supported|allowed|valid|accepted)\s+values\s*(are|include|is)?\s*:?
//	  |the value can be\s*:?
//	  |can be one of( the following)?\s*:?
//	  |(is|be) one of the following( values)?\s*:?
//
// Like the regexp it takes the first alternative that matches at the
// leftmost start, each optional part when it is there, and every space
// (\s: tab, newline, form feed, carriage return, space) a \s* or \s+ can
// take. Numeric ranges ("Valid values 0 to 65535") are rejected by the
// caller.
func valuesPhrase(s string) []int {
	for i := 0; i < len(s); i++ {
		if end := valuesPhraseAt(s, i); end >= 0 {
			return []int{i, end}
		}
	}
	return nil
}

// valuesPhraseAt is the end of the phrase that starts at s[i], -1 for
// none. The first byte tells which alternatives can match there; they are
// tried in the regexp's order.
func valuesPhraseAt(s string, i int) int {
	switch s[i] | 0x20 { // ASCII lower case
	case 't':
		if end := qualifiedValues(s, spaces(s, foldAt(s, i, "the"), 1)); end >= 0 {
			return end
		}
		if j := foldAt(s, i, "the value can be"); j >= 0 {
			return colon(s, spaces(s, j, 0))
		}
	case 'p', 's', 'a', 'v', 0xc5 | 0x20: // 0xc5 starts ſ, a form of s (foldAt rejects 0xe5)
		return qualifiedValues(s, i)
	case 'c':
		if j := foldAt(s, i, "can be one of"); j >= 0 {
			return colon(s, spaces(s, optional(s, j, " the following"), 0))
		}
	case 'i', 'b':
		j := foldAt(s, i, "is")
		if j < 0 {
			j = foldAt(s, i, "be")
		}
		if j = foldAt(s, j, " one of the following"); j >= 0 {
			return colon(s, spaces(s, optional(s, j, " values"), 0))
		}
	}
	return -1
}

// qualifiedValues matches, at s[i], the "possible values are:" family:
// (possible|supported|allowed|valid|accepted)\s+values\s*(are|include|is)?\s*:?
// It returns the end, -1 for no match or when i is -1.
func qualifiedValues(s string, i int) int {
	if i < 0 {
		return -1
	}
	for _, w := range [...]string{"possible", "supported", "allowed", "valid", "accepted"} {
		j := foldAt(s, spaces(s, foldAt(s, i, w), 1), "values")
		if j < 0 {
			continue
		}
		j = spaces(s, j, 0)
		for _, verb := range [...]string{"are", "include", "is"} {
			if k := foldAt(s, j, verb); k >= 0 {
				j = k
				break
			}
		}
		return colon(s, spaces(s, j, 0))
	}
	return -1
}

// optional is the end of word matched at s[i] (see foldAt), or i when it
// is not there.
func optional(s string, i int, word string) int {
	if j := foldAt(s, i, word); j >= 0 {
		return j
	}
	return i
}

// spaces skips the white space (\s) at s[i] and returns where it ends, or
// -1 when fewer than least bytes of it are there (or i is -1).
func spaces(s string, i, least int) int {
	if i < 0 {
		return -1
	}
	j := i
	for j < len(s) && strings.IndexByte(reSpace, s[j]) >= 0 {
		j++
	}
	if j-i < least {
		return -1
	}
	return j
}

// colon takes an optional ':' at s[i]; -1 stays -1.
func colon(s string, i int) int {
	if i >= 0 && i < len(s) && s[i] == ':' {
		return i + 1
	}
	return i
}
