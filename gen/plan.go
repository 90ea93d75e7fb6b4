package gen

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/graphdocgen/graphdocgen/gen/names"
	"github.com/graphdocgen/graphdocgen/gen/runtime"
	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// Fixed names the generator declares in every package, besides the
// runtime's (runtime.Reserved).
const (
	serviceName       = "Service"
	unimplementedName = "UnimplementedService"
	newHandlerName    = "NewHandler"
	operationsVar     = "operations"
	enumTableVar      = "enumTable"
	kindTableVar      = "kindTable"
	typeTableVar      = "typeTable"
	testExamplesName  = "TestExamples"
	testRoutesName    = "TestRoutes"
)

// fixedNames lists the constants above, and the names of the fields and
// methods every struct has: a type named like one, embedded in a derived
// type, would clash with it.
var fixedNames = append([]string{serviceName, unimplementedName, newHandlerName, operationsVar, enumTableVar, kindTableVar, typeTableVar, testExamplesName, testRoutesName,
	"ODataType"}, fieldReserved...)

// plan holds every Go name decided for a schema, in one place, before any
// code is emitted. Names are handed out in sorted order so they do not
// depend on input order.
type plan struct {
	s     *schema.Schema
	types map[string]*schema.Type // lower-cased qualified name
	enums map[string]*schema.Enum
	pkg   *names.Scope
	// ops in emission order (sorted by GoName).
	ops []*opPlan
	// fileOf maps a page path to its output file base name (no extension).
	fileOf map[string]string
	diags  []schema.Diagnostic
	router *router
	// kinds are the type families served polymorphically, by lower-cased
	// qualified name of their base.
	kinds map[string]*kind
	// pages holds the declarations of each page, sorted by page path:
	// the order of emission.
	pages []*pageDecls
	// values are the constant names of each property's documented values
	// (see nameValues).
	values map[valuesOf][]string
	// members are the names of the variables listing each enum's members.
	members map[*schema.Enum]string
	// rels maps a page's path to its path relative to the folder argument
	// it was found in, which comments and test data name it by.
	rels map[string]string
	// spell holds the documented spellings operation and path parameter
	// names borrow word boundaries from (see spellings).
	spell *names.Spellings
}

// valuesOf is a property of a type or of an operation's body struct.
type valuesOf struct {
	owner string // Go name of the struct
	prop  *schema.Property
}

// opPlan holds the names of one operation's declarations.
type opPlan struct {
	op       *schema.Operation
	reqType  string   // request struct
	bodyType string   // parameter body struct, "" when none
	params   []string // request struct fields for path params (union over routes)
	paramOf  [][]int  // per route: index into params for each placeholder
	opVar    string   // unexported variable: the operation's table row
	tests    []*exampleTest
	dropped  []int // routes not emitted: another operation documents them
	// reqKind, respKind: the families the request and response bodies
	// are decoded as, when other pages document this operation's routes
	// for derived types (nil: the documented types).
	reqKind, respKind *kind
	// servedBy is set when other operations keep every route of this one
	// (they document the same method and path): it gets no Service method,
	// and its examples are served by the owner of its first route.
	servedBy *opPlan
	// firstOwner keeps this operation's first dropped route (another
	// operation), nil when none.
	firstOwner *opPlan
	// optionsDropped: an example uses a query option the page does not
	// list, so the list is not enforced (checkStatedOptions).
	optionsDropped bool
	// raw lists the media types its examples send as a body that is not
	// JSON (Operation.Raw), sorted.
	raw []string
	// routeCases are requests built from the request lines (TestRoutes).
	routeCases []routeCase
}

func newPlan(s *schema.Schema) *plan {
	p := &plan{s: s, types: map[string]*schema.Type{}, enums: map[string]*schema.Enum{}, fileOf: map[string]string{}, kinds: map[string]*kind{}}
	p.pkg = names.NewScope(append(runtime.Reserved(), fixedNames...)...)
	for _, t := range s.Types {
		p.types[strings.ToLower(t.QualifiedName())] = t
	}
	for _, e := range s.Enums {
		p.enums[strings.ToLower(e.QualifiedName())] = e
	}
	p.rels = map[string]string{}
	for _, pg := range s.Pages {
		p.rels[pg.Path] = pg.Rel
	}
	p.spell = spellings(s)
	p.nameFiles()
	p.nameTypes()
	p.nameEnums()
	p.nameOperations()
	p.planRoutes()
	p.markServed()
	for _, o := range p.ops {
		o.routeCases = p.routeCases(o)
	}
	p.planExamples()
	p.markKinds()
	p.groupPages()
	p.nameValues()
	return p
}

