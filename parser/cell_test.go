package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseCell(t *testing.T) {
	for _, tc := range []struct {
		raw   string
		refs  linkRefs
		text  string
		links []link
		codes []span
	}{
		{raw: "plain", text: "plain"},
		{raw: "Update a [user](../resources/user.md) object.", text: "Update a user object.",
			links: []link{{text: "user", dest: "../resources/user.md", off: 9}}},
		{raw: "[itemActivityStat][] collection", refs: linkRefs{"itemactivitystat": true}, text: "itemActivityStat collection",
			links: []link{{text: "itemActivityStat"}}},
		{raw: "[user] or [the Group][group]", refs: linkRefs{"user": true, "group": true}, text: "user or the Group",
			links: []link{{text: "user"}, {text: "the Group"}}},
		// Reference links whose label the page does not define are text.
		{raw: "a[0]", text: "a[0]"},
		{raw: "x[y]z", text: "x[y]z"},
		{raw: "[a][b] [c][]", refs: linkRefs{"c": true}, text: "[a][b] c", links: []link{{text: "c"}}},
		// Entities need their ';'; an unknown name is text.
		{raw: "&amp", text: "&amp"},
		{raw: "a&ampb", text: "a&ampb"},
		{raw: "&ampx; &lt;&#65;&#x42;&notin; &#0;", text: "&ampx; <AB\u2209 \ufffd"},
		// Not decoded in code spans or after a backslash.
		{raw: "`&amp;` \\&amp;", text: "&amp; &amp;", codes: []span{{text: "&amp;", off: 1}}},
		// Line and paragraph separators and NEL are not white space.
		{raw: "x\u2028y nel\u0085 p\u2029", text: "x\u2028y nel\u0085 p\u2029"},
		{raw: " a \t b\u00a0 ", text: "a b"},
		{raw: "bad\xff\xfe", text: "bad\ufffd\ufffd"},
		// Brackets inside a code span do not close a link; a closing
		// backtick run is exactly as long as the opening one.
		{raw: "[`]`](x.md)", text: "]", links: []link{{text: "]", dest: "x.md"}}, codes: []span{{text: "]", off: 2}}},
		{raw: "``a`b`` `c", text: "a`b `c", codes: []span{{text: "a`b", off: 2}}},
		{raw: "[a](b", text: "[a](b"},
		{raw: `\\[x](y.md)`, text: `\x`, links: []link{{text: "x", dest: "y.md"}}},
		{raw: "Possible values are: `a`, `b`.", text: "Possible values are: a, b.",
			codes: []span{{text: "a", off: 22}, {text: "b", off: 27}}},
		{raw: "**bold** and <br> and &lt;x&gt;", text: "bold and and <x>"},
		{raw: `a \| b`, text: "a | b"},
		{raw: "x\u00a0y", text: "x y"},
		{raw: "[a](b.md \"title\") c", text: "a c", links: []link{{text: "a", dest: "b.md"}}},
		{raw: "unclosed [bracket", text: "unclosed [bracket"},
	} {
		c := parseCell(tc.raw, 0, tc.refs)
		if c.text != tc.text {
			t.Errorf("parseCell(%q).text = %q, want %q", tc.raw, c.text, tc.text)
		}
		if diff := cmp.Diff(tc.links, c.links, cmp.AllowUnexported(link{}), cmpIgnoreZeroOff(tc.links)); diff != "" {
			t.Errorf("parseCell(%q).links (-want +got):\n%s", tc.raw, diff)
		}
		if diff := cmp.Diff(tc.codes, c.codes, cmp.AllowUnexported(span{})); diff != "" {
			t.Errorf("parseCell(%q).codes (-want +got):\n%s", tc.raw, diff)
		}
	}
}

// cmpIgnoreZeroOff ignores link offsets when the wanted ones are all zero.
func cmpIgnoreZeroOff(want []link) cmp.Option {
	for _, l := range want {
		if l.off != 0 {
			return cmp.Options{}
		}
	}
	return cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".off" }, cmp.Ignore())
}

func TestSplitRow(t *testing.T) {
	for _, tc := range []struct {
		line string
		want int
		got  []string
	}{
		{"|a|b|c|", -1, []string{"a", "b", "c"}},
		{"a | b | c", -1, []string{"a", "b", "c"}},
		{"| a \\| b | c |", -1, []string{"a | b", "c"}},
		{"| `x|y` | z |", 2, []string{"x|y", "z"}},
		{"| `x|y` | z |", -1, []string{"`x", "y`", "z"}},
		{"|a||c|", -1, []string{"a", "", "c"}},
	} {
		cells := splitRow(tc.line, 0, tc.want, nil)
		var got []string
		for _, c := range cells {
			got = append(got, c.text)
		}
		if diff := cmp.Diff(tc.got, got); diff != "" {
			t.Errorf("splitRow(%q, %d) (-want +got):\n%s", tc.line, tc.want, diff)
		}
	}
}

func TestDescribedValues(t *testing.T) {
	for _, tc := range []struct {
		desc string
		want []string
	}{
		{"Possible values are: `registration`, `reset`, `unknownFutureValue`.", []string{"registration", "reset", "unknownFutureValue"}},
		{"The possible values are `a`, `b` (only for x), `c`.", []string{"a", "b", "c"}},
		{"Supported values are D7, D30, D90, and D180.", []string{"D7", "D30", "D90", "D180"}},
		{"Valid values 0 to 65535", nil},
		{"Valid values are `0`, `1`.", nil},
		{"The name of the thing.", nil},
		{"Possible values include: `a`, `b`", []string{"a", "b"}},
		{"Value can be one of the following: `x`, `y`.", []string{"x", "y"}},
	} {
		got, _ := describedValues(parseCell(tc.desc, 0, nil))
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("describedValues(%q) (-want +got):\n%s", tc.desc, diff)
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u202f b", "a\u2009", "\u0085a", "a\u2028 b", "é b", "a\r\nb", "a b c", "a\vb\fc"} {
		// The reference: CommonMark white space plus no-break and thin
		// spaces separate words; U+0085, U+2028 and U+2029 do not.
		want := strings.Join(strings.FieldsFunc(s, func(r rune) bool {
			return strings.ContainsRune(" \t\n\v\f\r\u00a0\u202f\u2009", r)
		}), " ")
		if got := collapseSpace(s); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
