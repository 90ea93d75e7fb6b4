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

// TestNamesDeclared checks that every rt name the generator uses is a
// top-level identifier of rt, and that the struct fields it fills in
// positionally are rt's, in order.
func TestNamesDeclared(t *testing.T) {
	reserved := Reserved()
	for _, name := range []string{Optional, AnyOf, CollectionResponse, ValueResponse, Annotations, Option, Error,
		DateTimeOffset, Date, TimeOfDay, Duration, Binary, Operation, OpRoute, EnumInfo, KindInfo, KindMember, TypeInfo, ODataQuery,
		NewHandler, RegisterTables, NotImplemented, MarshalStruct, UnmarshalStruct, ValidateStruct, RunDocExamples, RunDocRoutes} {
		if _, ok := slices.BinarySearch(reserved, name); !ok {
			t.Errorf("rt declares no %s", name)
		}
	}
	fields := structFields(t)
	for typ, want := range map[string][]string{Operation: OperationFields, OpRoute: OpRouteFields, EnumInfo: EnumInfoFields, KindInfo: KindInfoFields, KindMember: KindMemberFields, TypeInfo: TypeInfoFields} {
		if diff := cmp.Diff(want, fields[typ]); diff != "" {
			t.Errorf("fields of rt's %s (-generator +rt):\n%s", typ, diff)
		}
	}
}

// structFields parses rt and returns the field names of its struct types.
func structFields(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	names, _ := files.ReadDir("rt")
	for _, e := range names {
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

// TestSources checks the merged files: the package clause and header
// given, every rt file's declarations, gofmt-clean, and the test file
// holding only the test_*.go files.
func TestSources(t *testing.T) {
	code, test, err := Sources("mypkg", "// HEADER")
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string][]byte{"code": code, "test": test} {
		if !bytes.HasPrefix(src, []byte("// HEADER\n\npackage mypkg\n")) {
			t.Errorf("%s does not start with the header and package clause:\n%.80s", name, src)
		}
		formatted, err := format.Source(src)
		if err != nil || !bytes.Equal(formatted, src) {
			t.Errorf("%s is not gofmt-clean (%v)", name, err)
		}
	}
	if !bytes.Contains(code, []byte("func newHandler(")) || bytes.Contains(code, []byte("func runDocExamples(")) {
		t.Error("the runtime file lacks newHandler or holds runDocExamples")
	}
	if !bytes.Contains(test, []byte("func runDocExamples(")) || !bytes.Contains(test, []byte(`"testing"`)) {
		t.Error("the test file lacks runDocExamples or its testing import")
	}
	if bytes.Contains(code, []byte(`"testing"`)) {
		t.Error("the runtime file imports testing")
	}
}

// TestReservedSorted checks Reserved: sorted, unique, no blank, and
// holding unexported names too.
func TestReservedSorted(t *testing.T) {
	r := Reserved()
	if !slices.IsSorted(r) || len(slices.Compact(slices.Clone(r))) != len(r) {
		t.Error("Reserved is not sorted and unique")
	}
	if slices.Contains(r, "_") || !slices.Contains(r, "handler") || !slices.Contains(r, "SetStatus") {
		t.Errorf("Reserved = %s", strings.Join(r, " "))
	}
}
