package rt

import (
	"slices"
	"strings"
)

// maxPathLen is the longest request path the handler routes, in bytes.
const maxPathLen = 8192

// routeToken is a piece of a route pattern: literal text, or a placeholder
// (multi when its value may contain "/").
type routeToken struct {
	literal     string
	placeholder bool
	multi       bool
	// arg: the placeholder is a function argument's value written
	// without quotes (after "=", before "," or ")"); a quoted value
	// matched by it is unquoted.
	arg bool
}

// routePattern is a compiled pattern with the routes that use it.
type routePattern struct {
	tokens   []routeToken
	literals int // number of literal bytes
	minLen   int // shortest path that can match
	routes   []routeEntry
}

// routeEntry is one route of the routing table: an operation's request
// line, with its position in the table.
type routeEntry struct {
	method string
	op     *OpInfo
	route  *OpRoute
	index  int
}

// router finds the route for a request path. Patterns are indexed by their
// first path segment, lower-cased; patterns whose first segment holds a
// placeholder are tried for every path.
type router struct {
	bySegment  map[string][]*routePattern
	anySegment []*routePattern
}

// newRouter compiles the routing table. Routes that share a pattern share
// its compiled form; a malformed pattern is literal text.
func newRouter(table []routeEntry) *router {
	rt := &router{bySegment: map[string][]*routePattern{}}
	compiled := map[string]*routePattern{}
	for _, e := range table {
		p := compiled[e.route.Pattern]
		if p == nil {
			p = compilePattern(e.route.Pattern)
			compiled[e.route.Pattern] = p
			rt.add(p)
		}
		p.routes = append(p.routes, e)
	}
	return rt
}

// add indexes p.
func (rt *router) add(p *routePattern) {
	if seg, ok := patternSegment(p.tokens); ok {
		rt.bySegment[seg] = append(rt.bySegment[seg], p)
	} else {
		rt.anySegment = append(rt.anySegment, p)
	}
}

// patternSegment returns the lower-cased first path segment of a pattern
// when it is literal text.
func patternSegment(toks []routeToken) (string, bool) {
	if len(toks) == 0 || toks[0].placeholder || !strings.HasPrefix(toks[0].literal, "/") {
		return "", false
	}
	lit := toks[0].literal[1:]
	if i := strings.IndexByte(lit, '/'); i >= 0 {
		return lowerASCII(lit[:i]), true
	}
	if len(toks) == 1 {
		return lowerASCII(lit), true
	}
	return "", false
}

// pathSegment returns the lower-cased first segment of a request path
// (an encoded "/" does not end it).
func pathSegment(path requestPath) (string, bool) {
	if path.text == "" || !path.separates(0) {
		return "", false
	}
	end := 1
	for end < len(path.text) && !path.separates(end) {
		end++
	}
	return lowerASCII(path.text[1:end]), true
}

// lowerASCII folds ASCII upper-case letters to lower case, leaving other
// bytes alone.
func lowerASCII(s string) string {
	b := []byte(s)
	for i := range b {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// compilePattern splits a pattern into tokens: "{name}" with a non-empty
// name is a placeholder; everything else, including "{}" and a "{" without
// "}", is literal text.
func compilePattern(pattern string) *routePattern {
	pattern = withoutEmptyCalls(pattern)
	p := &routePattern{}
	lit := 0
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
		p.addLiteral(pattern[lit:i])
		p.tokens = append(p.tokens, routeToken{placeholder: true})
		i += k + 1
		lit = i
	}
	p.addLiteral(pattern[lit:])
	p.markMulti()
	p.markArguments()
	for _, t := range p.tokens {
		p.literals += len(t.literal)
		p.minLen += max(len(t.literal), 1)
	}
	return p
}

// addLiteral appends literal text, merging it with a literal before it.
func (p *routePattern) addLiteral(s string) {
	if s == "" {
		return
	}
	if n := len(p.tokens); n > 0 && !p.tokens[n-1].placeholder {
		p.tokens[n-1].literal += s
		return
	}
	p.tokens = append(p.tokens, routeToken{literal: s})
}

// markArguments marks the placeholders that are a function argument's
// value written without quotes: after literal text ending in "=", before
// literal text starting with "," or ")".
func (p *routePattern) markArguments() {
	toks := p.tokens
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].placeholder && !toks[i-1].placeholder && !toks[i+1].placeholder &&
			strings.HasSuffix(toks[i-1].literal, "=") && (strings.HasPrefix(toks[i+1].literal, ",") || strings.HasPrefix(toks[i+1].literal, ")")) {
			toks[i].arg = true
		}
	}
}

// markMulti marks the placeholders used for drive-path addressing, whose
// values may contain "/": those after literal text ending in ":" or ":/"
// and before literal text starting with ":" or at the end of the pattern,
// as in root:/{item-path}:/content.
func (p *routePattern) markMulti() {
	toks := p.tokens
	for i := 1; i < len(toks); i++ {
		prev := toks[i-1].literal
		if !toks[i].placeholder || !strings.HasSuffix(prev, ":") && !strings.HasSuffix(prev, ":/") {
			continue
		}
		if i+1 == len(toks) || strings.HasPrefix(toks[i+1].literal, ":") {
			toks[i].multi = true
		}
	}
}

