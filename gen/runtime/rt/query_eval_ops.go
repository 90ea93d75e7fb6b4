package rt

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"
)

// odataEvalBinary evaluates a binary operation.
func odataEvalBinary(e *ODataBinary, s *odataScope) (any, error) {
	if e.Op == ODataAnd || e.Op == ODataOr {
		return odataEvalLogical(e, s)
	}
	l, err := odataEval(e.Left, s)
	if err != nil {
		return nil, err
	}
	if e.Op == ODataIn {
		return odataEvalIn(l, e.Right, s)
	}
	r, err := odataEval(e.Right, s)
	if err != nil {
		return nil, err
	}
	switch e.Op {
	case ODataEq, ODataNe:
		eq, err := odataEqual(l, r)
		return eq == (e.Op == ODataEq), err
	case ODataGt, ODataGe, ODataLt, ODataLe:
		return odataOrder(e.Op, l, r)
	case ODataHas:
		return odataHas(l, r)
	}
	return odataArithmetic(e.Op, l, r)
}

// odataEvalLogical evaluates "and" and "or" in three-valued logic: false
// and null is false, true or null is true, other mixes with null are null.
func odataEvalLogical(e *ODataBinary, s *odataScope) (any, error) {
	l, err := odataBoolOperand(e.Left, s, e.Op)
	if err != nil {
		return nil, err
	}
	decided := e.Op == ODataOr // or: true decides; and: false decides
	if l != nil && *l == decided {
		return decided, nil
	}
	r, err := odataBoolOperand(e.Right, s, e.Op)
	if err != nil {
		return nil, err
	}
	switch {
	case r != nil && *r == decided:
		return decided, nil
	case l == nil || r == nil:
		return nil, nil
	}
	return !decided, nil
}

// odataBoolOperand evaluates a Boolean operand of op; nil is null.
func odataBoolOperand(e ODataExpr, s *odataScope, op ODataOp) (*bool, error) {
	v, err := odataEval(e, s)
	if err != nil || v == nil {
		return nil, err
	}
	b, ok := v.(bool)
	if !ok {
		return nil, fmt.Errorf("the operands of '%s' must be Boolean, found %s", op, odataTypeName(v))
	}
	return &b, nil
}

// odataOrder evaluates gt, ge, lt and le. With a null operand they are
// false, but le and ge of two nulls are true.
func odataOrder(op ODataOp, l, r any) (any, error) {
	if l == nil || r == nil {
		return l == nil && r == nil && (op == ODataLe || op == ODataGe), nil
	}
	c, err := odataCompare(l, r)
	if err != nil {
		return nil, err
	}
	switch op {
	case ODataGt:
		return c > 0, nil
	case ODataGe:
		return c >= 0, nil
	case ODataLt:
		return c < 0, nil
	}
	return c <= 0, nil
}

