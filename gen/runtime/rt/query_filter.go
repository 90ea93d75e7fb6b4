package rt

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// odataParser parses the expression of one query option ($filter, an
// $orderby item, a parameter alias): a recursive descent over the
// percent-decoded text, with the precedence of OData 4.01 (lowest first:
// or, and, eq ne, gt ge lt le, add sub, mul div divby mod, not and -, then
// in and has, which bind to their primary operands as in the OData library
// Graph runs). Keywords, operators and function names are read without
// regard to case; null, INF and NaN only as written. The first error is
// kept in err and every parse method returns nil once it is set.
type odataParser struct {
	src        string       // the text being parsed
	pos        int          // byte offset of the next character
	option     string       // the option's name for messages: "$filter"
	depth      int          // current nesting, bounded by odataMaxDepth
	aliases    []odataAlias // the query's parameter aliases
	aliasDepth int          // aliases being expanded, bounded by odataMaxAliasDepth
	err        *Error       // the first syntax error
	nodes      *odataNodes  // where the nodes are allocated
	peekAt     int          // p.pos+1 when peekOp and peekEnd were found there, else 0
	peekOp     ODataOp      // the operator after the spaces at peekAt-1, or ""
	peekEnd    int          // the offset after peekOp
}

// odataAlias is a parameter alias of the query: @name=value.
type odataAlias struct {
	name, value string
}

const (
	// odataMaxDepth bounds the nesting of an expression, so a hostile
	// filter cannot exhaust the stack.
	odataMaxDepth = 100
	// odataMaxAliasDepth bounds aliases whose values use aliases.
	odataMaxAliasDepth = 8
)

// odataParseFilter parses a $filter expression with no parameter aliases.
func odataParseFilter(src string) (ODataExpr, *Error) {
	p := &odataParser{src: src, option: "$filter", nodes: &odataNodes{}}
	return p.parseFilter(), p.err
}

// parseFilter parses the whole text as a Boolean expression.
func (p *odataParser) parseFilter() ODataExpr {
	e := p.parseExpr()
	p.expectEnd()
	if p.err == nil && !odataMaybeBool(e) {
		p.fail(0, "the expression must be a Boolean expression, such as a comparison")
	}
	if p.err != nil {
		return nil
	}
	return e
}

// expectEnd reports anything left after a complete expression.
func (p *odataParser) expectEnd() {
	p.skipSpace()
	if p.err == nil && p.pos < len(p.src) {
		p.unexpected("an operator such as eq, and or or")
	}
}

// fail records a syntax error at byte offset pos, unless one is recorded,
// and returns nil. The message gives the position in characters, from 0.
func (p *odataParser) fail(pos int, format string, args ...any) ODataExpr {
	if p.err == nil {
		at := utf8.RuneCountInString(p.src[:min(pos, len(p.src))])
		p.err = badRequest(fmt.Sprintf("Syntax error at position %d in %s '%s': %s.",
			at, p.option, odataQuote(p.src), fmt.Sprintf(format, args...)))
	}
	return nil
}

// unexpected fails at pos, saying what was expected and what was found.
func (p *odataParser) unexpected(want string) ODataExpr {
	if p.pos >= len(p.src) {
		return p.fail(p.pos, "expected %s, found the end of the text", want)
	}
	if p.src[p.pos] == ')' && p.depth == 0 {
		return p.fail(p.pos, "found ')' without a matching '('")
	}
	found := p.src[p.pos:p.scanWord(p.pos)]
	if found == "" {
		found, _ = odataCutRune(p.src[p.pos:])
	}
	return p.fail(p.pos, "expected %s, found '%s'", want, odataQuote(found))
}

// odataCutRune returns the first rune of s as a string, and the rest.
func odataCutRune(s string) (string, string) {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n], s[n:]
}

