package rt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
)

// The functions of this file compare and project JSON for the tests of
// generated packages (package rttest) and of this package; the server
// does not use them.

// CompareTestJSON compares two JSON documents by value (numbers compare by
// value, so 1, 1.0 and 1e0 are equal) and returns diff's report of the
// difference, "" when they are equal. With subset false they must be
// equal; with subset true every member of want must be in got with an
// equal value, recursively (arrays must have the same length and match
// element by element). With fold, object member names compare ignoring
// letter case. diff compares two decoded documents (json.Number numbers,
// EqualTestNumbers their comparer). An error names the document that is
// not valid JSON.
func CompareTestJSON(want, got []byte, subset, fold bool, diff func(want, got any) string) (string, error) {
	w, err := DecodeTestJSON(want)
	if err == nil && fold {
		w, err = FoldTestJSON(w)
	}
	if err != nil {
		return "", fmt.Errorf("the expected JSON is not valid: %w", err)
	}
	g, err := DecodeTestJSON(got)
	if err == nil && fold {
		g, err = FoldTestJSON(g)
	}
	if err != nil {
		return "", fmt.Errorf("the JSON is not valid: %w\n%s", err, got)
	}
	if subset {
		g = PruneTestJSON(w, g)
	}
	return diff(w, g), nil
}

// DecodeTestJSON decodes one JSON value, keeping numbers as json.Number.
func DecodeTestJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the JSON value")
	}
	return v, nil
}

// FoldTestJSON returns v with every object member name in lower case; two
// names of one object that differ only in case are an error.
func FoldTestJSON(v any) (any, error) {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, m := range x {
			f, err := FoldTestJSON(m)
			if err != nil {
				return nil, err
			}
			lk := strings.ToLower(k)
			if _, dup := out[lk]; dup {
				return nil, fmt.Errorf("an object has two members named %q ignoring case", lk)
			}
			out[lk] = f
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, m := range x {
			f, err := FoldTestJSON(m)
			if err != nil {
				return nil, err
			}
			out[i] = f
		}
		return out, nil
	}
	return v, nil
}

// PruneTestJSON drops from got the object members that want does not have,
// recursively, so that comparing want with the result checks that want is
// a subset of got.
func PruneTestJSON(want, got any) any {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return got
		}
		out := map[string]any{}
		for k, wv := range w {
			if gv, ok := g[k]; ok {
				out[k] = PruneTestJSON(wv, gv)
			}
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return got
		}
		out := make([]any, len(g))
		for i := range g {
			out[i] = PruneTestJSON(w[i], g[i])
		}
		return out
	}
	return got
}

// EqualTestNumbers compares JSON numbers by value. A fraction written with
// more digits than a float64 holds (documented doubles often are) equals the
// float64 it denotes.
func EqualTestNumbers(a, b json.Number) bool {
	x, okx := new(big.Rat).SetString(string(a))
	y, oky := new(big.Rat).SetString(string(b))
	if !okx || !oky {
		return a == b
	}
	if x.Cmp(y) == 0 {
		return true
	}
	if !strings.ContainsAny(string(a), ".eE") && !strings.ContainsAny(string(b), ".eE") {
		return false
	}
	fx, errx := strconv.ParseFloat(string(a), 64)
	fy, erry := strconv.ParseFloat(string(b), 64)
	return errx == nil && erry == nil && fx == fy
}

// ProjectJSON keeps of the JSON object data only the members sel names and
// those whose names hold "@" (control information and annotations); with
// inValue, of each object of its "value" array instead. With fold, a
// member is named by sel ignoring letter case (response-renamed).
func ProjectJSON(data []byte, sel map[string]bool, inValue, fold bool) ([]byte, error) {
	v, err := DecodeTestJSON(data)
	if err != nil {
		return nil, err
	}
	selected := func(k string) bool { return sel[k] }
	if fold {
		lower := map[string]bool{}
		for k := range sel {
			lower[strings.ToLower(k)] = true
		}
		selected = func(k string) bool { return lower[strings.ToLower(k)] }
	}
	keep := func(x any) any {
		m, ok := x.(map[string]any)
		if !ok {
			return x
		}
		for k := range m {
			if !selected(k) && !strings.Contains(k, "@") {
				delete(m, k)
			}
		}
		return m
	}
	if !inValue {
		v = keep(v)
	} else if m, ok := v.(map[string]any); ok {
		if list, ok := m["value"].([]any); ok {
			for i := range list {
				list[i] = keep(list[i])
			}
		}
	}
	return json.Marshal(v)
}