// groupPages fills p.pages.
func (p *plan) groupPages() {
	byPage := map[string]*pageDecls{}
	at := func(file string) *pageDecls {
		d := byPage[file]
		if d == nil {
			d = &pageDecls{page: file}
			byPage[file] = d
			p.pages = append(p.pages, d)
		}
		return d
	}
	for _, t := range p.s.Types {
		at(t.Source.File).types = append(at(t.Source.File).types, t)
	}
	for _, en := range p.s.Enums {
		at(en.Source.File).enums = append(at(en.Source.File).enums, en)
	}
	for _, o := range p.ops {
		at(o.op.Source.File).ops = append(at(o.op.Source.File).ops, o)
	}
	sort.Slice(p.pages, func(i, j int) bool { return p.pages[i].page < p.pages[j].page })
}

// nameValues names the constants that hold the documented values of
// string properties that are not enums (genValues), in the order the
// files declare them: by page, the types' properties, then the parameters
// of operations with a body struct. Files are then built in any order.
func (p *plan) nameValues() {
	p.values = map[valuesOf][]string{}
	claim := func(owner string, props []*schema.Property) {
		for _, pr := range props {
			for _, v := range pr.Values {
				k := valuesOf{owner, pr}
				p.values[k] = append(p.values[k], p.pkg.Claim(owner+pr.GoName+exportedValue(v)))
			}
		}
	}
	for _, d := range p.pages {
		for _, t := range d.types {
			claim(t.GoName, t.Properties)
		}
		for _, o := range d.ops {
			if o.bodyType != "" {
				claim(o.bodyType, o.op.Parameters)
			}
		}
	}
}

// markServed records the operations whose every route another operation
// keeps, in the schema (ServedBy) too.
func (p *plan) markServed() {
	for _, o := range p.ops {
		if len(o.op.Routes) > 0 && len(o.dropped) == len(o.op.Routes) && o.firstOwner != nil {
			o.servedBy = o.firstOwner
			name := o.firstOwner.op.GoName
			o.op.ServedBy = &name
		}
	}
}

// live returns the operations that get a Service method.
func (p *plan) live() []*opPlan {
	var out []*opPlan
	for _, o := range p.ops {
		if o.servedBy == nil {
			out = append(out, o)
		}
	}
	return out
}

// goTypeName is the Go name of a named type: types in a sub-namespace of
// microsoft.graph carry the sub-namespace as a prefix.
func goTypeName(ns, name string) string {
	if rest, ok := strings.CutPrefix(strings.ToLower(ns), "microsoft.graph."); ok && rest != "" {
		seg := ns[strings.LastIndexByte(ns, '.')+1:]
		return names.Exported(seg) + names.Exported(name)
	}
	return names.Exported(name)
}

func (p *plan) nameTypes() {
	for _, t := range p.s.Types {
		t.GoName = p.claim(goTypeName(t.Namespace, t.Name), t.Source, "type "+t.QualifiedName())
	}
	for _, t := range p.s.Types {
		p.nameFields(t)
	}
}

// nameFields names a type's fields. Names used by ancestors for other JSON
// names are reserved so a field never hides an inherited one by accident.
func (p *plan) nameFields(t *schema.Type) {
	sc := names.NewScope(fieldReserved...)
	own := map[string]bool{}
	for _, pr := range t.Properties {
		own[pr.Name] = true
	}
	for b, depth := p.base(t), 0; b != nil && depth < maxBaseDepth; b, depth = p.base(b), depth+1 {
		sc.Claim(b.GoName)
		for _, pr := range b.Properties {
			if !own[pr.Name] && pr.GoName != "" {
				sc.Claim(pr.GoName)
			}
		}
	}
	if p.base(t) == nil && !own["@odata.type"] {
		sc.Claim("ODataType")
	}
	for _, pr := range t.Properties {
		p.noteTagless(pr, t.GoName)
		pr.GoName = sc.Claim(names.Exported(pr.Name))
	}
}

// fieldReserved are the names a field never takes: the methods of the
// generated structs, and the fields every struct has (ODataType is
// reserved where a struct has it).
var fieldReserved = []string{"Validate", "MarshalJSON", "UnmarshalJSON", "ODataAnnotations", "AdditionalData"}