// odataQuote makes s fit in a message: valid UTF-8, at most 200 bytes.
func odataQuote(s string) string {
	s = strings.ToValidUTF8(s, string(utf8.RuneError))
	if len(s) <= 200 {
		return s
	}
	n := 200
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// enter counts one more level of nesting, failing past odataMaxDepth.
func (p *odataParser) enter() bool {
	p.depth++
	if p.depth > odataMaxDepth {
		p.fail(p.pos, "the expression is nested more than %d levels deep", odataMaxDepth)
		return false
	}
	return p.err == nil
}

// leave undoes enter.
func (p *odataParser) leave() { p.depth-- }

// odataPrecedenceLevels are the binary operators by precedence, lowest first; the
// operators of a level associate to the left.
var odataPrecedenceLevels = [...][]ODataOp{
	{ODataOr},
	{ODataAnd},
	{ODataEq, ODataNe},
	{ODataGt, ODataGe, ODataLt, ODataLe},
	{ODataAdd, ODataSub},
	{ODataMul, ODataDiv, ODataDivBy, ODataMod},
}

// parseExpr parses an expression.
func (p *odataParser) parseExpr() ODataExpr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	return p.parseLevel(0)
}

// parseLevel parses operands of higher levels joined by operators of
// odataPrecedenceLevels[level].
func (p *odataParser) parseLevel(level int) ODataExpr {
	if level == len(odataPrecedenceLevels) {
		return p.parseUnary()
	}
	p.skipSpace()
	start := p.pos
	left := p.parseLevel(level + 1)
	for p.err == nil {
		op, end := p.peekOperator(odataPrecedenceLevels[level])
		if op == "" {
			break
		}
		p.pos = end
		p.skipSpace()
		rightAt := p.pos
		right := p.parseLevel(level + 1)
		if p.err != nil {
			return nil
		}
		if op == ODataAnd || op == ODataOr {
			p.checkBool(left, start, op)
			p.checkBool(right, rightAt, op)
		}
		left = p.binary(op, left, right)
	}
	return left
}

// checkBool fails if e, found at pos, cannot be the Boolean operand of op.
func (p *odataParser) checkBool(e ODataExpr, pos int, op ODataOp) {
	if !odataMaybeBool(e) {
		p.fail(pos, "the operands of '%s' must be Boolean expressions", op)
	}
}

// peekOperator returns the operator among ops that follows the spaces at
// p.pos, with the offset of its end, or "" if none does. The operator
// found at a position is cached, as each precedence level asks in turn.
func (p *odataParser) peekOperator(ops []ODataOp) (ODataOp, int) {
	if p.peekAt != p.pos+1 {
		p.peekAt = p.pos + 1
		p.peekOp, p.peekEnd = odataOperatorAt(p.src, p.pos)
	}
	if p.peekOp != "" {
		for _, op := range ops {
			if op == p.peekOp {
				return op, p.peekEnd
			}
		}
	}
	return "", 0
}

// odataOperatorAt returns the binary operator that follows the spaces at
// offset i of s, in any case, with the offset of its end, or "".
func odataOperatorAt(s string, i int) (ODataOp, int) {
	for i < len(s) && odataIsSpace(s[i]) {
		i++
	}
	j := i
	for j < len(s) && j-i <= 5 && odataIsLetter(s[j]) {
		j++
	}
	if j == i || j-i > 5 || (j < len(s) && (odataIsIdentByte(s[j]) || s[j] >= utf8.RuneSelf)) {
		return "", 0
	}
	word := s[i:j]
	for _, ops := range odataPrecedenceLevels {
		for _, op := range ops {
			if len(op) == len(word) && strings.EqualFold(word, string(op)) {
				return op, j
			}
		}
	}
	for _, op := range odataInHas {
		if len(op) == len(word) && strings.EqualFold(word, string(op)) {
			return op, j
		}
	}
	return "", 0
}

// parseUnary parses "not X", "-X" or an in/has operand.
func (p *odataParser) parseUnary() ODataExpr {
	p.skipSpace()
	start := p.pos
	if p.atNot() {
		if !p.enter() {
			return nil
		}
		defer p.leave()
		p.pos += len("not")
		p.skipSpace()
		at := p.pos
		x := p.parseUnary()
		if x != nil && !odataMaybeBool(x) {
			return p.fail(at, "the operand of 'not' must be a Boolean expression")
		}
		if x == nil {
			return nil
		}
		return &ODataUnary{Op: ODataNot, X: x}
	}
	if start < len(p.src) && p.src[start] == '-' && !p.numberAt(start+1) {
		if !p.enter() {
			return nil
		}
		defer p.leave()
		p.pos++
		x := p.parseUnary()
		if x == nil {
			return nil
		}
		return &ODataUnary{Op: ODataNegate, X: x}
	}
	return p.parseInHas()
}

