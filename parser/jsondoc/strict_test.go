package jsondoc

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// validInputs are strict JSON texts; tests check that Parse agrees with
// encoding/json on every one of them.
var validInputs = []string{
	`null`, `true`, `false`, `0`, `-0`, `12`, `-1.5e+10`, `1E-2`, `0.000`,
	`123456789012345678901234567890.5e999`,
	`""`, `"abc"`, `" \t\r\n "`,
	`"\" \\ \/ \b \f \n \r \t"`,
	`"\u00e9\u00E9 \u2028 \u0000 \u001f"`,
	`"\ud83d\ude00"`,        // surrogate pair
	`"\ud83d"`,              // lone high surrogate
	`"\ude00x"`,             // lone low surrogate
	`"\ud83d\u0041"`,        // high surrogate then a non-surrogate escape
	`"\ud83d\ud83d\ude00"`,  // high, then a valid pair
	"\"\xff\xfe bad \xc3\"", // invalid UTF-8
	"\"\xed\xa0\x80\"",      // UTF-8 encoded surrogate (invalid)
	`"é😀 <&> ` + "\u2028\u2029" + `"`,
	`{}`, `[]`, ` { } `, "\t[ ]\n",
	`{"a":1,"b":[true,false,null],"c":{"d":"e"}}`,
	`{"a":1,"a":2}`,
	`{"a":{"x":1},"a":{"y":2}}`,
	`[[[[]]],{},[{}]]`,
	`{"":""}`,
	`{"é":"ü","\u00e9":1}`,
	`[1,-2,3.25,4e5,-0.0e-0]`,
}

func TestParseAgreesWithEncodingJSON(t *testing.T) {
	for _, src := range validInputs {
		want, err := decodeStd([]byte(src))
		if err != nil {
			t.Fatalf("bad test input %q: %v", src, err)
		}
		v, err := Parse([]byte(src), 0)
		if err != nil {
			t.Errorf("Parse(%q): %v", src, err)
			continue
		}
		if diff := cmp.Diff(want, v.Interface()); diff != "" {
			t.Errorf("Parse(%q).Interface() (-encoding/json +got):\n%s", src, diff)
		}
		if v.Off != len(src)-len(strings.TrimLeft(src, " \t\r\n")) || v.End != len(strings.TrimRight(src, " \t\r\n")) {
			t.Errorf("Parse(%q): Off, End = %d, %d, want the value without surrounding space", src, v.Off, v.End)
		}
		again, err := decodeStd(v.Compact())
		if err != nil {
			t.Errorf("Compact(%q) = %q: %v", src, v.Compact(), err)
			continue
		}
		if diff := cmp.Diff(want, again); diff != "" {
			t.Errorf("Compact(%q) decodes differently (-want +got):\n%s", src, diff)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		src     string
		wantOff int
		wantMsg string
	}{
		{``, 0, "unexpected end of input, expected a value"},
		{`   `, 3, "unexpected end of input, expected a value"},
		{`{`, 1, "unexpected end of input: object opened at offset 0 is not closed"},
		{`[1,2`, 4, "unexpected end of input: array opened at offset 0 is not closed"},
		{`[1,]`, 2, "trailing comma before ']'"},
		{`{"a":1,}`, 6, "trailing comma before '}'"},
		{`{"a" 1}`, 5, "expected ':' after object key, found '1'"},
		{`{a:1}`, 1, "expected a string for an object key, found 'a'"},
		{`{"a":1 "b":2}`, 7, "expected ',' or '}' after object member, found '\"'"},
		{`[1 2]`, 3, "expected ',' or ']' after array element, found '2'"},
		{`[1] x`, 4, "unexpected 'x' after the end of the value"},
		{`1 2`, 2, "unexpected '2' after the end of the value"},
		{`tru`, 0, "invalid literal, expected true, false or null"},
		{`True`, 0, "unexpected 'T', expected a value"},
		{`nul`, 0, "invalid literal, expected true, false or null"},
		{`truex`, 4, "unexpected 'x' after the end of the value"},
		{`-`, 1, "invalid number: expected a digit after '-'"},
		{`-a`, 1, "invalid number: expected a digit after '-'"},
		{`01`, 1, "unexpected '1' after the end of the value"},
		{`1.`, 2, "invalid number: expected a digit after '.'"},
		{`1.e5`, 2, "invalid number: expected a digit after '.'"},
		{`1e`, 2, "invalid number: expected a digit in the exponent"},
		{`1e+`, 3, "invalid number: expected a digit in the exponent"},
		{`+1`, 0, "unexpected '+', expected a value"},
		{`.5`, 0, "unexpected '.', expected a value"},
		{`"abc`, 0, "unterminated string"},
		{"[\"a\nb\"]", 1, "unterminated string"},
		{"\"a\tb\"", 2, "control character U+0009 in string"},
		{`"\x"`, 1, `invalid escape 'x' in string`},
		{`"\'"`, 1, `invalid escape '\'' in string`},
		{`"\u12"`, 1, `invalid \u escape: expected four hex digits`},
		{`"\u12G4"`, 1, `invalid \u escape: expected four hex digits`},
		{`"\`, 1, "unterminated string"},
		{`'a'`, 0, "unexpected '\\'', expected a value"},
		{"\u00a0{}", 0, "unexpected '\\u00a0', expected a value"},
		{`{"a":1}//`, 7, "unexpected '/' after the end of the value"},
		{`[1,,2]`, 3, "unexpected ',', expected a value"},
		{`{"a":1,,}`, 7, "expected a string for an object key, found ','"},
		{`]`, 0, "unexpected ']', expected a value"},
		{`{"é":1 x}`, 8, "expected ',' or '}' after object member, found 'x'"},
	}
	for _, tt := range tests {
		if json.Valid([]byte(tt.src)) {
			t.Fatalf("bad test input %q: encoding/json accepts it", tt.src)
		}
		v, err := Parse([]byte(tt.src), 0)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want an error", tt.src, v.Compact())
			continue
		}
		se := syntaxError(t, err)
		if se.Off != tt.wantOff || se.Msg != tt.wantMsg {
			t.Errorf("Parse(%q) error = %d %q, want %d %q", tt.src, se.Off, se.Msg, tt.wantOff, tt.wantMsg)
		}
	}
}

func TestCompact(t *testing.T) {
	tests := []struct{ src, want string }{
		{` { "b" : 1 , "a" : [ 1.0E+2 , -0 ] , "b" : null } `, `{"b":1,"a":[1.0E+2,-0],"b":null}`},
		{`"\u003c&>\/"`, `"<&>/"`},
		{`"\u0001\b\f\n\r\t\u007f"`, `"\u0001\b\f\n\r\t` + "\x7f" + `"`},
		{`"\u2028\u2029"`, `"\u2028\u2029"`},
		{"\"\xff\"", "\"\uFFFD\""}, // decoded to a valid U+FFFD, written raw
		{`"\ud83d\ude00 é"`, `"😀 é"`},
		{`{"k\"ey":"v"}`, `{"k\"ey":"v"}`},
		{`123456789012345678901234567890`, `123456789012345678901234567890`},
	}
	for _, tt := range tests {
		v, err := Parse([]byte(tt.src), 0)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.src, err)
		}
		if got := string(v.Compact()); got != tt.want {
			t.Errorf("Compact(%q) = %s, want %s", tt.src, got, tt.want)
		}
	}
}

