package jsondoc

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// nested returns n arrays nested in each other, closed if closed is set.
func nested(n int, closed bool) []byte {
	s := strings.Repeat("[", n)
	if closed {
		s += strings.Repeat("]", n)
	}
	return []byte(s)
}

func TestDepthLimit(t *testing.T) {
	tests := []struct {
		name     string
		src      []byte
		maxDepth int
		wantOff  int // -1: must succeed
	}{
		{"64 arrays at 64", nested(64, true), 64, -1},
		{"65 arrays at 64", nested(65, true), 64, 64},
		{"objects", []byte(strings.Repeat(`{"a":`, 3) + "1}}}"), 2, 10},
		{"mixed", []byte(`[{"a":[{}]}]`), 3, 7},
		{"scalars do not count", []byte(`[1]`), 1, -1},
		{"default is 10000", nested(10000, true), 0, -1},
		{"default stops at 10001", nested(10001, true), 0, 10000},
		{"100,000 deep at 10000", nested(100000, false), 10000, 10000},
		{"100,000 deep at 64", nested(100000, true), 64, 64},
	}
	for _, tt := range tests {
		for _, lenient := range []bool{false, true} {
			var err error
			if lenient {
				_, _, err = ParseLenient(tt.src, tt.maxDepth)
			} else {
				_, err = Parse(tt.src, tt.maxDepth)
			}
			if tt.wantOff < 0 {
				if err != nil {
					t.Errorf("%s (lenient %v): %v", tt.name, lenient, err)
				}
				continue
			}
			if err == nil {
				t.Errorf("%s (lenient %v): no error", tt.name, lenient)
				continue
			}
			if se := syntaxError(t, err); se.Off != tt.wantOff || !strings.HasPrefix(se.Msg, "nesting deeper than") {
				t.Errorf("%s (lenient %v): error at %d %q, want the depth error at %d", tt.name, lenient, se.Off, se.Msg, tt.wantOff)
			}
		}
	}
}

// TestDepthLimitMatchesEncodingJSON checks that the default limit is the
// one encoding/json uses.
func TestDepthLimitMatchesEncodingJSON(t *testing.T) {
	for _, n := range []int{DefaultMaxDepth, DefaultMaxDepth + 1} {
		_, err := Parse(nested(n, true), 0)
		if got, want := err == nil, json.Valid(nested(n, true)); got != want {
			t.Errorf("depth %d: Parse ok = %v, encoding/json ok = %v", n, got, want)
		}
	}
}

// TestVeryDeep parses, compacts and converts 100,000 nested arrays: nothing
// may recurse on the goroutine stack.
func TestVeryDeep(t *testing.T) {
	const n = 100000
	src := nested(n, true)
	v, err := Parse(src, n)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Compact(); !bytes.Equal(got, src) {
		t.Errorf("Compact of %d nested arrays differs from the input", n)
	}
	depth := 0
	for x := v.Interface(); x != nil; depth++ {
		a := x.([]any)
		x = nil
		if len(a) > 0 {
			x = a[0]
		}
	}
	if depth != n {
		t.Errorf("Interface depth = %d, want %d", depth, n)
	}
	deepObj := []byte(strings.Repeat(`{"a":`, n) + "null" + strings.Repeat("}", n))
	v, err = Parse(deepObj, n)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Compact(); !bytes.Equal(got, deepObj) {
		t.Errorf("Compact of %d nested objects differs from the input", n)
	}
	if v.Interface() == nil {
		t.Errorf("Interface of nested objects is nil")
	}
}

// within fails the test if fn is far slower than a linear baseline measured
// in the same run: encoding/json decoding an input of the same size into an any. No
// absolute wall-clock limit is asserted (machines here are noisy); a
// quadratic step at these sizes is thousands of times slower than the
// baseline, so the generous ratio still separates linear from quadratic.
func within(t *testing.T, name string, size int, fn func()) {
	t.Helper()
	const maxRatio = 200
	base := bytes.Repeat([]byte(`"a",`), size/4+1)
	base = append(append([]byte{'['}, base[:len(base)-1]...), ']')
	best, baseline := time.Duration(1<<63-1), time.Duration(1<<63-1)
	for range 3 {
		start := time.Now()
		var v any
		_ = json.Unmarshal(base, &v)
		baseline = min(baseline, time.Since(start))
		start = time.Now()
		fn()
		best = min(best, time.Since(start))
		if best <= maxRatio*baseline {
			break
		}
	}
	ratio := float64(best) / float64(max(baseline, time.Microsecond))
	if ratio > maxRatio && !raceEnabled {
		t.Errorf("%s took %.0fx the linear baseline (%v vs %v), want under %dx", name, ratio, best, baseline, maxRatio)
	} else {
		t.Logf("%s: %v (%.1fx the encoding/json baseline)", name, best, ratio)
	}
}

func TestLongString(t *testing.T) {
	const size = 10 << 20
	plain := []byte(`"` + strings.Repeat("a", size) + `"`)
	within(t, "10 MB plain string", len(plain), func() {
		v, err := Parse(plain, 0)
		if err != nil || len(v.Str) != size {
			t.Errorf("Parse: %v", err)
		}
	})
	mixed := []byte(`"` + strings.Repeat(`é\n\u00e9\ud83d\ude00`+"\xff", size/24) + `"`)
	within(t, "10 MB string with escapes", len(mixed), func() {
		v, err := Parse(mixed, 0)
		if err != nil || !strings.HasPrefix(v.Str, "é\né😀\uFFFDé") {
			t.Errorf("Parse: %v", err)
		}
	})
	unterminated := []byte(`["` + strings.Repeat("a”", size/4))
	within(t, "10 MB unterminated string, lenient", len(unterminated), func() {
		if _, _, err := ParseLenient(unterminated, 0); err == nil {
			t.Errorf("ParseLenient succeeded on an unterminated string")
		}
	})
}

// TestLenientLinear feeds inputs that make many repairs, or that could make
// a careless repairer go back and forth, and bounds the time they take. At
// this size a quadratic step would take minutes, so the generous bound
// separates linear from quadratic even on a busy machine.
func TestLenientLinear(t *testing.T) {
	const n = 100000
	inputs := map[string]string{
		"missing commas and comments": "[" + strings.Repeat("1 // c\n", n) + "]",
		"trailing commas":             "[" + strings.Repeat("[1, /* c */ ],", n) + "]",
		"deep trailing commas":        strings.Repeat("[1, ", n) + "]" + strings.Repeat(",]", n-1),
		"unquoted keys":               "{" + strings.Repeat("a: b\n", n) + "}",
		"nbsp":                        "[" + strings.Repeat("\u00a01,", n) + "]",
		"ellipses":                    "[" + strings.Repeat("...,", n) + "]",
		"smart quotes":                "[" + strings.Repeat("\"a”,\n", n) + "]",
		"dots":                        "[" + strings.Repeat(".", 4*n) + "]",
	}
	for name, src := range inputs {
		within(t, name, len(src), func() {
			v, _, err := ParseLenient([]byte(src), n+1)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				return
			}
			if _, err := Parse(v.Compact(), n+1); err != nil {
				t.Errorf("%s: Compact is not strict JSON: %v", name, err)
			}
		})
	}
}

func TestInterfaceDuplicatesLastWins(t *testing.T) {
	v, err := Parse([]byte(`{"a":{"x":1},"b":[],"a":{"y":2}}`), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"a": map[string]any{"y": json.Number("2")}, "b": []any{}}
	if diff := cmp.Diff(want, v.Interface()); diff != "" {
		t.Errorf("Interface (-want +got):\n%s", diff)
	}
}
