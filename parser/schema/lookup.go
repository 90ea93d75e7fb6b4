package schema

import "strings"

// LookupNamed finds what the element name of a TypeRef refers to, in the
// one lookup order the parser (checking examples) and the generator
// (choosing Go types) share: a type first, then an enum. When a type and
// an enum have the same qualified name, the name means the type, whose
// struct can hold anything the enum's string can not; the parser reports
// the shared name (type-enum-same-name). types and enums are keyed by
// lower-cased qualified name; both results are nil for an Edm primitive
// or an unknown name.
func LookupNamed(name string, types map[string]*Type, enums map[string]*Enum) (*Type, *Enum) {
	k := strings.ToLower(name)
	if t := types[k]; t != nil {
		return t, nil
	}
	return nil, enums[k]
}
