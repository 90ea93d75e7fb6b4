package parser

import (
	"cmp"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/jsondoc"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// resolveOperation resolves an operation draft's routes and types. Its
// examples are read by finishOperation, once every example of every page
// has contributed the properties it shows (inferFromExamples).
func (r *resolver) resolveOperation(d *opDraft) {
	pg := d.page
	ns := namespaceOf(pg)
	op := &schema.Operation{
		Method: d.method, Source: pg.src.pos(d.off), Title: d.title, Description: d.description, Section: d.section,
		QueryOptions: statedOptions(d),
		Paths:        []string{}, Examples: []*schema.Example{},
	}
	for i, l := range d.lines {
		op.Paths = append(op.Paths, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l.Raw), l.Method)))
		op.Routes = append(op.Routes, schema.Route{Pattern: l.Pattern, Params: l.Params, Source: pg.src.pos(d.lineOffs[i])})
	}
	if !d.noBody && r.valueBody(pg, d, op) {
		d.noBody = true
	}
	if !d.noBody {
		unknownText := d.bodyFromText && r.lookupType(ns, d.bodySpec.name) == nil
		if d.paramsAreOf == "parameters" && r.tableOfLinkedType(d, ns) {
			// "Supply a JSON representation of [user] object" and a table
			// of the properties required: the body is the user, whatever
			// the table's header says.
			d.paramsAreOf = "properties"
		}
		switch {
		case d.paramsAreOf == "parameters" || ((d.bodySpec == nil || unknownText) && len(d.params) > 0):
			for _, pd := range d.params {
				if isControlInfo(pd.name) {
					r.controlRow(pg, pd, d.title)
					continue
				}
				ref, values, ok := r.combinedValues(pg, pd, d.title)
				if !ok {
					ref, values = r.ref(pg, pd.spec, ns, d.title, pd.name, pd.values, pd.valueOffs)
					ref, values = r.checkEnumValues(pg, pd, ns, d.title, ref, values)
					r.markFlags(pg, pd, ns, d.title, ref)
				}
				op.Parameters = append(op.Parameters, &schema.Property{Name: pd.name, Type: ref, Source: pg.src.pos(pd.off), Description: pd.description, Values: values, Query: pd.query})
			}
		case d.bodySpec != nil && !unknownText:
			ref, _ := r.ref(pg, *d.bodySpec, ns, d.title, "body", nil, nil)
			if ref.Name != schema.EdmUntyped {
				op.RequestType = &ref
			}
		}
	}
	if r.countOperation(pg, d, op) || r.mediaOperation(pg, d, op) {
		op.Status = d.status
		if op.Status == 0 {
			op.Status = http.StatusOK
		}
		d.op = op
		return
	}
	// A documented type first: the Response section's link, the response
	// annotation's @odata.type, a type named in prose; then a type the
	// link or the annotation names that is not among the inputs.
	if d.respSpec != nil {
		r.noOutside = true
		ref, _ := r.ref(pg, *d.respSpec, ns, d.title, "response", nil, nil)
		r.noOutside = false
		if ref.Name != schema.EdmUntyped {
			op.ResponseType = &ref
			r.linkTextOverPage(pg, d, op, ns)
		}
	}
	r.inferArguments(pg, d, op)
	r.singleFromExamples(pg, d, op)
	r.responseFromExamples(pg, d, op, false)
	if op.ResponseType == nil && d.respTextSpec != nil && d.status != 204 {
		if t := r.lookupType(ns, d.respTextSpec.name); t != nil {
			op.ResponseType = &schema.TypeRef{Name: t.QualifiedName(), Collection: d.respTextSpec.collection}
			r.warn(pg.src, d.respTextSpec.off, diag.ResponseTypeFromText, "the Response section names %s in prose, not by a link to its resource page; using the documented type %s", d.respTextSpec.name, op.ResponseType)
			r.responseFromExamples(pg, d, op, false)
		}
	}
	if op.ResponseType == nil && d.respSpec != nil {
		ref, _ := r.ref(pg, *d.respSpec, ns, d.title, "response", nil, nil)
		if ref.Name != schema.EdmUntyped {
			op.ResponseType = &ref
			r.singleFromExamples(pg, d, op)
		}
	}
	r.responseFromExamples(pg, d, op, true)
	if op.ResponseType == nil && d.status != 204 {
		r.primitiveFromExamples(pg, d, op)
	}
	if op.ResponseType == nil && d.status != 204 {
		r.streamFromExamples(pg, d, op)
	}
	if op.ResponseType == nil && d.status != 204 {
		// A page that documents 204 No Content answers no body: an
		// example that shows one anyway (tokenLifetimePolicy's update)
		// does not give the operation a result (example-body-on-204).
		r.responseFromRequest(pg, d, op)
	}
	op.Status = d.status
	if op.Status == 0 {
		op.Status = defaultStatus(d)
		r.warn(pg.src, d.off, diag.ResponseStatusMissing, "the Response section gives no success status code; assuming %d", op.Status)
	}
	d.op = op
}

// countOperation makes op answer a count when every one of its request
// lines is a GET ending in /$count (GET /users/{id}/transitiveReports/$count):
// OData answers the number as text/plain, whatever the Response section
// names, so a type it names is not read (count-response-type).
func (r *resolver) countOperation(pg *pageResult, d *opDraft, op *schema.Operation) bool {
	if op.Method != http.MethodGet || len(op.Routes) == 0 {
		return false
	}
	for _, rt := range op.Routes {
		if !isCountPattern(rt.Pattern) {
			return false
		}
	}
	op.Count = true
	op.ResponseType = &schema.TypeRef{Name: schema.EdmInt64}
	if d.respSpec != nil {
		if ref, _ := r.ref(pg, *d.respSpec, namespaceOf(pg), d.title, "response", nil, nil); ref.Name != schema.EdmUntyped && !isIntegerEdm(ref) {
			r.warn(pg.src, d.respSpec.off, diag.CountResponseType, "every request line ends in /$count, which answers the count as text/plain; the Response section's type %s is not used", ref)
		}
	}
	return true
}

