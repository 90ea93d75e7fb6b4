package route

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// corpusDir is the Graph docs snapshot shared by the project's engineers.
var corpusDir = filepath.Join("..", "..", "..", "shared", "graph-docs")

// page is one markdown file cut into sections at headings.
type page struct {
	path     string
	sections []section
}

// section is a heading and the fenced blocks under it, up to the next heading.
type section struct {
	level   int
	heading string
	blocks  []block
}

// block is the content of one fenced code block.
type block struct {
	line  int // 1-based line of the first content line
	lines []string
}

// readCorpus reads every .md page under api-reference, or skips the test.
func readCorpus(t *testing.T) []page {
	t.Helper()
	root := filepath.Join(corpusDir, "api-reference")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s (the shared Graph docs snapshot): %v", root, err)
	}
	var pages []page
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, path)
		pages = append(pages, page{path: filepath.ToSlash(rel), sections: scanSections(string(b))})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// scanSections is a line scanner: ATX headings outside fences start
// sections, except DocFX tab markers "# [HTTP](#tab/http)"; a fence closes on
// a line holding only the same fence characters, at least as many.
func scanSections(text string) []section {
	secs := []section{{}}
	var fence string
	var cur *block
	for n, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		trim := strings.TrimSpace(line)
		if cur != nil {
			if strings.HasPrefix(trim, fence) && strings.Trim(trim, fence[:1]) == "" {
				secs[len(secs)-1].blocks = append(secs[len(secs)-1].blocks, *cur)
				cur = nil
				continue
			}
			cur.lines = append(cur.lines, line)
			continue
		}
		if f := fenceOpen(trim); f != "" {
			fence, cur = f, &block{line: n + 2}
			continue
		}
		if level, text, ok := heading(line); ok && !strings.Contains(text, "](#tab/") {
			secs = append(secs, section{level: level, heading: text})
		}
	}
	return secs
}

// fenceOpen returns the fence characters that open a code block, or "".
func fenceOpen(trim string) string {
	for _, c := range []string{"`", "~"} {
		n := len(trim) - len(strings.TrimLeft(trim, c))
		if n >= 3 {
			return trim[:n]
		}
	}
	return ""
}

// heading recognizes an ATX heading line.
func heading(line string) (level int, text string, ok bool) {
	level = len(line) - len(strings.TrimLeft(line, "#"))
	if level == 0 || level > 6 || (level < len(line) && line[level] != ' ' && line[level] != '\t') {
		return 0, "", false
	}
	return level, strings.TrimSpace(line[level:]), true
}

// requestBlocks returns the blocks of every "HTTP request" section of pg,
// including those under its sub-headings (some pages list request lines
// under "### Get the photo"-style sub-headings).
func requestBlocks(pg page) []block {
	var out []block
	for i := 0; i < len(pg.sections); i++ {
		sec := pg.sections[i]
		if !isRequestSection(sec) {
			continue
		}
		out = append(out, sec.blocks...)
		for i+1 < len(pg.sections) && pg.sections[i+1].level > sec.level {
			i++
			out = append(out, pg.sections[i].blocks...)
		}
	}
	return out
}

func isRequestSection(s section) bool {
	return (s.level == 2 || s.level == 3) && strings.HasPrefix(strings.ToLower(s.heading), "http request")
}

func isExampleSection(s section) bool {
	return (s.level == 3 || s.level == 4) && strings.HasPrefix(strings.ToLower(s.heading), "request")
}

// startsWithMethod reports whether line starts with a method word (any case)
// followed by white space, "/" or the end of the line.
func startsWithMethod(line string) bool {
	f := strings.TrimLeft(line, " \t")
	n := 0
	for n < len(f) && isLetter(f[n]) {
		n++
	}
	return isMethod(strings.ToUpper(f[:n])) && (n == len(f) || strings.IndexByte(" \t/", f[n]) >= 0)
}

