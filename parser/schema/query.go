package schema

// Query is what a property's description says about queries on it:
// "Supports `$filter` (`eq`, `ne`, `not`, `in`)", "Supports `$expand`",
// "Returned only on `$select`", "Returned by default", "Not filterable".
// Each field is absent when the description does not say; the parser
// reads only the phrasings cmd/graphdocgen/reference.md lists and reports the other
// sentences about queries (query-unread).
type Query struct {
	Filter  *QueryOption `json:"filter,omitempty"`
	OrderBy *QueryOption `json:"orderby,omitempty"`
	Search  *QueryOption `json:"search,omitempty"`
	Count   *QueryOption `json:"count,omitempty"`
	Expand  *QueryOption `json:"expand,omitempty"`
	Select  *QueryOption `json:"select,omitempty"`
	Top     *QueryOption `json:"top,omitempty"`
	// Returned says whether a response carries the property when the
	// request does not name it.
	Returned *Returned `json:"returned,omitempty"`
	// Source is where the first statement about queries is.
	Source Pos `json:"source"`
}

// QueryOption is what a description says about one system query option
// ($filter, $orderby, ...) on a property.
type QueryOption struct {
	// Supported is false where the description says the option is not
	// supported ("Does not support `$filter`", "Not filterable").
	Supported bool `json:"supported"`
	// Operators lists the $filter operators and functions the
	// description names, lower-cased as OData spells them (eq, ne, not,
	// in, ge, le, gt, lt, has, startswith, endswith, contains, any, all),
	// in documented order; empty when it names none ("Supports
	// `$filter`"), which says nothing about which ones.
	Operators []string `json:"operators,omitempty"`
	// Condition is a restriction the description adds and the parser
	// does not read ("only where the signInType is not
	// userPrincipalName"), as written; a query-condition warning reports
	// it. Empty when there is none.
	Condition string `json:"condition,omitempty"`
}

// Returned says whether a response carries a property by default.
type Returned struct {
	// ByDefault: "Returned by default" (true); "Returned only on
	// `$select`", "Not returned by default" (false).
	ByDefault bool `json:"byDefault"`
	// On lists the query options that return the property when it is
	// not returned by default ("$select", "$expand"); empty when the
	// description does not say.
	On []string `json:"on,omitempty"`
	// Condition is a restriction the parser does not read ("in a GET
	// operation which specifies the id of a series master event").
	Condition string `json:"condition,omitempty"`
}