// mediaOperation makes op answer a stream (Edm.Stream: the service
// returns a *Stream, bytes of any content type) when every one of its
// request lines is a GET ending in /$value: OData answers an entity's
// media, or a property's raw value, there, whatever the Response section
// names (value-response-type), and for the media lines split from the
// page's JSON lines (readOperation) the page's type is the other
// operation's.
func (r *resolver) mediaOperation(pg *pageResult, d *opDraft, op *schema.Operation) bool {
	if op.Method != http.MethodGet || len(op.Routes) == 0 {
		return false
	}
	for _, rt := range op.Routes {
		if !isValuePattern(rt.Pattern) {
			return false
		}
	}
	op.Media = d.media
	op.ResponseType = &schema.TypeRef{Name: schema.EdmStream}
	if d.respSpec != nil && !d.media {
		if ref, _ := r.ref(pg, *d.respSpec, namespaceOf(pg), d.title, "response", nil, nil); ref.Name != schema.EdmUntyped && ref.Name != schema.EdmStream {
			r.warn(pg.src, d.respSpec.off, diag.ValueResponseType, "every request line ends in /$value, which answers the raw content, not JSON; the Response section's type %s is not used", ref)
		}
	}
	return true
}

// valueBody reports whether op sends raw content, not JSON: every one of
// its request lines ends in /$value (PUT /me/photo/$value, an image; PUT
// .../trustFramework/policies/{id}/$value, XML). Its body is then no
// type, whatever the Request body section names (value-request-type): the
// handler does not decode it, and the service reads
// req.HTTPRequest.Body.
func (r *resolver) valueBody(pg *pageResult, d *opDraft, op *schema.Operation) bool {
	if op.Method == http.MethodGet || op.Method == http.MethodDelete || len(op.Routes) == 0 {
		return false
	}
	for _, rt := range op.Routes {
		if !isValuePattern(rt.Pattern) {
			return false
		}
	}
	if d.bodySpec != nil || len(d.params) > 0 {
		what := "a property table"
		if d.bodySpec != nil {
			what = d.bodySpec.raw
		}
		r.warn(pg.src, cmp.Or(d.bodyOff, d.off), diag.ValueRequestType, "every request line ends in /$value, which sends raw content, not JSON; the body is not decoded as %s (the service reads req.HTTPRequest.Body)", what)
	}
	return true
}

// streamFromExamples makes a GET operation whose page names no response
// type answer a stream when the page documents an answer that is not
// JSON: a 302 redirect (a file's content, answered with the URL to
// download it), or an example answering a body whose Content-Type is not
// JSON (response-stream-inferred). Without it, its service could answer
// nothing at all.
func (r *resolver) streamFromExamples(pg *pageResult, d *opDraft, op *schema.Operation) {
	if op.Method != http.MethodGet {
		return
	}
	what := ""
	if d.status == http.StatusFound {
		what = "a 302 redirect"
	}
	for _, ex := range d.examples {
		if what != "" || ex.resp == nil || ex.resp.IsError() {
			continue
		}
		if ct := ex.resp.Header("Content-Type"); ct != "" && !isJSONContentType(ct) && (ex.resp.Status == http.StatusFound || strings.TrimSpace(ex.resp.Body) != "") {
			what = "an answer of Content-Type " + ct
		} else if ex.resp.Status == http.StatusFound {
			what = "a 302 redirect"
		}
	}
	if what == "" {
		return
	}
	op.ResponseType = &schema.TypeRef{Name: schema.EdmStream}
	r.warn(pg.src, d.off, diag.ResponseStreamInferred, "the Response section names no type and the page documents %s, not JSON: the operation answers a stream (the service returns a *Stream)", what)
}

// isStream reports whether a response type is one stream.
func isStream(r *schema.TypeRef) bool { return r != nil && r.Name == schema.EdmStream && !r.Collection }

