// Package runtime gives the generator the runtime of the generated
// packages: the files of package rt (ordinary Go, compiled and tested in
// gen/runtime/rt), merged into one file for the package and one for its
// tests, and the identifiers they declare.
//
// The generated code refers to rt's declarations by the names below, never
// by string literals elsewhere, and every top-level identifier of rt is
// reserved: a documented name that would take one is renamed (see
// Reserved). A test checks that each name below is declared in rt.
package runtime

import (
	"bytes"
	"embed"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Names of rt's declarations that the generated code uses.
const (
	Optional           = "Optional"
	AnyOf              = "AnyOf"
	CollectionResponse = "CollectionResponse"
	ValueResponse      = "ValueResponse"
	Annotations        = "Annotations"
	Option             = "Option"
	ODataQuery         = "ODataQuery"
	Error              = "Error"
	DateTimeOffset     = "DateTimeOffset"
	Date               = "Date"
	TimeOfDay          = "TimeOfDay"
	Duration           = "Duration"
	Binary             = "Binary"

	Operation       = "operation"      // struct: one row of the operation table
	OpRoute         = "opRoute"        // struct: a request line of a row
	EnumInfo        = "enumInfo"       // struct: one row of the enum table
	KindInfo        = "kindInfo"       // struct: one row of the family table
	KindMember      = "kindMember"     // struct: a member of a family row
	TypeInfo        = "typeInfo"       // struct: one row of the type table
	NewHandler      = "newHandler"     // func(svc any, service reflect.Type, ops []*operation, opts []Option) *handler
	RegisterTables  = "registerTables" // func(enums []enumInfo, kinds []kindInfo, types []typeInfo)
	NotImplemented  = "notImplemented" // func(op string) error
	MarshalStruct   = "marshalStruct"
	UnmarshalStruct = "unmarshalStruct"
	ValidateStruct  = "validateStruct"
	RunDocExamples  = "runDocExamples" // func(t, service reflect.Type, ops []*operation)
	RunDocRoutes    = "runDocRoutes"

	// NamedTag is the struct tag key that names a member whose documented
	// name a json tag cannot hold (json:"-" graphjson:"<name>"), and marks
	// the annotations and additional-properties fields.
	NamedTag = "graphjson"
	// AnnotationsTag and AdditionalTag are the graphjson tags of the
	// fields holding instance annotations and an open type's undeclared
	// properties.
	AnnotationsTag = ",annotations"
	AdditionalTag  = ",additional"
)

// Fields of rt's table structs, in order: the generated tables fill them
// in positionally (a test checks the order against rt's declarations).
var (
	OperationFields  = []string{"name", "method", "status", "req", "call", "routes", "collection", "params", "options"}
	OpRouteFields    = []string{"pattern", "fields"}
	EnumInfoFields   = []string{"typ", "members"}
	KindInfoFields   = []string{"iface", "members"}
	KindMemberFields = []string{"name", "typ"}
	TypeInfoFields   = []string{"typ", "name", "filters"}
)

// TestDir is the folder of a generated package holding its examples,
// read by runDocExamples and runDocRoutes.
const TestDir = "testdata/examples"

//go:embed rt/*.go
var files embed.FS

// source is the merged runtime, built once.
type source struct {
	code, test []byte // with the package clause "package rt"
	reserved   []string
	err        error
}

var (
	once   sync.Once
	merged source
)

// excluded reports whether an rt file is not part of the generated
// package: rt's package doc, its own tests, and stand-ins for what the
// generator declares.
func excluded(name string) bool {
	return name == "doc.go" || strings.HasSuffix(name, "_test.go")
}

// load merges rt's files: the runtime proper, and the test_*.go files
// into the tests' file.
func load() source {
	once.Do(func() {
		var code, test []*ast.File
		var codeSrc, testSrc [][]byte
		fset := token.NewFileSet()
		names, err := fs.Glob(files, "rt/*.go")
		if err != nil {
			merged.err = err
			return
		}
		slices.Sort(names)
		for _, n := range names {
			base := path.Base(n)
			if excluded(base) {
				continue
			}
			data, err := files.ReadFile(n)
			if err != nil {
				merged.err = err
				return
			}
			f, err := parser.ParseFile(fset, base, data, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				merged.err = err
				return
			}
			if strings.HasPrefix(base, "test_") {
				test, testSrc = append(test, f), append(testSrc, data)
			} else {
				code, codeSrc = append(code, f), append(codeSrc, data)
			}
			for _, d := range f.Decls {
				merged.reserved = append(merged.reserved, declNames(d)...)
			}
		}
		slices.Sort(merged.reserved)
		merged.reserved = slices.Compact(merged.reserved)
		if merged.code, merged.err = mergeFiles(fset, code, codeSrc); merged.err != nil {
			return
		}
		merged.test, merged.err = mergeFiles(fset, test, testSrc)
	})
	return merged
}

// declNames returns the package-level names a declaration introduces.
func declNames(d ast.Decl) []string {
	var out []string
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
					if n.Name != "_" {
						out = append(out, n.Name)
					}
				}
			}
		}
	}
	return out
}

