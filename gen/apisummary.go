package gen

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// APIFile is the name of the API summary written into the generated
// package: one line per API item, sorted, for reviewers (see DiffAPI).
const APIFile = "graphdocgen_api.txt"

// apiFormat is the comment under the header that explains the lines.
const apiFormat = "// One line per API item, sorted: KIND DOCUMENTED-NAME = GO (see cmd/graphdocgen/reference.md in graphdocgen)."

// Kinds of API summary lines.
const (
	apiType    = "type"    // qualified type = GoName [embeds Base]
	apiField   = "field"   // owner json-name = Owner.Field T (the field is an Optional[T])
	apiEnum    = "enum"    // qualified enum = GoName
	apiMember  = "member"  // qualified enum member = Const
	apiMethod  = "method"  // page METHOD = Name(*Request) (Result, error)
	apiRequest = "request" // page METHOD {placeholder}|body = Request.Field T
	apiRoute   = "route"   // METHOD pattern = Operation
)

// apiSummary renders the API summary file from the planned schema.
func (e *emitter) apiSummary() []byte {
	r := &apiRenderer{e: e, typeText: map[schema.TypeRef]string{}, page: map[string]string{}}
	for _, pg := range e.plan.s.Pages {
		r.page[pg.Path] = pg.Rel
	}
	for _, t := range e.plan.s.Types {
		r.addType(t)
	}
	for _, en := range e.plan.s.Enums {
		r.addEnum(en)
	}
	for _, o := range e.plan.live() {
		r.addOperation(o)
	}
	slices.Sort(r.lines)
	r.lines = slices.Compact(r.lines)
	head := "// " + Header + "\n" + apiFormat + "\n"
	n := len(head)
	for _, l := range r.lines {
		n += len(l) + 1
	}
	out := make([]byte, 0, n) // sized once: the beta summary is 5 MB
	out = append(out, head...)
	for _, l := range r.lines {
		out = append(out, l...)
		out = append(out, '\n')
	}
	return out
}

// apiRenderer collects summary lines; the type texts of fields are
// cached, since many fields share a type.
type apiRenderer struct {
	e        *emitter
	lines    []string
	typeText map[schema.TypeRef]string
	page     map[string]string // page path -> path inside its folder
}

// add adds a line. The summary is valid UTF-8: a key with invalid bytes
// is quoted (so \xff escapes keep it exact), and invalid bytes in the Go
// text, which are never expected, become U+FFFD.
func (r *apiRenderer) add(kind, key, goText string) {
	r.lines = append(r.lines, kind+" "+quoteAPIKey(key)+" = "+strings.ToValidUTF8(oneLine(goText), "\uFFFD"))
}

// fieldType is the text of T for a field of type ref, an Optional[T].
func (r *apiRenderer) fieldType(ref schema.TypeRef) string {
	if s, ok := r.typeText[ref]; ok {
		return s
	}
	s := r.e.goType(ref).String()
	r.typeText[ref] = s
	return s
}

func (r *apiRenderer) addType(t *schema.Type) {
	goText := t.GoName
	base := r.e.plan.base(t)
	if base != nil {
		goText += " embeds " + base.GoName
	}
	qn := t.QualifiedName()
	r.add(apiType, qn, goText)
	if base == nil && !hasProp(t.Properties, "@odata.type") {
		r.add(apiField, qn+" @odata.type", t.GoName+".ODataType string")
	}
	r.addFields(qn, t.GoName, t.Properties)
}

func (r *apiRenderer) addFields(key, owner string, props []*schema.Property) {
	for _, p := range props {
		r.add(apiField, key+" "+p.Name, owner+"."+p.GoName+" "+r.fieldType(p.Type))
	}
}

func (r *apiRenderer) addEnum(en *schema.Enum) {
	qn := en.QualifiedName()
	r.add(apiEnum, qn, en.GoName)
	for i, m := range en.Members {
		r.add(apiMember, qn+" "+m, en.GoMembers[i])
	}
}

// addOperation adds an operation's Service method, request fields, body
// parameters and routes. An operation is known by its page and method.
func (r *apiRenderer) addOperation(o *opPlan) {
	op := o.op
	page := r.page[op.Source.File]
	if page == "" {
		page = op.Source.File
	}
	key := page + " " + op.Method
	r.add(apiMethod, key, op.GoName+r.e.shortSignature(o))
	phs := r.e.paramPlaceholders(o)
	for i, p := range o.params {
		r.add(apiRequest, key+" "+phs[i], o.reqType+"."+p+" string")
	}
	if body := r.e.bodyGoType(o); body != nil {
		r.add(apiRequest, key+" body", o.reqType+".Body "+body.String())
	}
	if o.bodyType != "" {
		r.addFields(key, o.bodyType, op.Parameters)
	}
	for i, rt := range op.Routes {
		if !slices.Contains(o.dropped, i) {
			r.add(apiRoute, op.Method+" "+rt.Pattern, op.GoName)
		}
	}
}

// quoteAPIKey quotes a documented name that would make the line ambiguous
// or hold bytes that are not UTF-8.
func quoteAPIKey(key string) string {
	if key == "" || strings.Contains(key, " = ") || strings.HasPrefix(key, `"`) || !utf8.ValidString(key) ||
		strings.TrimSpace(key) != key || strings.ContainsFunc(key, func(r rune) bool { return !strconv.IsPrint(r) }) {
		return strconv.Quote(key)
	}
	return key
}

// oneLine keeps Go text on one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
