package diag

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// codeRe is the form of a code: lower-case words joined by '-'.
var codeRe = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)+$`)

// scannedRoots are the folders whose non-test Go sources report
// diagnostics, relative to this package. gen/runtime is left out: it is
// the runtime of every generated package (its internal/graphrt), whose Code fields are
// Graph error codes, not diagnostics.
var scannedRoots = []string{parserRoot, filepath.Join("..", "..", "gen")}

const parserRoot = ".."

func skipDir(path string) bool {
	p := filepath.ToSlash(path)
	return filepath.Base(p) == "testdata" || p == "../../gen/runtime" || p == "../diag"
}

// TestCodesFile checks the form of codes.go, which makes adding a code
// one line: one declaration a line, sorted by code, each variable named
// after its code, each code well-formed, each help one sentence or two.
func TestCodesFile(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	defs := registryDefs(t, fset, f)
	var codes []string
	for _, d := range defs {
		codes = append(codes, d.code)
		if want := goName(d.code); d.name != want {
			t.Errorf("codes.go:%d: the variable for %q is %s; want %s", d.line, d.code, d.name, want)
		}
		if !codeRe.MatchString(d.code) {
			t.Errorf("codes.go:%d: code %q is not lower-case words joined by '-'", d.line, d.code)
		}
	}
	if !slices.IsSorted(codes) {
		t.Errorf("codes.go is not sorted by code")
	}
	if len(defs) != len(registry) {
		t.Errorf("codes.go has %d one-line definitions, the registry %d entries: define each code by one `var X = def(...)` line", len(defs), len(registry))
	}
	seen := map[string]bool{}
	for _, in := range registry {
		if seen[in.Code] {
			t.Errorf("code %q is registered twice", in.Code)
		}
		seen[in.Code] = true
		if in.Severity != schema.Error && in.Severity != schema.Warning {
			t.Errorf("%s: severity %q", in.Code, in.Severity)
		}
		if in.Help == "" || strings.ContainsAny(in.Help, "\n\t") || !strings.HasSuffix(in.Help, ".") || in.Help[0] < 'A' || in.Help[0] > 'Z' {
			t.Errorf("%s: help %q is not one line of sentences", in.Code, in.Help)
		}
	}
}

type registryDef struct {
	name, code string
	line       int
}

// registryDefs reads the `var Name = def("code", ...)` lines of codes.go.
func registryDefs(t *testing.T, fset *token.FileSet, f *ast.File) []registryDef {
	var out []registryDef
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			pos := fset.Position(vs.Pos())
			if gd.Lparen.IsValid() || len(vs.Names) != 1 || len(vs.Values) != 1 || fset.Position(vs.End()).Line != pos.Line {
				t.Errorf("codes.go:%d: not a one-line `var X = def(...)` declaration", pos.Line)
				continue
			}
			call, ok := vs.Values[0].(*ast.CallExpr)
			if !ok || len(call.Args) != 3 {
				t.Errorf("codes.go:%d: not a def call", pos.Line)
				continue
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("codes.go:%d: the code is not a string literal", pos.Line)
				continue
			}
			code, _ := strconv.Unquote(lit.Value)
			out = append(out, registryDef{name: vs.Names[0].Name, code: code, line: pos.Line})
		}
	}
	return out
}

// TestGoName pins the naming rule of the registry's variables.
func TestGoName(t *testing.T) {
	for code, want := range map[string]string{
		"page-too-large":          "PageTooLarge",
		"request-line-literal-id": "RequestLineLiteralID",
		"json-nbsp":               "JSONNbsp",
		"example-body-on-204":     "ExampleBodyOn204",
	} {
		if got := goName(code); got != want {
			t.Errorf("goName(%q) = %s, want %s", code, got, want)
		}
	}
}

// TestEveryCodeRegistered scans the parser's and the generator's non-test
// sources: every code they report, as a literal or as a variable of this
// package, must be registered, with the severity it is reported at when
// the call says it; and every registered code must be reported somewhere.
func TestEveryCodeRegistered(t *testing.T) {
	vars := map[string]string{} // variable name -> code
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range registryDefs(t, fset, f) {
		vars[d.name] = d.code
	}
	var uses []codeUse
	for _, root := range scannedRoots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if path != root && skipDir(path) {
				return filepath.SkipDir
			}
			u, err := scanDir(path, vars)
			uses = append(uses, u...)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(uses) < len(registry) {
		t.Fatalf("found only %d reported codes in %v; is the scan broken?", len(uses), scannedRoots)
	}
	reported := map[string]bool{}
	for _, u := range uses {
		in, ok := Lookup(u.code)
		if !ok {
			t.Errorf("%s: code %q is not registered: add a line to parser/diag/codes.go:\n\tvar %s = def(%q, schema.Warning, \"What it means. What to do.\")", u.pos, u.code, goName(u.code), u.code)
			continue
		}
		reported[u.code] = true
		if u.severity != "" && u.severity != in.Severity {
			t.Errorf("%s: %s is reported as %s but registered as %s", u.pos, u.code, u.severity, in.Severity)
		}
	}
	for _, in := range All() {
		if !reported[in.Code] {
			t.Errorf("registered code %s is reported nowhere in parser/ or gen/: remove its line from codes.go, or report it", in.Code)
		}
	}
}

// notCodes are strings of a code's form in the parser's sources that are
// not diagnostic codes: route.ExampleTarget's issue codes, which no caller
// reports, and a phrase the parser looks for in descriptions.
var notCodes = []string{"example-bad-escape", "example-normalized", "comma-separated"}

// TestNoStrayCodeStrings is the wide net behind TestEveryCodeRegistered,
// for the parser: any string literal of a code's form (lower-case words
// joined by '-') anywhere in its non-test sources, however it reaches a
// diagnostic, is a registered code or listed in notCodes. (Not for gen/,
// which writes names of that form into its output, such as the sections
// of the example archives.)
func TestNoStrayCodeStrings(t *testing.T) {
	n := 0
	for _, root := range []string{parserRoot} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != root && skipDir(path) {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(node ast.Node) bool {
				lit, ok := node.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil || !codeRe.MatchString(s) {
					return true
				}
				n++
				if _, ok := Lookup(s); !ok && !slices.Contains(notCodes, s) {
					t.Errorf("%s: %q has the form of a diagnostic code but is not registered: add a line to parser/diag/codes.go, or, if it is no code, add it to notCodes in parser/diag/registry_test.go", fset.Position(lit.Pos()), s)
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < len(notCodes) {
		t.Errorf("found %d strings of a code's form; is the scan broken?", n)
	}
}

// TestScanFindsCodes feeds the scanner the ways a code is reported, so
// that TestEveryCodeRegistered cannot pass by finding nothing.
func TestScanFindsCodes(t *testing.T) {
	dir := t.TempDir()
	src := `package p

