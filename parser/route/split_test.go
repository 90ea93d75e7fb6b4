package route

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want []Token
	}{
		{"/me/events", []Token{{Literal: "/me/events"}}},
		{"/users/{id|userPrincipalName}/events/{id}", []Token{
			{Literal: "/users/"}, {Param: "id|userPrincipalName"}, {Literal: "/events/"}, {Param: "id"},
		}},
		{"/me/drive/root:/{item-path}:/content", []Token{
			{Literal: "/me/drive/root:/"}, {Param: "item-path", Multi: true}, {Literal: ":/content"},
		}},
		{"/drives/{drive-id}/items/{parent-id}:/{filename}:/content", []Token{
			{Literal: "/drives/"}, {Param: "drive-id"}, {Literal: "/items/"}, {Param: "parent-id"},
			{Literal: ":/"}, {Param: "filename", Multi: true}, {Literal: ":/content"},
		}},
		{"/sites/{hostname}:/{server-relative-path}", []Token{
			{Literal: "/sites/"}, {Param: "hostname"}, {Literal: ":/"}, {Param: "server-relative-path", Multi: true},
		}},
		{"/drive/root:/{path}/children", []Token{
			{Literal: "/drive/root:/"}, {Param: "path"}, {Literal: "/children"},
		}},
		{"/reports/getOffice365ActiveUserCounts(period='{period_value}')", []Token{
			{Literal: "/reports/getOffice365ActiveUserCounts(period='"}, {Param: "period_value"}, {Literal: "')"},
		}},
		{"/a/{}/b", []Token{{Literal: "/a/{}/b"}}},
		{"/a/{b", []Token{{Literal: "/a/{b"}}},
		{"{a}{b}", []Token{{Param: "a"}, {Param: "b"}}},
		{"", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Split(tt.in)); diff != "" {
			t.Errorf("Split(%q) (-want +got):\n%s", tt.in, diff)
		}
		if got := join(Split(tt.in)); got != tt.in {
			t.Errorf("join(Split(%q)) = %q", tt.in, got)
		}
	}
}

// join writes tokens back as a pattern.
func join(toks []Token) string {
	s := ""
	for _, t := range toks {
		if t.Param != "" {
			s += "{" + t.Param + "}"
		} else {
			s += t.Literal
		}
	}
	return s
}

func TestSpecificity(t *testing.T) {
	for in, want := range map[string]int{
		"/users/{id}":     7,
		"/users/delta()":  14,
		"/me/events":      10,
		"{a}":             0,
		"/a/{}":           5,
		"/x/{id}/$ref":    8,
		"/{a}:/{b}:/c{d}": 6,
	} {
		if got := Specificity(in); got != want {
			t.Errorf("Specificity(%q) = %d, want %d", in, got, want)
		}
	}
}
