package parser

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/route"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// typeDraft is a type as one page documents it.
type typeDraft struct {
	name, namespace string
	base            string // documented base type, "" when none
	baseOff         int
	// basePage is the page of base when another page of the same type
	// documented it (see addType); nil for this draft's page.
	basePage *pageResult
	off      int
	props    []*propDraft
	open     bool
	// weak: only an operation page's request body table describes it (its
	// resource page is not among the inputs).
	weak        bool
	description string
	page        *pageResult
	// jsonRep is the resource's JSON representation body, if any.
	jsonRep *httpMessage
	// derived lists the types the page's "Derived types" table links,
	// as typeSpecs (name, page, off).
	derived []typeSpec
}

// baseDocPage is the page that documents the draft's base.
func (d *typeDraft) baseDocPage() *pageResult {
	if d.basePage != nil {
		return d.basePage
	}
	return d.page
}

// namedFor reports whether the draft's page is named for its type
// (resources/user.md for user), the page that owns a type several pages
// document.
func (d *typeDraft) namedFor() bool {
	base := path.Base(filepath.ToSlash(d.page.path))
	return strings.EqualFold(strings.TrimSuffix(base, ".md"), d.name)
}

// propDraft is one property row.
type propDraft struct {
	name        string
	off         int
	spec        typeSpec
	description string
	values      []string // documented possible values, in order
	valueOffs   []int
	query       *schema.Query // what the description says about queries
	nav         bool          // from a Relationships table
	page        *pageResult
}

// typeSpec is a type cell as written, before names are resolved.
type typeSpec struct {
	raw        string
	off        int
	edm        string // primitive, e.g. Edm.String
	name       string // named type or enum as written (maybe qualified)
	page       string // page a link points at (cleaned path), "" if none
	anchor     bool   // the link points into the page (#section): the name decides first
	collection bool
	anonEnum   bool // "Enumeration": values come from the description
	unknown    bool // could not be read
	// alts holds the types a cell names as alternatives ("[a](a.md) or
	// [b](b.md)"), one per link; union is set for such a cell (and for
	// one whose alternatives are not all links). The resolver reads it
	// as their common base (unionRef).
	alts  []typeSpec
	union bool
}

// enumDraft is an enumeration as one page documents it.
type enumDraft struct {
	name, namespace string
	off             int
	members         []string
	memberOffs      []int
	description     string
	page            *pageResult
}

// opDraft is one operation (one page, one method).
type opDraft struct {
	title       string
	description string
	method      string
	lines       []route.Line
	lineOffs    []int
	off         int
	noBody      bool
	bodySpec    *typeSpec
	// bodyFromText: bodySpec was named in prose, not linked; it is used
	// only when a documented type has that name.
	bodyFromText bool
	bodyOff      int
	params       []*propDraft // action parameters or a body table
	paramsAreOf  string       // "parameters" or "properties" (of bodySpec)
	respSpec     *typeSpec
	// respTextSpec is a response type named in prose without a link ("an
	// updated **taxGroups** object in the response body"); it is used only
	// when nothing better names the type and a documented type has the name.
	respTextSpec *typeSpec
	status       int
	statusOff    int
	examples     []*exampleDraft
	// queryOptions are the system query options the page says the
	// operation supports, when it says so exactly (queryOptionsStated).
	queryOptions       []string
	queryOptionsStated bool
	// section is the sub-heading of the HTTP request section whose
	// request lines this operation holds, when the Response section
	// documents their own response; "" otherwise.
	section string
	// media: the operation holds the page's GET request lines that end in
	// /$value, split from the page's other GET request lines (see
	// readOperation).
	media bool
	// respGuessed: the page names no response type; the resolver took
	// it from an example's annotation or from the request body's type.
	// The examples then add no members to it (see inferFromExamples).
	respGuessed bool
	// respText is the text of the Response section's paragraphs, to
	// tell whether they name a type in words (bold, a reference link).
	respText string
	page     *pageResult
	op       *schema.Operation // set by the resolver
}

// exampleDraft is one documented request/response pair.
type exampleDraft struct {
	name      string
	off       int
	req, resp *httpMessage
	truncated bool
	isColl    bool
	// respType is the response annotation's @odata.type, "" when none.
	respType string
	// wrapped: the response body wraps the single entity its operation
	// answers as {"value": {...}} (set by responseFromExamples).
	wrapped bool
	// collRefused: the response-collection-refused warning was given.
	collRefused bool
}
