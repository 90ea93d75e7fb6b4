// Package schema is the plain-data intermediate form between the parser
// (markdown pages) and the generator (Go code). It imports only the standard
// library: a test can build a Schema by hand and compare it with cmp.Diff.
//
// The JSON encoding of Schema is a public format (graphdocgen -schema FILE);
// cmd/graphdocgen/reference.md documents it.
package schema

import "strings"

// Schema is everything read from one set of pages.
type Schema struct {
	Types       []*Type      `json:"types"`
	Enums       []*Enum      `json:"enums"`
	Operations  []*Operation `json:"operations"`
	Diagnostics []Diagnostic `json:"diagnostics"`
	// Pages lists every page read, in sorted path order, with its kind.
	Pages []Page `json:"-"`
}

// Page is one input page.
type Page struct {
	Path string // as given on the command line, slash-separated
	Rel  string // relative to the folder argument it was found in (names output files)
	Kind string // PageOperation, PageResource, PageEnum, PageOther
}

// Page kinds.
const (
	PageOperation = "operation"
	PageResource  = "resource"
	PageEnum      = "enum"
	PageOther     = "other"
)

// Type is a documented complex or entity type.
type Type struct {
	Name        string      `json:"name"`      // as documented, e.g. userCredentialUsageDetails
	Namespace   string      `json:"namespace"` // e.g. microsoft.graph
	GoName      string      `json:"goName"`
	Base        *string     `json:"base"` // qualified base type name, or nil
	Source      Pos         `json:"source"`
	Properties  []*Property `json:"properties"`
	Description string      `json:"-"`
	// Open is true for OData open types (annotation "openType": true).
	Open bool `json:"-"`
	// InheritedQuery holds what this type's page says about queries on
	// properties it inherits, where that differs from what the base
	// says (user.md documents directoryObject's id with "Supports
	// `$filter` (`eq`, `ne`, `not`, `in`)"): the property itself is the
	// base's, and no type repeats a property of its bases.
	InheritedQuery []*PropertyQuery `json:"inheritedQuery,omitempty"`
}

// PropertyQuery is what a type's page says about queries on one property
// it inherits.
type PropertyQuery struct {
	Name  string `json:"name"`
	Query *Query `json:"query"`
}

// QualifiedName is Namespace.Name.
func (t *Type) QualifiedName() string { return qualify(t.Namespace, t.Name) }

// Property is one documented property (or relationship) of a type.
type Property struct {
	Name        string  `json:"name"` // as documented
	Type        TypeRef `json:"type"`
	GoName      string  `json:"goName"`
	Source      Pos     `json:"source"`
	Description string  `json:"-"`
	// Values lists documented possible values of a string property that is
	// not an enum; they become constants but are not enforced.
	Values []string `json:"-"`
	// Inferred marks a property no table documents: it was added because
	// an example shows it (with a property-undocumented warning).
	Inferred bool `json:"inferred,omitempty"`
	// Query is what the description says about queries on the property
	// ($filter operators, $orderby, $search, $expand, $select, whether
	// it is returned by default); nil when it says nothing the parser
	// reads.
	Query *Query `json:"query,omitempty"`
}

// Enum is a documented enumeration.
type Enum struct {
	Name      string   `json:"name"`
	Namespace string   `json:"namespace"`
	GoName    string   `json:"goName"`
	Members   []string `json:"members"` // documented order
	// GoMembers holds the Go constant name of each member, index for index.
	GoMembers []string `json:"goMembers"`
	// Flags marks a flags enum: a value is one member or several joined
	// by commas, as a property or parameter typed with it says
	// (enum-flags).
	Flags       bool   `json:"flags,omitempty"`
	Source      Pos    `json:"source"`
	Description string `json:"-"`
	// MemberSources holds where each member was documented, index for index.
	MemberSources []Pos `json:"-"`
}

// QualifiedName is Namespace.Name.
func (e *Enum) QualifiedName() string { return qualify(e.Namespace, e.Name) }

// Operation is one documented API operation (one page, one method).
type Operation struct {
	GoName      string   `json:"goName"`
	Method      string   `json:"method"`
	Paths       []string `json:"paths"` // every documented request line, as written
	RequestType *TypeRef `json:"requestType"`
	// Parameters is the body of an action documented as a parameter table
	// (no named type); RequestType is nil then.
	Parameters   []*Property `json:"parameters,omitempty"`
	ResponseType *TypeRef    `json:"responseType"`
	// Count means the operation answers the number of members of the
	// collection its request lines name, as text/plain: every request line
	// is a GET ending in /$count (OData's $count segment). ResponseType is
	// then Edm.Int64.
	Count bool `json:"count,omitempty"`
	// Media marks the operation holding a page's GET request lines that
	// end in /$value, split from the page's other GET request lines, which
	// answer JSON (GET /me/messages/{id} and GET /me/messages/{id}/$value):
	// it answers the entity's media (ResponseType Edm.Stream), and is named
	// after the page's JSON operation.
	Media  bool `json:"media,omitempty"`
	Status int  `json:"status"`
	Source Pos  `json:"source"`
	// Section is the sub-heading of the page's HTTP request section whose
	// request lines this operation holds, when the page documents a
	// response of their own under a matching sub-heading of its Response
	// section ("Get the photo": photo bytes, where the page's other
	// request lines answer the photo's metadata); "" otherwise. Such a
	// page has one operation per method and response.
	Section string `json:"section,omitempty"`
	// QueryOptions lists the OData system query options ("$select", ...)
	// the page says the operation supports, when it says so exactly (an
	// empty list: none); null when it does not (the handler then checks
	// none).
	QueryOptions *[]string `json:"queryOptions,omitempty"`
	// ServedBy is the goName of the operation that serves this one when
	// other pages document every one of its request lines (it then has no
	// Service method of its own); null otherwise.
	ServedBy    *string    `json:"servedBy"`
	Examples    []*Example `json:"examples"`
	Title       string     `json:"-"`
	Description string     `json:"-"`
	// Routes holds the parsed form of Paths, index for index.
	Routes []Route `json:"-"`
}

