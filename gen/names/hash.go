package names

import (
	"fmt"
	"hash/fnv"
)

// shortHash returns 8 lower-case hex digits of the 32-bit FNV-1a hash of s.
// It is stable across runs, platforms and Go versions.
func shortHash(s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	return fmt.Sprintf("%08x", h.Sum32())
}
