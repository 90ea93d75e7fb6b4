package rt

import (
	"strconv"
	"strings"
)

// odataFunction describes a built-in function of $filter: its canonical
// name, how many arguments it takes, and whether it returns a Boolean.
type odataFunction struct {
	name     string
	min, max int
	boolean  bool
}

// odataFunctions are the built-in functions of OData 4.01 the parser
// knows: those of strings, collections, dates and times, arithmetic, and
// types. (The geo functions and case are left out: Graph does not use
// them.)
var odataFunctions = []odataFunction{
	{"contains", 2, 2, true},
	{"endswith", 2, 2, true},
	{"startswith", 2, 2, true},
	{"matchesPattern", 2, 2, true},
	{"hassubset", 2, 2, true},
	{"hassubsequence", 2, 2, true},
	{"isof", 1, 2, true},
	{"cast", 1, 2, true}, // its type is the one named; it may be Boolean
	{"length", 1, 1, false},
	{"indexof", 2, 2, false},
	{"substring", 2, 3, false},
	{"tolower", 1, 1, false},
	{"toupper", 1, 1, false},
	{"trim", 1, 1, false},
	{"concat", 2, 2, false},
	{"year", 1, 1, false},
	{"month", 1, 1, false},
	{"day", 1, 1, false},
	{"hour", 1, 1, false},
	{"minute", 1, 1, false},
	{"second", 1, 1, false},
	{"fractionalseconds", 1, 1, false},
	{"totalseconds", 1, 1, false},
	{"totaloffsetminutes", 1, 1, false},
	{"date", 1, 1, false},
	{"time", 1, 1, false},
	{"now", 0, 0, false},
	{"mindatetime", 0, 0, false},
	{"maxdatetime", 0, 0, false},
	{"round", 1, 1, false},
	{"floor", 1, 1, false},
	{"ceiling", 1, 1, false},
}

// odataFunctionNamed returns the built-in function named name, in any case.
func odataFunctionNamed(name string) (odataFunction, bool) {
	for _, fn := range odataFunctions {
		if len(fn.name) == len(name) && strings.EqualFold(fn.name, name) {
			return fn, true
		}
	}
	return odataFunction{}, false
}

// arity says how many arguments fn takes, for messages.
func (fn odataFunction) arity() string {
	plural := func(n int) string {
		if n == 1 {
			return "1 argument"
		}
		return strconv.Itoa(n) + " arguments"
	}
	if fn.min == fn.max {
		return plural(fn.max)
	}
	return strconv.Itoa(fn.min) + " or " + plural(fn.max)
}
