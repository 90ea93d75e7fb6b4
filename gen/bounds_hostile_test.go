package gen_test

// Bounded work in the generator: parsing and generating a page n times as
// large costs at most about n times as much (measured at two sizes in the
// same run, never against a wall-clock limit).

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/parser"
)

// pipelineCost returns the least time of three runs of parse and generate
// on files, and the bytes one run allocates.
func pipelineCost(files []parser.File) (time.Duration, uint64) {
	best := time.Duration(1<<63 - 1)
	var ms runtime.MemStats
	var alloc uint64
	for range 3 {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		start := time.Now()
		_, _ = gen.Generate(parser.Parse(files), gen.Options{Package: "api", ImportPath: "example.com/api"})
		best = min(best, time.Since(start))
		runtime.ReadMemStats(&ms)
		alloc = ms.TotalAlloc - before
	}
	return best, alloc
}

// checkGenLinear generates the pages of size n and 8n and fails when the
// cost grows more than limit times (64 is quadratic).
func checkGenLinear(t *testing.T, n int, limit float64, pages func(n int) map[string]string) {
	t.Helper()
	files := func(n int) []parser.File {
		var out []parser.File
		for path, text := range pages(n) {
			out = append(out, parser.File{Path: path, Data: []byte(text)})
		}
		return out
	}
	// Allocated bytes, not time: the machine's load must not decide.
	_, as := pipelineCost(files(n))
	_, ab := pipelineCost(files(8 * n))
	t.Logf("n=%d: %d B; n=%d: %d B", n, as, 8*n, ab)
	if float64(ab) > limit*float64(as) {
		t.Errorf("cost grows %.1fx in allocation for 8x the input", float64(ab)/float64(as))
	}
}

// genBoundedCases are inputs that grow with n.
var genBoundedCases = map[string]func(n int) map[string]string{
	"properties": func(n int) map[string]string {
		var props []prop
		for i := range n {
			props = append(props, prop{fmt.Sprintf("p%d", i), "String", "Possible values are: `a`, `b`."})
		}
		return map[string]string{"r.md": resourcePage("microsoft.graph", "widget", "W.", props)}
	},
	"enum members": func(n int) map[string]string {
		var members []string
		for i := range n {
			members = append(members, fmt.Sprintf("m%d", i))
		}
		return map[string]string{"e.md": enumPage("microsoft.graph", "kind", "K.", members)}
	},
	"pages": func(n int) map[string]string {
		pages := map[string]string{}
		for i := range n / 8 {
			pages[fmt.Sprintf("r%d.md", i)] = resourcePage("microsoft.graph", fmt.Sprintf("t%d", i), "T.", []prop{{"id", "String", ""}})
		}
		return pages
	},
	"long names": func(n int) map[string]string {
		return map[string]string{"r.md": resourcePage("microsoft.graph", strings.Repeat("w", n), "W.", []prop{{strings.Repeat("p", n), "String", ""}})}
	},
}

func TestBoundedGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("generates at two sizes")
	}
	for name, pages := range genBoundedCases {
		t.Run(name, func(t *testing.T) { checkGenLinear(t, 200, 24, pages) })
	}
}

// TestBoundedPlaceholders: a request line with many placeholders.
func TestBoundedPlaceholders(t *testing.T) {
	checkGenLinear(t, 4000, 16, func(n int) map[string]string {
		return map[string]string{"a.md": "# Get x\n\n## HTTP request\n\n```http\nGET /" + strings.Repeat("a/{b}/", n) + "\n```\n"}
	})
}
