package parser

// Bounded work: every page is read in time and memory linear in its size,
// or refused with an error. No clocks: work is counted in heap
// allocations (how many, and their bytes) and in goldmark's reads of the
// page (countingReader), which a machine's load does not change. Each case
// reads 8 pages of size n one after the other, then one page of size 8n;
// reading the big page may cost at most 3 times as much as the 8 small
// ones (a quadratic cost is 8 times as much). Reading inline text, where a
// quadratic reader need not allocate, is counted in steps instead
// (TestBoundedCellSteps).

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// work is what one run of a function costs: heap allocations (how many,
// and their bytes) and goldmark's reads of the page.
type work struct {
	allocs, bytes, reads uint64
}

func (w work) String() string {
	return fmt.Sprintf("%d allocations, %d B, %d goldmark reads", w.allocs, w.bytes, w.reads)
}

// cost returns the reads of one run of f (which also warms up the pool of
// goldmark parsers) and the least allocation of three more runs.
func cost(f func()) work {
	w := work{allocs: ^uint64(0), bytes: ^uint64(0), reads: countReads(f)}
	var ms runtime.MemStats
	for range 3 {
		runtime.ReadMemStats(&ms)
		allocs, bytes := ms.Mallocs, ms.TotalAlloc
		f()
		runtime.ReadMemStats(&ms)
		w.allocs = min(w.allocs, ms.Mallocs-allocs)
		w.bytes = min(w.bytes, ms.TotalAlloc-bytes)
	}
	return w
}

// checkLinear compares reading page(n) 8 times with reading page(8n) once.
func checkLinear(t *testing.T, n int, page func(n int) string) {
	t.Helper()
	small, big := []byte(page(n)), []byte(page(8*n))
	ws := cost(func() {
		for range 8 {
			parsePage("p.md", small)
		}
	})
	wb := cost(func() { parsePage("p.md", big) })
	t.Logf("8 x %d bytes%s: %v; %d bytes%s: %v", len(small), refusal(small), ws, len(big), refusal(big), wb)
	for _, c := range []struct {
		what     string
		big, all uint64
		floor    uint64
	}{
		{"allocations", wb.allocs, ws.allocs, 1000},
		{"bytes allocated", wb.bytes, ws.bytes, 1 << 20},
		{"goldmark reads", wb.reads, ws.reads, 1000},
	} {
		if c.big > 3*max(c.all, c.floor) {
			t.Errorf("reading %d bytes at once costs %.1fx the %s of reading them in 8 pages", len(big), float64(c.big)/float64(max(c.all, 1)), c.what)
		}
	}
}

// refusal names the limit src is over, if any.
func refusal(src []byte) string {
	if _, code, _, over := newSource("p.md", src).overLimit(); over {
		return " (" + code + ")"
	}
	return ""
}

// page is a resource page with the given property table rows and extra
// markdown after the table.
func page(rows, extra string) string {
	return "---\ndoc_type: resourcePageType\n---\n\n# widget resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n" +
		"| Property | Type | Description |\n|:---|:---|:---|\n" + rows + "\n" + extra
}

// rows returns n property rows.
func rows(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "| p%d | String | The [p%d](x.md) property. Possible values are: `a`, `b`. |\n", i, i)
	}
	return b.String()
}