// isJSONContentType reports whether a Content-Type is JSON
// (application/json, or a +json type).
func isJSONContentType(ct string) bool {
	mt, _, _ := strings.Cut(strings.ToLower(ct), ";")
	mt = strings.TrimSpace(mt)
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// isValuePattern reports whether a route pattern's last segment is $value.
func isValuePattern(pattern string) bool {
	return strings.EqualFold(pattern[strings.LastIndexByte(pattern, '/')+1:], "$value")
}

// isCountPattern reports whether a route pattern's last segment is $count.
func isCountPattern(pattern string) bool {
	return strings.EqualFold(pattern[strings.LastIndexByte(pattern, '/')+1:], "$count")
}

// isIntegerEdm reports whether ref is one integer.
func isIntegerEdm(ref schema.TypeRef) bool {
	return !ref.Collection && intBits(ref.Name) > 0
}

// inferFromExamples adds the undocumented members the operation's example
// bodies show to the request and response types.
func (r *resolver) inferFromExamples(d *opDraft) {
	op := d.op
	for _, ex := range d.examples {
		if r.foreignExample(op, ex) {
			// Another operation's request: its bodies are that
			// operation's values (the example's test, if any, checks
			// them with that operation's types; example-served-by-other).
			r.warn(d.page.src, ex.req.off, diag.ExampleMembersForeign, "example %s requests %s %s, a path another page's request line documents and none of this page's does; what its bodies show adds nothing to this operation's types", ex.name, strings.ToUpper(ex.req.Method), ex.req.Target)
			continue
		}
		if ex.req != nil && ex.req.json != nil && op.RequestType != nil {
			if key, holder := r.holdsOwnType(ex.req.json, *op.RequestType); holder != nil {
				// The body holds values of the body type in a property
				// of another type: it is that other resource (the
				// extended-property pages create an event with its
				// singleValueExtendedProperties), not a value of the
				// body type.
				r.warn(d.page.src, ex.req.bodyOff, diag.ExampleTypeUnrelated, "the example request %s holds %s values in %s, a property of %s: it is that resource, not a %s; its members were not added to %s", ex.name, simpleName(op.RequestType.Name), key, holder.Name, simpleName(op.RequestType.Name), simpleName(op.RequestType.Name))
			} else {
				r.inferValue(d.page, ex.req.bodyOff, ex.req.json, *op.RequestType, "the example request "+ex.name)
			}
		}
		if ex.req != nil && ex.req.json != nil && len(op.Parameters) > 0 {
			r.inferParameters(d, ex)
		}
		if ex.collRefused {
			// The list's values are entities of the response type all the
			// same (a filtered list on the get page): their members count.
			ref := *op.ResponseType
			ref.Collection = true
			r.inferValue(d.page, ex.resp.bodyOff, ex.resp.json.Get("value"), ref, "the example response of "+ex.name)
			continue
		}
		if ex.resp != nil && ex.resp.json != nil && op.ResponseType != nil && !ex.resp.IsError() {
			if at := r.annotatedOther(d, ex); at != "" {
				rtName := simpleName(op.ResponseType.Name)
				// The example answers another type than the operation
				// (mailboxSettings' page shows GET .../workingHours):
				// its members are that type's, not fields of the
				// operation's type.
				r.warn(d.page.src, ex.resp.off, diag.ExampleTypeUnrelated, "the example response of %s is annotated as %s, which is neither the operation's response type %s nor a type derived from it; its members were not added to %s", ex.name, at, rtName, rtName)
				continue
			}
			body := responseEntity(ex.resp.json, op, ex.wrapped)
			if d.respGuessed {
				// A guess adds no fields: resetPassword's page names no
				// type and its example is annotated as entity, the base
				// of nearly every type.
				if r.inferWithin(d.page, ex.resp.bodyOff, body, *op.ResponseType, "the example response of "+ex.name) {
					rtName := simpleName(op.ResponseType.Name)
					r.warn(d.page.src, ex.resp.bodyOff, diag.ExampleTypeGuessed, "the Response section names no type and %s was read from the examples; the members the example response of %s shows beyond %s's tables were not added to %s", rtName, ex.name, rtName, rtName)
				}
				continue
			}
			if key, holder := r.holdsOwnType(body, *op.ResponseType); holder != nil {
				r.warn(d.page.src, ex.resp.bodyOff, diag.ExampleTypeUnrelated, "the example response of %s holds %s values in %s, a property of %s: it is that resource, not a %s; its members were not added to %s", ex.name, simpleName(op.ResponseType.Name), key, holder.Name, simpleName(op.ResponseType.Name), simpleName(op.ResponseType.Name))
				continue
			}
			where := "the example response of " + ex.name
			r.inferValue(d.page, ex.resp.bodyOff, r.withoutEnvelope(d.page, ex.resp.bodyOff, body, *op.ResponseType, where, false), *op.ResponseType, where)
		}
	}
}

// linkTextOverPage corrects a Response section link whose text names
// one documented type and whose page documents another, when the
// examples' response annotations name the text's type and none the
// page's: "[accessReviewInstanceDecisionItem](../resources/accessreviewinstance.md)"
// answers decision items, as the examples say, not review instances.
func (r *resolver) linkTextOverPage(pg *pageResult, d *opDraft, op *schema.Operation, ns string) {
	spec := d.respSpec
	if spec.anchor || spec.page == "" {
		return
	}
	text := r.lookupType(ns, spec.name)
	page := r.lookupType(ns, op.ResponseType.Name)
	if text == nil || page == nil || text == page {
		return
	}
	named := false
	for _, ex := range d.examples {
		switch r.lookupType(ns, ex.respType) {
		case text:
			named = true
		case page:
			return
		}
	}
	if !named {
		return
	}
	r.warn(pg.src, spec.off, diag.ResponseLinkMismatch, "the Response section's link names %s but leads to the page of %s (%s); the examples are annotated as %s, so the response is read as %s", spec.name, page.Name, page.Source, text.Name, text.Name)
	op.ResponseType = &schema.TypeRef{Name: text.QualifiedName(), Collection: op.ResponseType.Collection}
}

// simpleName is a qualified name's last part (microsoft.graph.user: user).
func simpleName(name string) string { return name[strings.LastIndexByte(name, '.')+1:] }

// holdsOwnType reports, for an example request body v of type ref, a
// member whose name is a property of a documented type typed ref (or a
// collection of it), and that type: the body is then a resource holding
// values of ref, not a value of ref.
func (r *resolver) holdsOwnType(v *jsondoc.Value, ref schema.TypeRef) (string, *schema.Type) {
	if v.Kind != jsondoc.Object || ref.Collection {
		return "", nil
	}
	own := r.types[strings.ToLower(ref.Name)]
	if own == nil {
		return "", nil
	}
	for _, m := range v.Members {
		if m.Value == nil || !r.showsMembersOf(m.Value, own) {
			continue
		}
		for _, t := range r.out.Types {
			if p := r.propOf[t][m.Key]; t != own && p != nil && !p.Inferred && strings.EqualFold(p.Type.Name, ref.Name) {
				return m.Key, t
			}
		}
	}
	return "", nil
}

// showsMembersOf reports whether v, an object or an array whose first
// element is one, has members and each is a documented property of t
// (or an annotation).
func (r *resolver) showsMembersOf(v *jsondoc.Value, t *schema.Type) bool {
	if v.Kind == jsondoc.Array {
		if len(v.Elems) == 0 {
			return false
		}
		v = v.Elems[0]
	}
	if v == nil || v.Kind != jsondoc.Object || len(v.Members) == 0 {
		return false
	}
	for _, m := range v.Members {
		if p := r.property(t, m.Key); !strings.Contains(m.Key, "@") && (p == nil || p.Inferred) {
			return false
		}
	}
	return true
}

// annotatedOther returns the name of the type an example's response
// annotation names when the operation answers a documented type and the
// annotation names a documented type that is neither it, nor derived
// from it, nor a base of it, or a stream (the reports' JSON examples are
// annotated "stream", and their rows are no members of report). Other
// primitive annotations on an object body are more often the slip than
// the body (group-evaluatedynamicmembership.md says "string"). It
// returns "" otherwise.
func (r *resolver) annotatedOther(d *opDraft, ex *exampleDraft) string {
	ns := namespaceOf(d.page)
	rt := r.lookupType(ns, d.op.ResponseType.Name)
	if rt == nil || ex.respType == "" {
		return ""
	}
	if at := r.lookupType(ns, ex.respType); at != nil {
		if r.derives(at, rt) || r.derives(rt, at) {
			return ""
		}
		return at.Name
	}
	if name := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(ex.respType, "Edm."), "edm.")); primitives[name] == schema.EdmStream {
		return ex.respType
	}
	return ""
}

