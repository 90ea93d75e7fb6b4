package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/diag"
)

// corpusV1 is the v1.0 folder of the Graph docs corpus, relative to this
// package.
var corpusV1 = filepath.Join("..", "..", "..", "shared", "graph-docs", "api-reference", "v1.0")

// todoPages are the 28 pages of the Microsoft To Do API in v1.0 (issue
// #15): the api/ and resources/ pages named todo* and linkedresource*
// (less the conceptual overview, todo-overview.md), and the resource pages
// of the types their property tables name, transitively.
var todoPages = []string{
	"api/linkedresource-delete.md", "api/linkedresource-get.md", "api/linkedresource-update.md",
	"api/todo-list-lists.md", "api/todo-post-lists.md",
	"api/todotask-delete.md", "api/todotask-delta.md", "api/todotask-get.md", "api/todotask-list-linkedresources.md",
	"api/todotask-post-linkedresources.md", "api/todotask-update.md",
	"api/todotasklist-delete.md", "api/todotasklist-delta.md", "api/todotasklist-get.md", "api/todotasklist-list-tasks.md",
	"api/todotasklist-post-tasks.md", "api/todotasklist-update.md",
	"resources/datetimetimezone.md", "resources/entity.md", "resources/extension.md", "resources/itembody.md",
	"resources/linkedresource.md", "resources/patternedrecurrence.md", "resources/recurrencepattern.md",
	"resources/recurrencerange.md", "resources/todo.md", "resources/todotask.md", "resources/todotasklist.md",
}

// todoDocs copies the To Do pages into docs/ of a fresh folder, makes it
// the working directory, and returns "docs". It skips without the corpus.
func todoDocs(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(corpusV1); err != nil {
		t.Skipf("Graph docs corpus not found at %s: %v", corpusV1, err)
	}
	dir := moduleDir(t)
	for _, p := range todoPages {
		data, err := os.ReadFile(filepath.Join(corpusV1, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, "docs", filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return "docs"
}

var diagCodeRe = regexp.MustCompile(`(?m)^docs/[^:]+\.md:\d+:\d+: (error|warning): ([a-z0-9-]+): `)

// todoWarnings runs the To Do pages with the default severities and
// returns the codes they warn about, sorted, each once. Every diagnostic
// must be a registered warning.
func todoWarnings(t *testing.T, docs string) []string {
	t.Helper()
	code, _, stderr := runCLI(t, "-q", "-out", "api", docs)
	if code != exitOK {
		t.Fatalf("exit %d, want 0:\n%s", code, stderr)
	}
	var codes []string
	for _, m := range diagCodeRe.FindAllStringSubmatch(stderr, -1) {
		if m[1] != "warning" {
			t.Errorf("the To Do pages have an error: %s", m[0])
		}
		if _, ok := diag.Lookup(m[2]); !ok {
			t.Errorf("unregistered code %s", m[2])
		}
		if !slices.Contains(codes, m[2]) {
			codes = append(codes, m[2])
		}
	}
	if len(codes) == 0 {
		t.Fatalf("the To Do pages gave no warnings, so turning them off proves nothing:\n%s", stderr)
	}
	slices.Sort(codes)
	t.Logf("the To Do pages warn about %s", strings.Join(codes, ", "))
	return codes
}

func offSettings(codes []string) string {
	var s []string
	for _, c := range codes {
		s = append(s, c+"=off")
	}
	return strings.Join(s, ",")
}

// TestTodoPagesSilentUnderStrict: a run over the 28 To Do pages with the
// codes they warn about turned off is silent and exits 0 under -strict
// (issue #15); without -q it prints the summary line only.
func TestTodoPagesSilentUnderStrict(t *testing.T) {
	docs := todoDocs(t)
	off := offSettings(todoWarnings(t, docs))
	code, stdout, stderr := runCLI(t, "-q", "-strict", "-W", off, "-out", "api", docs)
	if code != exitOK || stdout != "" || stderr != "" {
		t.Errorf("-q -strict -W %s: exit %d, want 0 and no output; stdout %q, stderr:\n%s", off, code, stdout, stderr)
	}
	code, _, stderr = runCLI(t, "-strict", "-W", off, "-out", "api", docs)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if code != exitOK || len(lines) != 1 || !strings.Contains(lines[0], "; 0 errors, 0 warnings (") {
		t.Errorf("-strict -W %s: exit %d, want 0 and the summary line only:\n%s", off, code, stderr)
	}
}

// TestTodoPagesOneCodeAnError: the same run with one of those codes made
// an error instead of off exits 1 and reports that code's diagnostics, as
// errors, and nothing else.
func TestTodoPagesOneCodeAnError(t *testing.T) {
	docs := todoDocs(t)
	codes := todoWarnings(t, docs)
	made := codes[0]
	for _, args := range [][]string{
		{"-W", offSettings(codes), "-W", made + "=error"},
		{"-strict", "-W", offSettings(codes[1:]) + "," + made + "=error"},
	} {
		code, _, stderr := runCLI(t, append(args, "-q", "-out", "api", docs)...)
		if code != exitFail {
			t.Errorf("%q: exit %d, want 1:\n%s", args, code, stderr)
		}
		found := diagCodeRe.FindAllStringSubmatch(stderr, -1)
		if len(found) == 0 {
			t.Errorf("%q: no diagnostic printed:\n%s", args, stderr)
		}
		for _, m := range found {
			if m[1] != "error" || m[2] != made {
				t.Errorf("%q: printed %q, want only %s errors", args, m[0], made)
			}
		}
	}
}
