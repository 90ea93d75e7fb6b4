package route

import "strings"

// MaxPathLen is the longest path Match accepts, in bytes.
const MaxPathLen = 8192

// Match matches a concrete request path against a pattern. The path has no
// scheme, host, version prefix or query string and is percent-decoded. Match
// returns the placeholder values in the order of the pattern's placeholders
// (Line.Params). The rules are in the package documentation: ASCII
// case-insensitive literals, non-empty placeholder values without "/" (except
// Multi placeholders), leftmost-shortest values, paths up to MaxPathLen bytes.
func Match(pattern, path string) (values []string, ok bool) {
	return Compile(pattern).Match(path)
}

// Pattern is a pattern split once, for matching many paths: callers that
// try one pattern against many paths (or many patterns against one path)
// compile each pattern once instead of splitting it on every call.
type Pattern struct {
	toks []Token
	need int // the shortest path that can match, in bytes
	// slashes is the number of "/" in the literal text; when no token is
	// Multi, a matching path holds exactly that many.
	slashes int
	multi   bool
}

// Compile splits pattern for Pattern.Match.
func Compile(pattern string) *Pattern {
	p := &Pattern{toks: Split(pattern)}
	for _, t := range p.toks {
		p.need += max(len(t.Literal), 1)
		p.slashes += strings.Count(t.Literal, "/")
		p.multi = p.multi || t.Multi
	}
	return p
}

// Match is Match(pattern, path) for the compiled pattern.
func (pt *Pattern) Match(path string) (values []string, ok bool) {
	if len(path) > MaxPathLen || pt.need > len(path) || !pt.cheapMatch(path) {
		return nil, false
	}
	toks := pt.toks
	reach := reachTable(toks, path)
	if !reach.has(0, 0) {
		return nil, false
	}
	p := 0
	for i, t := range toks {
		if t.Param == "" {
			p += len(t.Literal)
			continue
		}
		q := p + 1
		for !reach.has(i+1, q) {
			q++
		}
		v := path[p:q]
		if IsArgument(toks, i) {
			v = UnquoteArgument(v)
		}
		values = append(values, v)
		p = q
	}
	return values, true
}

// IsArgument reports whether toks[i], a placeholder, is the value of a
// function's named argument written without quotes
// ("reminderView(startDateTime={startDateTime},endDateTime=...)"): the
// literal before it ends in "=", and the one after it starts with "," or
// ")".
func IsArgument(toks []Token, i int) bool {
	if i == 0 || i+1 >= len(toks) || toks[i].Param == "" || toks[i-1].Param != "" || toks[i+1].Param != "" {
		return false
	}
	return strings.HasSuffix(toks[i-1].Literal, "=") && (strings.HasPrefix(toks[i+1].Literal, ",") || strings.HasPrefix(toks[i+1].Literal, ")"))
}

// UnquoteArgument reads a function argument's value as OData writes a
// string literal: within single quotes, a doubled quote standing for one
// ('2024-01-01T00:00:00Z', 'it”s'). Graph's SDKs quote every string
// argument, the docs write most request lines without the quotes; the
// service gets the value either way. A value not quoted is returned as
// it is.
func UnquoteArgument(v string) string {
	if len(v) < 2 || v[0] != '\'' || v[len(v)-1] != '\'' {
		return v
	}
	return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
}

// cheapMatch rejects, without the table, most paths that cannot match:
// a wrong number of "/" (without Multi tokens), or a literal first or last
// token that the path does not start or end with.
func (pt *Pattern) cheapMatch(path string) bool {
	if !pt.multi && strings.Count(path, "/") != pt.slashes {
		return false
	}
	if len(pt.toks) == 0 {
		return true
	}
	if first := pt.toks[0]; first.Param == "" && !hasPrefixFold(path, first.Literal) {
		return false
	}
	last := pt.toks[len(pt.toks)-1]
	return last.Param != "" || hasPrefixFold(path[len(path)-len(last.Literal):], last.Literal)
}

// table is a bit matrix: row i, column p says whether toks[i:] can match
// path[p:].
type table struct {
	words int
	bits  []uint64
}

func (t table) has(i, p int) bool { return t.bits[i*t.words+p/64]&(1<<(p%64)) != 0 }
func (t table) set(i, p int)      { t.bits[i*t.words+p/64] |= 1 << (p % 64) }

// reachTable fills the table backwards from the last token.
func reachTable(toks []Token, path string) table {
	n := len(path)
	t := table{words: n/64 + 1}
	t.bits = make([]uint64, (len(toks)+1)*t.words)
	t.set(len(toks), n)
	for i := len(toks) - 1; i >= 0; i-- {
		tok := toks[i]
		if tok.Param == "" {
			l := len(tok.Literal)
			for p := 0; p+l <= n; p++ {
				if t.has(i+1, p+l) && equalFold(path[p:p+l], tok.Literal) {
					t.set(i, p)
				}
			}
			continue
		}
		// A value starting at p is path[p:q] for some q > p.
		for p := n - 1; p >= 0; p-- {
			if path[p] == '/' && !tok.Multi {
				continue
			}
			if t.has(i+1, p+1) || t.has(i, p+1) {
				t.set(i, p)
			}
		}
	}
	return t
}

// equalFold compares under ASCII case folding.
func equalFold(a, b string) bool {
	return len(a) == len(b) && hasPrefixFold(a, b)
}