// inferParameters adds to an action's parameters the members its example
// request sends but its parameter table does not list.
func (r *resolver) inferParameters(d *opDraft, ex *exampleDraft) {
	v := ex.req.json
	if v.Kind != jsondoc.Object {
		return
	}
	for _, m := range v.Members {
		if m.Key == "@odata.type" || isControlInfo(m.Key) {
			continue
		}
		var p *schema.Property
		for _, q := range d.op.Parameters {
			if q.Name == m.Key {
				p = q
			}
		}
		if p == nil {
			for _, q := range d.op.Parameters {
				if strings.EqualFold(q.Name, m.Key) {
					// A misspelling of a parameter ("Comment" for
					// comment), never a parameter of its own: it would
					// become a second field clients see, and the
					// handler reads it into q, as encoding/json matches
					// names ignoring case.
					r.warn(d.page.src, ex.req.bodyOff+m.KeyOff, diag.PropertyNameVariant, "the example request %s sends %q, which the parameter table of %s spells %q; read as that parameter", ex.name, m.Key, d.title, q.Name)
					p = q
					break
				}
			}
		}
		if p != nil {
			widen(p, m.Value)
			r.inferValue(d.page, ex.req.bodyOff, m.Value, p.Type, "the example request "+ex.name)
			continue
		}
		ref := jsonTypeRef(m.Value)
		pos := d.page.src.pos(ex.req.bodyOff + m.KeyOff)
		d.op.Parameters = append(d.op.Parameters, &schema.Property{Name: m.Key, Type: ref, Source: pos, Inferred: true,
			Description: fmt.Sprintf("Not in the parameter table; inferred from the example request %s in %s.", ex.name, pageName(pos))})
		r.warn(d.page.src, ex.req.bodyOff+m.KeyOff, diag.ParameterUndocumented, "the example request %s sends %s, which the parameter table of %s does not list; added as %s", ex.name, m.Key, d.title, ref)
	}
}

// responseEntity is the part of a response body that holds the response
// type: the "value" array of a collection or the value of a primitive,
// the single entity a wrapped body holds (see exampleDraft.wrapped), or
// the body.
func responseEntity(v *jsondoc.Value, op *schema.Operation, wrapped bool) *jsondoc.Value {
	if e := oneValue(v); wrapped && e != nil {
		return e
	}
	if op.ResponseType.Collection || op.ResponseType.IsPrimitive() || wrapped && valueObject(v) {
		if m := v.Get("value"); m != nil {
			return m
		}
	}
	return v
}

// finishOperation reads the examples and adds the operation to the schema.
func (r *resolver) finishOperation(d *opDraft) {
	for _, ex := range d.examples {
		d.op.Examples = append(d.op.Examples, r.example(d.page, d.op, ex))
	}
	r.out.Operations = append(r.out.Operations, d.op)
}