// lookup returns the route for method and path with its placeholder values.
// When several routes match, the one whose pattern has the most literal
// bytes wins, then the first in the table. When no route has the method,
// it returns the sorted methods of the routes whose pattern matches path.
func (rt *router) lookup(method string, path requestPath) (*routeEntry, []string, []string) {
	var best *routeEntry
	var bestParams, allow []string
	bestLiterals := -1
	try := func(p *routePattern) {
		params, ok := p.match(path)
		if !ok {
			return
		}
		for i := range p.routes {
			e := &p.routes[i]
			allow = append(allow, e.method)
			if e.method != method {
				continue
			}
			if p.literals > bestLiterals || p.literals == bestLiterals && e.index < best.index {
				best, bestParams, bestLiterals = e, params, p.literals
			}
		}
	}
	if seg, ok := pathSegment(path); ok {
		for _, p := range rt.bySegment[seg] {
			try(p)
		}
	}
	for _, p := range rt.anySegment {
		try(p)
	}
	if best != nil {
		return best, bestParams, nil
	}
	slices.Sort(allow)
	return nil, nil, slices.Compact(allow)
}

// match matches path against the pattern and returns the placeholder values
// in pattern order, decoded. Literal text matches under ASCII case folding
// and never matches a "/" the request encoded (%2F); a placeholder matches
// non-empty text without a "/" that separates segments (a multi placeholder
// may contain any "/"); the whole path must be consumed; the
// leftmost-shortest values win. It runs in time O(tokens × len(path)).
func (p *routePattern) match(path requestPath) ([]string, bool) {
	if len(path.text) < p.minLen || len(path.text) > maxPathLen {
		return nil, false
	}
	reach := p.reach(path)
	if !reach.has(0, 0) {
		return nil, false
	}
	var values []string
	pos := 0
	for i, t := range p.tokens {
		if !t.placeholder {
			pos += len(t.literal)
			continue
		}
		end := pos + 1
		for !reach.has(i+1, end) {
			end++
		}
		v := path.text[pos:end]
		if t.arg {
			v = unquoteArgument(v)
		}
		values = append(values, v)
		pos = end
	}
	return values, true
}

// unquoteArgument reads a function argument's value as OData writes a
// string literal: within single quotes, a doubled quote standing for one.
// msgraph-sdk-go quotes every string argument
// (reminderView(StartDateTime='2024-01-01T00%3A00%3A00Z',...)), the docs
// write most request lines without the quotes; the service gets the value
// either way. (The parser's route.UnquoteArgument, for the examples.)
func unquoteArgument(v string) string {
	if len(v) < 2 || v[0] != '\'' || v[len(v)-1] != '\'' {
		return v
	}
	return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
}

// reachTable is a bit matrix: row i, column p says whether tokens[i:] can
// match path[p:].
type reachTable struct {
	words int
	bits  []uint64
}

// has reports whether tokens[i:] can match path[p:].
func (t reachTable) has(i, p int) bool {
	return t.bits[i*t.words+p/64]&(1<<(p%64)) != 0
}

// set records that tokens[i:] can match path[p:].
func (t reachTable) set(i, p int) {
	t.bits[i*t.words+p/64] |= 1 << (p % 64)
}

// reach fills the table of path from the last token backwards.
func (p *routePattern) reach(path requestPath) reachTable {
	n := len(path.text)
	t := reachTable{words: n/64 + 1}
	t.bits = make([]uint64, (len(p.tokens)+1)*t.words)
	t.set(len(p.tokens), n)
	for i := len(p.tokens) - 1; i >= 0; i-- {
		if p.tokens[i].placeholder {
			t.reachPlaceholder(i, p.tokens[i].multi, path)
		} else {
			t.reachLiteral(i, p.tokens[i].literal, path)
		}
	}
	return t
}

// reachLiteral fills row i for a literal token, which never matches a "/"
// the request encoded.
func (t reachTable) reachLiteral(i int, lit string, path requestPath) {
	for p := 0; p+len(lit) <= len(path.text); p++ {
		if t.has(i+1, p+len(lit)) && equalFoldASCII(path.text[p:p+len(lit)], lit) && !path.encodedIn(p, p+len(lit)) {
			t.set(i, p)
		}
	}
}

// reachPlaceholder fills row i for a placeholder: a value starting at p is
// path.text[p:q] for some q > p.
func (t reachTable) reachPlaceholder(i int, multi bool, path requestPath) {
	for p := len(path.text) - 1; p >= 0; p-- {
		if !multi && path.separates(p) {
			continue
		}
		if t.has(i+1, p+1) || t.has(i, p+1) {
			t.set(i, p)
		}
	}
}

// equalFoldASCII compares two strings of equal length under ASCII case
// folding.
func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
