package jsondoc

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fix is a repair without its message.
type fix struct {
	Off  int
	Code string
}

func fixes(rs []Repair) []fix {
	var out []fix
	for _, r := range rs {
		out = append(out, fix{r.Off, r.Code})
	}
	return out
}

func TestParseLenientRepairs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []fix
		out  string // Compact of the result
	}{
		{"trailing comma in array", `[1,2,]`, []fix{{4, CodeTrailingComma}}, `[1,2]`},
		{"trailing commas nested", `{"a":[1,],}`, []fix{{7, CodeTrailingComma}, {9, CodeTrailingComma}}, `{"a":[1]}`},
		{"line comment", "{\n// note\n\"a\":1}", []fix{{2, CodeComment}}, `{"a":1}`},
		{"block comment", `{"a":/* x */1}`, []fix{{5, CodeComment}}, `{"a":1}`},
		{"comment at end", "[1] // done", []fix{{4, CodeComment}}, `[1]`},
		{"slashes in strings stay", `{"u":"http://x" // c` + "\n}", []fix{{16, CodeComment}}, `{"u":"http://x"}`},
		{"ellipsis elements", `{"value": [ {...}, ... ]}`, []fix{{13, CodeEllipsis}, {19, CodeEllipsis}}, `{"value":[{}]}`},
		{"ellipsis line between members", "{\n\"a\": 1,\n...\n\"b\": 2\n}", []fix{{10, CodeEllipsis}}, `{"a":1,"b":2}`},
		{"ellipsis line without commas", "{\"a\": 1\n...\n\"b\": 2}", []fix{{8, CodeEllipsis}}, `{"a":1,"b":2}`},
		{"unicode ellipsis", `[1, …]`, []fix{{4, CodeEllipsis}}, `[1]`},
		{"two dots", `{"d": [..], "r": [1, .., 2]}`, []fix{{7, CodeEllipsis}, {21, CodeEllipsis}}, `{"d":[],"r":[1,2]}`},
		{"ellipsis as member value", `{"a": 1, "b": ..., "c": 3}`, []fix{{14, CodeEllipsis}}, `{"a":1,"c":3}`},
		{"ellipsis then trailing comma", "[1, ...,\n]", []fix{{4, CodeEllipsis}, {7, CodeTrailingComma}}, `[1]`},
		{"nbsp", "{\u00a0\"a\":\u202f1}", []fix{{1, CodeNBSP}, {7, CodeNBSP}}, `{"a":1}`},
		{"nbsp run is one repair", "[\u00a0\u00a0\u2003 1]", []fix{{1, CodeNBSP}}, `[1]`},
		{"nbsp inside strings stays", "[\"a\u00a0b\"\u00a0]", []fix{{7, CodeNBSP}}, "[\"a\u00a0b\"]"},
		{"bom and zero width space", "\ufeff[\u200b1]", []fix{{0, CodeNBSP}, {4, CodeNBSP}}, `[1]`},
		{"unquoted keys", `{ key: "x", $ref: 1, @odata.type: "t", a-b.c_d9: 2 }`,
			[]fix{{2, CodeUnquotedKey}, {12, CodeUnquotedKey}, {21, CodeUnquotedKey}, {39, CodeUnquotedKey}},
			`{"key":"x","$ref":1,"@odata.type":"t","a-b.c_d9":2}`},
		{"single quotes", `{'a': 'it\'s "x"'}`, []fix{{1, CodeSingleQuote}, {6, CodeSingleQuote}}, `{"a":"it's \"x\""}`},
		{"smart quotes", `{“a”: “b”}`, []fix{{1, CodeSmartQuote}, {10, CodeSmartQuote}}, `{"a":"b"}`},
		{"smart quote closing a string", "{\"m\": \"GET”,\n\"u\": 1}", []fix{{10, CodeSmartQuote}}, `{"m":"GET","u":1}`},
		{"smart quote closing a string at end", "[\"GET”]", []fix{{5, CodeSmartQuote}}, `["GET"]`},
		{"missing comma in array", "[1\n2]", []fix{{2, CodeMissingComma}}, `[1,2]`},
		{"missing comma in object", "{\"a\":{}\n  \"b\":2}", []fix{{7, CodeMissingComma}}, `{"a":{},"b":2}`},
		{"missing comma before comment", "[1 // x\n2]", []fix{{2, CodeMissingComma}, {3, CodeComment}}, `[1,2]`},
		{"trailing comma before comment", "[1, // x\n]", []fix{{2, CodeTrailingComma}, {4, CodeComment}}, `[1]`},
		{"bare words", `{"count": Int32, "id": Edm.String, "t": True, "f": FALSE, "n": NULL, "ok": null}`,
			[]fix{{10, CodeBareWord}, {23, CodeBareWord}, {40, CodeBareWord}, {51, CodeBareWord}, {63, CodeBareWord}},
			`{"count":"Int32","id":"Edm.String","t":true,"f":false,"n":null,"ok":null}`},
		{"bare word array", `[nullable, truth]`, []fix{{1, CodeBareWord}, {11, CodeBareWord}}, `["nullable","truth"]`},
		{"several at once", "{ credentials: [\n  { key: 'UserName', value: 'u' },\n]\n}",
			[]fix{{2, CodeUnquotedKey}, {21, CodeUnquotedKey}, {26, CodeSingleQuote}, {38, CodeUnquotedKey}, {45, CodeSingleQuote}, {50, CodeTrailingComma}},
			`{"credentials":[{"key":"UserName","value":"u"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse([]byte(tt.src), 0); err == nil {
				t.Fatalf("Parse accepts %q; the test needs broken input", tt.src)
			}
			v, repairs, err := ParseLenient([]byte(tt.src), 0)
			if err != nil {
				t.Fatalf("ParseLenient(%q): %v", tt.src, err)
			}
			if diff := cmp.Diff(tt.want, fixes(repairs)); diff != "" {
				t.Errorf("repairs (-want +got):\n%s", diff)
			}
			for _, r := range repairs {
				if r.Message == "" {
					t.Errorf("repair %+v has no message", r)
				}
			}
			if got := string(v.Compact()); got != tt.out {
				t.Errorf("Compact = %s, want %s", got, tt.out)
			}
			if !json.Valid(v.Compact()) {
				t.Errorf("Compact is not valid JSON")
			}
		})
	}
}

func TestParseLenientPositions(t *testing.T) {
	src := "{ key: 'x',\u00a0// c\n  “é”: [1\n  Int32, ...]\n}"
	v, _, err := ParseLenient([]byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []pos{
		{"", -1, 0, 48},
		{"/key", 2, 7, 10},
		{"/é", 20, 30, 46}, // after a 2-byte NBSP and the 3-byte “
		{"/é/0", -1, 31, 32},
		{"/é/1", -1, 35, 40},
	}
	if diff := cmp.Diff(want, positions(v)); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
}

func TestParseLenientStrictInput(t *testing.T) {
	for _, src := range validInputs {
		v, repairs, err := ParseLenient([]byte(src), 0)
		if err != nil || repairs != nil {
			t.Errorf("ParseLenient(%q) = %v, %v; want no repairs", src, repairs, err)
			continue
		}
		strict, _ := Parse([]byte(src), 0)
		if diff := cmp.Diff(strict, v); diff != "" {
			t.Errorf("ParseLenient(%q) differs from Parse (-strict +lenient):\n%s", src, diff)
		}
	}
}

func TestParseLenientErrors(t *testing.T) {
	tests := []struct {
		src     string
		wantOff int
		wantMsg string
		want    []fix // repairs made before the failure
	}{
		{`[1 2]`, 3, "expected ',' or ']' after array element, found '2'", nil},
		{`{"a": }`, 6, "unexpected '}', expected a value", nil},
		{`[1] /* open`, 4, "unterminated /* comment", nil},
		{"[\"a\nb\"]", 1, "unterminated string", nil},
		{"['a\n']", 1, "unterminated string", []fix{{1, CodeSingleQuote}}},
		{"[“a\n”]", 1, "unterminated string", []fix{{1, CodeSmartQuote}}},
		{`[1,] x`, 5, "unexpected 'x' after the end of the value", []fix{{2, CodeTrailingComma}}},
		{`{"date": 2021-01-01}`, 13, "expected ',' or '}' after object member, found '-'", nil},
		{`{"a" "b"}`, 5, "expected ':' after object key, found '\"'", nil},
		{`...`, 0, "unexpected '.', expected a value", nil},
		{`[1,,2]`, 3, "unexpected ',', expected a value", nil},
		{`{key}`, 4, "expected ':' after object key, found '}'", []fix{{1, CodeUnquotedKey}}},
	}
	for _, tt := range tests {
		_, repairs, err := ParseLenient([]byte(tt.src), 0)
		if err == nil {
			t.Errorf("ParseLenient(%q) succeeded, want an error", tt.src)
			continue
		}
		se := syntaxError(t, err)
		if se.Off != tt.wantOff || se.Msg != tt.wantMsg {
			t.Errorf("ParseLenient(%q) error = %d %q, want %d %q", tt.src, se.Off, se.Msg, tt.wantOff, tt.wantMsg)
		}
		if diff := cmp.Diff(tt.want, fixes(repairs)); diff != "" {
			t.Errorf("ParseLenient(%q) repairs (-want +got):\n%s", tt.src, diff)
		}
	}
}
