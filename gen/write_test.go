package gen

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func gf(name, body string) File {
	return File{Name: name, Data: []byte("// " + Header + "\n\npackage x\n" + body)}
}

func dirState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			out[e.Name()+"/"] = ""
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func TestWriteDirRewritesOnlyChangesAndKeepsUserFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteDir(dir, []File{gf("a.go", "// a"), gf("b.go", "// b"), gf("c.go", "// c")}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "user.go"), []byte("package x\n"), 0o644)
	old, _ := os.Stat(filepath.Join(dir, "a.go"))
	res, err := WriteDir(dir, []File{gf("a.go", "// a"), gf("b.go", "// b2")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(WriteResult{Written: 1, Unchanged: 1, Removed: 1}, res); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
	if now, _ := os.Stat(filepath.Join(dir, "a.go")); !os.SameFile(old, now) {
		t.Error("unchanged a.go was rewritten")
	}
	want := map[string]string{"a.go": string(gf("a.go", "// a").Data), "b.go": string(gf("b.go", "// b2").Data), "user.go": "package x\n"}
	if diff := cmp.Diff(want, dirState(t, dir)); diff != "" {
		t.Errorf("folder (-want +got):\n%s", diff)
	}
}

// TestWriteDirFailureLeavesFolderUnchanged makes the last rename fail (a
// directory sits where a file must go) after earlier files were replaced.
func TestWriteDirFailureLeavesFolderUnchanged(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteDir(dir, []File{gf("a.go", "// a"), gf("old.go", "// old")}); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "z.go", "inner"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := dirState(t, dir)
	_, err := WriteDir(dir, []File{gf("a.go", "// a2"), gf("n.go", "// new"), gf("z.go", "// z")})
	if err == nil {
		t.Fatal("WriteDir succeeded over a directory")
	}
	if diff := cmp.Diff(before, dirState(t, dir)); diff != "" {
		t.Errorf("failed run changed the folder (-before +after):\n%s", diff)
	}
}

func TestWriteDirRefusesUserFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.go"), []byte("package x // mine\n"), 0o644)
	before := dirState(t, dir)
	if _, err := WriteDir(dir, []File{gf("a.go", "// a")}); err == nil {
		t.Fatal("overwrote a user file")
	}
	if diff := cmp.Diff(before, dirState(t, dir)); diff != "" {
		t.Errorf("folder changed (-before +after):\n%s", diff)
	}
}

// TestWriteDirTextFiles covers the API summary: a text file with our "// "
// header is ours (rewritten, removed when no longer produced, reported by
// Check); a text file without it is the user's.
func TestWriteDirTextFiles(t *testing.T) {
	dir := t.TempDir()
	txt := func(name, body string) File { return File{Name: name, Data: []byte("// " + Header + "\n" + body)} }
	if _, err := WriteDir(dir, []File{gf("a.go", ""), txt(APIFile, "type a = A\n"), txt("old.txt", "")}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine\n"), 0o644)
	next := []File{gf("a.go", ""), txt(APIFile, "type b = B\n")}
	changes, err := Check(dir, next)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Change{{APIFile, "stale"}, {"old.txt", "extra"}}, changes); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}
	res, err := WriteDir(dir, next)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(WriteResult{Written: 1, Unchanged: 1, Removed: 1}, res); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
	want := map[string]string{"a.go": string(gf("a.go", "").Data), APIFile: string(txt(APIFile, "type b = B\n").Data), "notes.txt": "mine\n"}
	if diff := cmp.Diff(want, dirState(t, dir)); diff != "" {
		t.Errorf("folder (-want +got):\n%s", diff)
	}
}

func TestIsGenerated(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       bool
	}{
		{"a.go", "// " + Header + "\n", true},
		{"a.go", "# " + Header + "\n", false},
		{"a.txt", "// " + Header + "\n", true},
		{"a.txt", "# " + Header + "\n", true}, // an API summary of an earlier version
		{"a.txt", "notes\n// " + Header + "\n", false},
		{"a.txt", "notes\n# " + Header + "\n", false},
	} {
		if got := IsGenerated(tc.name, []byte(tc.data)); got != tc.want {
			t.Errorf("IsGenerated(%s, %q) = %v, want %v", tc.name, tc.data, got, tc.want)
		}
	}
}