// atNot reports whether the keyword not starts at p.pos: the word "not"
// in any case, not continued by a name character, "/" (a path) or a
// quote (a typed literal). So a property named not is written not/x only,
// and a "not" with no operand is an error, never a path.
func (p *odataParser) atNot() bool {
	rest := p.src[p.pos:]
	if len(rest) < 3 || !strings.EqualFold(rest[:3], "not") {
		return false
	}
	if len(rest) == 3 {
		return true
	}
	c := rest[3]
	return !odataIsIdentByte(c) && c != '.' && c != '/' && c != '\'' && c < utf8.RuneSelf
}

// numberAt reports whether a number (digits or INF) starts at offset i.
func (p *odataParser) numberAt(i int) bool {
	if i >= len(p.src) {
		return false
	}
	if odataIsDigit(p.src[i]) {
		return true
	}
	return strings.HasPrefix(p.src[i:], "INF") && p.scanWord(i) == i+3
}

// odataInHas are the operators of the level above the unary ones.
var odataInHas = []ODataOp{ODataIn, ODataHas}

// parseInHas parses a primary expression followed by "in" or "has"
// operators.
func (p *odataParser) parseInHas() ODataExpr {
	left := p.parsePrimary()
	for p.err == nil {
		op, end := p.peekOperator(odataInHas)
		if op == "" {
			break
		}
		p.pos = end
		p.skipSpace()
		var right ODataExpr
		if op == ODataIn && p.pos < len(p.src) && p.src[p.pos] == '(' {
			right = p.parseList()
		} else {
			right = p.parsePrimary()
		}
		if p.err != nil {
			return nil
		}
		left = p.binary(op, left, right)
	}
	return left
}

// parseList parses "(" [expr *("," expr)] ")".
func (p *odataParser) parseList() ODataExpr {
	open := p.pos
	p.pos++
	list := &ODataList{}
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == ')' {
		p.pos++
		return list
	}
	for p.err == nil {
		it := p.parseExpr()
		if p.err != nil {
			return nil
		}
		list.Items = append(list.Items, it)
		if !p.listNext(open) {
			break
		}
	}
	if p.err != nil {
		return nil
	}
	return list
}

// listNext consumes the "," before the next item of a list or argument
// list, or its closing ")", which it reports by returning false; open is
// the offset of the "(".
func (p *odataParser) listNext(open int) bool {
	p.skipSpace()
	if p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ',':
			p.pos++
			return true
		case ')':
			p.pos++
			return false
		}
	}
	if p.pos >= len(p.src) {
		p.fail(p.pos, "expected ')' to close the '(' at position %d", utf8.RuneCountInString(p.src[:open]))
		return false
	}
	p.unexpected("',' or ')'")
	return false
}

// parsePrimary parses a literal, a path, a lambda, a function call, an
// alias or a parenthesized expression.
func (p *odataParser) parsePrimary() ODataExpr {
	p.skipSpace()
	if p.pos >= len(p.src) {
		return p.unexpected("an expression")
	}
	c := p.src[p.pos]
	switch {
	case c == '(':
		return p.parseParen()
	case c == '\'':
		return p.parseString()
	case c == '-' || c == '+' || odataIsDigit(c):
		return p.parseNumeric()
	case c == '@':
		return p.parseAlias()
	case c == '$' || odataIsIdentStart(c) || c >= utf8.RuneSelf:
		if lit := p.scanGUID(); lit != nil {
			return lit
		}
		return p.parseWord()
	}
	return p.unexpected("an expression")
}

// parseParen parses "(" expr ")".
func (p *odataParser) parseParen() ODataExpr {
	open := p.pos
	p.pos++
	e := p.parseExpr()
	if p.err != nil {
		return nil
	}
	p.skipSpace()
	if p.pos >= len(p.src) {
		return p.fail(p.pos, "expected ')' to close the '(' at position %d", utf8.RuneCountInString(p.src[:open]))
	}
	if p.src[p.pos] != ')' {
		return p.unexpected("')' or an operator")
	}
	p.pos++
	return e
}

