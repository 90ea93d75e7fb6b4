package gen

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayering checks the design card's boundary on the packages' non-test
// code: the generator (gen/...) never depends on goldmark, the parser
// (parser/...) never on jennifer; the schema between them is plain data.
func TestLayering(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	for _, c := range []struct{ pattern, banned string }{
		{"github.com/graphdocgen/graphdocgen/gen/...", "github.com/yuin/goldmark"},
		{"github.com/graphdocgen/graphdocgen/parser/...", "github.com/dave/jennifer"},
	} {
		out, err := exec.Command(goTool, "list", "-deps", "-f", "{{.ImportPath}}", c.pattern).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", c.pattern, err)
		}
		deps := strings.Fields(string(out))
		if len(deps) < 10 {
			t.Fatalf("go list -deps %s listed %d packages; want the whole graph", c.pattern, len(deps))
		}
		for _, d := range deps {
			if strings.HasPrefix(d, c.banned) {
				t.Errorf("%s depends on %s", c.pattern, d)
			}
		}
	}
}