// responseFromExamples completes the response type from the examples: the
// response annotation's @odata.type names it when the Response section
// does not, a "value" array makes it a collection, and a lone "value"
// object marks an example that wraps the single entity (Intune pages):
// Graph never wraps a single entity, so the example is read, checked and
// tested through the inner value (Example.ResponseWrapped).
// With outside, an annotation may name a type that is not among the
// inputs (see outsideType).
func (r *resolver) responseFromExamples(pg *pageResult, d *opDraft, op *schema.Operation, outside bool) {
	for _, ex := range d.examples {
		if ex.resp == nil || ex.resp.IsError() {
			continue
		}
		body := ex.resp.json
		if op.ResponseType == nil && ex.respType != "" && d.status != 204 {
			name := ex.respType
			coll := ex.isColl
			if m := collParenRe.FindStringSubmatch(name); m != nil {
				name, coll = m[1], true
			}
			t := r.lookupType(namespaceOf(pg), name)
			if t == nil && outside && strings.Contains(name, ".") && !strings.HasPrefix(strings.ToLower(name), "edm.") {
				// A qualified name the inputs do not define.
				t = r.outsideType(pg, typeSpec{name: name, off: ex.resp.off}, namespaceOf(pg))
			}
			if t != nil {
				op.ResponseType = &schema.TypeRef{Name: t.QualifiedName(), Collection: coll || valueArray(body)}
				// A type outside the inputs is what its examples show
				// (type-not-in-inputs); a documented one is not, unless
				// the Response section names it in words ("a collection
				// of **secureScoreControlProfile** objects").
				d.respGuessed = r.outsideOf[t] == nil && !namesWord(d.respText, t.Name)
				r.warn(pg.src, ex.resp.off, diag.ResponseTypeFromExample, "the Response section names no type; using the example's annotation %s", op.ResponseType)
			}
		}
		if op.ResponseType == nil || op.ResponseType.IsPrimitive() || body == nil {
			continue
		}
		if !op.ResponseType.Collection && !ex.wrapped && oneValue(body) != nil && keyAddressed(op) {
			// GET /auditLogs/directoryAudits/{id} answers one entity,
			// the key is the docs' word, whatever the example shows:
			// {"value": [{...}]} is read through its one value.
			ex.wrapped = true
			r.warn(pg.src, ex.resp.bodyOff, diag.ResponseCollectionRefused, "the example answers a list of one %s ({\"value\": [{...}]}), but every request line addresses one %s by its key; Graph answers the entity itself, so the response type stays %s and the example is read and tested through its one value", simpleName(op.ResponseType.Name), simpleName(op.ResponseType.Name), op.ResponseType)
			continue
		}
		if !op.ResponseType.Collection && !ex.wrapped && valueArray(body) && keyAddressed(op) {
			// Several values: a filtered list, no answer of a GET by key.
			if !ex.collRefused {
				ex.collRefused = true
				r.warn(pg.src, ex.resp.bodyOff, diag.ResponseCollectionRefused, "the example answers a collection ({\"value\": [...]}), but every request line addresses one %s by its key; the response type stays %s", simpleName(op.ResponseType.Name), op.ResponseType)
			}
			continue
		}
		if !op.ResponseType.Collection && !ex.wrapped && valueArray(body) {
			op.ResponseType.Collection = true
			r.warn(pg.src, ex.resp.bodyOff, diag.ResponseCollectionInferred, "the example answers a collection ({\"value\": [...]}); the response type is %s", op.ResponseType)
		}
		if !op.ResponseType.Collection && !ex.wrapped && valueObject(body) && !r.holdsValueObject(op.ResponseType.Name) {
			ex.wrapped = true
			r.warn(pg.src, ex.resp.bodyOff, diag.ResponseValueWrapped, "the example wraps the %s in {\"value\": {...}}; Graph answers a single entity unwrapped, so the example is read and tested through the inner value", op.ResponseType.Name)
		}
	}
}

// valueArray reports whether v is an object with a "value" array.
func valueArray(v *jsondoc.Value) bool {
	if v == nil || v.Kind != jsondoc.Object {
		return false
	}
	m := v.Get("value")
	return m != nil && m.Kind == jsondoc.Array
}

// holdsValueObject reports whether the type named name has a property
// "value" that holds an object (a complex type, or any JSON), so that
// {"value": {...}} is one of its values rather than a wrapper.
func (r *resolver) holdsValueObject(name string) bool {
	t := r.types[strings.ToLower(name)]
	if t == nil {
		return false
	}
	p := r.property(t, "value")
	if p == nil || p.Type.Collection {
		return false
	}
	vt, _ := schema.LookupNamed(p.Type.Name, r.types, r.enums)
	return vt != nil || p.Type.Name == schema.EdmUntyped
}

// valueObject reports whether v is exactly {"value": {...}}.
// oneValue returns the one object of a body {"value": [{...}]} (with
// @odata control information at most beside it), nil for any other body.
func oneValue(v *jsondoc.Value) *jsondoc.Value {
	if !valueArray(v) {
		return nil
	}
	for _, m := range v.Members {
		if m.Key != "value" && !strings.HasPrefix(m.Key, "@odata.") {
			return nil
		}
	}
	if a := v.Get("value"); len(a.Elems) == 1 && a.Elems[0].Kind == jsondoc.Object {
		return a.Elems[0]
	}
	return nil
}

func valueObject(v *jsondoc.Value) bool {
	if v == nil || v.Kind != jsondoc.Object {
		return false
	}
	return len(v.Members) == 1 && v.Members[0].Key == "value" && v.Members[0].Value.Kind == jsondoc.Object
}

// defaultStatus guesses the success status from examples, then the method.
func defaultStatus(d *opDraft) int {
	for _, ex := range d.examples {
		if ex.resp != nil && ex.resp.Status != 0 && !ex.resp.IsError() {
			return ex.resp.Status
		}
	}
	switch d.method {
	case "POST":
		return 201
	case "PATCH", "DELETE", "PUT":
		return 204
	}
	return 200
}

// example converts a pair and checks its bodies against the operation's
// types: a request value the handler will reject becomes Rejects, a
// response value the response type cannot hold becomes ResponseMismatch.
func (r *resolver) example(pg *pageResult, op *schema.Operation, d *exampleDraft) *schema.Example {
	ex := &schema.Example{Name: d.name, Source: pg.src.pos(d.off), Truncated: d.truncated, ResponseWrapped: d.wrapped}
	if d.req != nil {
		ex.Request = d.req.HTTPMessage
	}
	if d.resp != nil {
		ex.Response = d.resp.HTTPMessage
	}
	ch := r.checkExample(pg, op, d, false)
	ex.Rejects, ex.RejectsEnum, ex.RejectsBody, ex.ResponseMismatch, ex.RequestRenamed = ch.Rejects, ch.RejectsEnum, ch.RejectsBody, ch.ResponseMismatch, ch.RequestRenamed
	ex.ResponseRenamed = ch.ResponseRenamed
	return ex
}