// Route is one request line reduced to what a router needs.
type Route struct {
	// Pattern is the path template with a leading slash, without version
	// prefix or query string: /users/{id}/manager
	Pattern string
	// Params are the placeholder names in order of appearance; repeated
	// names appear once per occurrence.
	Params []string
	Source Pos
	// Inferred marks a route no request line documents: an example
	// requests it (request-line-inferred or
	// request-line-arguments-inferred warning at Source). A documented
	// route of another operation wins over it.
	Inferred bool
}

// Example is one documented request/response pair.
type Example struct {
	Name   string  `json:"name"`
	Source Pos     `json:"source"`
	Test   *string `json:"test"`             // go test -json name, or nil
	Reason *string `json:"reason,omitempty"` // diagnostic code when Test is nil
	// RequestOnly means the example documents a request but no response
	// (so it is not a request/response pair); set by gen.Generate.
	RequestOnly bool `json:"requestOnly,omitempty"`
	// ResponseWrapped means the documented response body wraps the single
	// entity the operation answers as {"value": {...}} (Intune pages do),
	// or, for an operation that addresses one entity by its key, as a list
	// of one, {"value": [{...}]}: Graph answers the entity itself, so the
	// example is checked, and is to be tested, against the inner value
	// (response-value-wrapped, response-collection-refused).
	ResponseWrapped bool `json:"responseWrapped,omitempty"`

	Request  HTTPMessage `json:"-"`
	Response HTTPMessage `json:"-"`
	// Truncated means the documented response fields are a subset of the
	// real response.
	Truncated bool `json:"-"`
	// Rejects, when set, names the property the handler must reject in the
	// documented request body (the docs contradict themselves).
	Rejects string `json:"-"`
	// RejectsEnum: every rejected value is only a string the handler
	// refuses (a non-member of its enum, or a malformed date, time,
	// duration or base64 value), so the body still decodes into the
	// generated types.
	RejectsEnum bool `json:"-"`
	// RejectsBody: the handler must reject the body as a whole (an array
	// where an object is documented), so no property is named.
	RejectsBody bool `json:"-"`
	// ResponseMismatch, when set, names a value of the documented response
	// that the response type cannot hold (no test can be built).
	ResponseMismatch string `json:"-"`
	// RequestRenamed, when set, names a member of the documented request
	// body spelled like a property of its type but for letter case
	// ("DateTime" for dateTime): the handler reads it into that property,
	// as encoding/json matches names, so the body is taken but does not
	// round-trip as written (property-name-variant).
	RequestRenamed string `json:"-"`
	// ResponseRenamed, when set, names a member of the documented
	// response body spelled like a property of its type but for letter
	// case: the handler answers it spelled as the property, as Graph
	// does, so the test compares member names ignoring case and does not
	// round-trip the body as written (property-name-variant).
	ResponseRenamed string `json:"-"`
	// Others holds the same checks against the types of each other
	// operation that documents one of this operation's routes (same
	// method, same path up to placeholder names), whose types differ, and
	// that can keep the route (OwnerBefore puts none before it but
	// operations of its own page): the generator uses the one of the
	// operation that keeps the route.
	Others []ExampleCheck `json:"-"`
}

// ExampleCheck is what checking an example's bodies against an
// operation's request and response types found (see Example).
type ExampleCheck struct {
	Op               *Operation
	Rejects          string
	RejectsEnum      bool
	RejectsBody      bool
	ResponseMismatch string
	RequestRenamed   string
	ResponseRenamed  string
}

// HTTPMessage is a documented HTTP request or response.
type HTTPMessage struct {
	Method  string   // request only
	Target  string   // request only: the URL as written
	Status  int      // response only
	Headers []Header // in documented order
	Body    string
	BodyPos Pos
	// JSON is true when Body is JSON (after any repair). Body then holds
	// the repaired JSON text.
	JSON bool
}

// IsError reports whether m is a response with an HTTP error status
// (4xx, 5xx).
func (m HTTPMessage) IsError() bool { return m.Status >= 400 && m.Status <= 599 }

// Header returns the value of m's first header of that name (any case),
// trimmed; "" when it has none.
func (m HTTPMessage) Header(name string) string {
	for _, h := range m.Headers {
		if strings.EqualFold(strings.TrimSpace(h.Name), name) {
			return strings.TrimSpace(h.Value)
		}
	}
	return ""
}

// Header is one documented HTTP header.
type Header struct{ Name, Value string }

// Diagnostic is a problem found in a page.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Message  string   `json:"message"`
}

// Severity of a diagnostic.
type Severity string

// Severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

func qualify(ns, name string) string {
	if ns == "" {
		return name
	}
	return ns + "." + name
}
