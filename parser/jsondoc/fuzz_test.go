package jsondoc

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var fuzzSeeds = []string{
	`{"a":[1,2,{"b":null}],"c":"\u00e9\ud83d\ude00"}`,
	`[1,]`, `{"a":1,}`, "{\n// c\n\"a\":1 /* x */}", `{"value": [ {...}, ... ]}`,
	"{\u00a0\"a\":\u202f1}", `{ key: 'x', $ref: “y” }`, "{\"m\": \"GET”,\n\"u\": 1}",
	"[1\n2]", `{"count": Int32, "t": True}`, "[\"a\nb\"]", `"\ud83d\u0041"`,
	"\"\xff\"", `[[[[]]]]`, `1e`, `-`, `{"a" 1}`, `[..]`, `{"a": ...}`,
}

// FuzzParse checks that Parse agrees with encoding/json and that
// ParseLenient always returns strict JSON (or an error), never panicking.
func FuzzParse(f *testing.F) {
	for _, s := range append(fuzzSeeds, validInputs...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		v, err := Parse(src, 0)
		valid := json.Valid(src)
		if err != nil {
			checkError(t, "Parse", err, len(src))
			if valid {
				t.Fatalf("Parse rejects JSON that encoding/json accepts: %v", err)
			}
		} else {
			if !valid {
				t.Fatalf("Parse accepts JSON that encoding/json rejects")
			}
			checkTree(t, v, len(src))
			want, derr := decodeStd(src)
			if derr != nil {
				t.Fatalf("encoding/json: %v", derr)
			}
			if diff := cmp.Diff(want, v.Interface()); diff != "" {
				t.Fatalf("Interface (-encoding/json +got):\n%s", diff)
			}
			again, err := Parse(v.Compact(), 0)
			if err != nil {
				t.Fatalf("Compact %q does not parse: %v", v.Compact(), err)
			}
			if diff := cmp.Diff(v.Interface(), again.Interface()); diff != "" {
				t.Fatalf("Compact changes the value (-before +after):\n%s", diff)
			}
		}

		lv, repairs, lerr := ParseLenient(src, 0)
		if lerr != nil {
			checkError(t, "ParseLenient", lerr, len(src))
			if err == nil {
				t.Fatalf("ParseLenient fails where Parse succeeds: %v", lerr)
			}
			return
		}
		if err == nil && len(repairs) > 0 {
			t.Fatalf("repairs %v on strict input", repairs)
		}
		checkTree(t, lv, len(src))
		checkRepairs(t, repairs, len(src))
		if _, err := Parse(lv.Compact(), 0); err != nil || !json.Valid(lv.Compact()) {
			t.Fatalf("Compact of a lenient result %q is not strict JSON: %v", lv.Compact(), err)
		}
	})
}

// checkError checks that err is a *SyntaxError with an offset in the input.
func checkError(t *testing.T, fn string, err error, n int) {
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("%s error %v is %T, want *SyntaxError", fn, err, err)
	}
	if se.Off < 0 || se.Off > n || se.Msg == "" {
		t.Fatalf("%s error %+v: bad offset or message for %d bytes", fn, se, n)
	}
}

// checkTree checks that every value lies inside its parent and the input,
// and that members and elements are in source order.
func checkTree(t *testing.T, root *Value, n int) {
	if root.Off < 0 || root.End > n {
		t.Fatalf("root [%d,%d) outside the input of %d bytes", root.Off, root.End, n)
	}
	walk(root, func(v *Value) {
		if v.Off >= v.End {
			t.Fatalf("%s value has empty span [%d,%d)", v.Kind, v.Off, v.End)
		}
		last := v.Off
		for _, m := range v.Members {
			if m.KeyOff <= last || m.Value.Off <= m.KeyOff || m.Value.End >= v.End {
				t.Fatalf("member %q at %d/[%d,%d) out of order in [%d,%d)", m.Key, m.KeyOff, m.Value.Off, m.Value.End, v.Off, v.End)
			}
			last = m.Value.End - 1
		}
		for _, e := range v.Elems {
			if e.Off <= last || e.End >= v.End {
				t.Fatalf("element [%d,%d) out of order in [%d,%d)", e.Off, e.End, v.Off, v.End)
			}
			last = e.End - 1
		}
	})
}

var knownCodes = map[string]bool{
	CodeTrailingComma: true, CodeComment: true, CodeEllipsis: true, CodeNBSP: true,
	CodeUnquotedKey: true, CodeSingleQuote: true, CodeSmartQuote: true,
	CodeMissingComma: true, CodeBareWord: true,
}

// checkRepairs checks that repairs are known, in range and in source order.
func checkRepairs(t *testing.T, repairs []Repair, n int) {
	for i, r := range repairs {
		if !knownCodes[r.Code] || r.Message == "" || r.Off < 0 || r.Off > n {
			t.Fatalf("bad repair %+v for %d bytes", r, n)
		}
		if i > 0 && repairs[i-1].Off > r.Off {
			t.Fatalf("repairs out of order: %+v before %+v", repairs[i-1], r)
		}
	}
}
