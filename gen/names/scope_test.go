package names

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestScopeClaim(t *testing.T) {
	tests := []struct {
		name     string
		reserved []string
		claims   []string
		want     []string
	}{
		{"free", nil, []string{"A", "B"}, []string{"A", "B"}},
		{"repeat", nil, []string{"D7", "D7", "D7"}, []string{"D7", "D7_2", "D7_3"}},
		{"case-only difference", nil, []string{Exported("D7"), Exported("d7")}, []string{"D7", "D7_2"}},
		{"reserved", []string{"Client", "Client_2"}, []string{"Client", "Client"}, []string{"Client_3", "Client_4"}},
		{"suffix already taken", nil, []string{"A", "A_2", "A", "A"}, []string{"A", "A_2", "A_3", "A_4"}},
		{"claim a suffixed name", nil, []string{"A", "A", "A_2"}, []string{"A", "A_2", "A_2_2"}},
		{"keyword escape", nil, []string{"type_", "type_"}, []string{"type_", "type__2"}},
		{"empty", nil, []string{"", ""}, []string{"", "_2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewScope(tt.reserved...)
			var got []string
			for _, c := range tt.claims {
				got = append(got, s.Claim(c))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("claims %q (-want +got):\n%s", tt.claims, diff)
			}
			for _, name := range append(got, tt.reserved...) {
				if !s.Has(name) {
					t.Errorf("Has(%q) = false after claiming it", name)
				}
			}
		})
	}
}

func TestScopeHas(t *testing.T) {
	s := NewScope("Reserved")
	for name, want := range map[string]bool{"Reserved": true, "Other": false} {
		if got := s.Has(name); got != want {
			t.Errorf("Has(%q) = %v, want %v", name, got, want)
		}
	}
	s.Claim("Other")
	if !s.Has("Other") {
		t.Error(`Has("Other") = false after Claim`)
	}
	if s.Has("Other_2") {
		t.Error(`Has("Other_2") = true, never claimed`)
	}
}

// TestScopeDeterministic replays one claim sequence in two scopes.
func TestScopeDeterministic(t *testing.T) {
	seq := []string{"A", "B", "A", "A_2", "A", "B", "C", "A_3", "A"}
	run := func() []string {
		s := NewScope("C")
		var out []string
		for _, c := range seq {
			out = append(out, s.Claim(c))
		}
		return out
	}
	if diff := cmp.Diff(run(), run()); diff != "" {
		t.Errorf("same claims, different names (-first +second):\n%s", diff)
	}
}

// TestScopeUnique claims many colliding names and checks all differ.
func TestScopeUnique(t *testing.T) {
	s := NewScope()
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		for _, want := range []string{"X", "X_2", "X_2_2", "Y"} {
			got := s.Claim(want)
			if seen[got] {
				t.Fatalf("Claim(%q) = %q, already handed out", want, got)
			}
			seen[got] = true
		}
	}
}
