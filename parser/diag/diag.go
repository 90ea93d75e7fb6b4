// Package diag is the registry of diagnostic codes: every code the parser
// (parser/...) and the generator (gen/...) report, with its default
// severity and one line saying what it means and what to do.
//
// Each code is one line of codes.go:
//
//	var PageTooLarge = def("page-too-large", schema.Error, "The page is over 4 MiB and was not read. Split the page, or leave it out.")
//
// and the code that reports it passes the variable (diag.PageTooLarge),
// or the string itself, as the code of the diagnostic. Tests scan the
// parser's and the generator's sources: a code they report that is not
// registered here, or a registered code nothing reports, fails them, and
// the failure names the line to add. graphdocgen -codes prints the list
// (cmd/graphdocgen/diagnostics.md is that output), and graphdocgen -W
// sets a code's severity by name.
//
// The package imports only parser/schema and the standard library, so that
// the parser and the generator can both use it.
package diag

import (
	"cmp"
	"slices"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// Info describes one diagnostic code.
type Info struct {
	Code string
	// Severity is what the parser or generator reports it as; graphdocgen's
	// -W flag changes it per code.
	Severity schema.Severity
	// Help is one line: what the diagnostic means, then what to do.
	Help string
}

// registry holds every def call, in declaration order.
var registry []Info

// def registers a code and returns it, so that each code is defined by one
// line: the variable, the code, its default severity and its help.
func def(code string, sev schema.Severity, help string) string {
	registry = append(registry, Info{Code: code, Severity: sev, Help: help})
	return code
}

// All returns every registered code, sorted by code.
func All() []Info {
	out := slices.Clone(registry)
	slices.SortFunc(out, func(a, b Info) int { return cmp.Compare(a.Code, b.Code) })
	return out
}

// Lookup returns the registered code named code.
func Lookup(code string) (Info, bool) {
	for _, in := range registry {
		if in.Code == code {
			return in, true
		}
	}
	return Info{}, false
}

// Nearest returns the registered code closest to s by edit distance (the
// first in sorted order among equals), to suggest in place of an unknown
// one.
func Nearest(s string) string {
	best, bestDist := "", -1
	for _, in := range All() {
		if d := distance(s, in.Code); bestDist < 0 || d < bestDist {
			best, bestDist = in.Code, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in bytes (codes
// are ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
