package runtime

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNamesDeclared checks that every rt name the generator uses is
// declared: the public ones in the generated package (Reserved), the
// internal ones exported by rt, the runner's by rttest; and that the
// struct fields it fills in are rt's, in order.
func TestNamesDeclared(t *testing.T) {
	reserved := Reserved()
	for _, name := range []string{Optional, AnyOf, CollectionResponse, ValueResponse, Annotations, Option, Error,
		DateTimeOffset, Date, TimeOfDay, Duration, Binary, ODataQuery, CodePackage, RunnerPackage} {
		if _, ok := slices.BinarySearch(reserved, name); !ok {
			t.Errorf("the generated package declares no %s", name)
		}
	}
	rtNames, runnerNames := topLevel(t, "rt"), topLevel(t, "rt/rttest")
	for _, name := range internal {
		if !rtNames[name] || !ast.IsExported(name) {
			t.Errorf("rt exports no %s", name)
		}
		if _, ok := slices.BinarySearch(reserved, name); ok {
			t.Errorf("internal %s is reserved in the generated package", name)
		}
	}
	for _, name := range []string{RunDocExamples, RunDocRoutes} {
		if !runnerNames[name] {
			t.Errorf("rttest declares no %s", name)
		}
	}
	fields := structFields(t)
	for typ, want := range map[string][]string{Operation: OperationFields, OpRoute: OpRouteFields, EnumInfo: EnumInfoFields, KindInfo: KindInfoFields, KindMember: KindMemberFields, TypeInfo: TypeInfoFields} {
		if diff := cmp.Diff(want, fields[typ]); diff != "" {
			t.Errorf("fields of rt's %s (-generator +rt):\n%s", typ, diff)
		}
	}
}

// topLevel returns the package-level names declared by the non-test files
// of an embedded folder.
func topLevel(t *testing.T, dir string) map[string]bool {
	t.Helper()
	fs, _, err := parseDir(token.NewFileSet(), dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, f := range fs {
		for _, d := range f.Decls {
			for _, n := range declNames(d) {
				out[n] = true
			}
		}
	}
	return out
}

// structFields parses rt and returns the field names of its struct types.
func structFields(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	names, _ := files.ReadDir("rt")
	for _, e := range names {
		if e.IsDir() {
			continue
		}
		data, err := files.ReadFile("rt/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), e.Name(), data, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			if st, ok := ts.Type.(*ast.StructType); ok {
				for _, fl := range st.Fields.List {
					for _, n := range fl.Names {
						out[ts.Name.Name] = append(out[ts.Name.Name], n.Name)
					}
				}
			}
			return false
		})
	}
	return out
}

// TestSources checks the three files: each with the header and its
// package clause, gofmt-clean; the runtime without testing or go-cmp, the
// runner importing the runtime below the package's import path, and the
// public file declaring exactly rt's public names, each once.
func TestSources(t *testing.T) {
	f, err := Sources("mypkg", "example.com/m/mypkg", "// HEADER")
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		src []byte
		pkg string
	}{"aliases": {f.Aliases, "mypkg"}, "code": {f.Code, CodePackage}, "runner": {f.Runner, RunnerPackage}} {
		if !bytes.HasPrefix(c.src, []byte("// HEADER\n\npackage "+c.pkg+"\n")) {
			t.Errorf("%s does not start with the header and package clause:\n%.80s", name, c.src)
		}
		formatted, err := format.Source(c.src)
		if err != nil || !bytes.Equal(formatted, c.src) {
			t.Errorf("%s is not gofmt-clean (%v)", name, err)
		}
	}
	if !bytes.Contains(f.Code, []byte("func NewHandler(")) || bytes.Contains(f.Code, []byte("func RunDocExamples(")) {
		t.Error("the runtime lacks NewHandler or holds RunDocExamples")
	}
	for _, imp := range []string{`"testing"`, `"github.com/google/go-cmp/cmp"`} {
		if bytes.Contains(f.Code, []byte(imp)) || bytes.Contains(f.Aliases, []byte(imp)) {
			t.Errorf("the package's code imports %s", imp)
		}
	}
	if !bytes.Contains(f.Runner, []byte("func RunDocExamples(")) || !bytes.Contains(f.Runner, []byte("\trt \"example.com/m/mypkg/internal/graphrt\"\n")) {
		t.Error("the runner lacks RunDocExamples or its import of the runtime")
	}
	if bytes.Contains(f.Runner, []byte(rtPath)) {
		t.Error("the runner imports the generator's rt")
	}
	file, err := parser.ParseFile(token.NewFileSet(), "aliases.go", f.Aliases, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range file.Decls {
		got = append(got, declNames(d)...)
	}
	slices.Sort(got)
	want := topLevel(t, "rt")
	var public []string
	for n := range want {
		if ast.IsExported(n) && !slices.Contains(internal, n) {
			public = append(public, n)
		}
	}
	slices.Sort(public)
	if diff := cmp.Diff(public, got); diff != "" {
		t.Errorf("public names declared (-rt's public +declared):\n%s", diff)
	}
}

// TestReservedSorted checks Reserved: sorted, unique, no blank, the
// public names and the runtime packages' names but no internal or
// unexported name of rt.
func TestReservedSorted(t *testing.T) {
	r := Reserved()
	if !slices.IsSorted(r) || len(slices.Compact(slices.Clone(r))) != len(r) {
		t.Error("Reserved is not sorted and unique")
	}
	if slices.Contains(r, "_") || slices.Contains(r, "Handler") || slices.Contains(r, "handlerConfig") || !slices.Contains(r, "SetStatus") || !slices.Contains(r, CodePackage) {
		t.Errorf("Reserved = %s", strings.Join(r, " "))
	}
}
