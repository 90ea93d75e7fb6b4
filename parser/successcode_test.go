package parser

import "testing"

// TestSuccessCodeAt checks that the status read from a Response paragraph
// is its first success or redirect code: driveitem-createuploadsession
// names "507 Insufficient Storage" first, and the upload session was
// served with 507 as its success status.
func TestSuccessCodeAt(t *testing.T) {
	for _, c := range []struct {
		s    string
		want string
	}{
		{"If successful, this method returns a `200 OK` response code.", "200"},
		{"If the fileSize exceeds the quota, a `507 Insufficient Storage` response is returned. If successful, it returns `200 OK`.", "200"},
		{"A `404 Not Found` or a `409 Conflict`, and never a 200.", "200"},
		{"If successful, this method returns a `302 Found` response redirecting to a download URL.", "302"},
		{"The response is a `507 Insufficient Storage` error.", ""},
		{"Returns 2021 and 404.", ""},
		{"", ""},
	} {
		got := ""
		if i := successCodeAt(c.s); i >= 0 {
			got = c.s[i : i+3]
		}
		if got != c.want {
			t.Errorf("successCodeAt(%q) reads %q, want %q", c.s, got, c.want)
		}
	}
}
