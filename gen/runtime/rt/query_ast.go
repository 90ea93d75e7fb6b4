package rt

// ODataExpr is a node of a parsed $filter (or $orderby) expression:
// *ODataBinary, *ODataUnary, *ODataCall, *ODataLambda, *ODataPath,
// *ODataLiteral or *ODataList. String prints it as canonical $filter text
// that parses back to an equal tree. Walk a tree with WalkODataExpr and
// evaluate it against a Go value with MatchODataFilter.
type ODataExpr interface {
	// String returns the expression as canonical $filter text.
	String() string
	// odataExpr seals the interface: only rt's node types implement it.
	odataExpr()
}

// ODataOp is an operator of a $filter expression: a comparison, logical or
// arithmetic operator (ODataBinary), not or negation (ODataUnary), or a
// lambda operator (ODataLambda). Its value is the operator as written in
// canonical text ("eq", "and", "not", "-", "any").
type ODataOp string

// The operators of a $filter expression. Parsing ignores the case of an
// operator's name ("EQ", "And"), as Graph does; the tree holds these values.
const (
	ODataEq     ODataOp = "eq"    // equal
	ODataNe     ODataOp = "ne"    // not equal
	ODataGt     ODataOp = "gt"    // greater than
	ODataGe     ODataOp = "ge"    // greater than or equal
	ODataLt     ODataOp = "lt"    // less than
	ODataLe     ODataOp = "le"    // less than or equal
	ODataAnd    ODataOp = "and"   // logical and
	ODataOr     ODataOp = "or"    // logical or
	ODataIn     ODataOp = "in"    // membership: x in ('a','b')
	ODataHas    ODataOp = "has"   // enum flags: x has microsoft.graph.color'red'
	ODataAdd    ODataOp = "add"   // addition
	ODataSub    ODataOp = "sub"   // subtraction
	ODataMul    ODataOp = "mul"   // multiplication
	ODataDiv    ODataOp = "div"   // division (integer division for integers)
	ODataDivBy  ODataOp = "divby" // division with a decimal result
	ODataMod    ODataOp = "mod"   // remainder
	ODataNot    ODataOp = "not"   // logical negation (ODataUnary)
	ODataNegate ODataOp = "-"     // arithmetic negation (ODataUnary)
	ODataAny    ODataOp = "any"   // lambda: true if any member matches (ODataLambda)
	ODataAll    ODataOp = "all"   // lambda: true if every member matches (ODataLambda)
)

// ODataBinary is a binary operation: Left Op Right, such as
// "displayName eq 'a'" or "a and b". For ODataIn, Right is usually an
// *ODataList.
type ODataBinary struct {
	Op          ODataOp
	Left, Right ODataExpr
}

// ODataUnary is "not X" (Op ODataNot) or "-X" (Op ODataNegate).
type ODataUnary struct {
	Op ODataOp
	X  ODataExpr
}

// ODataCall is a call of a built-in function, such as
// startswith(displayName,'a'). Name is the function's canonical spelling
// (lower case, but "matchesPattern"), whatever the case it was written in.
// For cast and isof, the type argument is an *ODataPath holding the
// qualified type name ("Edm.Int32") or an *ODataLiteral string holding it.
type ODataCall struct {
	Name string
	Args []ODataExpr
}

// ODataLambda is Collection/any(Var:Predicate) or Collection/all(Var:Predicate).
// For "Collection/any()" Var is "" and Predicate is nil. Inside Predicate,
// a path whose first segment is Var refers to the member being tested
// ("x/skuId"), and the path "x" alone to the member itself.
type ODataLambda struct {
	Collection ODataPath
	Op         ODataOp
	Var        string
	Predicate  ODataExpr
}

// ODataPath is a property path, its segments as written between slashes:
// "manager/displayName" is {"manager", "displayName"}. A segment holding a
// dot is a type cast ("microsoft.graph.user"); "$count" (last segment only)
// is the number of members of the collection before it; "$it" (first
// segment only) is the instance the filter is evaluated on, and a first
// segment naming an enclosing lambda's variable is that variable. In
// $select, "*" selects every property.
type ODataPath struct {
	Segments []string
}

// ODataKind is the Edm type of an ODataLiteral.
type ODataKind uint8

// The kinds of ODataLiteral, with the canonical form of Value for each.
const (
	ODataKindNull           ODataKind = iota // null; Value ""
	ODataKindBoolean                         // "true" or "false"
	ODataKindInt                             // an integer that fits in 64 bits: "42", "-7"
	ODataKindDecimal                         // any other number: "1.5", "2e10", "INF", "-INF", "NaN"
	ODataKindString                          // the string, '' unescaped: O'Neil for 'O''Neil'
	ODataKindGuid                            // "184efa21-98c3-4e5d-95ab-d07053a96e67", unquoted in the text
	ODataKindDate                            // "2021-01-01"
	ODataKindDateTimeOffset                  // "2021-01-01T00:00:00Z" (T and Z upper case)
	ODataKindTimeOfDay                       // "13:45:30"
	ODataKindDuration                        // "P1D", written duration'P1D'
	ODataKindEnum                            // the member(s): "red" or "red,blue"; Type names the enum
	ODataKindBinary                          // base64url, written binary'...'
)

// ODataLiteral is a literal value. Value is its canonical text (see the
// ODataKind constants); numbers keep their digits as written, so no
// precision is lost. Type is the qualified enum type of an ODataKindEnum
// literal (microsoft.graph.color'red' has Type "microsoft.graph.color"). A
// plain quoted string such as 'red' is an ODataKindString, which compares
// equal to an enum member of that name.
type ODataLiteral struct {
	Kind  ODataKind
	Value string
	Type  string
}

// ODataList is a parenthesized list, the right operand of "in":
// ('a','b').
type ODataList struct {
	Items []ODataExpr
}

// odataExpr marks *ODataBinary as an ODataExpr.
func (*ODataBinary) odataExpr() {}

// odataExpr marks *ODataUnary as an ODataExpr.
func (*ODataUnary) odataExpr() {}

// odataExpr marks *ODataCall as an ODataExpr.
func (*ODataCall) odataExpr() {}

// odataExpr marks *ODataLambda as an ODataExpr.
func (*ODataLambda) odataExpr() {}

// odataExpr marks *ODataPath as an ODataExpr.
func (*ODataPath) odataExpr() {}

// odataExpr marks *ODataLiteral as an ODataExpr.
func (*ODataLiteral) odataExpr() {}

// odataExpr marks *ODataList as an ODataExpr.
func (*ODataList) odataExpr() {}

// WalkODataExpr calls fn for e and then, if fn returns true, for each of
// its children in order, depth first: the operands of an ODataBinary or
// ODataUnary, the arguments of an ODataCall, the collection path and the
// predicate of an ODataLambda, the items of an ODataList. A nil e is not
// visited.
func WalkODataExpr(e ODataExpr, fn func(ODataExpr) bool) {
	if e == nil || !fn(e) {
		return
	}
	switch e := e.(type) {
	case *ODataBinary:
		WalkODataExpr(e.Left, fn)
		WalkODataExpr(e.Right, fn)
	case *ODataUnary:
		WalkODataExpr(e.X, fn)
	case *ODataCall:
		for _, a := range e.Args {
			WalkODataExpr(a, fn)
		}
	case *ODataLambda:
		WalkODataExpr(&e.Collection, fn)
		WalkODataExpr(e.Predicate, fn)
	case *ODataList:
		for _, it := range e.Items {
			WalkODataExpr(it, fn)
		}
	}
}
