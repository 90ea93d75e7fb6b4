package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseCell(t *testing.T) {
	for _, tc := range []struct {
		raw   string
		text  string
		links []link
		codes []span
	}{
		{raw: "plain", text: "plain"},
		{raw: "Update a [user](../resources/user.md) object.", text: "Update a user object.",
			links: []link{{text: "user", dest: "../resources/user.md", off: 9}}},
		{raw: "[itemActivityStat][] collection", text: "itemActivityStat collection",
			links: []link{{text: "itemActivityStat"}}},
		{raw: "Possible values are: `a`, `b`.", text: "Possible values are: a, b.",
			codes: []span{{text: "a", off: 22}, {text: "b", off: 27}}},
		{raw: "**bold** and <br> and &lt;x&gt;", text: "bold and and <x>"},
		{raw: `a \| b`, text: "a | b"},
		{raw: "x\u00a0y", text: "x y"},
		{raw: "[a](b.md \"title\") c", text: "a c", links: []link{{text: "a", dest: "b.md"}}},
		{raw: "unclosed [bracket", text: "unclosed [bracket"},
	} {
		c := parseCell(tc.raw, 0)
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
		cells := splitRow(tc.line, 0, tc.want)
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
		got, _ := describedValues(parseCell(tc.desc, 0))
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("describedValues(%q) (-want +got):\n%s", tc.desc, diff)
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u202f b", "a\u2009", "\u0085a", "é b", "a\r\nb", "a b c", "a\vb\fc"} {
		want := strings.Join(strings.Fields(s), " ")
		if got := collapseSpace(s); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
