package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// fakeReport is a folder's report with the given test results: pages
// p0.md, p1.md, ... each with one operation and one request line, and
// examples that pass, fail, are explained, or are requests without a
// response (passing); diagnostics by code.
func fakeReport(name string, pages, passed, failed, explained, requestOnly int, codes map[string]int) *report {
	s := &schema.Schema{}
	results := map[string]string{"TestRoutes": "pass"}
	for i := range pages {
		op := &schema.Operation{Source: schema.Pos{File: "p" + string(rune('0'+i)) + ".md"}, Routes: []schema.Route{{Pattern: "/x"}}}
		s.Operations = append(s.Operations, op)
	}
	op := s.Operations[0]
	add := func(n int, result string, ro bool) {
		for range n {
			ex := &schema.Example{RequestOnly: ro}
			if result != "" {
				test := "TestX/" + string(rune('a'+len(op.Examples)))
				ex.Test = &test
				results[test] = result
			} else {
				reason := "example-route-unmatched"
				ex.Reason = &reason
			}
			op.Examples = append(op.Examples, ex)
		}
	}
	add(passed, "pass", false)
	add(failed, "fail", false)
	add(explained, "", false)
	add(requestOnly, "pass", true)
	for code, n := range codes {
		for range n {
			s.Diagnostics = append(s.Diagnostics, schema.Diagnostic{Code: code})
		}
	}
	return &report{name: name, s: s, results: results}
}

func TestFigures(t *testing.T) {
	r := fakeReport("beta", 3, 4, 1, 2, 1, map[string]int{"a-code": 2, "b-code": 1})
	want := map[string]int{
		figPages: 3, figRoutes: 3, figPairs: 7, figPassed: 5, figFailed: 1, figExplained: 2,
		"diagnostics/a-code": 2, "diagnostics/b-code": 1,
	}
	if diff := cmp.Diff(want, r.figures()); diff != "" {
		t.Errorf("figures (-want +got):\n%s", diff)
	}
	r.results["TestRoutes"] = "fail"
	if got := r.figures()[figRoutes]; got != 0 {
		t.Errorf("request lines routed with TestRoutes failing = %d, want 0", got)
	}
}

// TestCompareDirections: each figure has its direction; a new code counts
// from 0 and a code no longer reported goes to 0.
func TestCompareDirections(t *testing.T) {
	was := map[string]int{figPages: 10, figRoutes: 10, figPairs: 10, figPassed: 10, figFailed: 1, figExplained: 5,
		"diagnostics/gone": 3, "diagnostics/up": 1, "diagnostics/down": 4, "diagnostics/same": 2}
	for _, tc := range []struct {
		figure string
		now    int
		worse  bool
	}{
		{figPages, 9, true}, {figPages, 11, false},
		{figRoutes, 9, true}, {figRoutes, 11, false},
		{figPairs, 9, true}, {figPairs, 11, false},
		{figPassed, 9, true}, {figPassed, 11, false},
		{figFailed, 2, true}, {figFailed, 0, false},
		{figExplained, 6, true}, {figExplained, 4, false},
		{"diagnostics/up", 2, true}, {"diagnostics/down", 3, false},
		{"diagnostics/new", 1, true},
	} {
		now := map[string]int{}
		for k, v := range was {
			now[k] = v
		}
		now["diagnostics/gone"] = 3 // only the figure under test changes
		now[tc.figure] = tc.now
		cs := compare("v", was, now)
		if len(cs) != 1 || cs[0].figure != tc.figure || cs[0].worse() != tc.worse {
			t.Errorf("%s %d -> %d: changes %v, want one, worse = %v", tc.figure, was[tc.figure], tc.now, cs, tc.worse)
		}
	}
	now := map[string]int{}
	for k, v := range was {
		now[k] = v
	}
	delete(now, "diagnostics/gone")
	cs := compare("v", was, now)
	if len(cs) != 1 || cs[0].now != 0 || cs[0].worse() {
		t.Errorf("code no longer reported: changes %v, want one better change to 0", cs)
	}
}

