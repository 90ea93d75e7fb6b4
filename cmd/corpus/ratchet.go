package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// The ratchet: figures of each folder that may not get worse, recorded in
// a small committed file (ratchet.txt), one "FOLDER FIGURE VALUE" a line,
// sorted. make corpus compares the run's figures with it: a figure that
// got worse fails the run; one that got better is reported, with the
// command that records it.

// ratchetHeader opens the file and says how to change it.
const ratchetHeader = `# Figures of make corpus (go run ./cmd/corpus) that may not get worse, one
# "FOLDER FIGURE VALUE" a line, sorted. make corpus fails when a figure gets
# worse than recorded here: fewer pages with operations, request lines
# routed, example pairs or passing tests; more failing tests, examples
# explained by a diagnostic, or diagnostics of a code. To accept an
# intended change, run
#	go run ./cmd/corpus -update-ratchet
# and commit this file in the same commit as the change, where a reviewer
# sees it.
`

// Figure names. The diagnostics of a code are figDiagnosticsfix + code.
const (
	figPages       = "pages-with-operations"
	figRoutes      = "request-lines-routed"
	figPairs       = "example-pairs"
	figPassed      = "tests-passed"
	figFailed      = "tests-failed"
	figExplained   = "examples-explained"
	figDiagnostics = "diagnostics/"
)

// higherIsBetter reports the direction of a figure.
func higherIsBetter(figure string) bool {
	switch figure {
	case figPages, figRoutes, figPairs, figPassed:
		return true
	}
	return false // failed, explained, diagnostics by code
}

// figures returns a folder's ratchet figures.
func (r *report) figures() map[string]int {
	passed, failed, explained := r.tests(all)
	pages := map[string]bool{}
	for _, op := range r.s.Operations {
		pages[op.Source.File] = true
	}
	routed := 0
	if r.results["TestRoutes"] == "pass" {
		routed = r.routes() // TestRoutes checks every request line
	}
	f := map[string]int{
		figPages: len(pages), figRoutes: routed, figPairs: r.count(pairs),
		figPassed: passed, figFailed: failed, figExplained: explained,
	}
	for _, d := range r.s.Diagnostics {
		f[figDiagnostics+d.Code]++
	}
	return f
}

// ratchet holds the recorded figures by folder, then by figure.
type ratchet map[string]map[string]int

// readRatchet reads the file at path; a missing file records nothing.
func readRatchet(path string) (ratchet, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return ratchet{}, nil
	}
	if err != nil {
		return nil, err
	}
	return parseRatchet(path, data)
}

// parseRatchet reads the text of a ratchet file; name is for errors.
func parseRatchet(name string, data []byte) (ratchet, error) {
	rt := ratchet{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want FOLDER FIGURE VALUE, got %q", name, n, line)
		}
		v, err := strconv.Atoi(f[2])
		if err != nil || v < 0 {
			return nil, fmt.Errorf("%s:%d: value %q is not a count", name, n, f[2])
		}
		if _, dup := rt[f[0]][f[1]]; dup {
			return nil, fmt.Errorf("%s:%d: %s %s recorded twice", name, n, f[0], f[1])
		}
		if rt[f[0]] == nil {
			rt[f[0]] = map[string]int{}
		}
		rt[f[0]][f[1]] = v
	}
	return rt, sc.Err()
}

// format returns the file's text: the header, then every figure sorted by
// folder and figure. Diagnostics of a code with no diagnostic are left out.
func (rt ratchet) format() []byte {
	var lines []string
	for folder, figs := range rt {
		for fig, v := range figs {
			if v != 0 || !strings.HasPrefix(fig, figDiagnostics) {
				lines = append(lines, fmt.Sprintf("%s %s %d", folder, fig, v))
			}
		}
	}
	sort.Strings(lines)
	return []byte(ratchetHeader + strings.Join(lines, "\n") + "\n")
}

// change is one figure that differs from the record.
type change struct {
	folder, figure string
	was, now       int
}

func (c change) String() string {
	return fmt.Sprintf("%s %s: %d -> %d (%+d)", c.folder, c.figure, c.was, c.now, c.now-c.was)
}

// worse reports whether the change is a regression.
func (c change) worse() bool { return (c.now < c.was) == higherIsBetter(c.figure) }

// compare returns the figures of folder that differ from the record, in
// sorted order. A figure the record lacks counts as 0 there, as does a
// diagnostic code no longer reported.
func compare(folder string, was, now map[string]int) []change {
	names := map[string]bool{}
	for k := range was {
		names[k] = true
	}
	for k := range now {
		names[k] = true
	}
	var out []change
	for k := range names {
		if was[k] != now[k] {
			out = append(out, change{folder, k, was[k], now[k]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].figure < out[j].figure })
	return out
}

// checkRatchet compares each report's figures with the record, prints the
// changes to w, and reports whether none got worse. Folders the record
// lacks are named and not compared. file is the path to print, accept
// the command that records the figures.
func checkRatchet(w io.Writer, file, accept string, rt ratchet, rs []*report) (bool, error) {
	var worse, better []change
	var missing []string
	for _, r := range rs {
		was, ok := rt[r.name]
		if !ok {
			missing = append(missing, r.name)
			continue
		}
		for _, c := range compare(r.name, was, r.figures()) {
			if c.worse() {
				worse = append(worse, c)
			} else {
				better = append(better, c)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nratchet (%s): %d figures worse, %d better", file, len(worse), len(better))
	if len(missing) > 0 {
		fmt.Fprintf(&b, "; no figures recorded for %s", strings.Join(missing, ", "))
	}
	b.WriteString("\n")
	for _, g := range []struct {
		what string
		cs   []change
	}{{"worse", worse}, {"better", better}} {
		for _, c := range g.cs {
			fmt.Fprintf(&b, "  %-6s %s\n", g.what, c)
		}
	}
	switch {
	case len(worse) > 0:
		fmt.Fprintf(&b, "FAIL: %d figures got worse than %s records. If the change is intended, run\n\t%s\nand commit %s in the same commit as the change, where a reviewer sees it.\n", len(worse), file, accept, file)
	case len(better) > 0 || len(missing) > 0:
		fmt.Fprintf(&b, "Figures improved or are not recorded yet: run\n\t%s\nand commit %s, so that they cannot slip back.\n", accept, file)
	}
	_, err := io.WriteString(w, b.String())
	return len(worse) == 0, err
}

// writeRatchet records the reports' figures in rt, keeping the folders
// that did not run, writes the file at path, and prints what changed.
func writeRatchet(w io.Writer, path string, rt ratchet, rs []*report) error {
	var changes []change
	for _, r := range rs {
		now := r.figures()
		changes = append(changes, compare(r.name, rt[r.name], now)...)
		rt[r.name] = now
	}
	if err := os.WriteFile(path, rt.format(), 0o644); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nratchet: wrote %s (%d figures changed); commit it with the change\n", path, len(changes))
	for _, c := range changes {
		fmt.Fprintf(&b, "  %s\n", c)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
