package jsondoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"testing"
)

// decodeStd decodes src with encoding/json and UseNumber, requiring exactly
// one value.
func decodeStd(src []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("trailing data")
	}
	return x, nil
}

// syntaxError returns err as a *SyntaxError or fails the test.
func syntaxError(t *testing.T, err error) *SyntaxError {
	t.Helper()
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v is %T, want *SyntaxError", err, err)
	}
	return se
}

// walk calls fn for every value under v, without recursion.
func walk(v *Value, fn func(*Value)) {
	stack := []*Value{v}
	for len(stack) > 0 {
		w := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		fn(w)
		for i := len(w.Members) - 1; i >= 0; i-- {
			stack = append(stack, w.Members[i].Value)
		}
		for i := len(w.Elems) - 1; i >= 0; i-- {
			stack = append(stack, w.Elems[i])
		}
	}
}
