package jsondoc

// DefaultMaxDepth is the nesting limit used when Parse or ParseLenient is
// given a maxDepth of zero or less. It matches encoding/json.
const DefaultMaxDepth = 10000

// Parse reads src as exactly one strict RFC 8259 JSON value, optionally
// surrounded by whitespace. Objects and arrays may nest at most maxDepth
// levels (DefaultMaxDepth if maxDepth <= 0). Invalid UTF-8 inside strings is
// accepted and decoded as U+FFFD, as encoding/json does. Errors are
// *SyntaxError.
func Parse(src []byte, maxDepth int) (*Value, error) {
	p := newParser(src, maxDepth, false)
	v, err := p.run()
	if err != nil {
		return nil, err
	}
	return v, nil
}
