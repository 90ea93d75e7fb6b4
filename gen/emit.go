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
	types []*schema.Type
	enums []*schema.Enum
	ops   []*opPlan
}

// files renders every file, sorted by name.
func (e *emitter) files() ([]File, error) {
	byPage := map[string]*pageDecls{}
	at := func(file string) *pageDecls {
		d := byPage[file]
		if d == nil {
			d = &pageDecls{}
			byPage[file] = d
		}
		return d
	}
	for _, t := range e.plan.s.Types {
		at(t.Source.File).types = append(at(t.Source.File).types, t)
	}
	for _, en := range e.plan.s.Enums {
		at(en.Source.File).enums = append(at(en.Source.File).enums, en)
	}
	for _, o := range e.plan.ops {
		at(o.op.Source.File).ops = append(at(o.op.Source.File).ops, o)
	}
	r := newRenderer()
	add := r.render
	pages := make([]string, 0, len(byPage))
	for pg := range byPage {
		pages = append(pages, pg)
	}
	sort.Strings(pages)
	for _, pg := range pages {
		base, ok := e.plan.fileOf[pg]
		if !ok {
			return nil, fmt.Errorf("gen: no output file planned for page %s", pg)
		}
		d := byPage[pg]
		add(base+".go", e.pageFile(d))
		if tf := e.pageTestFile(d); tf != nil {
			add(base+"_test.go", tf)
		}
	}
	rt := e.newFile()
	runtime.Add(rt)
	rtt := e.newFile()
	runtime.AddTest(rtt)
	for _, f := range []struct {
		name string
		f    *jen.File
	}{
		{"doc.go", e.docFile()},
		{"graphdocgen_runtime.go", rt},
		{"graphdocgen_runtime_test.go", rtt},
		{"graphdocgen_service.go", e.serviceFile()},
		{"graphdocgen_service_test.go", e.serviceTestFile()},
	} {
		add(f.name, f.f)
	}
	out, err := r.wait()
	if err != nil {
		return nil, err
	}
	out = append(out, File{Name: APIFile, Data: e.apiSummary()})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (e *emitter) newFile() *jen.File {
	f := jen.NewFile(e.opts.Package)
	f.HeaderComment(Header)
	return f
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