// checkExample checks an example's bodies against op's types (its own
// operation's, or, quietly, another's that documents the same route).
func (r *resolver) checkExample(pg *pageResult, op *schema.Operation, d *exampleDraft, quiet bool) schema.ExampleCheck {
	ch := schema.ExampleCheck{Op: op}
	if d.req != nil {
		c := &checker{r: r, pg: pg, base: d.req.bodyOff, request: true, quiet: quiet}
		switch {
		case d.req.json != nil && op.RequestType != nil:
			ch.Rejects = c.value(d.req.json, *op.RequestType)
		case d.req.json != nil && len(op.Parameters) > 0:
			ch.Rejects = c.params(d.req.json, op.Parameters)
		}
		ch.RejectsEnum = c.enumOnly
		ch.RejectsBody = c.rejected && ch.Rejects == ""
		ch.RequestRenamed = c.renamed
	}
	// An error answer holds a Graph error, not the response type; a
	// stream's content is whatever it is, JSON too.
	if d.resp != nil && d.resp.json != nil && op.ResponseType != nil && !d.resp.IsError() && !isStream(op.ResponseType) {
		c := &checker{r: r, pg: pg, base: d.resp.bodyOff, quiet: quiet}
		ch.ResponseMismatch = firstOf(c.collectionExtras(d.resp.json, op), c.value(responseEntity(d.resp.json, op, d.wrapped), *op.ResponseType))
		if ch.ResponseMismatch == "" && c.rejected {
			ch.ResponseMismatch = orBody("") // the body as a whole does not fit
		}
		if ch.ResponseMismatch == "" {
			ch.ResponseRenamed = c.renamed
		}
	}
	return ch
}

// checker walks an example body against a type and reports values the
// generated code cannot take: for a request, what the handler rejects;
// for a response, what the response type cannot decode.
type checker struct {
	r       *resolver
	pg      *pageResult
	base    int
	request bool
	// enumOnly stays true while every rejected value is a string that
	// decodes but is not an enum member or not of its Edm type's form
	// (the body still round-trips).
	enumOnly bool
	rejected bool
	// quiet: report nothing (a check against another operation's types).
	quiet bool
	// renamed is the path of the first member read into a property
	// spelled with other letter case (see schema.Example.RequestRenamed
	// and ResponseRenamed).
	renamed string
	// path leads from the body to the value being checked (see name).
	path []pathStep
}

func (c *checker) warn(off int, code, format string, args ...any) {
	if !c.quiet {
		c.r.warn(c.pg.src, off, code, format, args...)
	}
}

// params checks a body against an action's parameter list.
func (c *checker) params(v *jsondoc.Value, params []*schema.Property) string {
	t := &schema.Type{Name: "parameters", Properties: params}
	c.r.propOf[t] = map[string]*schema.Property{}
	for _, p := range params {
		c.r.propOf[t][p.Name] = p
	}
	defer delete(c.r.propOf, t)
	if v.Kind != jsondoc.Object {
		return c.mismatch(v, "", "example sends %s, not an object of parameters", kindName(v.Kind))
	}
	return c.object(v, t)
}

// collectionExtras reports top-level members of a collection response, or
// of a single primitive's {"value": x} answer, that the wrapper cannot hold.
func (c *checker) collectionExtras(v *jsondoc.Value, op *schema.Operation) string {
	single := !op.ResponseType.Collection && op.ResponseType.IsPrimitive()
	if !op.ResponseType.Collection && !single {
		return ""
	}
	if single && (v.Kind != jsondoc.Object || v.Get("value") == nil) {
		return c.mismatch(v, "", "example answers %s without the {\"value\": ...} wrapper a single %s takes", kindName(v.Kind), op.ResponseType)
	}
	if v.Kind != jsondoc.Object {
		return ""
	}
	for _, m := range v.Members {
		switch m.Key {
		case "value", "@odata.context":
		case "@odata.count", "@odata.nextLink", "@odata.deltaLink", "@odata.type":
			if single {
				return c.mismatch(m.Value, m.Key, "the response has a member %s besides value and @odata.context", m.Key)
			}
		default:
			if single {
				return c.mismatch(m.Value, m.Key, "the response has a member %s besides value and @odata.context", m.Key)
			}
			return c.mismatch(m.Value, m.Key, "the collection response has a member %s besides value, @odata.type and the @odata links", m.Key)
		}
	}
	return ""
}

// mismatch reports a value; it returns name for the caller to record.
func (c *checker) mismatch(v *jsondoc.Value, name, format string, args ...any) string {
	c.enumOnly, c.rejected = false, true
	code, tail := diag.ExampleResponseTypeMismatch, "; no test can decode this response"
	if c.request {
		code, tail = diag.ExampleTypeMismatch, "; the handler rejects it"
	}
	c.warn(c.base+v.Off, code, format+tail, args...)
	return name
}

// settled reports whether a quiet check already has its result, so the
// rest of the body need not be walked: a first mismatch is named and the
// body is rejected for more than an enum value. Further values could only
// repeat that, and a quiet check reports nothing.
func (c *checker) settled(first string) bool {
	return c.quiet && first != "" && c.rejected && !c.enumOnly
}