// mergeFiles concatenates the declarations of files (parsed from srcs)
// under one import block, and formats the result.
func mergeFiles(fset *token.FileSet, files []*ast.File, srcs [][]byte) ([]byte, error) {
	imports := map[string]string{} // path -> name ("" for the default)
	var bodies bytes.Buffer
	for i, f := range files {
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			name := ""
			if im.Name != nil {
				name = im.Name.Name
			}
			if old, ok := imports[p]; ok && old != name {
				return nil, fmt.Errorf("runtime: %s imports %s as %q, another file as %q", fset.File(f.Pos()).Name(), p, name, old)
			}
			imports[p] = name
		}
		// The declarations start after the last import declaration (or
		// the package clause); comments before them are kept.
		start := f.Name.End()
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				start = g.End()
			}
		}
		off := fset.Position(start).Offset
		bodies.WriteString("\n")
		bodies.Write(bytes.TrimSpace(srcs[i][off:]))
		bodies.WriteString("\n")
	}
	var std, other []string
	for p := range imports {
		if strings.Contains(strings.SplitN(p, "/", 2)[0], ".") {
			other = append(other, p)
		} else {
			std = append(std, p)
		}
	}
	slices.Sort(std)
	slices.Sort(other)
	var out bytes.Buffer
	out.WriteString("package rt\n\nimport (\n")
	for i, group := range [][]string{std, other} {
		if i > 0 && len(std) > 0 && len(other) > 0 {
			out.WriteString("\n")
		}
		for _, p := range group {
			if n := imports[p]; n != "" {
				out.WriteString("\t" + n + " ")
			} else {
				out.WriteString("\t")
			}
			out.WriteString(strconv.Quote(p) + "\n")
		}
	}
	out.WriteString(")\n")
	out.Write(bodies.Bytes())
	return format.Source(out.Bytes())
}

// Sources returns the runtime file and the tests' runtime file of a
// generated package called pkg, each starting with header (a comment
// line).
func Sources(pkg, header string) (code, test []byte, err error) {
	s := load()
	if s.err != nil {
		return nil, nil, fmt.Errorf("runtime: %w", s.err)
	}
	return withPackage(s.code, pkg, header), withPackage(s.test, pkg, header), nil
}

// withPackage replaces the package clause of src.
func withPackage(src []byte, pkg, header string) []byte {
	rest := bytes.TrimPrefix(src, []byte("package rt\n"))
	var b bytes.Buffer
	b.Grow(len(src) + len(header) + len(pkg) + 16)
	b.WriteString(header + "\n\npackage " + pkg + "\n")
	b.Write(rest)
	return b.Bytes()
}

// Reserved returns, sorted, every package-level identifier the runtime
// declares in a generated package.
func Reserved() []string {
	return slices.Clone(load().reserved)
}