// parseWord parses what starts with a name: a keyword literal, a typed
// literal (duration'P1D', microsoft.graph.color'red'), a function call, or
// a path (possibly ending in a lambda).
func (p *odataParser) parseWord() ODataExpr {
	start := p.pos
	end := p.scanWord(start)
	if end == start {
		return p.unexpected("an expression")
	}
	word := p.src[start:end]
	next := byte(0)
	if end < len(p.src) {
		next = p.src[end]
	}
	if next == '\'' {
		return p.parseTypedLiteral(word)
	}
	if next != '/' {
		if lit, ok := odataKeywordLiteral(word); ok {
			p.pos = end
			return p.literal(lit.Kind, lit.Value, "")
		}
	}
	if p.parenFollows(end) {
		if fn, ok := odataFunctionNamed(word); ok {
			p.pos = end
			return p.parseCall(fn, start)
		}
	}
	return p.parsePath()
}

// parenFollows reports whether "(" follows the spaces at offset i.
func (p *odataParser) parenFollows(i int) bool {
	for i < len(p.src) && odataIsSpace(p.src[i]) {
		i++
	}
	return i < len(p.src) && p.src[i] == '('
}

// odataKeywordLiteral returns the literal a keyword stands for (true,
// false in any case; null, INF, NaN as written).
func odataKeywordLiteral(word string) (ODataLiteral, bool) {
	switch {
	case strings.EqualFold(word, "true"):
		return ODataLiteral{Kind: ODataKindBoolean, Value: "true"}, true
	case strings.EqualFold(word, "false"):
		return ODataLiteral{Kind: ODataKindBoolean, Value: "false"}, true
	case word == "null":
		return ODataLiteral{Kind: ODataKindNull}, true
	case word == "INF" || word == "NaN":
		return ODataLiteral{Kind: ODataKindDecimal, Value: word}, true
	}
	return ODataLiteral{}, false
}

// parsePath parses segments joined by "/", ending at the first segment
// that is $count or a lambda.
func (p *odataParser) parsePath() ODataExpr {
	path := p.path()
	for {
		start := p.pos
		end := p.scanWord(start)
		seg := p.src[start:end]
		if (strings.EqualFold(seg, "any") || strings.EqualFold(seg, "all")) && len(path.Segments) > 0 && p.parenFollows(end) {
			p.pos = end
			return p.parseLambda(*path, ODataOp(strings.ToLower(seg)))
		}
		if msg := odataCheckSegment(seg, len(path.Segments) == 0); msg != "" {
			return p.fail(start, "%s", msg)
		}
		path.Segments = append(path.Segments, seg)
		p.pos = end
		if seg == "$count" || p.pos >= len(p.src) || p.src[p.pos] != '/' {
			return path
		}
		p.pos++
	}
}

// odataCheckSegment returns why seg cannot be a segment of a path (first
// tells whether it is the first), or "".
func odataCheckSegment(seg string, first bool) string {
	switch {
	case seg == "":
		return "expected a property name"
	case seg == "$it" || seg == "$this":
		if !first {
			return "'" + seg + "' can only start a path"
		}
		return ""
	case seg == "$count":
		if first {
			return "'$count' must follow a collection-valued property"
		}
		return ""
	case seg[0] == '$':
		return "unknown name '" + odataQuote(seg) + "'"
	}
	for i := 0; i < len(seg); i++ {
		if i == 0 || seg[i-1] == '.' {
			if c := seg[i]; c == '.' || (c < utf8.RuneSelf && !odataIsIdentStart(c)) || (c >= utf8.RuneSelf && !odataIsIdentStartRune(odataFirstRune(seg[i:]))) {
				return "'" + odataQuote(seg) + "' is not a property name or a qualified type name"
			}
		}
	}
	if seg[len(seg)-1] == '.' {
		return "'" + odataQuote(seg) + "' is not a property name or a qualified type name"
	}
	return ""
}

