package rt

import (
	"reflect"
	"strings"
)

// odataCheckProperties checks that every property path of q ($select,
// $expand with its nested options, $filter and $orderby) names properties
// of t, the Go type of the response's entity (a struct, possibly behind
// pointers, Optional or a slice), whose documented qualified name is
// typeName ("microsoft.graph.user"). It answers 400 naming the first
// property missing and its type, as Graph does. Properties are matched by
// JSON name as MatchODataFilter reads them. A type-cast segment selects a
// member of a registered family (the interface's, or the one whose base
// the type is); a cast it cannot resolve, a map, or an interface that is
// not a registered family ends the check of that path: it accepts what it
// cannot know.
func odataCheckProperties(q *ODataQuery, t reflect.Type, typeName string) *Error {
	c := odataChecker{typeName: typeName}
	return c.checkQuery(q, odataElemType(t), "")
}

// odataChecker checks a query's paths against Go types.
type odataChecker struct {
	typeName string // the documented name of the root type
}

// odataElemType returns the type of the members of a collection type t,
// or t itself, without pointers and Optional.
func odataElemType(t reflect.Type) reflect.Type {
	t = odataIndirectType(t)
	if (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && t.Elem().Kind() != reflect.Uint8 {
		return odataIndirectType(t.Elem())
	}
	return t
}

// checkQuery checks the options of q against t, reached from the root by
// the property path at ("" for the root).
func (c odataChecker) checkQuery(q *ODataQuery, t reflect.Type, at string) *Error {
	for _, p := range q.Select {
		if _, err := c.resolve(t, p.Segments, at); err != nil {
			return err
		}
	}
	for _, x := range q.Expand {
		pt, err := c.resolve(t, x.Path.Segments, at)
		if err != nil {
			return err
		}
		if x.Options != nil && pt != nil {
			if err := c.checkQuery(x.Options, odataElemType(pt), odataJoin(at, x.Path.String())); err != nil {
				return err
			}
		}
	}
	if err := c.checkExpr(q.Filter, t, at, nil); err != nil {
		return err
	}
	for _, o := range q.OrderBy {
		if err := c.checkExpr(o.Expr, t, at, nil); err != nil {
			return err
		}
	}
	return nil
}

// odataJoin joins two property paths with "/".
func odataJoin(a, b string) string {
	if a == "" {
		return b
	}
	return a + "/" + b
}

// odataVarType is a lambda variable in scope and the type of the members
// it ranges over.
type odataVarType struct {
	name string
	typ  reflect.Type
	at   string // the path of its collection, for messages
}

// checkExpr checks the paths of the expression e against t, with the
// lambda variables vars in scope (innermost last).
func (c odataChecker) checkExpr(e ODataExpr, t reflect.Type, at string, vars []odataVarType) *Error {
	var err *Error
	WalkODataExpr(e, func(n ODataExpr) bool {
		if err != nil {
			return false
		}
		switch n := n.(type) {
		case *ODataPath:
			_, err = c.resolvePath(n.Segments, t, at, vars)
		case *ODataLambda:
			var ct reflect.Type
			if ct, err = c.resolvePath(n.Collection.Segments, t, at, vars); err == nil && ct != nil && n.Predicate != nil {
				v := odataVarType{name: n.Var, typ: odataElemType(ct), at: odataJoin(at, n.Collection.String())}
				err = c.checkExpr(n.Predicate, t, at, append(vars[:len(vars):len(vars)], v))
			}
			return false
		case *ODataCall:
			if n.Name == "cast" || n.Name == "isof" {
				for _, a := range n.Args[:len(n.Args)-1] {
					if err == nil {
						err = c.checkExpr(a, t, at, vars)
					}
				}
				return false
			}
		}
		return true
	})
	return err
}

// resolvePath resolves a $filter path, which may start with a lambda
// variable, $it or $this.
func (c odataChecker) resolvePath(segs []string, t reflect.Type, at string, vars []odataVarType) (reflect.Type, *Error) {
	if len(segs) == 0 {
		return t, nil
	}
	switch segs[0] {
	case "$it":
		return c.resolve(t, segs[1:], at)
	case "$this":
		if len(vars) > 0 {
			v := vars[len(vars)-1]
			return c.resolve(v.typ, segs[1:], v.at)
		}
		return c.resolve(t, segs[1:], at)
	}
	for i := len(vars) - 1; i >= 0; i-- {
		if vars[i].name == segs[0] {
			return c.resolve(vars[i].typ, segs[1:], vars[i].at)
		}
	}
	return c.resolve(t, segs, at)
}

// resolve returns the type the property path segs names on t, reached by
// the path at; nil (with no error) when it cannot tell.
func (c odataChecker) resolve(t reflect.Type, segs []string, at string) (reflect.Type, *Error) {
	for _, seg := range segs {
		switch {
		case seg == "*" || strings.HasSuffix(seg, ".*") || seg == "$ref" || seg == "$value":
			return nil, nil
		case seg == "$count":
			return reflect.TypeFor[int64](), nil
		case strings.Contains(seg, "."):
			var ok bool
			if t, ok = odataCastType(t, seg); !ok {
				return nil, nil
			}
			continue
		}
		st := odataStructType(odataElemType(t))
		if st == nil {
			// Untyped JSON (json.RawMessage), a map or an interface hold
			// anything; every entity has its id.
			if k := odataElemType(t).Kind(); k == reflect.Map || k == reflect.Interface || t == codecRawType || strings.EqualFold(seg, "id") {
				return nil, nil
			}
			return nil, c.missing(seg, at)
		}
		f, ok := odataFieldByName(st, seg)
		if !ok {
			// Every entity has its key, id, whether its page lists it or
			// not; an open type has properties its page does not declare.
			if strings.EqualFold(seg, "id") || odataOpenStruct(st) {
				return nil, nil
			}
			return nil, c.missing(seg, at)
		}
		t, at = odataIndirectType(f.typ), odataJoin(at, seg)
	}
	return t, nil
}

// odataOpenStruct reports whether the struct type t is an open type: it
// keeps undeclared properties (a graphjson ",additional" field).
func odataOpenStruct(t reflect.Type) bool {
	p := codecPlanFor(t)
	return p.st != nil && p.st.additional != nil
}

// missing returns the error for a property seg not found on the type at
// the path at.
func (c odataChecker) missing(seg, at string) *Error {
	if at == "" {
		return badRequest("Could not find a property named '" + odataQuote(seg) + "' on type '" + c.typeName + "'.")
	}
	return badRequest("Could not find a property named '" + odataQuote(seg) + "' on '" + at + "' of type '" + c.typeName + "'.")
}

// odataStructType returns the struct type whose properties t has: t
// itself, or the base of the registered family t is the interface of;
// nil for another type.
func odataStructType(t reflect.Type) reflect.Type {
	switch t.Kind() {
	case reflect.Struct:
		return t
	case reflect.Interface:
		if k := KindOf(t); k != nil {
			return k.base
		}
	}
	return nil
}

// odataCastType returns the type a cast segment selects on t: the member
// named name of t's registered family (t being its interface or its
// base); false if it cannot tell.
func odataCastType(t reflect.Type, name string) (reflect.Type, bool) {
	e := odataElemType(t)
	k := odataFamilyOf(e)
	if k == nil {
		return nil, false
	}
	lower := strings.ToLower(strings.TrimPrefix(name, "#"))
	if m, ok := k.byName[lower]; ok {
		return m, true
	}
	m, ok := k.byName["microsoft.graph."+lower]
	return m, ok
}

// odataFamilyOf returns the registered family whose interface or base is
// t, or nil.
func odataFamilyOf(t reflect.Type) *kindIndex {
	if t.Kind() == reflect.Interface {
		return KindOf(t)
	}
	tablesMu.RLock()
	defer tablesMu.RUnlock()
	for _, k := range registered.kinds {
		if k.base == t {
			return k
		}
	}
	return nil
}