// boundedCases are the pages of the issue and goldmark's quadratic shapes,
// each a function of a size.
var boundedCases = map[string]func(n int) string{
	"table rows":    func(n int) string { return page(rows(n/64), "") },
	"table columns": func(n int) string { return page("| id | String | d |"+strings.Repeat(" x |", n/4)+"\n", "") },
	"table header columns": func(n int) string {
		return page("", "## Relationships\n\n| Relationship | Type |"+strings.Repeat(" x |", n/4)+"\n|---|---|"+strings.Repeat("---|", n/4)+"\n| r | String |\n")
	},
	"deep JSON example": func(n int) string {
		return page(rows(1), "## JSON representation\n\n```json\n"+strings.Repeat(`{"a":[`, n/6)+"\n```\n")
	},
	"long line": func(n int) string { return page(rows(1), strings.Repeat("word ", n/5)+"\n") },
	"long cell": func(n int) string {
		return page("| id | String | "+strings.Repeat("*a* `b` <c> &amp; ", n/18)+"|\n", "")
	},
	"long name": func(n int) string { return page("| "+strings.Repeat("ab", n/2)+" | String | d |\n", "") },
	"long request line": func(n int) string {
		return "# Get x\n\n## HTTP request\n\n```http\nGET /" + strings.Repeat("a/{b}/", n/6) + "\n```\n"
	},
	"many paragraphs": func(n int) string { return page(rows(1), strings.Repeat("xx\n\n", n/4)) },
	"many headings":   func(n int) string { return page(rows(1), strings.Repeat("## x values\n\n", n/13)) },
	"many fences":     func(n int) string { return page(rows(1), strings.Repeat("```\n[\n```\n", n/10)) },
	"many comments":   func(n int) string { return page(rows(1), strings.Repeat("<!-- {\"a\": [ -->\n\n", n/17)) },
	"nested quotes":   func(n int) string { return page(rows(1), strings.Repeat("> ", n/2)+"a\n") },
	"nested lists":    func(n int) string { return page(rows(1), strings.Repeat("- ", n/2)+"a\n") },
	"nested ordered":  func(n int) string { return page(rows(1), strings.Repeat("1. ", n/3)+"a\n") },
	"quote lines":     func(n int) string { return page(rows(1), strings.Repeat(strings.Repeat("> - ", 8)+"a\n", n/34)) },
	"nested brackets": func(n int) string { return page(rows(1), strings.Repeat("[", n/2)+"a"+strings.Repeat("]", n/2)+"\n") },
	"unclosed links":  func(n int) string { return page(rows(1), strings.Repeat("[a](", n/4)+"\n") },
	"unclosed dests":  func(n int) string { return page(rows(1), strings.Repeat("[a](<b", n/6)+"\n") },
	"link blocks":     func(n int) string { return page(rows(1), strings.Repeat(strings.Repeat("[a](", 250)+"\n\n", n/1002)) },
	"reference defs": func(n int) string {
		return page(rows(1), strings.Repeat("[a]: /u\n", n/16)+strings.Repeat("[a] ", n/8)+"\n")
	},
	"emphasis":           func(n int) string { return page(rows(1), strings.Repeat("*a **a ", n/7)+"\n") },
	"unclosed backticks": func(n int) string { return page(rows(1), strings.Repeat("`a``a```a", n/9)+"\n") },
	"html tags":          func(n int) string { return page(rows(1), strings.Repeat("<a ", n/3)+"\n") },
	"setext paragraph":   func(n int) string { return page(rows(1), strings.Repeat("a\n", n/2)+"---\n") },
	// Value lists and query capabilities, read per description cell.
	"value phrases": func(n int) string {
		return page("| id | String | "+strings.Repeat("Possible values are `a`, `b` <b. ", n/33)+"|\n", "")
	},
	"value list items": func(n int) string {
		return page("| id | String | Possible values are:<ul>"+strings.Repeat("<li>`a` < `b`", n/14)+"|\n", "")
	},
	"value break items": func(n int) string {
		return page("| id | String | Possible values are:<br>"+strings.Repeat("`a` x<br/>", n/10)+"|\n", "")
	},
	"query sentences": func(n int) string {
		return page("| id | String | "+strings.Repeat("Supports `$filter` (`eq`, &#x73;. ", n/33)+"|\n", "")
	},
	"query lists": func(n int) string {
		return page("| id | String | Supports "+strings.Repeat("$filter ( , ", n/12)+"|\n", "")
	},
}

func TestBoundedWork(t *testing.T) {
	if testing.Short() {
		t.Skip("measures parsing at two sizes")
	}
	for name, pg := range boundedCases {
		t.Run(name, func(t *testing.T) { checkLinear(t, 16<<10, pg) })
	}
}

// TestBoundedTenThousand reads the sizes the issue names: a table with
// 10,000 rows, one with 10,000 columns, and JSON nested 100,000 deep.
func TestBoundedTenThousand(t *testing.T) {
	if testing.Short() {
		t.Skip("reads large pages")
	}
	for name, src := range map[string]string{
		"10,000 rows":              page(rows(10000), ""),
		"10,000 columns":           page("| id | String | d |"+strings.Repeat(" x |", 10000)+"\n", ""),
		"JSON nested 100,000 deep": page(rows(1), "## JSON representation\n\n```json\n"+strings.Repeat("{\"a\":\n", 100000)+"1"+strings.Repeat("}", 100000)+"\n```\n"),
	} {
		res := parsePage("p.md", []byte(src))
		if len(res.types) != 1 || len(res.types[0].props) == 0 {
			t.Errorf("%s: no type read", name)
		}
		for _, d := range res.diags {
			if d.Code == "internal-error" {
				t.Errorf("%s: %s", name, d)
			}
		}
	}
}

// TestBoundedRefused checks that pages over a limit are refused before
// goldmark reads them (goldmark makes no read on their text) with a few
// allocations and no more bytes than the page's line table: a 50 MB page,
// a 10 MB line, and the shapes goldmark reads in quadratic time past
// their limits. (Counting goldmark's reads or allocations does not show
// its quadratic time on those shapes, so the limits must keep them out.)
func TestBoundedRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("reads large pages")
	}
	for name, src := range map[string]string{
		"50 MB page":      page(rows(1), strings.Repeat("Some prose.\n", 50<<20/12)),
		"10 MB line":      page(rows(1), strings.Repeat("word ", 2<<20)),
		"1 MB line":       page(rows(1), strings.Repeat("word ", 1<<18)),
		"nested lists":    page(rows(1), strings.Repeat("- ", 1<<19)+"a\n"),
		"nested brackets": page(rows(1), strings.Repeat("[", 1<<19)+"\n"),
	} {
		data := []byte(src)
		got := cost(func() { parsePage("p.md", data) })
		if got.reads > 0 || got.allocs > 100 || got.bytes > 1<<20+uint64(len(data))/2 {
			t.Errorf("%s: %v for %d bytes, want no reads and under 100 allocations", name, got, len(data))
		}
		if off, code, _, over := newSource("p.md", data).overLimit(); !over {
			t.Errorf("%s: not over a limit", name)
		} else {
			t.Logf("%s: %s at %d; %v", name, code, off, got)
		}
	}
}

