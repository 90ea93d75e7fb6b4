package names

import (
	"unicode"
	"unicode/utf8"
)

// words splits a documented name into words (steps 1 and 2 of the rule in
// the package comment). Every word is non-empty ASCII letters and digits.
func words(s string) []string {
	var ws []string
	for _, run := range runs(s) {
		ws = append(ws, camelSplit(run)...)
	}
	return ws
}

// runs returns the maximal runs of ASCII letters and digits in s, after
// dropping the runes that do not break a word (see dropped).
func runs(s string) []string {
	if plainWord(s) {
		// Most names are one run: keep it without copying.
		if s == "" {
			return nil
		}
		return []string{s}
	}
	var rs []string
	var cur []byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			r = -1 // invalid byte: a separator, even if U+FFFD is printable
		}
		i += size
		switch {
		case r >= 0 && r < utf8.RuneSelf && isAlnum(byte(r)):
			cur = append(cur, byte(r))
		case dropped(r):
		default:
			if len(cur) > 0 {
				rs = append(rs, string(cur))
				cur = cur[:0]
			}
		}
	}
	if len(cur) > 0 {
		rs = append(rs, string(cur))
	}
	return rs
}

// dropped reports whether r is removed without breaking a word: non-ASCII
// letters, digits and marks, and apostrophes.
func dropped(r rune) bool {
	switch r {
	case '\'', '\u2018', '\u2019':
		return true
	}
	return r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// camelSplit splits a run of ASCII letters and digits at camel-case
// boundaries, then joins neighbouring pieces that spell an initialism
// exactly as it is written ("O" "Data" -> "OData").
func camelSplit(run string) []string {
	var pieces []string
	start := 0
	for i := 1; i < len(run); i++ {
		if camelBoundary(run, i) {
			pieces = append(pieces, run[start:i])
			start = i
		}
	}
	pieces = append(pieces, run[start:])
	return joinInitialisms(pieces)
}

// camelBoundary reports whether a new word starts at run[i], i > 0.
func camelBoundary(run string, i int) bool {
	c, prev := run[i], run[i-1]
	if !isUpper(c) {
		return false
	}
	if isLower(prev) || isDigit(prev) {
		return true
	}
	return isUpper(prev) && i+1 < len(run) && isLower(run[i+1])
}

// joinInitialisms joins two neighbouring pieces whose concatenation is an
// initialism written exactly in its identifier form.
func joinInitialisms(pieces []string) []string {
	out := pieces[:0:0]
	for i := 0; i < len(pieces); i++ {
		if i+1 < len(pieces) && len(pieces[i])+len(pieces[i+1]) <= maxInitialism+1 {
			var buf [16]byte
			joined := append(append(buf[:0], pieces[i]...), pieces[i+1]...)
			if form, ok := initialism(string(joined)); ok && form == string(joined) {
				out = append(out, form)
				i++
				continue
			}
		}
		out = append(out, pieces[i])
	}
	return out
}

func isAlnum(c byte) bool { return isLower(c) || isUpper(c) || isDigit(c) }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
