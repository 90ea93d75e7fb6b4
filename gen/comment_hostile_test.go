package gen

import (
	"go/build/constraint"
	goformat "go/format"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestCommentHostile renders doc text that tries to become code, a
// directive or a build constraint, and checks that it stays one comment:
// the file formats to itself, the declaration after it is still there, and
// no line is a build constraint or directive.
func TestCommentHostile(t *testing.T) {
	long := strings.Repeat("word ", 19) + "+build linux"
	for _, text := range []string{
		"+build linux", "+build", "  +build\tignore", long, "//go:build ignore", "//go:generate rm -rf /",
		"//line x.go:1", "*/ func init() { panic(1) } /*", "a\nb\r\nc\u2028d\u2029e\u0085f", "nul\x00 bom\ufeff bidi\u202e",
		"invalid \xff\xfe utf-8", "`raw` \"quoted\"", "# Heading", "- item", "\tcode", "",
	} {
		f := jen.NewFile("p")
		f.Add(comment("T is a type.", text))
		f.Type().Id("T").Int()
		out, err := formatFile(f)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		src := string(out)
		if again, err := goformat.Source(out); err != nil || string(again) != src {
			t.Errorf("%q: output is not stable under gofmt (%v):\n%s", text, err, src)
		}
		if !strings.Contains(src, "\ntype T int\n") || strings.Contains(src, "func init") && !strings.Contains(src, "// */ func init") {
			t.Errorf("%q: declaration changed:\n%s", text, src)
		}
		for _, l := range strings.Split(src, "\n") {
			if constraint.IsPlusBuild(l) || constraint.IsGoBuild(l) || strings.HasPrefix(l, "//go:") || strings.HasPrefix(l, "//line") {
				t.Errorf("%q: line %q is a build constraint or directive", text, l)
			}
		}
	}
}
