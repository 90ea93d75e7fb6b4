package route

import "strings"

// Token is one piece of a pattern: exactly one of Literal and Param is set.
type Token struct {
	Literal string
	Param   string // placeholder name, as written inside the braces
	// Multi is set on a placeholder used for drive-path addressing: it may
	// match text containing "/". See Split.
	Multi bool
}

// Params returns the placeholder names of a pattern in order of
// appearance; repeated names appear once per occurrence.
func Params(pattern string) []string {
	var out []string
	for _, t := range Split(pattern) {
		if t.Param != "" {
			out = append(out, t.Param)
		}
	}
	return out
}

// Key identifies a pattern regardless of placeholder names and case:
// /users/{id} and /Users/{user-id} have the same key.
func Key(pattern string) string {
	var sb strings.Builder
	for _, t := range Split(pattern) {
		if t.Param != "" {
			sb.WriteString("{}")
		} else {
			sb.WriteString(strings.ToLower(t.Literal))
		}
	}
	return sb.String()
}

// Split parses a pattern into literal and placeholder tokens. A placeholder
// is "{name}" with a non-empty name; "{}" and a "{" without "}" are literal
// text. Adjacent literal text forms one token, so joining the tokens (with
// placeholders written back as {name}) gives the pattern again.
//
// A placeholder is Multi when it directly follows literal text ending in ":"
// or ":/" and is directly followed by literal text starting with ":" or ends
// the pattern, as in root:/{item-path}:/content, items/{id}:/{filename}: and
// /sites/{hostname}:/{server-relative-path}.
func Split(pattern string) []Token {
	var toks []Token
	lit := 0 // start of the pending literal
	flush := func(end int) {
		if end > lit {
			if n := len(toks); n > 0 && toks[n-1].Param == "" {
				toks[n-1].Literal += pattern[lit:end]
			} else {
				toks = append(toks, Token{Literal: pattern[lit:end]})
			}
		}
	}
	for i := 0; i < len(pattern); {
		j := strings.IndexByte(pattern[i:], '{')
		if j < 0 {
			break
		}
		i += j
		k := strings.IndexByte(pattern[i:], '}')
		if k < 0 {
			break
		}
		if k == 1 {
			i += 2
			continue
		}
		flush(i)
		toks = append(toks, Token{Param: pattern[i+1 : i+k]})
		i += k + 1
		lit = i
	}
	flush(len(pattern))
	markMulti(toks)
	return toks
}

// markMulti sets Multi on drive-path placeholders (see Split).
func markMulti(toks []Token) {
	for i := range toks {
		if toks[i].Param == "" || i == 0 {
			continue
		}
		prev := toks[i-1].Literal
		if !strings.HasSuffix(prev, ":") && !strings.HasSuffix(prev, ":/") {
			continue
		}
		if i+1 == len(toks) || strings.HasPrefix(toks[i+1].Literal, ":") {
			toks[i].Multi = true
		}
	}
}

// Specificity is the number of literal bytes in pattern. When several
// patterns match a path, callers prefer the one with the highest specificity.
func Specificity(pattern string) int {
	n := 0
	for _, t := range Split(pattern) {
		n += len(t.Literal)
	}
	return n
}