// tagless reports whether a JSON name cannot be the name in a json struct
// tag: encoding/json's isValidTag rejects it (empty, or a rune that is not
// a letter, a digit or one of !#$%&()*+-./:;<=>?@[]^_{|}~ and space) and
// would use the Go field name instead. Such a field is tagged json:"-" and
// graphjson:"<name>", and its struct gets MarshalJSON and UnmarshalJSON.
func tagless(name string) bool {
	if name == "" {
		return true
	}
	for _, c := range name {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) {
			return true
		}
	}
	return false
}

// noteTagless warns about a property of owner whose name a json tag cannot
// hold: it round-trips through the generated MarshalJSON and UnmarshalJSON
// of owner, but not through encoding/json alone.
func (p *plan) noteTagless(pr *schema.Property, owner string) {
	if tagless(pr.Name) {
		p.warnAt(pr.Source, diag.PropertyNameTagless, fmt.Sprintf("property name %q cannot be the name in a json struct tag; "+
			"its field is tagged json:\"-\" and the MarshalJSON and UnmarshalJSON of %s read and write it "+
			"(a struct of yours that embeds %s and has its own JSON methods must call them)", pr.Name, owner, owner))
	}
}

// hasTagless reports whether any of props has a tagless name.
func hasTagless(props []*schema.Property) bool {
	for _, pr := range props {
		if tagless(pr.Name) {
			return true
		}
	}
	return false
}

// namedJSON reports whether t or one of its bases has a tagless property:
// then t needs its own MarshalJSON and UnmarshalJSON, since the methods
// promoted from an embedded base would hide t's other fields.
func (p *plan) namedJSON(t *schema.Type) bool {
	for depth := 0; t != nil && depth < maxBaseDepth; t, depth = p.base(t), depth+1 {
		if hasTagless(t.Properties) {
			return true
		}
	}
	return false
}

// maxBaseDepth bounds walks up base chains (the parser breaks cycles;
// this keeps a hand-built schema from looping).
const maxBaseDepth = 64

// rel names a page in comments and test data: its path relative to the
// folder argument it was found in (the path itself for a page given by
// name).
func (p *plan) rel(path string) string {
	if r, ok := p.rels[path]; ok && r != "" {
		return r
	}
	return path
}

// openBase reports whether one of t's bases is an open type (its
// AdditionalData field is then promoted to t).
func (p *plan) openBase(t *schema.Type) bool {
	for b, depth := p.base(t), 0; b != nil && depth < maxBaseDepth; b, depth = p.base(b), depth+1 {
		if b.Open {
			return true
		}
	}
	return false
}

// base returns t's base type, nil when it has none (or it is missing).
func (p *plan) base(t *schema.Type) *schema.Type {
	if t.Base == nil {
		return nil
	}
	return p.types[strings.ToLower(*t.Base)]
}

func (p *plan) nameEnums() {
	for _, e := range p.s.Enums {
		e.GoName = p.claim(goTypeName(e.Namespace, e.Name), e.Source, "enum "+e.QualifiedName())
	}
	p.members = map[*schema.Enum]string{}
	for _, e := range p.s.Enums {
		p.members[e] = p.claim(names.Unexported(e.GoName)+"Members", e.Source, "the members of enum "+e.QualifiedName())
	}
	for _, e := range p.s.Enums {
		e.GoMembers = make([]string, len(e.Members))
		for i, m := range e.Members {
			e.GoMembers[i] = p.claim(e.GoName+names.Exported(m), e.Source, "enum member "+m)
		}
	}
}

// claim takes a package-level name, reporting a clash when it had to be
// changed.
func (p *plan) claim(want string, at schema.Pos, what string) string {
	got := p.pkg.Claim(want)
	if got != want {
		p.diags = append(p.diags, schema.Diagnostic{
			File: at.File, Line: at.Line, Col: max(at.Col, 1), Severity: schema.Warning, Code: diag.GoNameClash,
			Message: "the Go name " + want + " for " + what + " is already taken; using " + got,
		})
	}
	return got
}

