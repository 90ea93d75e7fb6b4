package gen

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"
)

// rawLits holds the raw string literals of one file while it is
// formatted. gofmt copies a raw string literal verbatim, yet parsing and
// printing the documented JSON bodies of the golden tests is a large share
// of formatting a test file. So the file is formatted with a short
// placeholder literal in place of each body, and the bodies are put back
// into the formatted text. A placeholder holds litMark, which formatted
// output never holds otherwise: bodies holding control characters are
// written as interpreted strings (escaped), and comments are sanitized.
type rawLits struct {
	lits []string
}

// litMark delimits placeholder numbers: "`\x01" N "\x01`".
const litMark = "\x01"

// add returns a placeholder for the raw string literal `s`.
func (r *rawLits) add(s string) jen.Code {
	r.lits = append(r.lits, s)
	return jen.Op("`" + litMark + strconv.Itoa(len(r.lits)-1) + litMark + "`")
}

// expand puts the literals back into src, the formatted file. Every
// placeholder must appear exactly once, and litMark nowhere else.
func (r *rawLits) expand(src []byte) ([]byte, error) {
	if r == nil || len(r.lits) == 0 {
		return src, nil
	}
	size := len(src)
	for _, l := range r.lits {
		size += len(l)
	}
	out := make([]byte, 0, size)
	used := make([]bool, len(r.lits))
	for {
		i := bytes.IndexByte(src, litMark[0])
		if i < 0 {
			break
		}
		rest := src[i+1:]
		j := bytes.IndexByte(rest, litMark[0])
		n := -1
		if i > 0 && src[i-1] == '`' && j > 0 && j+1 < len(rest) && rest[j+1] == '`' {
			n, _ = strconv.Atoi(string(rest[:j]))
		}
		if n < 0 || n >= len(r.lits) || used[n] {
			return nil, fmt.Errorf("gen: malformed raw literal placeholder at byte %d", len(out)+i)
		}
		used[n] = true
		out = append(out, src[:i]...)
		out = append(out, r.lits[n]...)
		src = rest[j+1:]
	}
	out = append(out, src...)
	for n, ok := range used {
		if !ok {
			return nil, fmt.Errorf("gen: raw literal %d lost while formatting", n)
		}
	}
	return out, nil
}
