package parser

import (
	"regexp"
	"slices"
	"testing"
)

// valuesPhraseRe is the specification valuesPhrase implements by hand.
var valuesPhraseRe = regexp.MustCompile(`(?i)(the\s+)?(possible|supported|allowed|valid|accepted)\s+values\s*(are|include|is)?\s*:?|the value can be\s*:?|can be one of( the following)?\s*:?|(is|be) one of the following( values)?\s*:?`)

var valuesPhraseCases = []string{
	"",
	"The possible values are: `a`, `b`.",
	"The possible values are `a`, `b`.",
	"Possible values:\tone, two.",
	"the  \n possible\r\fvalues   include :x",
	"Supported values is",
	"Valid values 0 to 65535",
	"Accepted Values island",
	"allowed valuesare",
	"The value can be: x",
	"The value can be  x",
	"the value  can be",
	"It can be one of the following: a, b",
	"It can be one of: a",
	"can be one of the foo",
	"It is one of the following values: a",
	"must be one of the following : a",
	"Is one of the followin",
	"THE POSSIBLE VALUES ARE",
	"the poſſible valueſ are", // ſ folds to s
	"Poſſible ValueS Include",
	"the\u212a possible values", // K is not in any word
	"thethe possible values are",
	"the the possible values",
	"not a list",
	"values",
	"the possible",
	"valid valid values",
	"isbe one of the following",
	"\xc5possible values",
	"possible values\xbf:",
	"the value can be one of the following values:",
	"is one of the following values values",
}

func TestValuesPhraseMatchesRegexp(t *testing.T) {
	for _, s := range valuesPhraseCases {
		checkValuesPhrase(t, s)
	}
}

// FuzzValuesPhrase checks valuesPhrase against valuesPhraseRe.
func FuzzValuesPhrase(f *testing.F) {
	for _, s := range valuesPhraseCases {
		f.Add(s)
	}
	f.Fuzz(checkValuesPhrase)
}

// checkValuesPhrase fails when valuesPhrase and valuesPhraseRe disagree on s.
func checkValuesPhrase(t *testing.T, s string) {
	if got, want := valuesPhrase(s), valuesPhraseRe.FindStringIndex(s); !slices.Equal(got, want) {
		t.Errorf("valuesPhrase(%q) = %v, regexp finds %v", s, got, want)
	}
}
