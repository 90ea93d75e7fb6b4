package names

import (
	"go/build"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFileName(t *testing.T) {
	longPath := strings.Repeat("x", 10000)
	tests := []struct{ in, want string }{
		{"api-reference/v1.0/api/user-get.md", "api-reference-v1.0-api-user-get"},
		{"beta/resources/User.MD", "beta-resources-user"},
		{"user-get.md", "user-get"},
		{"translationlanguageoverride.md.txt", "translationlanguageoverride.md.txt"},
		{"../../etc/passwd", "etc-passwd"},
		{"/abs/path", "abs-path"},
		{`a\b`, "a-b"},
		{"a/./b//c", "a-b-c"},
		{"a/../b", "a-b"},
		{"CON", "page-con"},
		{"nul.md", "page-nul"},
		{"aux.tar.gz", "page-aux.tar.gz"},
		{"com1", "page-com1"},
		{"LPT9.md", "page-lpt9"},
		{"console", "console"},
		{"x_test", "x-test"},
		{"x_test.md", "x-test"},
		{"x_windows", "x-windows"},
		{"x_amd64", "x-amd64"},
		{"x_linux_arm64.md", "x-linux-arm64"},
		{".hidden", "hidden"},
		{"_x", "x"},
		{"-x-", "x"},
		{"a..b", "a.b"},
		{"a.-.b", "a-b"},
		{"Café Menu.md", "caf-menu"},
		{"日本語.md", "page-" + shortHash("日本語.md")},
		{"", "page-" + shortHash("")},
		{"..", "page-" + shortHash("..")},
		{"/", "page-" + shortHash("/")},
		{".md", "page-" + shortHash(".md")},
		{longPath, strings.Repeat("x", 91) + "-" + shortHash(longPath)},
		{"a." + longPath, "a." + strings.Repeat("x", 89) + "-" + shortHash("a."+longPath)},
	}
	for _, tt := range tests {
		got := FileName(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("FileName(%.40q) mismatch (-want +got):\n%s", tt.in, diff)
		}
		checkFileName(t, tt.in, got)
	}
}

// checkFileName checks the promises of FileName for one result.
func checkFileName(t *testing.T, in, got string) {
	t.Helper()
	if p := fileNameProblem(got); p != "" {
		t.Errorf("FileName(%.40q) = %q: %s", in, got, p)
	}
	dir := filepath.FromSlash("/out/dir")
	if full := filepath.Join(dir, got+".go"); filepath.Dir(full) != dir {
		t.Errorf("FileName(%.40q) = %q leaves the output directory: %s", in, got, full)
	}
	if again := FileName(got); again != got {
		t.Errorf("FileName(%.40q) = %q, but FileName(%q) = %q", in, got, got, again)
	}
}

// TestFileNameBuildConstraints checks that go/build includes every file
// whatever GOOS and GOARCH it builds for: no name reads as _test or as a
// GOOS/GOARCH suffix.
func TestFileNameBuildConstraints(t *testing.T) {
	dir := t.TempDir()
	ctxt := build.Default
	ctxt.GOOS, ctxt.GOARCH = "plan9", "386"
	for _, in := range []string{"x_test", "x_windows", "x_amd64", "x_linux_arm64", "a/b_darwin.md", "_x", ".hidden"} {
		name := FileName(in) + ".go"
		if err := os.WriteFile(filepath.Join(dir, name), []byte("package p\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		ok, err := ctxt.MatchFile(dir, name)
		if err != nil || !ok {
			t.Errorf("FileName(%q) = %q: MatchFile = %v, %v; want true", in, name, ok, err)
		}
		if strings.HasSuffix(name, "_test.go") {
			t.Errorf("FileName(%q) = %q: a test file", in, name)
		}
	}
}
