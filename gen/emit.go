package gen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/graphdocgen/graphdocgen/gen/runtime"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// emitter renders the planned schema into files.
type emitter struct {
	plan *plan
	opts Options
}

// pageDecls is what one page's files hold.
type pageDecls struct {
	page  string // path of the page
	types []*schema.Type
	enums []*schema.Enum
	ops   []*opPlan
}

// Names of the shared files of a generated package.
const (
	serviceFileName = "graphdocgen_service.go"
	tablesFileName  = "graphdocgen_tables.go"
	runtimeFileName = "graphdocgen_runtime.go"
	testFileName    = "graphdocgen_test.go"
	docFileName     = "doc.go"
)

// files renders every file, sorted by name.
func (e *emitter) files() ([]File, error) {
	for _, d := range e.plan.pages {
		if _, ok := e.plan.fileOf[d.page]; !ok {
			return nil, fmt.Errorf("gen: no output file planned for page %s", d.page)
		}
	}
	if e.opts.ImportPath == "" {
		return nil, fmt.Errorf("gen: no import path for package %s (Options.ImportPath)", e.opts.Package)
	}
	rtFiles, err := runtime.Sources(e.opts.Package, e.opts.ImportPath, "// "+Header)
	if err != nil {
		return nil, err
	}
	r := newRenderer()
	// The shared files are the largest: queue them first so that the
	// page files keep every core busy until the end.
	r.render(serviceFileName, e.serviceFile)
	r.render(tablesFileName, e.tablesFile)
	r.render(testFileName, e.testFile)
	r.render(docFileName, e.docFile)
	r.write(runtimeFileName, func() []byte { return rtFiles.Aliases })
	r.write(runtime.CodeDir+"/"+runtime.CodePackage+".go", func() []byte { return rtFiles.Code })
	r.write(runtime.RunnerDir+"/"+runtime.RunnerPackage+".go", func() []byte { return rtFiles.Runner })
	r.write(APIFile, e.apiSummary)
	for _, d := range e.plan.pages {
		base := e.plan.fileOf[d.page]
		r.render(base+".go", func() *jen.File { return e.pageFile(d) })
		r.write(runtime.TestDir+"/"+base+".txtar", func() []byte { return e.pageExamples(d) })
	}
	out, err := r.wait()
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (e *emitter) newFile() *jen.File {
	f := jen.NewFile(e.opts.Package)
	f.HeaderComment(Header)
	f.ImportName(runtime.Import(e.opts.ImportPath), runtime.CodePackage)
	f.ImportName(runtime.RunnerImport(e.opts.ImportPath), runtime.RunnerPackage)
	return f
}

// rt names an internal declaration of the runtime package.
func (e *emitter) rt(name string) *jen.Statement {
	return jen.Qual(runtime.Import(e.opts.ImportPath), name)
}

// pageFile holds the declarations documented by one page.
func (e *emitter) pageFile(d *pageDecls) *jen.File {
	f := e.newFile()
	for _, t := range d.types {
		e.genType(f, t)
		if k := e.plan.kinds[strings.ToLower(t.QualifiedName())]; k != nil && k.used {
			e.genKind(f, k)
		}
	}
	for _, en := range d.enums {
		e.genEnum(f, en)
	}
	for _, o := range d.ops {
		e.genOperation(f, o)
	}
	return f
}

// keyed returns the elements of a composite literal of a runtime table
// struct whose fields are names, in order: each value under its field's
// name, a nil value left out (the field's zero value).
func keyed(names []string, values ...jen.Code) []jen.Code {
	out := make([]jen.Code, 0, len(values))
	for i, v := range values {
		if v != nil {
			out = append(out, jen.Id(names[i]).Op(":").Add(v))
		}
	}
	return out
}
