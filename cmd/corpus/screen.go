package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// printScreen writes the one-screen summary, one column per folder.
func printScreen(w io.Writer, rs []*report) error {
	t := corpustool.NewTable(w, 34, 16, rs)
	row := t.Row
	num := func(f func(r *report) int) func(r *report) string {
		return func(r *report) string { return fmt.Sprint(f(r)) }
	}
	row("graphdocgen corpus", func(r *report) string { return r.name })
	row("pages", num(func(r *report) int { return len(r.s.Pages) }))
	for _, k := range []string{schema.PageOperation, schema.PageResource, schema.PageEnum, schema.PageOther} {
		row("  "+k, num(func(r *report) int { return countPages(r.s, k) }))
	}
	row("operations", num(func(r *report) int { return len(r.s.Operations) }))
	row("request lines", num(func(r *report) int { return r.routes() }))
	row("  routed by TestRoutes", func(r *report) string { return r.results["TestRoutes"] })
	row("types", num(func(r *report) int { return len(r.s.Types) }))
	row("properties", num(func(r *report) int { return r.properties() }))
	row("enums", num(func(r *report) int { return len(r.s.Enums) }))
	row("examples", num(func(r *report) int { return r.count(all) }))
	row("  tests passed", num(func(r *report) int { p, _, _ := r.tests(all); return p }))
	row("  tests failed", num(func(r *report) int { _, f, _ := r.tests(all); return f }))
	row("  explained by a diagnostic", num(func(r *report) int { _, _, e := r.tests(all); return e }))
	row("example pairs (request, response)", num(func(r *report) int { return r.count(pairs) }))
	row("  tests passed", func(r *report) string { return r.passRate(pairs) })
	row("requests without a response", num(func(r *report) int { return r.count(requestOnly) }))
	row("  tests passed", func(r *report) string { return r.passRate(requestOnly) })
	row("generated files", num(func(r *report) int { return r.files }))
	row("build / vet", func(r *report) string { return okStr(r.buildErr) + " / " + okStr(r.vetErr) })
	row("diagnostics", num(func(r *report) int { return len(r.s.Diagnostics) }))
	for _, code := range topCodes(rs, 18) {
		row("  "+code, num(func(r *report) int { return countCode(r.s, code) }))
	}
	t.Printf("examples without a test, by reason:\n")
	for _, code := range topReasons(rs, 10) {
		row("  "+code, num(func(r *report) int { return r.reasons()[code] }))
	}
	t.Printf("time per stage:\n")
	for i := range rs[0].stages {
		row("  "+rs[0].stages[i].name, func(r *report) string {
			if i < len(r.stages) {
				return r.stages[i].d.Round(10e6).String()
			}
			return ""
		})
	}
	for _, r := range rs {
		if failed := r.failedExamples(); len(failed) > 0 {
			t.Printf("\n%s example tests that failed (each names the page of its example):\n", r.name)
			for i, f := range failed {
				if i == 30 {
					t.Printf("  ... and %d more\n", len(failed)-30)
					break
				}
				t.Printf("  %s\n", f)
			}
		}
		for _, s := range []struct{ what, out string }{{"build", r.buildErr}, {"vet", r.vetErr}, {"test", r.testOut}} {
			if s.out != "" {
				t.Printf("\n%s %s failed:\n%s\n", r.name, s.what, firstLines(s.out, 30))
			}
		}
	}
	return t.Err()
}

func okStr(err string) string {
	if err == "" {
		return "ok"
	}
	return "FAILED"
}

func firstLines(s string, n int) string {
	l := strings.Split(s, "\n")
	if len(l) > n {
		l = append(l[:n], "...")
	}
	return strings.Join(l, "\n")
}

func countPages(s *schema.Schema, kind string) int {
	n := 0
	for _, p := range s.Pages {
		if p.Kind == kind {
			n++
		}
	}
	return n
}

func (r *report) routes() int {
	n := 0
	for _, op := range r.s.Operations {
		n += len(op.Routes)
	}
	return n
}

func (r *report) properties() int {
	n := 0
	for _, t := range r.s.Types {
		n += len(t.Properties)
	}
	return n
}

// Example filters: every example, the request/response pairs, and the
// requests documented without a response.
func all(*schema.Example) bool            { return true }
func pairs(ex *schema.Example) bool       { return !ex.RequestOnly }
func requestOnly(ex *schema.Example) bool { return ex.RequestOnly }

// count counts the examples that keep selects.
func (r *report) count(keep func(*schema.Example) bool) int {
	n := 0
	for _, op := range r.s.Operations {
		for _, ex := range op.Examples {
			if keep(ex) {
				n++
			}
		}
	}
	return n
}

// passRate is "passed (percent)" over the examples that keep selects.
func (r *report) passRate(keep func(*schema.Example) bool) string {
	p, _, _ := r.tests(keep)
	n := r.count(keep)
	if n == 0 {
		return "0"
	}
	return fmt.Sprintf("%d (%.1f%%)", p, 100*float64(p)/float64(n))
}

// tests counts, among the examples that keep selects, the example tests
// that passed and failed in go test, and the examples with no test
// (explained by a diagnostic).
func (r *report) tests(keep func(*schema.Example) bool) (passed, failed, explained int) {
	for _, op := range r.s.Operations {
		for _, ex := range op.Examples {
			switch {
			case !keep(ex):
			case ex.Test == nil:
				explained++
			case r.results[*ex.Test] == "pass":
				passed++
			default:
				failed++
			}
		}
	}
	return
}

// failedExamples lists the example tests that did not pass, as
// "Test/sub (page:line)", in schema order.
func (r *report) failedExamples() []string {
	var out []string
	for _, op := range r.s.Operations {
		for _, ex := range op.Examples {
			if ex.Test != nil && r.results[*ex.Test] != "pass" {
				out = append(out, *ex.Test+" ("+ex.Source.String()+")")
			}
		}
	}
	return out
}

func (r *report) reasons() map[string]int {
	m := map[string]int{}
	for _, op := range r.s.Operations {
		for _, ex := range op.Examples {
			if ex.Reason != nil {
				m[*ex.Reason]++
			}
		}
	}
	return m
}

func countCode(s *schema.Schema, code string) int {
	n := 0
	for _, d := range s.Diagnostics {
		if d.Code == code {
			n++
		}
	}
	return n
}

// topCodes are the n most frequent diagnostic codes over all reports.
func topCodes(rs []*report, n int) []string {
	m := map[string]int{}
	for _, r := range rs {
		for _, d := range r.s.Diagnostics {
			m[d.Code]++
		}
	}
	return top(m, n)
}

func topReasons(rs []*report, n int) []string {
	m := map[string]int{}
	for _, r := range rs {
		for k, v := range r.reasons() {
			m[k] += v
		}
	}
	return top(m, n)
}

func top(m map[string]int, n int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}
