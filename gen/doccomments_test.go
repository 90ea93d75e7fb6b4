package gen_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedDocComments checks that every exported declaration of the
// checked-in seed package carries a doc comment attached to it (go doc
// shows it), not one separated by a blank line.
func TestGeneratedDocComments(t *testing.T) {
	paths, err := filepath.Glob("../generated/*.go")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no generated files (%v)", err)
	}
	fset := token.NewFileSet()
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.IsExported() && d.Doc == nil {
					t.Errorf("%s: func %s has no doc comment", fset.Position(d.Pos()), d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.IsExported() && d.Doc == nil && ts.Doc == nil {
						t.Errorf("%s: type %s has no doc comment", fset.Position(ts.Pos()), ts.Name.Name)
					}
				}
			}
		}
	}
}
