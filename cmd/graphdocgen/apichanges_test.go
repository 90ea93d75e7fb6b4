package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/gen/names"
)

// corpusBeta is the beta folder of the Graph docs corpus, relative to this
// package.
var corpusBeta = filepath.Join("..", "..", "..", "shared", "graph-docs", "api-reference", "beta")

// apiChangeLines are the API change lines of a run's stderr: lines from
// graphdocgen itself other than the summary and file reports.
func apiChangeLines(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		rest, ok := strings.CutPrefix(l, "graphdocgen: ")
		if ok && (strings.HasPrefix(rest, "BREAKING: ") || strings.HasPrefix(rest, "added: ")) {
			out = append(out, rest)
		}
	}
	return out
}

// TestSeedAPIChanges edits the seed page: the change is printed on a
// normal run and under -check, never under -q, and not on a first run.
func TestSeedAPIChanges(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "seeds", "update-usercredentialusagedetails.md"))
	if err != nil {
		t.Fatal(err)
	}
	docs, out := t.TempDir(), t.TempDir()
	page := filepath.Join(docs, "update.md")
	os.WriteFile(page, seed, 0o644)
	gen := func(args ...string) string {
		t.Helper()
		_, _, stderr := runCLI(t, append(args, "-out", out, "-pkg", "x", docs)...)
		return stderr
	}
	if got := apiChangeLines(gen()); got != nil {
		t.Errorf("first run printed API changes: %q", got)
	}
	edited := strings.Replace(string(seed), "|failureReason|String||\n", "|failureReason|String||\n|lastSeen|String||\n", 1)
	os.WriteFile(page, []byte(edited), 0o644)
	want := []string{"added: field UserCredentialUsageDetails.LastSeen"}
	if diff := cmp.Diff(want, apiChangeLines(gen("-check"))); diff != "" {
		t.Errorf("-check: API changes (-want +got):\n%s", diff)
	}
	stderr := gen("-q")
	if got := apiChangeLines(stderr); got != nil {
		t.Errorf("-q printed API changes: %q", got)
	}
	if !strings.Contains(stderr, "API: 0 breaking, 1 additive changes") {
		t.Errorf("-q summary does not count the API change:\n%s", stderr)
	}
	os.WriteFile(page, seed, 0o644)
	want = []string{"BREAKING: field UserCredentialUsageDetails.LastSeen removed"}
	if diff := cmp.Diff(want, apiChangeLines(gen())); diff != "" {
		t.Errorf("API changes (-want +got):\n%s", diff)
	}
}