// object checks the members of an object of type t at the current path.
func (c *checker) object(v *jsondoc.Value, t *schema.Type) string {
	// A value naming a derived type in @odata.type has that type's
	// members: the handler checks them as its fields and keeps them.
	// A value naming a type t cannot stand for (example-type-unrelated)
	// has members t does not declare: a lenient decoder keeps them as
	// written (a response round-trips); the handler rejects them.
	foreign, _ := c.r.unrelatedType(v, t)
	t = c.r.memberType(v, t)
	first := ""
	for _, m := range v.Members {
		if c.settled(first) {
			break
		}
		if m.Key != "@odata.type" && strings.EqualFold(m.Key, "@odata.type") {
			// Read into ODataType and written back as @odata.type
			// (see infer): the test compares names ignoring case.
			c.renamed = firstOf(c.renamed, joinPath(c.name(), m.Key))
			continue
		}
		if strings.Contains(m.Key, "@") || isControlInfo(m.Key) || schema.IsDirectoryExtension(m.Key) {
			continue // annotations, control information in OData 3's spelling ("odata.type"), directory extensions
		}
		p := c.r.property(t, m.Key)
		if p == nil && c.request {
			if q := c.r.propertyFold(t, m.Key); q != nil {
				// The handler reads the member into q, as encoding/json
				// matches names ignoring case: the body is taken, but it
				// is written back spelled as q. (The inference reported
				// the spelling: property-name-variant.)
				name := joinPath(c.name(), m.Key)
				c.renamed = firstOf(c.renamed, name)
				c.enter(m.Key)
				first = firstOf(first, c.value(m.Value, q.Type))
				c.leave()
				continue
			}
		}
		if p == nil && !c.request {
			if q := c.r.propertyFold(t, strings.TrimSpace(m.Key)); q != nil {
				name := joinPath(c.name(), m.Key)
				if q.Name == m.Key || !strings.EqualFold(q.Name, m.Key) || v.Get(q.Name) != nil {
					// Surrounding spaces (the decoder does not read the
					// member), or the object also has q's own spelling
					// (which one the decoder keeps is not the docs' say).
					first = firstOf(first, c.mismatch(m.Value, name, "example has %q, which %s spells %q: the response type holds it only as %q", name, t.Name, q.Name, q.Name))
					continue
				}
				// The decoder reads the member into q, matching names
				// ignoring case as encoding/json does, and the handler
				// answers it spelled as q, as Graph does: the test
				// compares member names ignoring case
				// (ResponseRenamed; the inference reported the
				// spelling: property-name-variant).
				c.renamed = firstOf(c.renamed, name)
				c.enter(m.Key)
				first = firstOf(first, c.value(m.Value, q.Type))
				c.leave()
				continue
			}
		}
		if p == nil && c.r.open(t) {
			continue // an open type holds undeclared properties (AdditionalData)
		}
		if p == nil && foreign != nil && !c.request {
			continue // kept with the annotations as written
		}
		if p == nil && foreign != nil {
			name := joinPath(c.name(), m.Key)
			c.warn(c.base+m.KeyOff, diag.ExamplePropertyUndocumented, "example sends %s of a %s, which %s (the type the docs give) does not have; the handler rejects it", name, foreign.Value.Str, t.Name)
			c.enumOnly, c.rejected = false, true
			first = firstOf(first, name)
			continue
		}
		if p == nil {
			first = firstOf(first, c.undocumented(m, t))
			continue
		}
		c.enter(m.Key)
		first = firstOf(first, c.value(m.Value, p.Type))
		c.leave()
	}
	return first
}

// undocumented checks a member of an object of type t that t does not
// have. A request that sends it is rejected; another operation's response
// type (a quiet check) cannot hold it, because the example's own inferred
// members are not in it. It returns the member's path when it counts.
func (c *checker) undocumented(m jsondoc.Member, t *schema.Type) string {
	name := joinPath(c.name(), m.Key)
	switch {
	case !c.request:
		// A quiet check (another operation's type), or a member the
		// inference did not add (example-type-unrelated): the response
		// type cannot hold it.
		return c.mismatch(m.Value, name, "example has %s, which %s does not have", name, t.Name)
	case c.request:
		c.warn(c.base+m.KeyOff, diag.ExamplePropertyUndocumented, "example sends %s, which the %s table does not document; the handler rejects it", name, t.Name)
		c.enumOnly, c.rejected = false, true
		return name
	}
	return ""
}

// value checks one value, at the current path, against ref.
func (c *checker) value(v *jsondoc.Value, ref schema.TypeRef) string {
	if v.Kind == jsondoc.Null {
		return ""
	}
	if ref.Collection {
		if v.Kind != jsondoc.Array {
			return c.wrongKind(v, ref.String())
		}
		first := ""
		for i, e := range v.Elems {
			if c.settled(first) {
				break
			}
			c.enterElem(i)
			first = firstOf(first, c.value(e, schema.TypeRef{Name: ref.Name}))
			c.leave()
		}
		return first
	}
	t, e := c.r.lookupChecked(ref.Name)
	if t != nil {
		if v.Kind != jsondoc.Object {
			return c.wrongKind(v, ref.String())
		}
		return c.object(v, t)
	}
	if e != nil {
		switch {
		case v.Kind != jsondoc.String:
			return c.wrongKind(v, "the enum "+e.Name)
		case c.request && !enumHolds(e, v.Str):
			if !c.rejected {
				c.enumOnly, c.rejected = true, true
			}
			name := c.name()
			c.warn(c.base+v.Off, diag.ExampleEnumValue, "example sends %s = %s, which is not a member of %s (%s); the handler rejects it", name, string(v.Compact()), e.Name, strings.Join(e.Members, ", "))
			return name
		}
		return ""
	}
	if want := edmKind(ref.Name); want != "" && want != kindName(v.Kind) {
		return c.wrongKind(v, ref.String())
	}
	if c.request && v.Kind == jsondoc.String && !edmStringOK(ref.Name, v.Str) {
		if !c.rejected {
			c.enumOnly, c.rejected = true, true
		}
		name := c.name()
		c.warn(c.base+v.Off, diag.ExampleValueFormat, "example sends %s = %s, which is not %s (%s); the handler rejects it", orBody(name), string(v.Compact()), edmFormat[ref.Name], ref.Name)
		return name
	}
	if want := edmKind(ref.Name); want == "number" && !fitsNumber(ref.Name, v.Str) {
		name := c.name()
		return c.mismatch(v, name, "example has %s = %s, which %s cannot hold", orBody(name), v.Str, ref)
	}
	return ""
}

// wrongKind reports the value at the current path as not of the kind or
// type want names.
func (c *checker) wrongKind(v *jsondoc.Value, want string) string {
	name := c.name()
	return c.mismatch(v, name, "example has %s as %s, but it is %s", orBody(name), kindName(v.Kind), want)
}

// orBody names the top level "the body".
func orBody(name string) string {
	if name == "" {
		return "the body"
	}
	return name
}

