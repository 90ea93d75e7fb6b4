package jsondoc

import "encoding/json"

// Interface returns v as encoding/json would decode it into an any with
// UseNumber: map[string]any, []any, string, json.Number, bool or nil. For
// duplicate keys the last member wins. It does not recurse.
func (v *Value) Interface() any {
	type open struct {
		v   *Value
		i   int // next member or element to convert
		obj map[string]any
		arr []any
	}
	var result any
	var stack []open
	// done delivers a finished value to its parent, or as the result.
	done := func(x any) {
		if len(stack) == 0 {
			result = x
			return
		}
		top := &stack[len(stack)-1]
		if top.obj != nil {
			top.obj[top.v.Members[top.i-1].Key] = x
		} else {
			top.arr[top.i-1] = x
		}
	}
	next := v
	for {
		if next != nil && next.Kind == Object {
			stack = append(stack, open{v: next, obj: make(map[string]any, len(next.Members))})
		} else if next != nil && next.Kind == Array {
			stack = append(stack, open{v: next, arr: make([]any, len(next.Elems))})
		} else {
			done(scalar(next))
		}
		next = nil
		for next == nil && len(stack) > 0 {
			top := &stack[len(stack)-1]
			switch {
			case top.obj != nil && top.i < len(top.v.Members):
				next = top.v.Members[top.i].Value
			case top.obj == nil && top.i < len(top.v.Elems):
				next = top.v.Elems[top.i]
			default:
				stack = stack[:len(stack)-1]
				if top.obj != nil {
					done(top.obj)
				} else {
					done(top.arr)
				}
				continue
			}
			top.i++
			if next == nil {
				done(nil) // a nil child (only in hand-built values) is null
			}
		}
		if next == nil {
			return result
		}
	}
}

// scalar converts a non-container value.
func scalar(v *Value) any {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case Bool:
		return v.Bool
	case Number:
		return json.Number(v.Str)
	case String:
		return v.Str
	}
	return nil
}
