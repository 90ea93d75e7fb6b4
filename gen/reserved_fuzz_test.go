package gen_test

// FuzzReservedNames documents types, enums, properties and operations
// named after every identifier the generated package already declares
// (the runtime's, the fixed names, the names the generator derives from
// others: XRequest, XBody, callX, opX, xMembers, XKind) and after Go
// keywords, generates, and type-checks the package in process: a package
// that does not type-check while the run reports no error is a failure.
//
//	go test -run='^$' -fuzz='^FuzzReservedNames$' -fuzztime=500x ./gen

import (
	"fmt"
	"go/ast"
	"go/importer"
	goparser "go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/gen/runtime"
	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// reservedPool are the names the fuzz target draws from.
func reservedPool() []string {
	pool := runtime.Reserved()
	pool = append(pool, "Service", "UnimplementedService", "NewHandler", "operations", "enumTable", "kindTable", "typeTable",
		"TestExamples", "TestRoutes", "Validate", "MarshalJSON", "UnmarshalJSON", "ODataAnnotations", "AdditionalData", "ODataType",
		"HTTPRequest", "Query", "Body", "IsValid", "init", "main", "_")
	for _, kw := range []string{"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func",
		"go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
		"string", "int", "error", "any", "nil", "true", "iota", "len", "new", "make", "context", "http", "reflect", "slices"} {
		pool = append(pool, kw)
	}
	// Names the generator derives from documented ones.
	for _, base := range []string{"widget", "getWidget", "thing"} {
		pool = append(pool, base+"Request", base+"Body", "call"+base, "op"+base, base+"Members", base+"Kind", "as"+base)
	}
	return pool
}

// reservedPages builds a docs folder whose names come from pool, chosen by
// data: a resource type with properties, an enum, a type family (a
// derived type), and an operation taking and answering the type.
func reservedPages(pool []string, data []byte) []parser.File {
	pick := func(i int) string {
		if len(data) == 0 {
			return pool[i%len(pool)]
		}
		return pool[(int(data[i%len(data)])+i*31)%len(pool)]
	}
	typ, enum, derived, title := pick(0), pick(1), pick(2), pick(3)
	if strings.EqualFold(typ, derived) {
		derived += "Derived"
	}
	props := []prop{{"id", "String", ""}, {pick(4), "String", ""}, {pick(5), enum, ""}, {pick(6), "Int32", ""}}
	pages := map[string]string{
		"resources/t.md": resourcePage("microsoft.graph", typ, "A type.", props),
		"resources/e.md": enumPage("microsoft.graph", enum, "An enum.", []string{pick(7), pick(8), "unknownFutureValue", pick(9)}),
		"resources/d.md": strings.Replace(resourcePage("microsoft.graph", derived, "Inherits from ["+typ+"](t.md).", []prop{{pick(10), "String", ""}}),
			`"blockType": "resource",`, `"blockType": "resource", "baseType": "microsoft.graph.`+typ+`",`, 1),
		"api/op.md":  operationPage(title+" "+pick(11), "An operation.", "PATCH", "/"+pick(12)+"s/{"+pick(13)+"}", []prop{{pick(14), "String", ""}}, typ),
		"api/op2.md": operationPage(pick(15), "Another.", "POST", "/"+pick(16), []prop{{pick(17), enum, ""}}, derived),
	}
	var files []parser.File
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for k := range pages {
			if !yield(k) {
				return
			}
		}
	}) {
		files = append(files, parser.File{Path: "docs/" + p, Rel: p, Data: []byte(pages[p])})
	}
	return files
}

// sharedImporter type-checks the standard packages once for every input.
var (
	importerOnce sync.Once
	stdImporter  types.Importer
)

