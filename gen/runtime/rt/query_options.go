package rt

import "net/url"

// ODataQuery holds the OData system query options of a request, parsed and
// checked for form. A field is its zero value (nil, "") when the request
// does not give the option; the parser rejects an empty value, so a given
// option is never zero.
type ODataQuery struct {
	// Select holds the $select items in order: property paths, "*", or a
	// type cast followed by a property ("microsoft.graph.user/mail").
	Select []ODataPath
	// Expand holds the $expand items in order, with their nested options.
	Expand []ODataExpand
	// Filter is the parsed $filter expression.
	Filter ODataExpr
	// OrderBy holds the $orderby items in order.
	OrderBy []ODataOrderBy
	// Top and Skip are $top and $skip: non-negative integers.
	Top, Skip *int
	// Count is $count: true or false.
	Count *bool
	// Search is the $search expression.
	Search *ODataSearch
	// SkipToken and DeltaToken are $skiptoken and $deltatoken as received
	// (percent-decoded), opaque to the parser.
	SkipToken, DeltaToken string
	// Format is $format as received: "json", or a media type such as
	// "application/json" or "text/csv".
	Format string
	// ID is $id as received: the entity reference of a DELETE .../$ref
	// request.
	ID string
	// Params holds the request's other query parameters, percent-decoded:
	// the operation's own parameters (such as startDateTime on
	// calendarView), custom options and parameter aliases ("@p"). It is nil
	// when there are none. Within $expand, Params is always nil.
	Params url.Values
}

// ODataExpand is one item of $expand: a navigation property path with its
// nested options, such as members($select=id,displayName;$top=5).
type ODataExpand struct {
	// Path is the navigation property, possibly after a type cast
	// ("microsoft.graph.itemAttachment/item"), or "*" for every one.
	Path ODataPath
	// Ref is true for Path/$ref (references only), Count for Path/$count.
	Ref, Count bool
	// Levels is $levels: a positive integer, or ODataLevelsMax for "max";
	// nil when not given.
	Levels *int
	// Options holds the nested $select, $expand, $filter, $orderby, $top,
	// $skip, $count and $search; nil when the item has no parentheses.
	Options *ODataQuery
}

// ODataLevelsMax is the value of ODataExpand.Levels for "$levels=max".
const ODataLevelsMax = -1

// ODataOrderBy is one item of $orderby: an expression (usually an
// *ODataPath) and its direction.
type ODataOrderBy struct {
	Expr ODataExpr
	// Desc is true for "desc"; "asc" and no direction leave it false.
	Desc bool
}

// ODataSearch is a $search option: the text as received and its parsed
// form.
type ODataSearch struct {
	// Raw is the option's value as received, percent-decoded, such as
	// "displayName:foo" with its double quotes.
	Raw string
	// Expr is the parsed expression.
	Expr ODataSearchExpr
}

// ODataSearchExpr is a node of a parsed $search expression:
// *ODataSearchTerm, *ODataSearchBinary or *ODataSearchNot.
type ODataSearchExpr interface {
	// odataSearchExpr seals the interface.
	odataSearchExpr()
}

// ODataSearchTerm is a word (foo) or a phrase in double quotes ("foo bar").
// Graph's form "property:text" sets Property: "displayName:foo" has
// Property "displayName" and Text "foo".
type ODataSearchTerm struct {
	Property string
	Text     string
	// Phrase is true for a term written in double quotes.
	Phrase bool
}

// ODataSearchBinary is "Left AND Right" or "Left OR Right" (Op is "AND" or
// "OR"). Terms written side by side are joined with AND.
type ODataSearchBinary struct {
	Op          string
	Left, Right ODataSearchExpr
}

// ODataSearchNot is "NOT X".
type ODataSearchNot struct {
	X ODataSearchExpr
}

// odataSearchExpr marks *ODataSearchTerm as an ODataSearchExpr.
func (*ODataSearchTerm) odataSearchExpr() {}

// odataSearchExpr marks *ODataSearchBinary as an ODataSearchExpr.
func (*ODataSearchBinary) odataSearchExpr() {}

// odataSearchExpr marks *ODataSearchNot as an ODataSearchExpr.
func (*ODataSearchNot) odataSearchExpr() {}