// TestOldAPISummaryHeader: an API summary written by an earlier version,
// whose header and comment lines start with "# ", is still compared with
// and is replaced by one headed like every other generated file.
func TestOldAPISummaryHeader(t *testing.T) {
	docs, out := t.TempDir(), t.TempDir()
	seed, err := os.ReadFile(filepath.Join("..", "..", "seeds", "update-usercredentialusagedetails.md"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(docs, "update.md"), seed, 0o644)
	args := []string{"-out", out, "-pkg", "x", docs}
	if code, _, stderr := runCLI(t, args...); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	api := filepath.Join(out, gen.APIFile)
	data, err := os.ReadFile(api)
	if err != nil {
		t.Fatal(err)
	}
	current := string(data)
	var old []string
	for _, l := range strings.SplitAfter(current, "\n") {
		switch {
		case strings.HasPrefix(l, "// "):
			old = append(old, "# "+l[3:])
		case !strings.Contains(l, "IsSuccess"):
			old = append(old, l)
		}
	}
	os.WriteFile(api, []byte(strings.Join(old, "")), 0o644)
	_, _, stderr := runCLI(t, args...)
	want := []string{"added: field UserCredentialUsageDetails.IsSuccess"}
	if diff := cmp.Diff(want, apiChangeLines(stderr)); diff != "" {
		t.Errorf("API changes against the old summary (-want +got):\n%s", diff)
	}
	if data, _ := os.ReadFile(api); string(data) != current {
		t.Errorf("the old summary was not replaced; it starts %q", strings.SplitN(string(data), "\n", 2)[0])
	}
}

// corpusSet is a small self-contained set of beta pages: a resource, the
// enum page its enums live on, and an operation page.
var corpusSet = []string{
	"resources/usercredentialusagedetails.md",
	"resources/enums.md",
	"api/reportroot-list-usercredentialusagedetails.md",
}

// addedRow is a property row added after the isSuccess row.
const addedRow = "| lastSeenDateTime | DateTimeOffset | When the user was last seen. |\n"

// insertAfterLine inserts text after the first line starting with prefix.
func insertAfterLine(t *testing.T, s, prefix, text string) string {
	t.Helper()
	i := strings.Index(s, "\n"+prefix)
	if i < 0 {
		t.Fatalf("no line starting with %q", prefix)
	}
	j := strings.IndexByte(s[i+1:], '\n') + i + 2
	return s[:j] + text + s[j:]
}

// removeLine removes the first line equal to line after the first
// occurrence of after.
func removeLine(t *testing.T, s, after, line string) string {
	t.Helper()
	i := strings.Index(s, after)
	j := strings.Index(s[max(i, 0):], "\n"+line+"\n")
	if i < 0 || j < 0 {
		t.Fatalf("no line %q after %q", line, after)
	}
	j += i + 1
	return s[:j] + s[j+len(line)+1:]
}

// TestCorpusOneEdit generates a few corpus pages, edits one row of one
// page and regenerates: only that page's files and the API summary change,
// and the printed change list names exactly the change, marked right.
func TestCorpusOneEdit(t *testing.T) {
	if _, err := os.Stat(corpusBeta); err != nil {
		t.Skipf("Graph docs corpus not found at %s: %v", corpusBeta, err)
	}
	for _, tc := range []struct {
		name, page string
		edit       func(t *testing.T, s string) string
		reverse    bool // the edited page is the "before" state
		want       string
	}{
		{"added property", corpusSet[0], func(t *testing.T, s string) string {
			return insertAfterLine(t, s, "| isSuccess |", addedRow)
		}, false, "added: field UserCredentialUsageDetails.LastSeenDateTime"},
		{"removed property", corpusSet[0], func(t *testing.T, s string) string {
			return insertAfterLine(t, s, "| isSuccess |", addedRow)
		}, true, "BREAKING: field UserCredentialUsageDetails.LastSeenDateTime removed"},
		{"removed enum member", corpusSet[1], func(t *testing.T, s string) string {
			return removeLine(t, s, "### featureType values", "|reset|")
		}, false, "BREAKING: member FeatureTypeReset removed"},
		{"added route", corpusSet[2], func(t *testing.T, s string) string {
			return insertAfterLine(t, s, "GET /reports/userCredentialUsageDetails", "GET /admin/reports/userCredentialUsageDetails\n")
		}, false, "added: route GET /admin/reports/userCredentialUsageDetails"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, out := t.TempDir(), t.TempDir()
			orig := copyPages(t, docs)
			before, after := orig[tc.page], tc.edit(t, orig[tc.page])
			if tc.reverse {
				before, after = after, before
			}
			write(t, filepath.Join(docs, tc.page), before)
			runOK(t, "-q", "-out", out, "-pkg", "x", docs)
			old := snapshot(t, out)
			write(t, filepath.Join(docs, tc.page), after)
			stderr := runOK(t, "-out", out, "-pkg", "x", docs)
			if diff := cmp.Diff([]string{tc.want}, apiChangeLines(stderr)); diff != "" {
				t.Errorf("API changes (-want +got):\n%s", diff)
			}
			checkChangedFiles(t, tc.page, old, snapshot(t, out))
		})
	}
}

// copyPages copies corpusSet into docs and returns the pages' contents.
func copyPages(t *testing.T, docs string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, p := range corpusSet {
		data, err := os.ReadFile(filepath.Join(corpusBeta, p))
		if err != nil {
			t.Fatal(err)
		}
		out[p] = string(data)
		write(t, filepath.Join(docs, p), string(data))
	}
	return out
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runOK runs the command and fails the test unless it exits 0.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	code, _, stderr := runCLI(t, args...)
	if code != exitOK {
		t.Fatalf("graphdocgen %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return stderr
}

// checkChangedFiles checks that the API summary changed and that nothing
// else changed but the files of page.
func checkChangedFiles(t *testing.T, page string, old, now map[string]string) {
	t.Helper()
	base := names.FileName(strings.TrimSuffix(page, ".md"))
	allowed := []string{gen.APIFile, base + ".go", base + "_test.go"}
	var changed []string
	for name := range now {
		if old[name] != now[name] {
			changed = append(changed, name)
		}
	}
	for name := range old {
		if _, ok := now[name]; !ok {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	if !slices.Contains(changed, gen.APIFile) {
		t.Errorf("%s did not change", gen.APIFile)
	}
	for _, name := range changed {
		if !slices.Contains(allowed, name) {
			t.Errorf("%s changed; only %v may", name, allowed)
		}
	}
}