// odataFirstRune returns the first rune of s.
func odataFirstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// parseLambda parses "(" [var ":" predicate] ")" after path/any or
// path/all.
func (p *odataParser) parseLambda(coll ODataPath, op ODataOp) ODataExpr {
	p.skipSpace()
	open := p.pos
	p.pos++
	p.skipSpace()
	l := &ODataLambda{Collection: coll, Op: op}
	if p.pos < len(p.src) && p.src[p.pos] == ')' && op == ODataAny {
		p.pos++
		return l
	}
	start := p.pos
	end := p.scanWord(start)
	l.Var = p.src[start:end]
	if l.Var == "" || strings.ContainsAny(l.Var, ".$") || !odataIsIdentStartRune(odataFirstRune(l.Var)) {
		return p.unexpected("a lambda variable name")
	}
	p.pos = end
	p.skipSpace()
	if p.pos >= len(p.src) || p.src[p.pos] != ':' {
		return p.unexpected("':' after the lambda variable")
	}
	p.pos++
	p.skipSpace()
	at := p.pos
	l.Predicate = p.parseExpr()
	if p.err != nil {
		return nil
	}
	if !odataMaybeBool(l.Predicate) {
		return p.fail(at, "the predicate of '%s' must be a Boolean expression", op)
	}
	if p.listNext(open) {
		return p.fail(p.pos-1, "'%s' takes one predicate", op)
	}
	if p.err != nil {
		return nil
	}
	return l
}

// parseCall parses the parenthesized arguments of the function fn, whose
// name starts at offset start.
func (p *odataParser) parseCall(fn odataFunction, start int) ODataExpr {
	p.skipSpace()
	open := p.pos
	p.pos++
	call := p.call(fn)
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == ')' {
		p.pos++
	} else {
		for p.err == nil {
			a := p.parseExpr()
			if p.err != nil {
				return nil
			}
			call.Args = append(call.Args, a)
			if !p.listNext(open) {
				break
			}
		}
	}
	if p.err != nil {
		return nil
	}
	if n := len(call.Args); n < fn.min || n > fn.max {
		return p.fail(start, "function '%s' takes %s, found %d", fn.name, fn.arity(), n)
	}
	return call
}

// parseAlias parses a parameter alias @name and returns the expression its
// value holds; an alias the query does not define is null, as OData says.
func (p *odataParser) parseAlias() ODataExpr {
	start := p.pos
	end := p.scanWord(start + 1)
	name := p.src[start+1 : end]
	if name == "" || strings.ContainsAny(name, ".$") {
		return p.unexpected("a parameter alias name after '@'")
	}
	p.pos = end
	for _, a := range p.aliases {
		if a.name == name {
			return p.expandAlias(a, start)
		}
	}
	return p.literal(ODataKindNull, "", "")
}

// expandAlias parses the value of the alias a, used at offset at.
func (p *odataParser) expandAlias(a odataAlias, at int) ODataExpr {
	if p.aliasDepth >= odataMaxAliasDepth {
		return p.fail(at, "parameter aliases are nested more than %d levels deep", odataMaxAliasDepth)
	}
	q := &odataParser{src: a.value, option: "@" + a.name, depth: p.depth, aliases: p.aliases, aliasDepth: p.aliasDepth + 1, nodes: p.nodes}
	e := q.parseExpr()
	q.expectEnd()
	if q.err != nil {
		p.err = q.err
		return nil
	}
	return e
}

// skipSpace skips spaces and tabs.
func (p *odataParser) skipSpace() {
	for p.pos < len(p.src) && odataIsSpace(p.src[p.pos]) {
		p.pos++
	}
}

// scanWord returns the end of the name starting at offset i: a leading
// "$" or "@", then letters, digits, "_" and ".".
func (p *odataParser) scanWord(i int) int {
	if i < len(p.src) && (p.src[i] == '$' || p.src[i] == '@') {
		i++
	}
	for i < len(p.src) {
		c := p.src[i]
		if c < utf8.RuneSelf {
			if !odataIsIdentByte(c) && c != '.' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(p.src[i:])
		if !odataIsIdentRune(r) {
			break
		}
		i += n
	}
	return i
}

// odataMaybeBool reports whether e can be a Boolean expression: every
// expression but a non-Boolean literal, an arithmetic operation, a
// function returning no Boolean, and a list. (A path may name a Boolean
// property; the parser knows no types.)
func odataMaybeBool(e ODataExpr) bool {
	switch e := e.(type) {
	case *ODataBinary:
		switch e.Op {
		case ODataAdd, ODataSub, ODataMul, ODataDiv, ODataDivBy, ODataMod:
			return false
		}
		return true
	case *ODataUnary:
		return e.Op == ODataNot
	case *ODataCall:
		fn, _ := odataFunctionNamed(e.Name)
		return fn.boolean
	case *ODataLambda, *ODataPath:
		return true
	case *ODataLiteral:
		return e.Kind == ODataKindBoolean || e.Kind == ODataKindNull
	}
	return false
}
