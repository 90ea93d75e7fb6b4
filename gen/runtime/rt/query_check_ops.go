package rt

import (
	"slices"
	"strings"
)

// odataCheckFilterOperators checks the operators $filter applies to each
// property of the entity type typeName against allowed, which maps a
// property name (as documented: "displayName") to the operators its
// documentation lists ("eq", "ne", "not", "in", "startsWith", "any",
// ...); names and operators match in any case, and a property missing
// from allowed is not checked (an empty list allows nothing). It answers
// 400 for the first operator outside its property's list.
//
// What counts as applying an operator to a property: a comparison (eq, ne,
// gt, ge, lt, le), in or has with a path to it on either side; a function
// (startswith, endswith, contains, ...; not cast and isof) with a path to
// it among its arguments; not over an expression using it; any and all on it. Inside a
// lambda, a path through its variable belongs to the lambda's collection
// property (assignedLicenses/any(x:x/skuId eq ...) applies eq to
// assignedLicenses). A path ending in /$count applies the operator
// "$count" instead of its comparison. The property of a path is its first
// segment after a type cast or $it.
func odataCheckFilterOperators(e ODataExpr, typeName string, allowed map[string][]string) *Error {
	c := odataOpChecker{typeName: typeName, allowed: allowed}
	return c.check(e, nil)
}

// odataOpChecker checks the operators of a $filter expression.
type odataOpChecker struct {
	typeName string
	allowed  map[string][]string
}

// odataVarOwner is a lambda variable in scope and the root property its
// collection belongs to.
type odataVarOwner struct {
	name, property string
}

// check checks e with the lambda variables vars in scope.
func (c odataOpChecker) check(e ODataExpr, vars []odataVarOwner) *Error {
	var err *Error
	WalkODataExpr(e, func(n ODataExpr) bool {
		if err != nil {
			return false
		}
		switch n := n.(type) {
		case *ODataBinary:
			switch n.Op {
			case ODataEq, ODataNe, ODataGt, ODataGe, ODataLt, ODataLe, ODataIn, ODataHas:
				err = c.operands(string(n.Op), vars, n.Left, n.Right)
			}
		case *ODataCall:
			if n.Name != "cast" && n.Name != "isof" {
				err = c.operands(n.Name, vars, n.Args...)
			}
		case *ODataUnary:
			if n.Op == ODataNot {
				err = c.not(n.X, vars)
			}
		case *ODataLambda:
			// any and all are how a filter reaches the members of a
			// collection property: a list of operators that names
			// neither is about the members ("Supports $filter (eq, not)"
			// on assignedLicenses means assignedLicenses/any(x:x/skuId
			// eq ...)), so the lambda then needs only $filter support.
			prop := odataRootProperty(n.Collection.Segments, vars)
			if err = c.allowLambda(string(n.Op), prop); err == nil && n.Predicate != nil {
				err = c.check(n.Predicate, append(vars[:len(vars):len(vars)], odataVarOwner{n.Var, prop}))
			}
			return false
		}
		return err == nil
	})
	return err
}

// operands checks op on the properties of the operands that are paths.
func (c odataOpChecker) operands(op string, vars []odataVarOwner, operands ...ODataExpr) *Error {
	for _, o := range operands {
		p, ok := o.(*ODataPath)
		if !ok {
			continue
		}
		name := op
		if n := len(p.Segments); n > 1 && p.Segments[n-1] == "$count" {
			name = "$count"
		}
		if err := c.allow(name, odataRootProperty(p.Segments, vars)); err != nil {
			return err
		}
	}
	return nil
}

// not checks "not" on every property x uses.
func (c odataOpChecker) not(x ODataExpr, vars []odataVarOwner) *Error {
	var err *Error
	WalkODataExpr(x, func(n ODataExpr) bool {
		switch n := n.(type) {
		case *ODataPath:
			if err == nil {
				err = c.allow("not", odataRootProperty(n.Segments, vars))
			}
		case *ODataLambda:
			if err == nil {
				err = c.allow("not", odataRootProperty(n.Collection.Segments, vars))
			}
			return false
		}
		return err == nil
	})
	return err
}

