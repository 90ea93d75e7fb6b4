package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportPathOf checks the import path read from the nearest go.mod:
// the module path joined with -out's path below the module's folder, a
// quoted module path and a comment read, a folder that does not exist yet
// allowed, and no go.mod or no module directive an error that says what
// to do.
func TestImportPathOf(t *testing.T) {
	root := t.TempDir()
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("m/go.mod", "// a comment\nmodule example.com/m // the module\n\ngo 1.26\n")
	write("q/go.mod", "module \"example.com/quoted\"\n")
	write("m/nested/go.mod", "module example.com/nested\n")
	write("bad/go.mod", "go 1.26\n")
	for out, want := range map[string]string{
		"m":                "example.com/m",
		"m/api":            "example.com/m/api",
		"m/a/b/not-yet":    "example.com/m/a/b/not-yet",
		"m/nested/graph":   "example.com/nested/graph",
		"q/graph":          "example.com/quoted/graph",
		"m/./api/../graph": "example.com/m/graph",
	} {
		got, err := importPathOf(filepath.Join(root, filepath.FromSlash(out)))
		if err != nil || got != want {
			t.Errorf("importPathOf(%s) = %q, %v; want %q", out, got, err, want)
		}
	}
	if got, err := importPathOf(filepath.Join(root, "bad", "api")); err == nil || !strings.Contains(err.Error(), "no module directive") {
		t.Errorf("go.mod without a module directive: %q, %v", got, err)
	}
	// No go.mod above a folder of its own (TempDir is outside any module
	// unless the machine has a go.mod in a parent of it).
	lone := t.TempDir()
	if _, err := os.Stat(filepath.Join(filepath.Dir(lone), "go.mod")); err == nil {
		t.Skip("a go.mod above the temporary folder")
	}
	if _, err := importPathOf(filepath.Join(lone, "api")); err == nil || !strings.Contains(err.Error(), "-import") {
		t.Errorf("no go.mod: error %v, want one naming -import", err)
	}
}

// TestImportFlag checks the CLI's two ways to the import path: read from
// the go.mod above -out, or -import, which the package doc records (and
// the generated code imports the runtime below it); without either, exit 2
// with a message naming -import and nothing written.
func TestImportFlag(t *testing.T) {
	const seeds = "../../seeds"
	dir := moduleDir(t)
	out := filepath.Join(dir, "api")
	if code, _, stderr := runCLI(t, "-q", "-out", out, seeds); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	checkImports(t, out, "example.com/cli/api", false)

	lone := filepath.Join(t.TempDir(), "api")
	if _, err := os.Stat(filepath.Join(filepath.Dir(filepath.Dir(lone)), "go.mod")); err == nil {
		t.Skip("a go.mod above the temporary folder")
	}
	code, _, stderr := runCLI(t, "-q", "-out", lone, seeds)
	if code != exitUsage || !strings.Contains(stderr, "-import") {
		t.Errorf("no go.mod: exit %d, want %d naming -import:\n%s", code, exitUsage, stderr)
	}
	if _, err := os.Stat(lone); err == nil {
		t.Error("no go.mod: the output folder was made")
	}
	for _, bad := range []string{"example.org/x y", "example.org//api", "/abs", "example.org/../api", `example.org/"api`} {
		if code, _, stderr := runCLI(t, "-q", "-out", lone, "-import", bad, seeds); code != exitUsage || !strings.Contains(stderr, "not a Go import path") {
			t.Errorf("-import %q: exit %d:\n%s", bad, code, stderr)
		}
	}
	if code, _, stderr := runCLI(t, "-q", "-out", lone, "-import", "example.org/x/api", seeds); code != exitOK {
		t.Fatalf("-import: exit %d:\n%s", code, stderr)
	}
	checkImports(t, lone, "example.org/x/api", true)
}

// checkImports checks that the package in dir imports its runtime below
// path and that doc.go records -import exactly when it was given.
func checkImports(t *testing.T, dir, path string, recorded bool) {
	t.Helper()
	tables, err := os.ReadFile(filepath.Join(dir, "graphdocgen_tables.go"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `import "` + path + `/internal/graphrt"`; !strings.Contains(string(tables), want) {
		t.Errorf("graphdocgen_tables.go lacks %s", want)
	}
	test, err := os.ReadFile(filepath.Join(dir, "graphdocgen_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `"` + path + `/internal/graphrttest"`; !strings.Contains(string(test), want) {
		t.Errorf("graphdocgen_test.go lacks %s", want)
	}
	doc, err := os.ReadFile(filepath.Join(dir, "doc.go"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Contains(string(doc), "-import "+path); got != recorded {
		t.Errorf("doc.go records -import %s: %v, want %v:\n%s", path, got, recorded, doc)
	}
}
