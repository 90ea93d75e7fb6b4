package rt

import "strings"

// The String methods print an expression as canonical $filter text: one
// space around binary operators, none inside parentheses or after commas,
// operators and function names in their canonical spelling, parentheses
// only where precedence needs them. Parsing the text gives back an equal
// tree. The text is not percent-encoded: escape it (url.QueryEscape)
// before putting it in a URL.

// String returns e as canonical $filter text.
func (e *ODataBinary) String() string { return odataString(e) }

// String returns e as canonical $filter text.
func (e *ODataUnary) String() string { return odataString(e) }

// String returns e as canonical $filter text.
func (e *ODataCall) String() string { return odataString(e) }

// String returns e as canonical $filter text.
func (e *ODataLambda) String() string { return odataString(e) }

// String returns the path's segments joined by "/".
func (e *ODataPath) String() string { return strings.Join(e.Segments, "/") }

// String returns e as canonical $filter text.
func (e *ODataLiteral) String() string { return odataString(e) }

// String returns e as canonical $filter text.
func (e *ODataList) String() string { return odataString(e) }

// odataString prints e.
func odataString(e ODataExpr) string {
	var b strings.Builder
	odataWriteExpr(&b, e)
	return b.String()
}

// odataPrecedence returns the precedence level of e: 1 for or up to 6 for
// the multiplicative operators (the index in odataPrecedenceLevels plus one), 7 for
// not and negation, 8 for in and has, 9 for primary expressions.
func odataPrecedence(e ODataExpr) int {
	switch e := e.(type) {
	case *ODataBinary:
		if e.Op == ODataIn || e.Op == ODataHas {
			return 8
		}
		for i, ops := range odataPrecedenceLevels {
			for _, op := range ops {
				if op == e.Op {
					return i + 1
				}
			}
		}
	case *ODataUnary:
		return 7
	}
	return 9
}

// odataWriteExpr prints e to b.
func odataWriteExpr(b *strings.Builder, e ODataExpr) {
	switch e := e.(type) {
	case nil:
		b.WriteString("null")
	case *ODataBinary:
		p := odataPrecedence(e)
		odataWriteOperand(b, e.Left, odataPrecedence(e.Left) < p)
		b.WriteString(" " + string(e.Op) + " ")
		_, list := e.Right.(*ODataList)
		odataWriteOperand(b, e.Right, !list && odataPrecedence(e.Right) <= p)
	case *ODataUnary:
		odataWriteUnary(b, e)
	case *ODataCall:
		b.WriteString(e.Name)
		odataWriteItems(b, e.Args)
	case *ODataLambda:
		b.WriteString(e.Collection.String())
		b.WriteString("/" + string(e.Op) + "(")
		if e.Predicate != nil {
			b.WriteString(e.Var + ":")
			odataWriteExpr(b, e.Predicate)
		}
		b.WriteByte(')')
	case *ODataPath:
		b.WriteString(e.String())
	case *ODataLiteral:
		odataWriteLiteral(b, e)
	case *ODataList:
		odataWriteItems(b, e.Items)
	}
}

// odataWriteOperand prints e, in parentheses if paren.
func odataWriteOperand(b *strings.Builder, e ODataExpr, paren bool) {
	if paren {
		b.WriteByte('(')
	}
	odataWriteExpr(b, e)
	if paren {
		b.WriteByte(')')
	}
}

// odataWriteUnary prints "not X" or "-X"; a negated literal, or path
// starting with a segment INF, is parenthesized, so -(5) does not read
// back as the literal -5.
func odataWriteUnary(b *strings.Builder, e *ODataUnary) {
	paren := odataPrecedence(e.X) < 7
	if e.Op == ODataNot {
		b.WriteString("not ")
	} else {
		b.WriteString(string(e.Op))
		switch x := e.X.(type) {
		case *ODataLiteral:
			paren = true
		case *ODataPath:
			paren = paren || len(x.Segments) > 0 && x.Segments[0] == "INF"
		}
	}
	odataWriteOperand(b, e.X, paren)
}

// odataWriteItems prints "(a,b,...)".
func odataWriteItems(b *strings.Builder, items []ODataExpr) {
	b.WriteByte('(')
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		odataWriteExpr(b, it)
	}
	b.WriteByte(')')
}

// odataWriteLiteral prints a literal in the form its kind is written in.
func odataWriteLiteral(b *strings.Builder, e *ODataLiteral) {
	switch e.Kind {
	case ODataKindNull:
		b.WriteString("null")
	case ODataKindString:
		odataWriteQuoted(b, e.Value)
	case ODataKindDuration:
		b.WriteString("duration")
		odataWriteQuoted(b, e.Value)
	case ODataKindBinary:
		b.WriteString("binary")
		odataWriteQuoted(b, e.Value)
	case ODataKindEnum:
		b.WriteString(e.Type)
		odataWriteQuoted(b, e.Value)
	default:
		b.WriteString(e.Value)
	}
}

// odataWriteQuoted prints s in single quotes, doubling the quotes in it.
func odataWriteQuoted(b *strings.Builder, s string) {
	b.WriteByte('\'')
	b.WriteString(strings.ReplaceAll(s, "'", "''"))
	b.WriteByte('\'')
}
