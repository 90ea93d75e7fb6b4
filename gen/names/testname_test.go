package names

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var testNameCases = []struct{ in, want string }{
	{"Create a user", "Create_a_user"},
	{"Create a user (beta)", "Create_a_user_beta"},
	{"example_1", "example_1"},
	{"a__b", "a_b"},
	{"  padded  ", "padded"},
	{"a/b", "a_b"},
	{"v1.0-get", "v1.0-get"},
	{"tab\there", "tab_here"},
	{"nul\x00byte", "nul_byte"},
	{"line\u2028sep", "line_sep"},
	{"bad\xffutf8", "bad_utf8"},
	{"café", "caf"},
	{"#01", "01"},
	{"日本語", "example-" + shortHash("日本語")},
	{"", "example-" + shortHash("")},
	{"___", "example-" + shortHash("___")},
	{strings.Repeat("ab ", 4000), strings.Repeat("ab_", 30) + "a-" + shortHash(strings.Repeat("ab ", 4000))},
}

func TestTestName(t *testing.T) {
	for _, tt := range testNameCases {
		got := TestName(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("TestName(%.40q) mismatch (-want +got):\n%s", tt.in, diff)
		}
		if p := testNameProblem(got); p != "" {
			t.Errorf("TestName(%.40q) = %q: %s", tt.in, got, p)
		}
		if again := TestName(got); again != got {
			t.Errorf("TestName(%.40q) = %q, but TestName(%q) = %q", tt.in, got, got, again)
		}
	}
}

// TestTestNameAsReported runs a subtest under each name and checks that
// testing reports it unchanged. A Scope keeps repeated names ("a__b" and
// "a/b" both give a_b) from getting testing's "#01" suffix.
func TestTestNameAsReported(t *testing.T) {
	scope := NewScope()
	for _, tt := range testNameCases {
		name := scope.Claim(TestName(tt.in))
		var reported string
		t.Run(name, func(t *testing.T) { reported = t.Name() })
		if want := t.Name() + "/" + name; reported != want {
			t.Errorf("TestName(%.40q) = %q, reported as %q, want %q", tt.in, name, reported, want)
		}
	}
}
