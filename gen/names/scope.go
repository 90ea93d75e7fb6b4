package names

import "strconv"

// Scope hands out unique identifiers within one Go scope (package-level
// names, the fields of one struct, the constants of one enum) or one
// directory of files. The zero Scope is not usable; call NewScope. A Scope is
// not safe for concurrent use.
type Scope struct {
	taken map[string]bool
	next  map[string]int // next suffix to try for a wanted name
}

// NewScope returns a Scope in which the reserved names are already taken,
// e.g. names the generated package declares by hand or imports.
func NewScope(reserved ...string) *Scope {
	s := &Scope{taken: make(map[string]bool), next: make(map[string]int)}
	for _, name := range reserved {
		s.taken[name] = true
	}
	return s
}

// Claim returns want if it is free, else the first free name among
// want+"_2", want+"_3", ..., and records the returned name as taken.
// The result depends only on the reserved names and the sequence of Claim
// calls.
func (s *Scope) Claim(want string) string {
	if !s.taken[want] {
		s.taken[want] = true
		return want
	}
	n := max(s.next[want], 2)
	for s.taken[want+"_"+strconv.Itoa(n)] {
		n++
	}
	name := want + "_" + strconv.Itoa(n)
	s.taken[name] = true
	s.next[want] = n + 1
	return name
}

// Has reports whether name is taken.
func (s *Scope) Has(name string) bool { return s.taken[name] }
