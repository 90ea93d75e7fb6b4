package route

import "testing"

// TestKeyAsSegment checks which segments are OData keys in parentheses
// and how they are rewritten.
func TestKeyAsSegment(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"/users('abc')", "/users/abc"},
		{"/users(42)/people", "/users/42/people"},
		{"/me/messages('A=')/attachments('B')", "/me/messages/A=/attachments/B"},
		{"/x('it''s')", "/x/it's"},
		{"/x('(1)')", "/x/(1)"},
		{"/users", ""},
		{"/users/delta()", ""},
		{"/reports/getX(period='D7')", ""},
		{"/x(a,b)", ""},
		{"/x('')", ""},
		{"/x('a'b')", ""},
		{"/x(')", ""},
		{"/('a')", ""},
		{"/x((1))", ""},
		{"/x(1)y", ""},
	} {
		got, ok := KeyAsSegment(c.path)
		if ok != (c.want != "") || ok && got != c.want {
			t.Errorf("KeyAsSegment(%q) = %q, %v; want %q", c.path, got, ok, c.want)
		}
	}
}
