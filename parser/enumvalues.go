package parser

import (
	"regexp"
	"strings"
)

var (
	plainValueRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.\-]*$`)
	parenNoteRe  = regexp.MustCompile(`\([^()]*\)`)
	numericRe    = regexp.MustCompile(`^-?\d+(\.\d+)?$`)
)

// describedValues returns the documented possible values of a description
// cell, in order, with their source offsets; nil when it lists none.
func describedValues(c cell) ([]string, []int) {
	if !mayListValues(c.text) {
		return nil, nil
	}
	loc := valuesPhrase(c.text)
	if loc == nil {
		return nil, nil
	}
	// Backticked values of the phrase's sentence (or of the list right
	// after it): map text offset to raw by order.
	rawLoc := valuesPhrase(c.raw)
	var vals []string
	var offs []int
	seen := map[string]bool{}
	if rawLoc != nil {
		for _, s := range listCodes(c, rawLoc) {
			v := strings.Trim(strings.TrimSpace(s.text), `"'.,`)
			if v == "" || strings.ContainsAny(v, " \t") || seen[v] || v == "null" {
				continue
			}
			seen[v] = true
			vals = append(vals, v)
			offs = append(offs, s.off)
		}
	}
	if len(vals) > 0 {
		return numericGuard(vals, offs)
	}
	// Plain list: words separated by commas up to the end of the sentence.
	rest := c.text[loc[1]:]
	rest = parenNoteRe.ReplaceAllString(rest, "")
	if i := sentenceEnd(rest); i >= 0 {
		rest = rest[:i]
	}
	parts := strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ';' })
	for i, part := range parts {
		v := strings.TrimSpace(part)
		if i == len(parts)-1 {
			v = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v, "and "), "or "))
		}
		v = strings.Trim(v, `"'*`)
		if !plainValueRe.MatchString(v) {
			return nil, nil
		}
		if seen[v] || v == "null" {
			continue
		}
		seen[v] = true
		vals = append(vals, v)
		offs = append(offs, c.off+rawLoc1(c, rawLoc))
	}
	if len(vals) < 2 {
		return nil, nil
	}
	return numericGuard(vals, offs)
}

// mayListValues reports whether text can hold a values phrase
// (valuesPhrase): every phrase it knows holds "values", "value can be" or
// "one of" (c.text has its white space collapsed to single spaces). Most
// cells hold none, so the search is skipped for them. The phrases are
// matched as (?i) does, so "valueſ" (long s, U+017F) counts too; the
// lower-casing search it replaces is in phrases_test.go.
func mayListValues(text string) bool { return valuesHints.in(text) }

var valuesHints = newFoldPhrases("values", "value can be", "one of")

func rawLoc1(c cell, loc []int) int {
	if loc == nil {
		return 0
	}
	return loc[1]
}

// numericGuard drops lists that are numbers (ranges, not enums).
func numericGuard(vals []string, offs []int) ([]string, []int) {
	for _, v := range vals {
		if numericRe.MatchString(v) {
			return nil, nil
		}
	}
	return vals, offs
}

// sentenceEnd finds the end of the first sentence (". " or a final ".").
func sentenceEnd(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && (i+1 == len(s) || s[i+1] == ' ') {
			return i
		}
	}
	return -1
}
