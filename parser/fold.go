package parser

// foldPhrases is a list of phrases a text is searched for as an
// unanchored, case-insensitive regexp of literals, (?i)a|b|..., looks
// for them (see foldAt), without the regexp's backtracking.
type foldPhrases struct {
	phrases []string
	first   [256]bool // the bytes a match can start with
}

// newFoldPhrases lists phrases, each in lower-case ASCII.
func newFoldPhrases(phrases ...string) *foldPhrases {
	f := &foldPhrases{phrases: phrases}
	for _, p := range phrases {
		c := p[0]
		f.first[c] = true
		if 'a' <= c && c <= 'z' {
			f.first[c-'a'+'A'] = true
		}
		switch c {
		case 's':
			f.first["\u017f"[0]] = true // ſ
		case 'k':
			f.first["\u212a"[0]] = true // K, the Kelvin sign
		}
	}
	return f
}

// index returns the start of the first phrase in s, -1 when none is.
func (f *foldPhrases) index(s string) int {
	for i := 0; i < len(s); i++ {
		if !f.first[s[i]] {
			continue
		}
		for _, p := range f.phrases {
			if foldAt(s, i, p) >= 0 {
				return i
			}
		}
	}
	return -1
}

// in reports whether s holds one of the phrases.
func (f *foldPhrases) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if !f.first[s[i]] {
			continue
		}
		for _, p := range f.phrases {
			if foldAt(s, i, p) >= 0 {
				return true
			}
		}
	}
	return false
}

// foldAt matches word (lower-case ASCII) at s[i] as (?i) does: a letter
// also matches its upper case, and s and k also match their other Unicode
// case forms, ſ (U+017F) and K (U+212A). It returns the end of the match,
// -1 for none or when i is -1.
func foldAt(s string, i int, word string) int {
	if i < 0 {
		return -1
	}
	for k := 0; k < len(word); k++ {
		c := word[k]
		switch {
		case i < len(s) && (s[i] == c || 'a' <= c && c <= 'z' && s[i] == c-'a'+'A'):
			i++
		case c == 's' && hasAt(s, i, "\u017f"):
			i += len("\u017f")
		case c == 'k' && hasAt(s, i, "\u212a"):
			i += len("\u212a")
		default:
			return -1
		}
	}
	return i
}

// hasAt reports whether s holds t at i.
func hasAt(s string, i int, t string) bool {
	return i <= len(s) && len(s)-i >= len(t) && s[i:i+len(t)] == t
}
