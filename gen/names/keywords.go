package names

import "go/token"

// predeclared holds Go's predeclared identifiers (universe scope) plus init,
// which may not name a package-level variable or constant.
var predeclared = map[string]bool{
	// types
	"any": true, "bool": true, "byte": true, "comparable": true,
	"complex64": true, "complex128": true, "error": true, "float32": true,
	"float64": true, "int": true, "int8": true, "int16": true, "int32": true,
	"int64": true, "rune": true, "string": true, "uint": true, "uint8": true,
	"uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	// constants and zero value
	"true": true, "false": true, "iota": true, "nil": true,
	// functions
	"append": true, "cap": true, "clear": true, "close": true, "complex": true,
	"copy": true, "delete": true, "imag": true, "len": true, "make": true,
	"max": true, "min": true, "new": true, "panic": true, "print": true,
	"println": true, "real": true, "recover": true,
	// special
	"init": true,
}

// reservedWord reports whether s may not be declared as an ordinary
// identifier: a keyword, a predeclared identifier, or init.
func reservedWord(s string) bool {
	return token.IsKeyword(s) || predeclared[s]
}