// nameOperations names operations after their page title, without
// articles and with the word boundaries the docs give the names it spells
// ("Create a new list" -> CreateNewList, see titleName). An operation of a
// page documenting several of one method that has a section heading of its
// own is named after that heading. When several operations would get the
// same title name, each of them is named after its page file instead
// (group-delete-event.md -> GroupDeleteEvent, see stemName), so a name
// never depends on which page sorts first. The other operations of a page
// documenting several methods are named after the page file and their
// method (user-post.md -> UserPostGet, ...).
func (p *plan) nameOperations() {
	ops := append([]*schema.Operation(nil), p.s.Operations...)
	methods := map[string]int{}
	byTitle := map[string]int{}
	for _, op := range ops {
		if !op.Media {
			methods[op.Source.File]++
		}
	}
	titled := func(op *schema.Operation) bool { return methods[op.Source.File] == 1 || op.Section != "" }
	want := make([]string, len(ops))
	for i, op := range ops {
		title := op.Title
		if methods[op.Source.File] > 1 && op.Section != "" {
			title = op.Section
		}
		want[i] = titleName(p.spell, op, title)
		if titled(op) && !op.Media {
			byTitle[want[i]]++
		}
	}
	opScope := names.NewScope()
	// A media operation (a page's GET .../$value lines) is named after its
	// page's JSON operation, with Content appended (GetMessageContent), as
	// Graph's SDKs name a $value request builder.
	named := map[string]string{} // page and method -> the JSON operation's name
	for i, op := range ops {
		name := want[i]
		if !titled(op) || byTitle[name] > 1 {
			name = stemName(p.spell, op.Source.File, op.Method, methods[op.Source.File] > 1)
		}
		if op.Media {
			continue
		}
		named[op.Source.File+" "+op.Method+" "+op.Section] = name
	}
	for i, op := range ops {
		name := want[i]
		switch {
		case op.Media && named[op.Source.File+" "+op.Method+" "+op.Section] != "":
			name = named[op.Source.File+" "+op.Method+" "+op.Section] + "Content"
		case op.Media:
			name += "Content"
		case !titled(op) || byTitle[name] > 1:
			name = stemName(p.spell, op.Source.File, op.Method, methods[op.Source.File] > 1)
		}
		op.GoName = opScope.Claim(name)
		if op.GoName != name {
			p.warnAt(op.Source, diag.GoNameClash, "another operation is also called "+name+"; this one is "+op.GoName)
		}
		p.ops = append(p.ops, p.planOp(op))
	}
	sort.SliceStable(p.ops, func(i, j int) bool { return p.ops[i].op.GoName < p.ops[j].op.GoName })
}

// pageStem is a page's file name without folder and extension.
func pageStem(path string) string {
	base := path[strings.LastIndexByte(path, '/')+1:]
	return strings.TrimSuffix(base, ".md")
}

func (p *plan) planOp(op *schema.Operation) *opPlan {
	o := &opPlan{op: op}
	o.reqType = p.claim(op.GoName+"Request", op.Source, "the request of "+op.GoName)
	if len(op.Parameters) > 0 {
		o.bodyType = p.claim(op.GoName+"Body", op.Source, "the body of "+op.GoName)
		sc := names.NewScope(append([]string{"ODataType"}, fieldReserved...)...)
		for _, pr := range op.Parameters {
			p.noteTagless(pr, o.bodyType)
			pr.GoName = sc.Claim(names.Exported(pr.Name))
		}
	}
	o.opVar = p.claim("op"+op.GoName, op.Source, "the table row of "+op.GoName)
	sc := names.NewScope("HTTPRequest", "Query", "Body")
	byName := map[string]int{}
	for _, r := range op.Routes {
		seen := map[string]int{}
		var idx []int
		for _, name := range routeParamNames(p.spell, r) {
			seen[name]++
			k := name
			if seen[name] > 1 {
				k = fmt.Sprintf("%s#%d", name, seen[name])
			}
			i, ok := byName[k]
			if !ok {
				want := name
				if seen[name] > 1 {
					want = names.Exported(fmt.Sprint(name, " ", seen[name]))
				}
				i = len(o.params)
				byName[k] = i
				o.params = append(o.params, sc.Claim(want))
			}
			idx = append(idx, i)
		}
		o.paramOf = append(o.paramOf, idx)
	}
	return o
}

// nameFiles gives each page its output file, unique and safe.
func (p *plan) nameFiles() {
	sc := names.NewScope("doc", "graphdocgen")
	for _, pg := range p.s.Pages {
		rel := strings.TrimSuffix(pg.Rel, ".md")
		p.fileOf[pg.Path] = sc.Claim(names.FileName(rel))
	}
}