// outsideGroups returns pattern with each placeholder replaced by "x" and
// the text inside balanced parentheses removed.
func outsideGroups(pattern string) string {
	var b strings.Builder
	depth, brace := 0, false
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; {
		case c == '{':
			brace = true
		case c == '}':
			brace = false
			if depth == 0 {
				b.WriteByte('x')
			}
		case brace:
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// instance replaces each placeholder of pattern by a distinct value and
// returns the path and the values.
func instance(pattern string) (path string, values []string) {
	var b strings.Builder
	for i, t := range Split(pattern) {
		if t.Param == "" {
			b.WriteString(t.Literal)
			continue
		}
		v := fmt.Sprintf("x%d", i+1)
		if t.Multi {
			v = "dir/" + v
		}
		values = append(values, v)
		b.WriteString(v)
	}
	return b.String(), values
}

// TestCorpusRequestLines parses every line of every HTTP request block.
func TestCorpusRequestLines(t *testing.T) {
	pages := readCorpus(t)
	var lines, methodLines, ok, withIssues int
	byCode := map[string]int{}
	for _, pg := range pages {
		for _, blk := range requestBlocks(pg) {
			{
				for k, raw := range blk.lines {
					if strings.TrimSpace(raw) == "" {
						continue
					}
					lines++
					where := fmt.Sprintf("%s:%d", pg.path, blk.line+k)
					l, good, issues := ParseLine(raw)
					for _, is := range issues {
						byCode[is.Code]++
					}
					if len(issues) > 0 {
						withIssues++
					}
					if startsWithMethod(raw) {
						methodLines++
						if !good && len(issues) == 0 {
							t.Errorf("%s: %q starts with a method but gives neither a route nor an issue", where, raw)
						}
					}
					if !good {
						continue
					}
					ok++
					checkLine(t, where, l)
				}
			}
		}
	}
	t.Logf("pages %d, request-block lines %d, starting with a method %d, ok %d, lines with issues %d", len(pages), lines, methodLines, ok, withIssues)
	for _, c := range sortedKeys(byCode) {
		t.Logf("  %-34s %5d", c, byCode[c])
	}
	atLeast(t, "request lines that give a route", ok, 13087)
	atMost(t, "request lines starting with a method that give no route", methodLines-ok, 15)
}

// atLeast and atMost compare a figure of the shared corpus snapshot with
// the one it had when the test was written (see TestCorpusExamples): a
// figure that gets worse fails; one that gets better asks for the bound to
// be moved, so that it cannot slip back unnoticed.
func atLeast(t *testing.T, what string, got, floor int) {
	t.Helper()
	if got < floor {
		t.Errorf("%s: %d, fewer than the %d recorded for the corpus snapshot", what, got, floor)
	} else if got > floor {
		t.Logf("%s: %d, more than the %d recorded; raise the bound in the test", what, got, floor)
	}
}

func atMost(t *testing.T, what string, got, ceiling int) {
	t.Helper()
	if got > ceiling {
		t.Errorf("%s: %d, more than the %d recorded for the corpus snapshot", what, got, ceiling)
	} else if got < ceiling {
		t.Logf("%s: %d, fewer than the %d recorded; lower the bound in the test", what, got, ceiling)
	}
}

// checkLine checks the invariants of a parsed line.
func checkLine(t *testing.T, where string, l Line) {
	t.Helper()
	if !strings.HasPrefix(l.Pattern, "/") {
		t.Errorf("%s: pattern %q does not start with /", where, l.Pattern)
	}
	if out := outsideGroups(l.Pattern); strings.ContainsAny(out, " \t?") {
		t.Errorf("%s: pattern %q has a space or ? outside braces and parentheses", where, l.Pattern)
	}
	if strings.Contains(outsideGroups(l.Pattern), "//") {
		t.Errorf("%s: pattern %q has an empty segment", where, l.Pattern)
	}
	if got := join(Split(l.Pattern)); got != l.Pattern {
		t.Errorf("%s: Split(%q) joins back to %q", where, l.Pattern, got)
	}
	path, want := instance(l.Pattern)
	got, ok := Match(l.Pattern, path)
	if !ok {
		t.Errorf("%s: pattern %q does not match its instance %q", where, l.Pattern, path)
	} else if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: Match(%q, %q) (-want +got):\n%s", where, l.Pattern, path, diff)
	}
	if len(want) != len(l.Params) {
		t.Errorf("%s: %d params %q but %d placeholders", where, len(l.Params), l.Params, len(want))
	}
}

// TestCorpusExamples matches every example request against the routes of
// its page. Many examples use other routes than their page documents, so
// the test does not ask for every one to match; it asserts the figures of
// the corpus snapshot instead (fewer matched, or more unmatched, is a
// regression of Match or ExampleTarget), and that exactly the examples on
// a foreign host get an example-foreign-host issue. ROUTE_UNMATCHED=FILE
// writes the unmatched examples to FILE, one a line.
func TestCorpusExamples(t *testing.T) {
	pages := readCorpus(t)
	var total, matched, foreign int
	byCode := map[string]int{}
	var unmatched []string
	for _, pg := range pages {
		var routes []string
		for _, blk := range requestBlocks(pg) {
			for _, raw := range blk.lines {
				if l, ok, _ := ParseLine(raw); ok {
					routes = append(routes, l.Pattern)
				}
			}
		}
		for _, sec := range pg.sections {
			if !isExampleSection(sec) {
				continue
			}
			for _, blk := range sec.blocks {
				url, ok := exampleURL(blk)
				if !ok {
					continue
				}
				total++
				path, _, host, issues := ExampleTarget(url)
				for _, is := range issues {
					byCode[is.Code]++
				}
				if host != "" {
					foreign++
					continue
				}
				if matchesAny(routes, path) {
					matched++
				} else {
					unmatched = append(unmatched, fmt.Sprintf("%s:%d: %s", pg.path, blk.line, path))
				}
			}
		}
	}
	t.Logf("example requests %d: matched a route of their page %d, foreign host %d, unmatched %d", total, matched, foreign, len(unmatched))
	for _, c := range sortedKeys(byCode) {
		t.Logf("  %-34s %5d", c, byCode[c])
	}
	if path := os.Getenv("ROUTE_UNMATCHED"); path != "" {
		if err := os.WriteFile(path, []byte(strings.Join(unmatched, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 10 && i < len(unmatched); i++ {
		t.Logf("  unmatched: %s", unmatched[i*len(unmatched)/10])
	}
	if n := byCode["example-foreign-host"]; n != foreign {
		t.Errorf("%d example-foreign-host issues for %d examples on a foreign host", n, foreign)
	}
	atLeast(t, "example requests that match a route of their page", matched, 6264)
	atMost(t, "example requests that match no route of their page", len(unmatched), 296)
}

// exampleURL returns the target of the block's first non-blank line if that
// line starts with an upper-case method.
func exampleURL(blk block) (string, bool) {
	for _, raw := range blk.lines {
		f := strings.TrimSpace(raw)
		if f == "" {
			continue
		}
		method, rest, _ := strings.Cut(strings.ReplaceAll(f, "\t", " "), " ")
		return strings.TrimSpace(rest), isMethod(method)
	}
	return "", false
}

func matchesAny(routes []string, path string) bool {
	for _, r := range routes {
		if _, ok := Match(r, path); ok {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
