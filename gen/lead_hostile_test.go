package gen_test

// Hostile cases that failed because of code outside gen/comment.go,
// gen/names and gen/runtime. Each one still failing is skipped with a
// "LEAD:" message naming the function to fix; remove the t.Skip line once
// it is fixed.

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestHostileUnrepresentableNames: a property whose documented name
// encoding/json cannot use as a tag name (a comma, a double quote, a
// backslash, an apostrophe, a backtick, or a rune that is not a letter,
// digit or one of !#$%&()*+-./:;<=>?@[]^_{|}~ and space) gets a warning
// naming it, and still round-trips under its documented name: on its own
// type, on a type that inherits it, and as a body parameter that the
// handler accepts (the generated example test posts it).
func TestHostileUnrepresentableNames(t *testing.T) {
	c := hostileCases()[2]
	s, out := runCase(t, c)
	for _, name := range documentedProps(s, "microsoft.graph.odd") {
		named := func(d schema.Diagnostic) bool {
			return strings.Contains(d.Message, name) || strings.Contains(d.Message, strconv.Quote(name))
		}
		if !validTagName(name) && !slices.ContainsFunc(s.Diagnostics, named) {
			t.Errorf("no diagnostic names the property %q", name)
		}
	}
	m := newModule(t)
	m.add("odd", out)
	m.write("odd/hostile_roundtrip_test.go", roundTripSource(s))
	inherited, err := os.ReadFile(filepath.Join("testdata", "unrepresentable", "inherited_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	m.write("odd/hostile_inherited_test.go", inherited)
	m.mustGo("vet", "./...")
	m.mustGo("test", "-count=1", "./...")
}
