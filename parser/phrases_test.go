package parser

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The regexps that the phrase matchers of the parser implement by hand.
var (
	valuesPhraseRe = regexp.MustCompile(`(?i)(the\s+)?(possible|supported|allowed|valid|accepted)\s+values\s*(are|include|is)?\s*:?|the value can be\s*:?|can be one of( the following)?\s*:?|(is|be) one of the following( values)?\s*:?`)
	noBodyRe       = regexp.MustCompile(`(?i)(do not|don't|doesn't|does not|no need to) (supply|provide|specify|include|send)|not require a request body|no request body|request body (is|must be) empty`)
	inheritsRe     = regexp.MustCompile(`(?i)(inherits|derived|derives) from`)
	statusCodeRe   = regexp.MustCompile("`?\\b([1-5][0-9][0-9])(?:\\s+[A-Z][A-Za-z ]*)?`?")
	responseBodyRe = regexp.MustCompile(`(?i)in the response body`)
	identRe        = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)
	headerRe       = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*\s*:`)
	collectionRe   = regexp.MustCompile(`(?i)collection of`)
	tabLabelRe     = regexp.MustCompile(`^\[[^\[\]]*\]\(\s*#tab/([^()\s]*)\s*\)$`)
)

var phraseCases = []string{
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
	"Don't supply a request body for this method.",
	"DO NOT SEND",
	"do not  supply",
	"does not include",
	"doeſn't ſpecify",
	"It doesn't provide",
	"there is no need to provide a body",
	"This method does not require a request body.",
	"No request body",
	"The request body is empty.",
	"request body must be  empty",
	"request body muſt be empty",
	"In the request body, supply a JSON representation of the user object.",
	"don’t supply",
	"Inherits from [entity](entity.md).",
	"Derived from directoryObject",
	"DERIVES FROM x",
	"inheritſ from",
	"inherits  from",
	"xinherits fromx",
	"inherits fro",
	"\xc5\xbf\xe2\x84\xaa \xc5 from",
	"If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.",
	"returns 204 No Content",
	"2000 x 6000 _404 a404 é404 4045",
	"09 199 600 1x9 12",
	"a Boolean in the reſponse body",
	"IN THE RESPONSE  BODY",
	"plain  cell\ttext ",
	"[HTTP](#tab/http)", "[C#]( \t#tab/csharp\n)", "[a](#tab/)", "[a[b]](#tab/x)", "[a](#tab/x y)",
	"[a](#tab/x)y", "[a] (#tab/x)", "[a](#tab/x(y))", "[a](#tab/\xff )", "[\xc5](#tab/x\v)", "](#tab/x)",
	"a", "_", "a.b", "a_1.B2", "a.", ".a", "a..b", "1a", "a.1", "a-b", "", "microsoft.graph.user", "é",
	"Content-Type: application/json", "Authorization :x", "X-1 \t:", "-a:", "a b:", "a", "a:", "1:",
	"a Collection of", "COLLECTION OF", "colleCtion\tof", "collection  of", "ColleCtion oF x", "colle\u017ftion of",
	"VALUES", "VALUE\u017f", "value\u017f x", "the value CAN be", "ONE OF", "one\u00a0of", "\u0130values", "valueS",
	"a.md", "A.MD", "x.Md", "\xc3.md", "\u212a.md", "md", ".m\u0130", "x.mD\xff",
	"&amp; ", "\\!", "`", "[a]", "<br>", "*", "__",
	"a_b a__b__ [a] `x` <br> &amp; *e* \\|",
}

func TestPhrasesMatchRegexps(t *testing.T) {
	for _, s := range phraseCases {
		checkPhrases(t, s)
	}
}

// FuzzPhrases checks the phrase matchers against their regexps.
func FuzzPhrases(f *testing.F) {
	for _, s := range phraseCases {
		f.Add(s)
	}
	f.Fuzz(checkPhrases)
}

// checkPhrases fails when a phrase matcher and its regexp disagree on s.
func checkPhrases(t *testing.T, s string) {
	if got, want := valuesPhrase(s), valuesPhraseRe.FindStringIndex(s); !slices.Equal(got, want) {
		t.Errorf("valuesPhrase(%q) = %v, regexp finds %v", s, got, want)
	}
	if got, want := noBodyPhrases.in(s), noBodyRe.MatchString(s); got != want {
		t.Errorf("noBodyPhrases.in(%q) = %v, regexp says %v", s, got, want)
	}
	if got, want := inheritsPhrases.in(s), inheritsRe.MatchString(s); got != want {
		t.Errorf("inheritsPhrases.in(%q) = %v, regexp says %v", s, got, want)
	}
	if got, want := responseBodyPhrase.in(s), responseBodyRe.MatchString(s); got != want {
		t.Errorf("responseBodyPhrase.in(%q) = %v, regexp says %v", s, got, want)
	}
	want := -1
	if m := statusCodeRe.FindStringSubmatchIndex(s); m != nil {
		want = m[2]
	}
	if got := statusCodeAt(s); got != want {
		t.Errorf("statusCodeAt(%q) = %d, regexp finds %d", s, got, want)
	}
	if got, want := isIdent(s), identRe.MatchString(s); got != want {
		t.Errorf("isIdent(%q) = %v, regexp says %v", s, got, want)
	}
	if got, want := isHeaderLine(s), headerRe.MatchString(s); got != want {
		t.Errorf("isHeaderLine(%q) = %v, regexp says %v", s, got, want)
	}
	if got, want := collectionPhrase.in(s), collectionRe.MatchString(s); got != want {
		t.Errorf("collectionPhrase.in(%q) = %v, regexp says %v", s, got, want)
	}
	lower := strings.ToLower(s)
	wantHint := strings.Contains(lower, "values") || strings.Contains(lower, "value can be") ||
		strings.Contains(lower, "one of") || strings.Contains(lower, "value\u017f")
	if got := mayListValues(s); got != wantHint {
		t.Errorf("mayListValues(%q) = %v, searching it lower-cased says %v", s, got, wantHint)
	}
	if got, want := strings.EqualFold(s[max(0, len(s)-3):], ".md"), strings.HasSuffix(strings.ToLower(s), ".md"); got != want {
		t.Errorf("EqualFold of the last 3 bytes of %q with .md = %v, HasSuffix of ToLower says %v", s, got, want)
	}
	wantTab := ""
	if m := tabLabelRe.FindStringSubmatch(s); m != nil {
		wantTab = m[1]
	}
	if got := tabLabel(s); got != wantTab {
		t.Errorf("tabLabel(%q) = %q, regexp finds %q", s, got, wantTab)
	}
	checkShortcuts(t, s)
}

// checkShortcuts fails when a shortcut the parser takes for common input
// disagrees on s with the general reading it skips.
func checkShortcuts(t *testing.T, s string) {
	refs := linkRefs{"a": true}
	scan := newCellScan(s, refs)
	full := cell{raw: s, off: 3}
	full.text = scan.read(&full, 0, len(s), 3)
	if got := parseCell(s, 3, refs); !reflect.DeepEqual(got, full) {
		t.Errorf("parseCell(%q) = %+v, reading it in full gives %+v", s, got, full)
	}
}
