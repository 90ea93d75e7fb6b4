package parser

import (
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// resolver joins the drafts of all pages into one schema: it merges types
// documented on several pages, resolves type cells to types and enums, and
// checks examples against the types they use.
type resolver struct {
	out          *schema.Schema
	types        map[string]*schema.Type // lower-cased qualified name
	typeByPage   map[string]*schema.Type // by pageKey
	typeBySimple map[string][]*schema.Type
	typeDraftOf  map[*schema.Type]*typeDraft
	enums        map[string]*schema.Enum
	enumByPage   map[string]*schema.Enum
	enumBySimple map[string][]*schema.Enum
	enumBySet    map[string][]*schema.Enum
	propOf       map[*schema.Type]map[string]*schema.Property
	// keptOf holds, per type, the members examples show that are kept
	// without a field (an open type's dynamic properties, unknown
	// annotations), each reported once (see firstKept).
	keptOf map[*schema.Type]map[string]bool
	diags  []schema.Diagnostic
	// outsides are the types the pages name but do not define, in the
	// order first named; outsideOf and outsideByPage find them by type
	// and by the page that would define them (see outsideType).
	outsides      []*outside
	outsideOf     map[*schema.Type]*outside
	outsideByPage map[string]*outside
	// opList holds the operations once resolved.
	opList []*schema.Operation
	// routes holds every operation's documented request lines by method
	// (see inferRoutes), to tell an example requesting another
	// operation's path (see foreignExample).
	routes routeIndex
	// noOutside: ref resolves documented names only, silently.
	noOutside bool
	// checked caches, for the example checks (which run once every type is
	// final), each type's base and each referenced name's type or enum.
	checked struct {
		base  map[*schema.Type]*schema.Type
		named map[string]namedRef
	}
}

// namedRef is what schema.LookupNamed found for a name.
type namedRef struct {
	t *schema.Type
	e *schema.Enum
}

// resolve builds the schema from per-page results given in path order.
func resolve(pages []*pageResult) *schema.Schema {
	r := &resolver{
		out:           &schema.Schema{Types: []*schema.Type{}, Enums: []*schema.Enum{}, Operations: []*schema.Operation{}, Diagnostics: []schema.Diagnostic{}},
		types:         map[string]*schema.Type{},
		typeByPage:    map[string]*schema.Type{},
		typeBySimple:  map[string][]*schema.Type{},
		typeDraftOf:   map[*schema.Type]*typeDraft{},
		enums:         map[string]*schema.Enum{},
		enumByPage:    map[string]*schema.Enum{},
		enumBySimple:  map[string][]*schema.Enum{},
		enumBySet:     map[string][]*schema.Enum{},
		propOf:        map[*schema.Type]map[string]*schema.Property{},
		outsideOf:     map[*schema.Type]*outside{},
		outsideByPage: map[string]*outside{},
	}
	for _, pg := range pages {
		r.out.Pages = append(r.out.Pages, schema.Page{Path: pg.path, Rel: pg.rel, Kind: pg.kind})
		r.diags = append(r.diags, pg.diags...)
		for _, e := range pg.enums {
			r.addEnum(e)
		}
	}
	for _, pg := range pages {
		for _, t := range pg.types {
			r.addType(t)
		}
	}
	for _, pg := range pages {
		for _, op := range pg.ops {
			r.addWeakType(op)
		}
	}
	r.basesFromDerivedLists()
	r.resolveTypes()
	r.inferFromRepresentations()
	var ops []*opDraft
	for _, pg := range pages {
		ops = append(ops, pg.ops...)
	}
	for _, op := range ops {
		r.resolveOperation(op)
	}
	r.inferRoutes(ops)
	for _, op := range ops {
		r.inferFromExamples(op)
	}
	for _, op := range ops {
		r.opList = append(r.opList, op.op)
	}
	r.finishOutside()
	r.dropInherited()
	r.checked.base = map[*schema.Type]*schema.Type{} // types are final from here
	for _, op := range ops {
		r.finishOperation(op)
	}
	r.checkOthers(ops)
	r.reportSharedNames()
	r.finish()
	return r.out
}

// reportSharedNames warns about each enum whose qualified name is also a
// type's: a reference to that name means the type (schema.LookupNamed),
// so the enum is unreachable by name.
func (r *resolver) reportSharedNames() {
	for _, e := range r.out.Enums {
		t := r.types[strings.ToLower(e.QualifiedName())]
		if t == nil {
			continue
		}
		r.diags = append(r.diags, schema.Diagnostic{
			File: e.Source.File, Line: e.Source.Line, Col: max(e.Source.Col, 1), Severity: schema.Warning, Code: diag.TypeEnumSameName,
			Message: "the enum " + e.QualifiedName() + " has the name of the type documented at " + t.Source.String() + "; references to " + e.QualifiedName() + " mean the type",
		})
	}
}

func (r *resolver) diag(src *source, sev schema.Severity, off int, code, format string, args ...any) {
	d := diags{src: src}
	d.add(sev, off, code, format, args...)
	r.diags = append(r.diags, d.list...)
}

func (r *resolver) warn(src *source, off int, code, format string, args ...any) {
	r.diag(src, schema.Warning, off, code, format, args...)
}

// namespaceOf is the page's namespace, microsoft.graph when it has none.
func namespaceOf(pg *pageResult) string {
	if pg.namespace == "" {
		return "microsoft.graph"
	}
	return pg.namespace
}

func key(ns, name string) string { return strings.ToLower(ns + "." + name) }

// pageKey identifies a page by its path ignoring case: links name pages
// in another case than their file (identityApiConnector.md for
// identityapiconnector.md), as the docs site reads them.
func pageKey(path string) string { return strings.ToLower(path) }

// finish sorts everything into its documented, deterministic order.
func (r *resolver) finish() {
	sort.SliceStable(r.out.Types, func(i, j int) bool {
		return lessFold(r.out.Types[i].QualifiedName(), r.out.Types[j].QualifiedName())
	})
	sort.SliceStable(r.out.Enums, func(i, j int) bool {
		return lessFold(r.out.Enums[i].QualifiedName(), r.out.Enums[j].QualifiedName())
	})
	schema.SortDiagnostics(r.diags)
	r.out.Diagnostics = r.diags
}

// lessFold orders case-insensitively, then by bytes, so the order is total.
func lessFold(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la != lb {
		return la < lb
	}
	return a < b
}
