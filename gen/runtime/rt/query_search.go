package rt

import "strings"

// parseSearch parses $search as OData 4.01 defines it: words and phrases
// in double quotes, joined by AND (also implied between terms written side
// by side), OR and NOT (upper case), with parentheses; NOT binds tighter
// than AND, AND tighter than OR. Graph's "property:text" terms are split
// into Property and Text.
func (p *odataParser) parseSearch() (*ODataSearch, *Error) {
	e := p.parseSearchOr()
	p.skipSpace()
	if p.err == nil && p.pos < len(p.src) {
		p.unexpected("a search term, AND, OR or NOT")
	}
	if p.err != nil {
		return nil, p.err
	}
	return &ODataSearch{Raw: p.src, Expr: e}, nil
}

// parseSearchOr parses terms joined by OR.
func (p *odataParser) parseSearchOr() ODataSearchExpr {
	left := p.parseSearchAnd()
	for p.err == nil && p.searchKeyword("OR") {
		right := p.parseSearchAnd()
		left = &ODataSearchBinary{Op: "OR", Left: left, Right: right}
	}
	if p.err != nil {
		return nil
	}
	return left
}

// parseSearchAnd parses terms joined by AND or written side by side.
func (p *odataParser) parseSearchAnd() ODataSearchExpr {
	left := p.parseSearchNot()
	for p.err == nil {
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] == ')' || p.atSearchKeyword("OR") {
			break
		}
		p.searchKeyword("AND")
		right := p.parseSearchNot()
		left = &ODataSearchBinary{Op: "AND", Left: left, Right: right}
	}
	if p.err != nil {
		return nil
	}
	return left
}

// parseSearchNot parses NOT terms and primary terms.
func (p *odataParser) parseSearchNot() ODataSearchExpr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	p.skipSpace()
	if p.searchKeyword("NOT") {
		x := p.parseSearchNot()
		if x == nil {
			return nil
		}
		return &ODataSearchNot{X: x}
	}
	if p.pos >= len(p.src) {
		p.unexpected("a search term")
		return nil
	}
	switch p.src[p.pos] {
	case '(':
		return p.parseSearchParen()
	case '"':
		return p.parseSearchPhrase()
	case ')':
		p.unexpected("a search term")
		return nil
	}
	start := p.pos
	for p.pos < len(p.src) && !odataIsSpace(p.src[p.pos]) && strings.IndexByte(`()"`, p.src[p.pos]) < 0 {
		p.pos++
	}
	if p.atSearchKeywordAt(start, "AND") || p.atSearchKeywordAt(start, "OR") {
		p.pos = start
		p.unexpected("a search term")
		return nil
	}
	return odataSearchTerm(p.src[start:p.pos], false)
}

// parseSearchParen parses "(" expression ")".
func (p *odataParser) parseSearchParen() ODataSearchExpr {
	open := p.pos
	p.pos++
	e := p.parseSearchOr()
	p.skipSpace()
	if p.err == nil && (p.pos >= len(p.src) || p.src[p.pos] != ')') {
		p.fail(open, "this '(' has no matching ')'")
	}
	if p.err != nil {
		return nil
	}
	p.pos++
	return e
}

// parseSearchPhrase parses a phrase in double quotes.
func (p *odataParser) parseSearchPhrase() ODataSearchExpr {
	open := p.pos
	end := strings.IndexByte(p.src[open+1:], '"')
	if end < 0 {
		p.fail(open, "the phrase that starts here has no closing double quote")
		return nil
	}
	p.pos = open + 1 + end + 1
	return odataSearchTerm(p.src[open+1:p.pos-1], true)
}

// odataSearchTerm returns the term for text, splitting Graph's
// "property:text" form when the part before the colon is a name.
func odataSearchTerm(text string, phrase bool) *ODataSearchTerm {
	t := &ODataSearchTerm{Text: text, Phrase: phrase}
	if prop, rest, ok := strings.Cut(text, ":"); ok && odataIsIdentifier(prop) {
		t.Property, t.Text = prop, rest
	}
	return t
}

// searchKeyword consumes the keyword kw (upper case, followed by a space,
// "(" or a double quote) after the spaces at p.pos and reports whether it
// was there.
func (p *odataParser) searchKeyword(kw string) bool {
	p.skipSpace()
	if !p.atSearchKeyword(kw) {
		return false
	}
	p.pos += len(kw)
	return true
}

// atSearchKeyword reports whether the keyword kw starts at p.pos.
func (p *odataParser) atSearchKeyword(kw string) bool {
	return p.atSearchKeywordAt(p.pos, kw)
}

// atSearchKeywordAt reports whether the keyword kw starts at offset i and
// is followed by a space, "(" or a double quote.
func (p *odataParser) atSearchKeywordAt(i int, kw string) bool {
	rest := p.src[i:]
	if !strings.HasPrefix(rest, kw) || len(rest) == len(kw) {
		return false
	}
	return odataIsSpace(rest[len(kw)]) || rest[len(kw)] == '(' || rest[len(kw)] == '"'
}
