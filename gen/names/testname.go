package names

import "strings"

// maxTestName is the longest subtest name TestName returns.
const maxTestName = 100

// TestName turns an example name into a subtest name that t.Run keeps
// unchanged, so it is exactly the last element of the name go test -json
// reports. Every run of characters outside [A-Za-z0-9.-] (including '_'
// itself, spaces, '/', non-ASCII and invalid UTF-8) becomes one '_', and
// '_' is trimmed from both ends: "Create a user (beta)" -> Create_a_user_beta.
// A result over 100 bytes is cut to 91 bytes and "-" plus 8 hex digits of a
// hash of s is appended; an empty result is "example-" plus that hash.
//
// testing also adds "#01", "#02", ... to repeated subtest names; claim the
// results in a Scope to avoid that.
func TestName(s string) string {
	var b strings.Builder
	pending := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAlnum(c) || c == '.' || c == '-' {
			if pending && b.Len() > 0 {
				b.WriteByte('_')
			}
			pending = false
			b.WriteByte(c)
			continue
		}
		pending = true
	}
	name := b.String()
	if name == "" {
		return "example-" + shortHash(s)
	}
	if len(name) > maxTestName {
		name = strings.TrimRight(name[:maxTestName-9], "_") + "-" + shortHash(s)
	}
	return name
}