// fitsNumber reports whether a JSON number's text fits the Edm type.
func fitsNumber(edm, text string) bool {
	bits := intBits(edm)
	if bits == 0 {
		return true
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return false
	}
	if edm == schema.EdmByte {
		return n >= 0 && n < 256
	}
	return bits == 64 || (n >= -(1<<(bits-1)) && n < 1<<(bits-1))
}

// intBits is the width of an Edm integer type, 0 for any other type.
func intBits(edm string) int {
	switch edm {
	case schema.EdmByte, schema.EdmSByte:
		return 8
	case schema.EdmInt16:
		return 16
	case schema.EdmInt32:
		return 32
	case schema.EdmInt64:
		return 64
	}
	return 0
}

// property finds a property of t or of its bases.
func (r *resolver) property(t *schema.Type, name string) *schema.Property {
	for depth := 0; t != nil && depth < 64; depth++ {
		if p := r.propOf[t][name]; p != nil {
			return p
		}
		t = r.base(t)
	}
	return nil
}

// tableOfLinkedType reports whether an operation's request body section
// links the body's resource type and its table lists only properties of
// that type (its required ones, say): the body is then that type.
func (r *resolver) tableOfLinkedType(d *opDraft, ns string) bool {
	if d.bodySpec == nil || d.bodyFromText || d.bodySpec.page == "" || len(d.params) == 0 {
		return false
	}
	t := r.lookupType(ns, d.bodySpec.name)
	if t == nil {
		return false
	}
	for _, pd := range d.params {
		if r.property(t, pd.name) == nil && r.propertyFold(t, pd.name) == nil {
			return false
		}
	}
	return true
}

// open reports whether t or one of its bases is an open type, which holds
// properties its pages do not declare.
func (r *resolver) open(t *schema.Type) bool {
	for depth := 0; t != nil && depth < 64; depth++ {
		if t.Open {
			return true
		}
		t = r.base(t)
	}
	return false
}

// propertyFold finds a property of t or of its bases whose name equals
// name ignoring case, as encoding/json matches names; nil when none does.
func (r *resolver) propertyFold(t *schema.Type, name string) *schema.Property {
	for depth := 0; t != nil && depth < 64; depth++ {
		for _, p := range t.Properties {
			if strings.EqualFold(p.Name, name) {
				return p
			}
		}
		t = r.base(t)
	}
	return nil
}

// base is t's base type, nil for none. Once the example checks start
// (r.checked.base is set; every type is final) it is cached: the checks
// look up thousands of members along long base chains.
func (r *resolver) base(t *schema.Type) *schema.Type {
	if b, ok := r.checked.base[t]; ok {
		return b
	}
	var b *schema.Type
	if t.Base != nil {
		b = r.types[strings.ToLower(*t.Base)]
	}
	if r.checked.base != nil {
		r.checked.base[t] = b
	}
	return b
}

// lookupChecked is schema.LookupNamed for the example checks, cached.
func (r *resolver) lookupChecked(name string) (*schema.Type, *schema.Enum) {
	if n, ok := r.checked.named[name]; ok {
		return n.t, n.e
	}
	if r.checked.named == nil {
		r.checked.named = map[string]namedRef{}
	}
	t, e := schema.LookupNamed(name, r.types, r.enums)
	r.checked.named[name] = namedRef{t, e}
	return t, e
}

// edmKind is the JSON kind a primitive must have ("" for any).
func edmKind(edm string) string {
	switch edm {
	case schema.EdmBoolean:
		return "boolean"
	case schema.EdmInt16, schema.EdmInt32, schema.EdmInt64, schema.EdmByte, schema.EdmSByte,
		schema.EdmSingle, schema.EdmDouble, schema.EdmDecimal:
		return "number"
	case schema.EdmUntyped:
		return ""
	}
	if strings.HasPrefix(edm, "Edm.") {
		return "string"
	}
	return ""
}

func kindName(k jsondoc.Kind) string {
	switch k {
	case jsondoc.Null:
		return "null"
	case jsondoc.Bool:
		return "boolean"
	case jsondoc.Number:
		return "number"
	case jsondoc.String:
		return "string"
	case jsondoc.Object:
		return "object"
	}
	return "array"
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// statedOptions is the schema's QueryOptions of an operation draft: nil
// when its page states none exactly.
func statedOptions(d *opDraft) *[]string {
	if !d.queryOptionsStated {
		return nil
	}
	opts := d.queryOptions
	return &opts
}

// keyAddressed reports whether every request line of op ends in a key
// segment ({id}), so that it addresses one entity.
func keyAddressed(op *schema.Operation) bool {
	if len(op.Routes) == 0 {
		return false
	}
	for _, rt := range op.Routes {
		last := rt.Pattern[strings.LastIndexByte(rt.Pattern, '/')+1:]
		if !isWholePlaceholder(last) {
			return false
		}
	}
	return true
}

// namesWord reports whether text holds name as a word, ignoring case: not
// inside a longer run of letters and digits.
func namesWord(text, name string) bool {
	if name == "" {
		return false
	}
	lt, ln := strings.ToLower(text), strings.ToLower(name)
	for i := 0; ; {
		j := strings.Index(lt[i:], ln)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(ln)
		if (j == 0 || !isWordByte(lt[j-1])) && (end == len(lt) || !isWordByte(lt[end])) {
			return true
		}
		i = j + 1
	}
}

// enumHolds reports whether s is a value of e: a member, or, for a flags
// enum, members joined by commas (spaces around a comma allowed), as the
// handler reads it.
func enumHolds(e *schema.Enum, s string) bool {
	if contains(e.Members, s) {
		return true
	}
	if !e.Flags {
		return false
	}
	for part := range strings.SplitSeq(s, ",") {
		if !contains(e.Members, strings.TrimSpace(part)) {
			return false
		}
	}
	return true
}