// typeCheck type-checks the generated package's non-test files, and checks
// that the test files declare no name twice (they import go-cmp, which the
// in-process importer does not load). It returns the problems found.
func typeCheck(t *testing.T, files []gen.File) []string {
	t.Helper()
	importerOnce.Do(func() { stdImporter = importer.ForCompiler(token.NewFileSet(), "source", nil) })
	fset := token.NewFileSet()
	var code []*ast.File
	declared := map[string]string{} // top-level name -> file
	var problems []string
	rtPkg := typeCheckRuntime(t, files)
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") || strings.Contains(f.Name, "/") {
			continue
		}
		af, err := goparser.ParseFile(fset, f.Name, f.Data, goparser.SkipObjectResolution)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		for _, name := range topLevelNames(af) {
			if other, ok := declared[name]; ok && name != "init" && name != "_" {
				problems = append(problems, fmt.Sprintf("%s declared in %s and %s", name, other, f.Name))
			}
			declared[name] = f.Name
		}
		if !strings.HasSuffix(f.Name, "_test.go") {
			code = append(code, af)
		}
	}
	conf := types.Config{Importer: runtimeImporter{rtPkg}, Error: func(err error) { problems = append(problems, err.Error()) }}
	conf.Check("example.com/api", fset, code, nil)
	return problems
}

// typeCheckRuntime type-checks the generated runtime package, once: it is
// the same for every input.
func typeCheckRuntime(t *testing.T, files []gen.File) *types.Package {
	t.Helper()
	runtimeOnce.Do(func() {
		name := runtime.CodeDir + "/" + runtime.CodePackage + ".go"
		for _, f := range files {
			if f.Name != name {
				continue
			}
			fset := token.NewFileSet()
			af, err := goparser.ParseFile(fset, f.Name, f.Data, goparser.SkipObjectResolution)
			if err != nil {
				runtimeErr = err
				return
			}
			runtimePkg, runtimeErr = (&types.Config{Importer: stdImporter}).Check(runtime.Import("example.com/api"), fset, []*ast.File{af}, nil)
			return
		}
		runtimeErr = fmt.Errorf("no %s among the files", name)
	})
	if runtimeErr != nil {
		t.Fatalf("the runtime package: %v", runtimeErr)
	}
	return runtimePkg
}

var (
	runtimeOnce sync.Once
	runtimePkg  *types.Package
	runtimeErr  error
)

// runtimeImporter imports the generated runtime package and the standard
// library.
type runtimeImporter struct{ rt *types.Package }

func (i runtimeImporter) Import(path string) (*types.Package, error) {
	if path == i.rt.Path() {
		return i.rt, nil
	}
	return stdImporter.Import(path)
}

// topLevelNames lists the package-level names a file declares.
func topLevelNames(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				out = append(out, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					out = append(out, s.Name.Name)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						out = append(out, n.Name)
					}
				}
			}
		}
	}
	return out
}

func FuzzReservedNames(f *testing.F) {
	pool := reservedPool()
	for i := 0; i < len(pool); i += 7 {
		f.Add([]byte{byte(i), byte(i >> 8), byte(i * 3), byte(i * 5), byte(i * 7)})
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		files := reservedPages(pool, data)
		s := parser.Parse(files)
		out, err := gen.Generate(s, gen.Options{Package: "api", ImportPath: "example.com/api"})
		if err != nil {
			t.Fatalf("Generate: %v", err)
		}
		errs := 0
		for _, d := range s.Diagnostics {
			if d.Severity == schema.Error {
				errs++
			}
		}
		if problems := typeCheck(t, out); len(problems) > 0 && errs == 0 {
			t.Fatalf("0 errors reported, but the package does not type-check:\n%s", strings.Join(problems, "\n"))
		}
	})
}

// TestReservedNamesEach generates pages whose names are every name the
// fuzz target draws from, four at a time in turning roles, and type-checks
// each result.
func TestReservedNamesEach(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks a package per four reserved names")
	}
	pool := reservedPool()
	for i := 0; i < len(pool); i += 4 {
		some := pool[i:min(i+4, len(pool))]
		name := strings.Join(some, ",")
		files := reservedPages(some, nil)
		s := parser.Parse(files)
		out, err := gen.Generate(s, gen.Options{Package: "api", ImportPath: "example.com/api"})
		if err != nil {
			t.Fatalf("%s: Generate: %v", name, err)
		}
		if problems := typeCheck(t, out); len(problems) > 0 {
			t.Errorf("pages named %q: the package does not type-check:\n%s", name, strings.Join(problems, "\n"))
		}
	}
}