// TestCompactStringsLikeEncodingJSON checks string escaping byte for byte
// against encoding/json with HTML escaping off.
func TestCompactStringsLikeEncodingJSON(t *testing.T) {
	var all strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		all.WriteRune(r)
	}
	for _, s := range []string{all.String(), "\xff\xc3 x \xed\xa0\x80", "\uFFFD\uFEFF", ""} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(buf.String(), "\n")
		if got := string((&Value{Kind: String, Str: s}).Compact()); got != want {
			t.Errorf("Compact of %q:\n got %s\nwant %s", s, got, want)
		}
	}
}

func TestGet(t *testing.T) {
	v, err := Parse([]byte(`{"a":1,"b":2,"a":3}`), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Get("a"); got == nil || got.Str != "1" {
		t.Errorf(`Get("a") = %+v, want the first member, 1`, got)
	}
	if got := v.Get("z"); got != nil {
		t.Errorf(`Get("z") = %+v, want nil`, got)
	}
	if got := v.Get("a").Get("a"); got != nil {
		t.Errorf("Get on a number = %+v, want nil", got)
	}
	var nilValue *Value
	if got := nilValue.Get("a"); got != nil {
		t.Errorf("Get on nil = %+v, want nil", got)
	}
}

func TestInvalidUTF8BecomesReplacement(t *testing.T) {
	v, err := Parse([]byte("{\"k\xff\":\"a\xc3\xa9\xc3b\"}"), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []Member{{Key: "k\uFFFD", KeyOff: 1, Value: &Value{Kind: String, Str: "aé\uFFFDb", Off: 6, End: 13}}}
	if diff := cmp.Diff(want, v.Members); diff != "" {
		t.Errorf("members (-want +got):\n%s", diff)
	}
}
