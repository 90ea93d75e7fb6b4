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
	"github.com/graphdocgen/graphdocgen/gen/runtime"
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
// normal run and under -check, and not on a first run; under -q only a
// BREAKING one is.
func TestSeedAPIChanges(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "seeds", "update-usercredentialusagedetails.md"))
	if err != nil {
		t.Fatal(err)
	}
	docs, out := moduleDir(t), moduleDir(t)
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
	// A CI log must show a breaking change: -q prints it.
	if diff := cmp.Diff(want, apiChangeLines(gen("-q", "-check"))); diff != "" {
		t.Errorf("-q: API changes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, apiChangeLines(gen())); diff != "" {
		t.Errorf("API changes (-want +got):\n%s", diff)
	}
}

// TestOldAPISummaryHeader: an API summary written by an earlier version,
// whose header and comment lines start with "# ", is still compared with
// and is replaced by one headed like every other generated file.
func TestOldAPISummaryHeader(t *testing.T) {
	docs, out := moduleDir(t), moduleDir(t)
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
	// propertyLines are the texts every changed line of the property
	// cases must hold one of: the field, its comment, its summary line.
	propertyLines := []string{"LastSeenDateTime", "lastSeenDateTime", "When the user was last seen."}
	for _, tc := range []struct {
		name, page string
		edit       func(t *testing.T, s string) string
		reverse    bool // the edited page is the "before" state
		want       string
		lines      []string // when set, every changed line holds one of these
	}{
		{"added property", corpusSet[0], func(t *testing.T, s string) string {
			return insertAfterLine(t, s, "| isSuccess |", addedRow)
		}, false, "added: field UserCredentialUsageDetails.LastSeenDateTime", propertyLines},
		{"removed property", corpusSet[0], func(t *testing.T, s string) string {
			return insertAfterLine(t, s, "| isSuccess |", addedRow)
		}, true, "BREAKING: field UserCredentialUsageDetails.LastSeenDateTime removed", propertyLines},
		{"removed enum member", corpusSet[1], func(t *testing.T, s string) string {
			return removeLine(t, s, "### featureType values", "|reset|")
		}, false, "BREAKING: member FeatureTypeReset removed", nil},
		{"added route", corpusSet[2], func(t *testing.T, s string) string {
			return insertAfterLine(t, s, "GET /reports/userCredentialUsageDetails", "GET /admin/reports/userCredentialUsageDetails\n")
		}, false, "added: route GET /admin/reports/userCredentialUsageDetails", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, out := moduleDir(t), moduleDir(t)
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
			now := snapshot(t, out)
			checkChangedFiles(t, tc.page, old, now)
			if tc.lines != nil {
				checkChangedLines(t, old, now, tc.lines)
			}
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
	allowed := []string{gen.APIFile, base + ".go", runtime.TestDir + "/" + base + ".txtar"}
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

// checkChangedLines checks that every line added or removed between old
// and now (in any file) holds one of texts, or is blank or an empty
// comment line: an edit of one property changes the lines of that
// property only, never the lines around it (line numbers in comments
// would).
func checkChangedLines(t *testing.T, old, now map[string]string, texts []string) {
	t.Helper()
	n := 0
	for name := range now {
		for _, l := range changedLines(old[name], now[name]) {
			n++
			trimmed := strings.TrimSpace(l)
			if trimmed == "" || trimmed == "//" || slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(l, s) }) {
				continue
			}
			t.Errorf("%s: changed line %q is not about the edited property", name, l)
		}
	}
	if n == 0 {
		t.Error("no line changed")
	}
}

// changedLines returns the lines of a and b that a longest common
// subsequence of their lines leaves out: the removed and the added ones.
func changedLines(a, b string) []string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	// Strip the common prefix and suffix: the tables below stay small.
	for len(x) > 0 && len(y) > 0 && x[0] == y[0] {
		x, y = x[1:], y[1:]
	}
	for len(x) > 0 && len(y) > 0 && x[len(x)-1] == y[len(y)-1] {
		x, y = x[:len(x)-1], y[:len(y)-1]
	}
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			out, i = append(out, x[i]), i+1
		default:
			out, j = append(out, y[j]), j+1
		}
	}
	return append(append(out, x[i:]...), y[j:]...)
}