// cellShapes are inline texts that a reader searching from each '[',
// backtick or '<' would read in quadratic time, each a function of a size.
var cellShapes = map[string]func(n int) string{
	"unclosed brackets":   func(n int) string { return strings.Repeat("[", n/160) + strings.Repeat("x", n) },
	"open brackets":       func(n int) string { return strings.Repeat("[a", n/2) },
	"nested brackets":     func(n int) string { return strings.Repeat("[", n/2) + strings.Repeat("]", n/2) },
	"nested links":        func(n int) string { return strings.Repeat("[", n/6) + "a" + strings.Repeat("](x)", n/6) },
	"nested references":   func(n int) string { return strings.Repeat("[", n/4) + "a" + strings.Repeat("][a]", n/4) },
	"shortcut references": func(n int) string { return strings.Repeat("[a] ", n/4) },
	"unclosed links":      func(n int) string { return strings.Repeat("[a](", n/4) },
	"unclosed references": func(n int) string { return strings.Repeat("[a][", n/4) },
	"backtick runs":       func(n int) string { return strings.Repeat("`a``a```a", n/9) },
	"unclosed backticks":  func(n int) string { return strings.Repeat("`", n/2) + strings.Repeat("``a", n/6) },
	"tags":                func(n int) string { return strings.Repeat("<a ", n/3) + ">" },
	"entities":            func(n int) string { return strings.Repeat("&amp;&ampx;&#1", n/14) },
	"emphasis":            func(n int) string { return strings.Repeat("*a __a ", n/7) },
}

// TestBoundedCellSteps: inline text is read in a number of steps (bytes
// examined and look-ups, counted by cellScan) linear in its length, with
// or without link reference definitions. No clocks: a quadratic reader
// takes thousands of steps per byte at these sizes.
func TestBoundedCellSteps(t *testing.T) {
	refs := linkRefs{"a": true}
	for name, shape := range cellShapes {
		for _, n := range []int{1 << 10, 1 << 16} {
			raw := shape(n)
			for _, r := range []linkRefs{nil, refs} {
				_, steps := scanCell(raw, 0, r)
				if steps > 8*len(raw)+64 {
					t.Errorf("%s (%d bytes, refs %v): %d steps, %.1f per byte", name, len(raw), r, steps, float64(steps)/float64(len(raw)))
				}
			}
		}
	}
}

// TestBoundedCellBrackets: a table cell with many "[" and no "]" is read
// like any other cell (the shape that made parseCell quadratic).
func TestBoundedCellBrackets(t *testing.T) {
	raw := strings.Repeat("[", 1024) + strings.Repeat("x", 256<<10)
	c, steps := scanCell(raw, 0, nil)
	if c.text != raw || len(c.links) != 0 {
		t.Errorf("text %.20q... with %d links, want the cell unchanged", c.text, len(c.links))
	}
	if steps > 3*len(raw) {
		t.Errorf("%d steps for %d bytes", steps, len(raw))
	}
}

// TestBoundedDiagnostics: a page over a limit gets an error naming it.
func TestBoundedDiagnostics(t *testing.T) {
	for code, src := range map[string]string{
		"page-too-large":    page(rows(1), strings.Repeat("x\n", maxPageBytes)),
		"line-too-long":     page(rows(1), strings.Repeat("x", maxLineBytes+1)),
		"nesting-too-deep":  page(rows(1), strings.Repeat("> ", maxLineNesting+1)+"a\n"),
		"block-too-complex": page(rows(1), strings.Repeat("[", maxBlockBrackets+1)+"\n"),
	} {
		res := parsePage("p.md", []byte(src))
		if len(res.diags) == 0 || res.diags[0].Code != code || res.diags[0].Severity != schema.Error {
			t.Errorf("%s: diagnostics %v", code, res.diags)
		}
	}
}

// TestCorpusWithinLimits: no page of the Graph docs corpus is over a limit.
func TestCorpusWithinLimits(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "graph-docs", "api-reference")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s", root)
	}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".md") {
			return err
		}
		raw, err := os.ReadFile(path)
		if _, code, msg, over := newSource(path, raw).overLimit(); err == nil && over {
			t.Errorf("%s: %s: %s", path, code, msg)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