// odataEvalIn evaluates "l in right": whether l equals a member of the
// list or collection right.
func odataEvalIn(l any, right ODataExpr, s *odataScope) (any, error) {
	var members []any
	if list, ok := right.(*ODataList); ok {
		for _, it := range list.Items {
			v, err := odataEval(it, s)
			if err != nil {
				return nil, err
			}
			members = append(members, v)
		}
	} else {
		r, err := odataEval(right, s)
		if err != nil {
			return nil, err
		}
		if members, err = odataMembers(r); err != nil {
			return nil, err
		}
	}
	for _, m := range members {
		if eq, err := odataEqual(l, m); err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// odataMembers returns the members of a collection value; null is empty.
func odataMembers(v any) ([]any, error) {
	if v == nil {
		return nil, nil
	}
	rv, ok := v.(reflect.Value)
	if !ok || (rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array) {
		return nil, fmt.Errorf("expected a collection, found %s", odataTypeName(v))
	}
	out := make([]any, rv.Len())
	for i := range out {
		m, err := odataPrimitive(rv.Index(i))
		if err != nil {
			return nil, err
		}
		out[i] = m
	}
	return out, nil
}

// odataHas evaluates "l has r": whether the flags value l ("a,b") holds
// every member of r.
func odataHas(l, r any) (any, error) {
	if l == nil || r == nil {
		return nil, nil
	}
	ls, ok1 := l.(string)
	rs, ok2 := r.(string)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("'has' needs an enum value and an enum member, found %s and %s", odataTypeName(l), odataTypeName(r))
	}
	have := strings.Split(ls, ",")
	for m := range strings.SplitSeq(rs, ",") {
		found := false
		for _, h := range have {
			found = found || strings.TrimSpace(h) == strings.TrimSpace(m)
		}
		if !found {
			return false, nil
		}
	}
	return true, nil
}

// odataEvalUnary evaluates "not X" and "-X".
func odataEvalUnary(e *ODataUnary, s *odataScope) (any, error) {
	x, err := odataEval(e.X, s)
	if err != nil || x == nil {
		return nil, err
	}
	switch v := x.(type) {
	case bool:
		if e.Op == ODataNot {
			return !v, nil
		}
	case int64:
		if e.Op == ODataNegate {
			return -v, nil
		}
	case float64:
		if e.Op == ODataNegate {
			return -v, nil
		}
	case time.Duration:
		if e.Op == ODataNegate {
			return -v, nil
		}
	}
	return nil, fmt.Errorf("cannot apply '%s' to %s", e.Op, odataTypeName(x))
}

// odataArithmetic evaluates add, sub, mul, div, divby and mod: on numbers
// (integer division and remainder when both are integers), a date and
// time plus or minus a duration, two durations, and the duration between
// two dates and times.
func odataArithmetic(op ODataOp, l, r any) (any, error) {
	if l == nil || r == nil {
		return nil, nil
	}
	if x, ok := l.(int64); ok {
		if y, ok := r.(int64); ok {
			return odataIntArithmetic(op, x, y)
		}
	}
	if x, ok := odataFloat(l); ok {
		if y, ok := odataFloat(r); ok {
			return odataFloatArithmetic(op, x, y), nil
		}
	}
	if v, ok := odataTimeArithmetic(op, l, r); ok {
		return v, nil
	}
	return nil, fmt.Errorf("cannot apply '%s' to %s and %s", op, odataTypeName(l), odataTypeName(r))
}

// odataFloat returns a number as a float64.
func odataFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

// odataIntArithmetic applies op to two integers.
func odataIntArithmetic(op ODataOp, x, y int64) (any, error) {
	switch op {
	case ODataAdd:
		return x + y, nil
	case ODataSub:
		return x - y, nil
	case ODataMul:
		return x * y, nil
	case ODataDivBy:
		return float64(x) / float64(y), nil
	}
	if y == 0 {
		return nil, errors.New("division by zero")
	}
	if op == ODataMod {
		return x % y, nil
	}
	return x / y, nil
}

// odataFloatArithmetic applies op to two numbers.
func odataFloatArithmetic(op ODataOp, x, y float64) any {
	switch op {
	case ODataAdd:
		return x + y
	case ODataSub:
		return x - y
	case ODataMul:
		return x * y
	case ODataMod:
		return math.Mod(x, y)
	}
	return x / y
}

// odataTimeArithmetic applies add or sub to dates, times and durations.
func odataTimeArithmetic(op ODataOp, l, r any) (any, bool) {
	sign := time.Duration(1)
	switch op {
	case ODataSub:
		sign = -1
	case ODataAdd:
	default:
		return nil, false
	}
	switch x := l.(type) {
	case time.Time:
		switch y := r.(type) {
		case time.Duration:
			return x.Add(sign * y), true
		case time.Time:
			return x.Sub(y), op == ODataSub
		}
	case time.Duration:
		if y, ok := r.(time.Duration); ok {
			return x + sign*y, true
		}
	}
	return nil, false
}

// odataEvalLambda evaluates Collection/any(...) and Collection/all(...).
func odataEvalLambda(e *ODataLambda, s *odataScope) (any, error) {
	coll, err := odataResolve(e.Collection.Segments, s)
	if err != nil {
		return nil, err
	}
	rv, ok := coll.(reflect.Value)
	if coll != nil && (!ok || (rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array)) {
		return nil, fmt.Errorf("'%s' needs a collection, found %s", e.Op, odataTypeName(coll))
	}
	n := 0
	if coll != nil {
		n = rv.Len()
	}
	if e.Predicate == nil {
		return n > 0, nil
	}
	for i := range n {
		v, err := odataEval(e.Predicate, &odataScope{name: e.Var, value: rv.Index(i), parent: s, budget: s.budget})
		if err != nil {
			return nil, err
		}
		b, _ := v.(bool)
		if e.Op == ODataAny && b {
			return true, nil
		}
		if e.Op == ODataAll && !b {
			return false, nil
		}
	}
	return e.Op == ODataAll, nil
}