// allowLambda checks the lambda operator op (any, all) on property: as
// any operator when the documented operators name any or all, else only
// that property supports $filter.
func (c odataOpChecker) allowLambda(op, property string) *Error {
	ops, ok := c.lookup(property)
	if ok && (slices.Contains(ops, "any") || slices.Contains(ops, "all") || len(ops) == 0) {
		return c.allow(op, property)
	}
	return nil
}

// lookup returns the documented operators of property, matched exactly,
// else ignoring case.
func (c odataOpChecker) lookup(property string) ([]string, bool) {
	if ops, ok := c.allowed[property]; ok {
		return ops, true
	}
	for k, v := range c.allowed {
		if strings.EqualFold(k, property) {
			return v, true
		}
	}
	return nil, false
}

// allow fails if the documented operators of property do not include op.
func (c odataOpChecker) allow(op, property string) *Error {
	if property == "" {
		return nil
	}
	ops, ok := c.lookup(property)
	if !ok || slices.ContainsFunc(ops, func(o string) bool { return strings.EqualFold(o, op) }) {
		return nil
	}
	if len(ops) == 0 {
		return badRequest("The property '" + odataQuote(property) + "' of type '" + c.typeName + "' does not support $filter.")
	}
	return badRequest("The $filter operator '" + op + "' is not supported on the property '" + odataQuote(property) +
		"' of type '" + c.typeName + "'; it supports " + strings.Join(ops, ", ") + ".")
}

// odataRootProperty returns the root property a $filter path refers to:
// its first segment, after a type cast or $it; for a path through a
// lambda variable, the property of the variable's collection.
func odataRootProperty(segs []string, vars []odataVarOwner) string {
	for len(segs) > 0 && (segs[0] == "$it" || strings.Contains(segs[0], ".")) {
		segs = segs[1:]
	}
	if len(segs) == 0 {
		return ""
	}
	if segs[0] == "$this" && len(vars) > 0 {
		return vars[len(vars)-1].property
	}
	for i := len(vars) - 1; i >= 0; i-- {
		if vars[i].name == segs[0] {
			return vars[i].property
		}
	}
	if segs[0] == "$this" || segs[0] == "$count" {
		return ""
	}
	return segs[0]
}

// odataCheckDocumentedOptions checks that q gives only the system query
// options listed in documented (with or without "$", in any case), the
// ones the operation's page says it supports. $skiptoken and $deltatoken
// are always allowed: they come from links the service itself writes
// (the handler's @odata.nextLink, a delta function's @odata.deltaLink).
// It answers 400 naming the first option not listed.
func odataCheckDocumentedOptions(q *ODataQuery, documented []string) *Error {
	for _, name := range odataGivenOptions(q) {
		if name == "$skiptoken" || name == "$deltatoken" {
			continue
		}
		if !slices.ContainsFunc(documented, func(d string) bool {
			return strings.EqualFold(strings.TrimPrefix(d, "$"), name[1:])
		}) {
			return badRequest("The query option '" + name + "' is not supported by this operation.")
		}
	}
	return nil
}

// odataGivenOptions returns the canonical names of the options q gives.
func odataGivenOptions(q *ODataQuery) []string {
	given := [odataOptionCount]bool{
		odataSelect:     q.Select != nil,
		odataExpand:     q.Expand != nil,
		odataFilter:     q.Filter != nil,
		odataOrderBy:    q.OrderBy != nil,
		odataTop:        q.Top != nil,
		odataSkip:       q.Skip != nil,
		odataCount:      q.Count != nil,
		odataSearch:     q.Search != nil,
		odataSkipToken:  q.SkipToken != "",
		odataDeltaToken: q.DeltaToken != "",
		odataFormat:     q.Format != "",
		odataID:         q.ID != "",
	}
	var names []string
	for opt, ok := range given {
		if ok {
			names = append(names, odataOptionNames[opt])
		}
	}
	return names
}
