package runtime

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// parseSrc parses one file of package rt.
func parseSrc(t *testing.T, fset *token.FileSet, src string) []*ast.File {
	t.Helper()
	f, err := parser.ParseFile(fset, "x.go", "package rt\n\n"+src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	return []*ast.File{f}
}

// TestAliasDecls checks the public names' declarations: generic and plain
// types as aliases, grouped constants with their docs, unexported names
// and methods left out, functions calling rt's with their type arguments,
// variadic and unnamed parameters passed on, internal names qualified and
// the standard packages the signatures name returned.
func TestAliasDecls(t *testing.T) {
	fset := token.NewFileSet()
	files := parseSrc(t, fset, `import (
	"context"
	h "net/http"
)

// Box holds a T.
type Box[T any, K comparable] struct{ v T }

type hidden int

// Kinds.
const (
	// KindA is a.
	KindA Kind = iota
	kindB
	KindC
)

type Kind int

func (b Box[T, K]) Get() T { return b.v }

// Wrap boxes v.
func Wrap[T any](v T, _ string, more ...T) Box[T, string] { return Box[T, string]{v: v} }

func Serve(ctx context.Context, r *h.Request, op *Operation, fn func(int) error) {}

func unexported() {}

type Operation struct{}
`)
	body, imports, names, err := aliasDecls(fset, files)
	if err != nil {
		t.Fatal(err)
	}
	want := `
// Box holds a T.
type Box[T any, K comparable] = graphrt.Box[T, K]

// Kinds.
const (
	// KindA is a.
	KindA = graphrt.KindA
	KindC = graphrt.KindC
)

type Kind = graphrt.Kind

// Wrap boxes v.
func Wrap[T any](v T, p1_0 string, more ...T) Box[T, string] {
	return graphrt.Wrap[T](v, p1_0, more...)
}

func Serve(ctx context.Context, r *h.Request, op *graphrt.Operation, fn func(int) error) {
	graphrt.Serve(ctx, r, op, fn)
}
`
	if diff := cmp.Diff(want, string(body)); diff != "" {
		t.Errorf("declarations (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"context", "net/http"}, imports); diff != "" {
		t.Errorf("imports (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Box", "Kind", "KindA", "KindC", "Serve", "Wrap"}, names); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

// TestAliasDeclsRefuses checks what the generated package cannot declare:
// a public variable (an alias would be a copy), and a public signature
// naming an unexported type.
func TestAliasDeclsRefuses(t *testing.T) {
	for src, want := range map[string]string{
		"var Default = 1":                       "public variable Default",
		"type hidden int\nfunc F(hidden) {}":    "unexported hidden",
		"type hidden int\nfunc G() []hidden {}": "unexported hidden",
	} {
		fset := token.NewFileSet()
		if _, _, _, err := aliasDecls(fset, parseSrc(t, fset, src)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want one naming %q", src, err, want)
		}
	}
}
