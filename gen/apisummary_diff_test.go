package gen

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// summary makes an API summary file from lines.
func summary(lines ...string) []byte {
	return []byte("# " + Header + "\n" + apiFormat + "\n" + strings.Join(lines, "\n") + "\n")
}

func diffStrings(old, new []byte) []string {
	var out []string
	for _, c := range DiffAPI(old, new) {
		out = append(out, c.String())
	}
	return out
}

func TestDiffAPI(t *testing.T) {
	base := []string{
		"type microsoft.graph.user = User",
		"field microsoft.graph.user isSuccess = User.IsSuccess Optional[bool]",
		"field microsoft.graph.user age = User.Age Optional[int32]",
		"enum microsoft.graph.color = Color",
		`member microsoft.graph.color red = ColorRed = "red"`,
		"method api/user-get.md GET = GetUser(ctx context.Context, req *GetUserRequest) (*User, error)",
		"route GET /users/{id} = GetUser",
	}
	edit := func(drop string, add ...string) []byte {
		var out []string
		for _, l := range base {
			if l != drop {
				out = append(out, l)
			}
		}
		return summary(append(out, add...)...)
	}
	for _, tc := range []struct {
		name string
		new  []byte
		want []string
	}{
		{"same", summary(base...), nil},
		{"field removed", edit(base[1]), []string{"BREAKING: field User.IsSuccess removed"}},
		{"field added", edit("", "field microsoft.graph.user name = User.Name Optional[string]"), []string{"added: field User.Name"}},
		{"field retyped", edit(base[2], "field microsoft.graph.user age = User.Age Optional[int64]"),
			[]string{"BREAKING: field User.Age changed: int32 -> int64"}},
		{"field renamed", edit(base[2], "field microsoft.graph.user age = User.Age_2 Optional[int32]"),
			[]string{"BREAKING: field User.Age renamed to User.Age_2"}},
		{"member removed", edit(base[4]), []string{"BREAKING: member ColorRed removed"}},
		{"member added", edit("", `member microsoft.graph.color blue = ColorBlue = "blue"`), []string{"added: member ColorBlue"}},
		{"route removed", edit(base[6]), []string{"BREAKING: route GET /users/{id} removed"}},
		{"route added", edit("", "route GET /users = ListUsers"), []string{"added: route GET /users"}},
		{"route moved", edit(base[6], "route GET /users/{id} = GetUserByID"),
			[]string{"BREAKING: route GET /users/{id} changed: GetUser -> GetUserByID"}},
		{"type renamed", edit(base[0], "type microsoft.graph.user = User_2"), []string{"BREAKING: type User renamed to User_2"}},
		{"base added", edit(base[0], "type microsoft.graph.user = User embeds Entity"),
			[]string{"BREAKING: type User changed: (nothing) -> embeds Entity"}},
		{"method retyped", edit(base[5], "method api/user-get.md GET = GetUser(ctx context.Context, req *GetUserRequest) error"),
			[]string{"BREAKING: method GetUser changed: (*GetUserRequest) (*User, error) -> (*GetUserRequest) error"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, diffStrings(summary(base...), tc.new)); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDiffAPIRenameKeepsDocumentedName checks that a field renamed in Go
// but documented under the same name is one BREAKING change, not a removal
// plus an addition, and that a new documented name is not a rename.
func TestDiffAPIRenameKeepsDocumentedName(t *testing.T) {
	old := summary("field t a = T.A Optional[string]")
	got := DiffAPI(old, summary("field t a = T.A_2 Optional[string]", "field t b = T.A Optional[string]"))
	want := []APIChange{
		{Breaking: true, Kind: "field", Key: "t a", Old: "T.A string", New: "T.A_2 string"},
		{Kind: "field", Key: "t b", New: "T.A string"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

func TestDiffAPIDuplicateNamesAndNoise(t *testing.T) {
	old := summary("type t = T", "type t = T_2", "not a line", "", "# comment")
	got := diffStrings(old, summary("type t = T", "type t = T_3"))
	want := []string{"BREAKING: type T_2 removed", "added: type T_3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
	if got := DiffAPI(nil, nil); got != nil {
		t.Errorf("DiffAPI(nil, nil) = %v, want none", got)
	}
}

func TestDiffAPISorted(t *testing.T) {
	got := diffStrings(summary("route GET /b = B", "type z = Z"), summary("route GET /a = A", "enum e = E"))
	want := []string{"added: enum E", "added: route GET /a", "BREAKING: route GET /b removed", "BREAKING: type Z removed"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

// TestDiffAPIUpgrade checks that a summary written in the form before the
// compact one reports no change against the same API in the compact form,
// and still reports a real change.
func TestDiffAPIUpgrade(t *testing.T) {
	old := summary(
		"field microsoft.graph.user age = User.Age Optional[int32]",
		`member microsoft.graph.color red = ColorRed = "red"`,
		"method api/x.md GET = XGet(ctx context.Context, req *XGetRequest) (*User, error)",
	)
	now := summary(
		"field microsoft.graph.user age = User.Age int32",
		"member microsoft.graph.color red = ColorRed",
		"method api/x.md GET = XGet(*XGetRequest) (*User, error)",
	)
	if got := DiffAPI(old, now); len(got) != 0 {
		t.Errorf("upgrade reports %v", got)
	}
	changed := summary(
		"field microsoft.graph.user age = User.Age int64",
		"member microsoft.graph.color red = ColorRed",
		"method api/x.md GET = XGet(*XGetRequest) (*User, error)",
	)
	got := DiffAPI(old, changed)
	if len(got) != 1 || got[0].String() != "BREAKING: field User.Age changed: int32 -> int64" {
		t.Errorf("changed type reports %v", got)
	}
}
