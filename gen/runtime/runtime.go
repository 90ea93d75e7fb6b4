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

// Names of rt's declarations that the generated code uses. The first
// group is public: the generated package declares each as an alias (see
// Sources), so the code names them unqualified. The rest are internal:
// exported by the runtime package for the generated code and the tests'
// runner only, named qualified (Import) and never aliased.
const (
	Optional           = "Optional"
	AnyOf              = "AnyOf"
	CollectionResponse = "CollectionResponse"
	ValueResponse      = "ValueResponse"
	Stream             = "Stream"
	Annotations        = "Annotations"
	Option             = "Option"
	ODataQuery         = "ODataQuery"
	Error              = "Error"
	DateTimeOffset     = "DateTimeOffset"
	Date               = "Date"
	TimeOfDay          = "TimeOfDay"
	Duration           = "Duration"
	Binary             = "Binary"

	Operation       = "Operation"      // struct: one row of the operation table
	OpRoute         = "OpRoute"        // struct: a request line of a row
	EnumInfo        = "EnumInfo"       // struct: one row of the enum table
	KindInfo        = "KindInfo"       // struct: one row of the family table
	KindMember      = "KindMember"     // struct: a member of a family row
	TypeInfo        = "TypeInfo"       // struct: one row of the type table
	NewHandler      = "NewHandler"     // func(svc any, service reflect.Type, ops []*Operation, opts []Option) *Handler
	RegisterTables  = "RegisterTables" // func(enums []EnumInfo, kinds []KindInfo, types []TypeInfo)
	NotImplemented  = "NotImplemented" // func(op string) error
	MarshalStruct   = "MarshalStruct"
	UnmarshalStruct = "UnmarshalStruct"
	ValidateStruct  = "ValidateStruct"
	IsMember        = "IsMember"
	IsFlags         = "IsFlags"

	// RunDocExamples and RunDocRoutes are the tests' runner's (package
	// rttest): func(t, service reflect.Type, ops []*Operation).
	RunDocExamples = "RunDocExamples"
	RunDocRoutes   = "RunDocRoutes"

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

// internal lists rt's exported names that are not the generated
// package's API: those the generated code and the tests' runner use. Every
// other exported name of rt is public, declared in the generated package
// as an alias (a test checks that each name here is declared and
// exported).
var internal = []string{
	// used by the generated code
	Operation, OpRoute, EnumInfo, KindInfo, KindMember, TypeInfo, NewHandler, RegisterTables,
	NotImplemented, MarshalStruct, UnmarshalStruct, ValidateStruct, IsMember, IsFlags,
	// used by the tests' runner
	"AnswerOptions", "AppendJSON", "CutQuoted", "DocExample", "DocHeader", "DocTestDir",
	"ErrorBody", "GroupDocExamples", "Handler", "KindOf", "NewDocRequest", "NewOpInfo", "OpInfo",
	"ParseRequestQuery", "ReadDocArchives", "ServiceMethods", "WithIntercept",
	"CompareTestJSON", "DecodeTestJSON", "FoldTestJSON", "PruneTestJSON", "EqualTestNumbers", "ProjectJSON",
}

// Fields of rt's table structs, in order: the generated tables fill them
// in positionally (a test checks the order against rt's declarations).
var (
	OperationFields  = []string{"Name", "Method", "Status", "Req", "Call", "Routes", "Collection", "Count", "Params", "Options", "Raw"}
	OpRouteFields    = []string{"Pattern", "Fields"}
	EnumInfoFields   = []string{"Typ", "Members", "Flags"}
	KindInfoFields   = []string{"Iface", "Members"}
	KindMemberFields = []string{"Name", "Typ"}
	TypeInfoFields   = []string{"Typ", "Name", "Filters"}
)

// The runtime's packages, under the generated package: the runtime proper
// (rt's files) and the tests' runner (rttest's), each one file named
// after its package.
const (
	CodePackage   = "graphrt"
	CodeDir       = "internal/" + CodePackage
	RunnerPackage = "graphrttest"
	RunnerDir     = "internal/" + RunnerPackage
)

// Import returns the import path of the runtime package of the generated
// package whose import path is pkgPath.
func Import(pkgPath string) string { return pkgPath + "/" + CodeDir }

// RunnerImport returns the import path of the tests' runner package.
func RunnerImport(pkgPath string) string { return pkgPath + "/" + RunnerDir }

// rtPath is rt's import path, which rttest imports.
const rtPath = "github.com/graphdocgen/graphdocgen/gen/runtime/rt"

// TestDir is the folder of a generated package holding its examples,
// read by RunDocExamples and RunDocRoutes.
const TestDir = "testdata/examples"

//go:embed rt/*.go rt/rttest/*.go
var files embed.FS

// source is the merged runtime, built once.
type source struct {
	code    []byte // rt's files, with the package clause "package rt"
	test    []byte // rttest's, "package rttest", importing rtPath
	aliases []byte // the public names' declarations, without package clause or imports
	imports []string
	public  []string // sorted
	err     error
}

var (
	once   sync.Once
	merged source
)

// excluded reports whether a file is not part of the generated runtime:
// a package doc, or a test.
func excluded(name string) bool {
	return name == "doc.go" || strings.HasSuffix(name, "_test.go")
}

// load merges rt's files into the runtime package and rttest's into the
// tests' runner, and declares rt's public names for the generated package.
func load() source {
	once.Do(func() {
		fset := token.NewFileSet()
		code, codeSrc, err := parseDir(fset, "rt")
		if err != nil {
			merged.err = err
			return
		}
		test, testSrc, err := parseDir(fset, "rt/rttest")
		if err != nil {
			merged.err = err
			return
		}
		if merged.code, merged.err = mergeFiles(fset, "rt", code, codeSrc); merged.err != nil {
			return
		}
		if merged.test, merged.err = mergeFiles(fset, "rttest", test, testSrc); merged.err != nil {
			return
		}
		merged.aliases, merged.imports, merged.public, merged.err = aliasDecls(fset, code)
	})
	return merged
}

// parseDir parses the files of the embedded folder dir that belong to the
// generated runtime, in name order.
func parseDir(fset *token.FileSet, dir string) ([]*ast.File, [][]byte, error) {
	names, err := fs.Glob(files, dir+"/*.go")
	if err != nil {
		return nil, nil, err
	}
	slices.Sort(names)
	var out []*ast.File
	var srcs [][]byte
	for _, n := range names {
		base := path.Base(n)
		if excluded(base) {
			continue
		}
		data, err := files.ReadFile(n)
		if err != nil {
			return nil, nil, err
		}
		f, err := parser.ParseFile(fset, n, data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, err
		}
		out, srcs = append(out, f), append(srcs, data)
	}
	return out, srcs, nil
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
// under one import block, in package pkg, and formats the result.
func mergeFiles(fset *token.FileSet, pkg string, files []*ast.File, srcs [][]byte) ([]byte, error) {
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
	out.WriteString("package " + pkg + "\n\nimport (\n")
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

// Files are the runtime's files of one generated package.
type Files struct {
	Aliases []byte // the generated package's file declaring the public names
	Code    []byte // the runtime package (CodeDir)
	Runner  []byte // the tests' runner package (RunnerDir)
}

// Sources returns the runtime's files of a generated package called pkg
// whose import path is pkgPath, each starting with header (a comment line).
func Sources(pkg, pkgPath, header string) (Files, error) {
	s := load()
	if s.err != nil {
		return Files{}, fmt.Errorf("runtime: %w", s.err)
	}
	var f Files
	f.Code = withPackage(s.code, "rt", CodePackage, header)
	// The runner names the runtime rt, as rttest does.
	runner := withPackage(s.test, "rttest", RunnerPackage, header)
	f.Runner = bytes.Replace(runner, []byte("\t"+strconv.Quote(rtPath)+"\n"), []byte("\trt "+strconv.Quote(Import(pkgPath))+"\n"), 1)
	if bytes.Equal(f.Runner, runner) {
		return Files{}, fmt.Errorf("runtime: the tests' runner does not import %s", rtPath)
	}
	var err error
	if f.Runner, err = format.Source(f.Runner); err != nil { // the imports' order
		return Files{}, fmt.Errorf("runtime: the tests' runner: %w", err)
	}
	var b bytes.Buffer
	b.WriteString(header + "\n\npackage " + pkg + "\n\nimport (\n")
	for _, p := range s.imports {
		b.WriteString("\t" + strconv.Quote(p) + "\n")
	}
	b.WriteString("\n\t" + strconv.Quote(Import(pkgPath)) + "\n)\n")
	b.Write(s.aliases)
	out, err := format.Source(b.Bytes())
	if err != nil {
		return Files{}, fmt.Errorf("runtime: the public names' file: %w", err)
	}
	f.Aliases = out
	return f, nil
}

// withPackage replaces the package clause "package from" of src.
func withPackage(src []byte, from, pkg, header string) []byte {
	rest := bytes.TrimPrefix(src, []byte("package "+from+"\n"))
	var b bytes.Buffer
	b.Grow(len(src) + len(header) + len(pkg) + 16)
	b.WriteString(header + "\n\npackage " + pkg + "\n")
	b.Write(rest)
	return b.Bytes()
}

// Reserved returns, sorted, every package-level identifier the runtime
// declares in a generated package: the public names, and the names its
// files import the runtime packages by.
func Reserved() []string {
	out := append(slices.Clone(load().public), CodePackage, RunnerPackage)
	slices.Sort(out)
	return slices.Compact(out)
}