import (
	"fmt"

	d "github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

type diags struct{ list []schema.Diagnostic }

func (x *diags) warn(off int, code, format string, args ...any)   {}
func (x *diags) errorf(off int, code, format string, args ...any) {}
func (x *diags) add(sev schema.Severity, off int, code, format string, args ...any) {}

func limits() (off int, code, msg string, over bool) {
	return 0, "lit-returned", "", true
}

func f(x *diags) {
	x.warn(1, "lit-warned", "%s-%s", "not-a-code", "x")
	x.errorf(1, d.PageTooLarge, "page-shaped-message")
	x.add(schema.Error, 0, "lit-added", "")
	warn := func(code, msg string) {}
	warn("lit-closure", fmt.Sprint("a-b"))
	x.list = append(x.list, schema.Diagnostic{Severity: schema.Warning, Code: "lit-composite"})
	code := "lit-assigned"
	_ = code
	_ = "free-standing-string"
}
`
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	uses, err := scanDir(dir, map[string]string{"PageTooLarge": "page-too-large"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range uses {
		got = append(got, u.code+" "+string(u.severity))
	}
	want := []string{
		"lit-returned ",
		"lit-warned warning",
		"page-too-large error",
		"lit-added error",
		"lit-closure warning",
		"lit-composite warning",
		"lit-assigned ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scan (-want +got):\n%s", diff)
	}
}

// codeUse is one place a code is reported.
type codeUse struct {
	pos      token.Position
	code     string
	severity schema.Severity // "" when the place does not say
}

// scanDir finds the codes the non-test Go files of one folder report. A
// code is reported where it is
//   - an argument passed for a parameter named code (of a function,
//     method or function literal of the same package),
//   - the value of a Code field in a composite literal,
//   - assigned to a variable named code, or returned as a result named
//     code,
//
// written as a string literal of a code's form, or as a variable of this
// package (a reference to one anywhere counts as reporting it). The
// severity is known for calls of functions named errorf (error) and
// warn... (warning), calls whose argument for a parameter named sev is
// schema.Error or schema.Warning, and literals with a Severity field.
func scanDir(dir string, vars map[string]string) ([]codeUse, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, e := range entries { // sorted by name
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	sigs := codeParams(files)
	var uses []codeUse
	for _, f := range files {
		uses = append(uses, scanFile(fset, f, sigs, vars)...)
	}
	return uses, nil
}

// goName is the registry's naming rule: the code in CamelCase, with "id"
// and "json" upper-cased.
func goName(code string) string {
	var b strings.Builder
	for _, w := range strings.Split(code, "-") {
		switch w {
		case "id", "json":
			b.WriteString(strings.ToUpper(w))
		case "":
		default:
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// signature is where a function takes its code and severity: parameter
// indexes, -1 when it has none.
type signature struct{ code, sev int }

// codeParams finds, by name, the functions, methods and function literals
// of a package's files that take a parameter named code. A name used by
// several takes each of their signatures.
func codeParams(files []*ast.File) map[string][]signature {
	sigs := map[string][]signature{}
	add := func(name string, ft *ast.FuncType) {
		s := signature{code: -1, sev: -1}
		i := 0
		for _, field := range ft.Params.List {
			names := field.Names
			if len(names) == 0 {
				i++
				continue
			}
			for _, n := range names {
				switch n.Name {
				case "code":
					s.code = i
				case "sev":
					s.sev = i
				}
				i++
			}
		}
		if s.code >= 0 {
			sigs[name] = append(sigs[name], s)
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				add(n.Name.Name, n.Type)
			case *ast.AssignStmt:
				for i, rhs := range n.Rhs {
					if fl, ok := rhs.(*ast.FuncLit); ok && i < len(n.Lhs) {
						if id, ok := n.Lhs[i].(*ast.Ident); ok {
							add(id.Name, fl.Type)
						}
					}
				}
			}
			return true
		})
	}
	return sigs
}

// scanFile finds the codes one file reports.
func scanFile(fset *token.FileSet, f *ast.File, sigs map[string][]signature, vars map[string]string) []codeUse {
	diagName := ""
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == "github.com/graphdocgen/graphdocgen/parser/diag" {
			diagName = "diag"
			if im.Name != nil {
				diagName = im.Name.Name
			}
		}
	}
	var uses []codeUse
	seen := map[ast.Expr]bool{}
	// value records e when it is a code literal or a registry variable.
	value := func(e ast.Expr, sev schema.Severity) {
		if seen[e] {
			return
		}
		switch e := e.(type) {
		case *ast.BasicLit:
			if s, err := strconv.Unquote(e.Value); err == nil && e.Kind == token.STRING && codeRe.MatchString(s) {
				seen[e] = true
				uses = append(uses, codeUse{fset.Position(e.Pos()), s, sev})
			}
		case *ast.SelectorExpr:
			if x, ok := e.X.(*ast.Ident); ok && diagName != "" && x.Name == diagName {
				if code, ok := vars[e.Sel.Name]; ok {
					seen[e] = true
					uses = append(uses, codeUse{fset.Position(e.Pos()), code, sev})
				}
			}
		}
	}
	severityOf := func(e ast.Expr) schema.Severity {
		if sel, ok := e.(*ast.SelectorExpr); ok {
			switch sel.Sel.Name {
			case "Error":
				return schema.Error
			case "Warning":
				return schema.Warning
			}
		}
		return ""
	}
	var results [][]string // named results of the enclosing functions
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			results = append(results, resultNames(n.Type))
			if n.Body != nil {
				ast.Inspect(n.Body, visit)
			}
			results = results[:len(results)-1]
			return false
		case *ast.FuncLit:
			results = append(results, resultNames(n.Type))
			ast.Inspect(n.Body, visit)
			results = results[:len(results)-1]
			return false
		case *ast.CallExpr:
			name := ""
			switch fn := n.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			}
			for _, s := range sigs[name] {
				if s.code >= len(n.Args) {
					continue
				}
				var sev schema.Severity
				switch {
				case name == "errorf":
					sev = schema.Error
				case strings.HasPrefix(name, "warn"):
					sev = schema.Warning
				case s.sev >= 0 && s.sev < len(n.Args):
					sev = severityOf(n.Args[s.sev])
				}
				value(n.Args[s.code], sev)
			}
		case *ast.CompositeLit:
			var sev schema.Severity
			var code ast.Expr
			for _, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok {
						switch k.Name {
						case "Code":
							code = kv.Value
						case "Severity":
							sev = severityOf(kv.Value)
						}
					}
				}
			}
			if code != nil {
				value(code, sev)
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name == "code" {
						value(n.Rhs[i], "")
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if id.Name == "code" {
						value(n.Values[i], "")
					}
				}
			}
		case *ast.ReturnStmt:
			if len(results) > 0 {
				names := results[len(results)-1]
				if len(names) == len(n.Results) {
					for i, r := range n.Results {
						if names[i] == "code" {
							value(r, "")
						}
					}
				}
			}
		case *ast.SelectorExpr:
			value(n, "") // any other reference to a registry variable
		}
		return true
	}
	ast.Inspect(f, visit)
	return uses
}

// resultNames lists a function's result names, one per result ("" when
// unnamed).
func resultNames(ft *ast.FuncType) []string {
	var names []string
	if ft.Results == nil {
		return nil
	}
	for _, field := range ft.Results.List {
		if len(field.Names) == 0 {
			names = append(names, "")
		}
		for _, n := range field.Names {
			names = append(names, n.Name)
		}
	}
	return names
}

func ExampleLookup() {
	in, _ := Lookup("page-not-text")
	fmt.Println(in.Code, in.Severity)
	// Output: page-not-text error
}