// TestCheckRatchet checks the verdict and what it prints: worse fails
// and says how to accept the change; better passes and asks to record it;
// a folder the file lacks passes and is named.
func TestCheckRatchet(t *testing.T) {
	base := fakeReport("beta", 3, 4, 0, 2, 1, map[string]int{"a-code": 2})
	rt := ratchet{"beta": base.figures(), "v1.0": {figPassed: 7}}
	for _, tc := range []struct {
		name  string
		r     *report
		held  bool
		wants []string
	}{
		{"same", fakeReport("beta", 3, 4, 0, 2, 1, map[string]int{"a-code": 2}), true,
			[]string{"0 figures worse, 0 better\n"}},
		{"worse", fakeReport("beta", 3, 3, 0, 3, 1, map[string]int{"a-code": 2, "b-code": 1}), false, []string{
			"3 figures worse, 0 better",
			"  worse  beta diagnostics/b-code: 0 -> 1 (+1)\n",
			"  worse  beta examples-explained: 2 -> 3 (+1)\n",
			"  worse  beta tests-passed: 5 -> 4 (-1)\n",
			"FAIL: 3 figures got worse than ratchet.txt records. If the change is intended, run\n\tgo run ./cmd/corpus -update-ratchet\nand commit ratchet.txt in the same commit",
		}},
		{"better", fakeReport("beta", 4, 4, 0, 2, 1, nil), true, []string{
			"0 figures worse, 3 better",
			"  better beta diagnostics/a-code: 2 -> 0 (-2)\n",
			"  better beta pages-with-operations: 3 -> 4 (+1)\n",
			"  better beta request-lines-routed: 3 -> 4 (+1)\n",
			"Figures improved or are not recorded yet: run\n\tgo run ./cmd/corpus -update-ratchet\n",
		}},
		{"not recorded", fakeReport("v2", 0+1, 0, 5, 0, 0, nil), true, []string{
			"no figures recorded for v2", "Figures improved or are not recorded yet",
		}},
	} {
		var b strings.Builder
		held, err := checkRatchet(&b, "ratchet.txt", "go run ./cmd/corpus -update-ratchet", rt, []*report{tc.r})
		if err != nil {
			t.Fatal(err)
		}
		if held != tc.held {
			t.Errorf("%s: held = %v, want %v", tc.name, held, tc.held)
		}
		for _, w := range tc.wants {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s: output lacks %q:\n%s", tc.name, w, b.String())
			}
		}
		if tc.name == "same" && strings.Contains(b.String(), "-update-ratchet") {
			t.Errorf("same: asks to update an unchanged ratchet:\n%s", b.String())
		}
	}
}

// TestRatchetFile: the file is sorted, headed by how to change it, leaves
// out codes with no diagnostic, reads back to the same figures, and
// -update-ratchet keeps the folders that did not run.
func TestRatchetFile(t *testing.T) {
	rt := ratchet{
		"v1.0": {figPassed: 7, figFailed: 0, "diagnostics/zero": 0, "diagnostics/z": 1},
		"beta": {figPassed: 9, "diagnostics/a": 2},
	}
	got := string(rt.format())
	want := ratchetHeader + "beta diagnostics/a 2\nbeta tests-passed 9\nv1.0 diagnostics/z 1\nv1.0 tests-failed 0\nv1.0 tests-passed 7\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("file (-want +got):\n%s", diff)
	}
	back, err := parseRatchet("r", []byte(got))
	if err != nil {
		t.Fatal(err)
	}
	delete(rt["v1.0"], "diagnostics/zero")
	if diff := cmp.Diff(rt, back); diff != "" {
		t.Errorf("read back (-wrote +read):\n%s", diff)
	}

	path := filepath.Join(t.TempDir(), "ratchet.txt")
	var out strings.Builder
	r := fakeReport("beta", 1, 2, 0, 0, 0, nil)
	if err := writeRatchet(&out, path, back, []*report{r}); err != nil {
		t.Fatal(err)
	}
	again, err := readRatchet(path)
	if err != nil {
		t.Fatal(err)
	}
	wantRT := ratchet{"v1.0": rt["v1.0"], "beta": r.figures()}
	if diff := cmp.Diff(wantRT, again); diff != "" {
		t.Errorf("after -update-ratchet of beta (-want +got):\n%s", diff)
	}
	if !strings.Contains(out.String(), "beta tests-passed: 9 -> 2 (-7)") {
		t.Errorf("update does not print the change:\n%s", out.String())
	}
}

// TestRatchetParseErrors: a malformed line is an error naming its line;
// a missing file records nothing.
func TestRatchetParseErrors(t *testing.T) {
	for _, text := range []string{
		"# c\nbeta tests-passed\n",
		"beta tests-passed many\n",
		"beta tests-passed -1\n",
		"beta tests-passed 1\nbeta tests-passed 2\n",
	} {
		if _, err := parseRatchet("r", []byte(text)); err == nil || !strings.HasPrefix(err.Error(), "r:") {
			t.Errorf("%q: error %v, want one naming the line", text, err)
		}
	}
	rt, err := readRatchet(filepath.Join(t.TempDir(), "absent.txt"))
	if err != nil || len(rt) != 0 {
		t.Errorf("missing file: %v, %v", rt, err)
	}
	if _, err := os.Stat("ratchet.txt"); err != nil {
		t.Errorf("the committed ratchet file: %v", err)
	} else if _, err := readRatchet("ratchet.txt"); err != nil {
		t.Errorf("the committed ratchet file does not read: %v", err)
	}
}

// TestAcceptCommand: the command that accepts a change repeats the flags
// that choose what is recorded, quoted when needed.
func TestAcceptCommand(t *testing.T) {
	if got, want := acceptCommand(), "go run ./cmd/corpus -update-ratchet"; got != want {
		t.Errorf("default flags: %q, want %q", got, want)
	}
	old := *ratchetFile
	defer func() { *ratchetFile = old }()
	if err := flag.Set("ratchet", "/tmp/my ratchet.txt"); err != nil {
		t.Fatal(err)
	}
	if got, want := acceptCommand(), `go run ./cmd/corpus -update-ratchet -ratchet "/tmp/my ratchet.txt"`; got != want {
		t.Errorf("with -ratchet: %q, want %q", got, want)
	}
}
