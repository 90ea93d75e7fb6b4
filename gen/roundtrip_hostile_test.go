package gen_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// roundTripSource is a test file for a generated package: for every
// documented property of every type, {"<name>": null} must decode into the
// type and encode back to the same single member. The properties whose
// names encoding/json cannot use as tag names are checked by a test of
// their own, TestHostileRoundTripUnrepresentable (they round-trip through
// the generated MarshalJSON and UnmarshalJSON).
func roundTripSource(s *schema.Schema) []byte {
	var ok, odd strings.Builder
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			b := &ok
			if !validTagName(p.Name) {
				b = &odd
			}
			fmt.Fprintf(b, "\t{%s, func() any { return new(%s) }},\n", strconv.Quote(p.Name), ty.GoName)
		}
	}
	return fmt.Appendf(nil, `package api

import (
	"encoding/json"
	"testing"
)

type hostileName struct {
	name string
	new  func() any
}

var hostileNames = []hostileName{
%s}

var unrepresentableNames = []hostileName{
%s}

func TestHostileRoundTrip(t *testing.T) { roundTripAll(t, hostileNames) }

func TestHostileRoundTripUnrepresentable(t *testing.T) { roundTripAll(t, unrepresentableNames) }

func roundTripAll(t *testing.T, names []hostileName) {
	for _, n := range names {
		v := n.new()
		in, _ := json.Marshal(map[string]any{n.name: nil})
		if err := json.Unmarshal(in, v); err != nil {
			t.Errorf("%%s into %%T: %%v", in, v, err)
			continue
		}
		out, err := json.Marshal(v)
		var got map[string]json.RawMessage
		if err == nil {
			err = json.Unmarshal(out, &got)
		}
		if err != nil || len(got) != 1 || string(got[n.name]) != "null" {
			t.Errorf("%%s through %%T gives %%s (%%v); want the same member", in, v, out, err)
		}
	}
}
`, ok.String(), odd.String())
}

func TestHostileCasesCompile(t *testing.T) {
	m := newModule(t)
	for _, c := range hostileCases() {
		s, out := runCase(t, c)
		m.add(c.name, out)
		m.write(c.name+"/hostile_roundtrip_test.go", roundTripSource(s))
	}
	m.mustGo("vet", "./...")
	m.mustGo("test", "-count=1", "-vet=off", "./...")
}
