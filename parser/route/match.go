package route

// MaxPathLen is the longest path Match accepts, in bytes.
const MaxPathLen = 8192

// Match matches a concrete request path against a pattern. The path has no
// scheme, host, version prefix or query string and is percent-decoded. Match
// returns the placeholder values in the order of the pattern's placeholders
// (Line.Params). The rules are in the package documentation: ASCII
// case-insensitive literals, non-empty placeholder values without "/" (except
// Multi placeholders), leftmost-shortest values, paths up to MaxPathLen bytes.
func Match(pattern, path string) (values []string, ok bool) {
	if len(path) > MaxPathLen {
		return nil, false
	}
	toks := Split(pattern)
	need := 0
	for _, t := range toks {
		need += max(len(t.Literal), 1)
	}
	if need > len(path) {
		return nil, false
	}
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
		values = append(values, path[p:q])
		p = q
	}
	return values, true
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
