package parser

import (
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// addType registers a type documented by a resource page; a type documented
// on several pages (Intune splits deviceManagement) is merged.
func (r *resolver) addType(d *typeDraft) {
	ns := d.namespace
	if ns == "" {
		ns = namespaceOf(d.page)
	}
	k := key(ns, d.name)
	t, ok := r.types[k]
	if !ok {
		t = &schema.Type{Name: d.name, Namespace: ns, Source: d.page.src.pos(d.off), Description: d.description, Properties: []*schema.Property{}}
		r.types[k] = t
		simple := strings.ToLower(d.name)
		r.typeBySimple[simple] = append(r.typeBySimple[simple], t)
		r.typeDraftOf[t] = d
		r.propOf[t] = map[string]*schema.Property{}
		r.out.Types = append(r.out.Types, t)
	} else {
		od := r.typeDraftOf[t]
		if d.base != "" && od.base != "" && !strings.EqualFold(d.base, od.base) {
			r.warn(d.page.src, d.baseOff, diag.BaseConflict, "%s has base %s here but %s at %s", d.name, d.base, od.base, od.baseDocPage().src.pos(od.baseOff))
		}
		if d.namedFor() && !od.namedFor() && !od.weak {
			// The page named for the type owns it (user.md, not
			// intune-shared-user.md, which sorts first): its title,
			// position, description and JSON representation are the
			// type's, its base wins, its properties come first.
			if d.base == "" {
				d.base, d.baseOff, d.basePage = od.base, od.baseOff, od.baseDocPage()
			}
			d.props = append(d.props[:len(d.props):len(d.props)], od.props...)
			d.open = d.open || od.open
			r.typeDraftOf[t] = d
			t.Name, t.Source, t.Description = d.name, d.page.src.pos(d.off), d.description
		} else {
			if od.base == "" {
				od.base, od.baseOff, od.basePage = d.base, d.baseOff, d.page
			}
			od.props = append(od.props, d.props...)
			od.open = od.open || d.open
		}
	}
	t.Open = t.Open || d.open
	r.typeByPage[pageKey(d.page.path)] = t
}

// basesFromDerivedLists gives a type whose pages name no base the type
// whose "Derived types" table lists it (meetingInfo lists
// organizerMeetingInfo and tokenMeetingInfo, whose pages say nothing of a
// base), so that a property typed as the base holds them, as Graph's
// schema has it. A listed type with a base of its own keeps it.
func (r *resolver) basesFromDerivedLists() {
	for _, t := range r.out.Types {
		d := r.typeDraftOf[t]
		for _, spec := range d.derived {
			dt := r.typeByPage[pageKey(spec.page)]
			if dt == nil {
				dt = r.lookupType(t.Namespace, spec.name)
			}
			if dt == nil || dt == t {
				continue
			}
			dd := r.typeDraftOf[dt]
			if dd.base != "" || dd.weak {
				continue
			}
			dd.base, dd.baseOff, dd.basePage = t.QualifiedName(), spec.off, d.page
			r.warn(d.page.src, spec.off, diag.BaseFromDerivedList, "%s's page names no base type, but %s's lists it as a derived type; read with base %s", dt.Name, t.Name, t.Name)
		}
	}
}

// addWeakType makes a type from an operation's request body table when the
// linked resource page is not among the inputs.
func (r *resolver) addWeakType(op *opDraft) {
	if op.bodySpec == nil || op.bodyFromText || op.paramsAreOf != "properties" || len(op.params) == 0 {
		return
	}
	if r.typeByPage[pageKey(op.bodySpec.page)] != nil || r.lookupType(namespaceOf(op.page), op.bodySpec.name) != nil {
		return
	}
	ns := namespaceOf(op.page)
	if r.types[key(ns, op.bodySpec.name)] != nil {
		return
	}
	r.warn(op.page.src, op.bodySpec.off, diag.TypeFromOperation, "type %s has no resource page among the inputs; its properties come from this page's request body table", op.bodySpec.name)
	d := &typeDraft{name: op.bodySpec.name, namespace: ns, off: op.bodyOff, props: op.params, weak: true, page: op.page}
	if len(op.params) > 0 {
		d.off = op.params[0].off
	}
	r.addType(d)
	r.typeByPage[pageKey(op.bodySpec.page)] = r.types[key(ns, d.name)]
}

// lookupType finds a documented type by qualified or simple name,
// preferring ns (never a type outside the inputs: see outsideType).
func (r *resolver) lookupType(ns, name string) *schema.Type {
	name = strings.TrimPrefix(name, "#")
	if t, ok := r.types[strings.ToLower(name)]; ok && strings.Contains(name, ".") && r.outsideOf[t] == nil {
		return t
	}
	if t, ok := r.types[key(ns, name)]; ok && r.outsideOf[t] == nil {
		return t
	}
	cands := r.typeBySimple[strings.ToLower(name)]
	if len(cands) > 0 {
		return cands[0]
	}
	return nil
}

// lookupEnum finds an enum by qualified or simple name, preferring ns.
func (r *resolver) lookupEnum(ns, name string) *schema.Enum {
	if e, ok := r.enums[strings.ToLower(name)]; ok && strings.Contains(name, ".") {
		return e
	}
	if e, ok := r.enums[key(ns, name)]; ok {
		return e
	}
	if c := r.enumBySimple[strings.ToLower(name)]; len(c) > 0 {
		return c[0]
	}
	return nil
}

// resolveTypes turns every property's type cell into a TypeRef and every
// documented base into a qualified name.
func (r *resolver) resolveTypes() {
	for i := 0; i < len(r.out.Types); i++ {
		t := r.out.Types[i]
		d := r.typeDraftOf[t]
		if d.base != "" {
			if b := r.lookupType(t.Namespace, d.base); b != nil && b != t {
				q := b.QualifiedName()
				t.Base = &q
			} else {
				r.warn(d.baseDocPage().src, d.baseOff, diag.BaseUndefined, "base type %s of %s is not documented; %s has no base", d.base, t.Name, t.Name)
			}
		}
		for _, pd := range d.props {
			r.addProperty(t, d, pd)
		}
	}
	r.breakBaseCycles()
}

// breakBaseCycles drops the base of a type whose base chain comes back to
// it (the docs say A derives from B and B from A): Go embedding cannot
// express that.
func (r *resolver) breakBaseCycles() {
	for _, t := range r.out.Types {
		seen := map[*schema.Type]bool{t: true}
		for b := r.baseOf(t); b != nil; b = r.baseOf(b) {
			if seen[b] {
				d := r.typeDraftOf[t]
				r.warn(d.baseDocPage().src, d.baseOff, diag.BaseCycle, "the base types of %s lead back to %s; %s is read without a base", t.Name, b.Name, t.Name)
				t.Base = nil
				break
			}
			seen[b] = true
		}
	}
}

func (r *resolver) baseOf(t *schema.Type) *schema.Type {
	if t.Base == nil {
		return nil
	}
	return r.types[strings.ToLower(*t.Base)]
}

// addProperty resolves one property row into t, reporting conflicts with a
// row of the same name documented elsewhere.
func (r *resolver) addProperty(t *schema.Type, d *typeDraft, pd *propDraft) {
	src := r.pageOfOffset(d, pd)
	if isControlInfo(pd.name) {
		r.controlRow(src, pd, t.Name)
		return
	}
	var ref schema.TypeRef
	var values []string
	if pd.name == "@odata.type" && (pd.spec.edm != schema.EdmString || pd.spec.collection) {
		// A "Name | Value" table gives the value (a type name) in the
		// second column, where a property table has the type.
		r.warn(src.src, pd.spec.off, diag.OdataTypeNotString, "@odata.type of %s holds a type name; read as Edm.String, not %q", t.Name, collapseSpace(pd.spec.raw))
		ref = schema.TypeRef{Name: schema.EdmString}
	} else if cref, cvalues, ok := r.combinedValues(src, pd, t.Name); ok {
		ref, values = cref, cvalues
	} else {
		ref, values = r.ref(src, pd.spec, t.Namespace, t.Name, pd.name, pd.values, pd.valueOffs)
		ref, values = r.checkEnumValues(src, pd, t.Namespace, t.Name, ref, values)
		r.markFlags(src, pd, t.Namespace, t.Name, ref)
	}
	if old, ok := r.propOf[t][pd.name]; ok {
		if old.Type != ref {
			r.warn(src.src, pd.off, diag.PropertyConflict, "property %s of %s is %s here but %s at %s; keeping the first", pd.name, t.Name, ref, old.Type, old.Source)
		} else if old.Query == nil {
			old.Query = pd.query // the same property, documented again with its query capabilities
		}
		return
	}
	p := &schema.Property{Name: pd.name, Type: ref, Source: src.src.pos(pd.off), Description: pd.description, Values: values, Query: pd.query}
	r.propOf[t][pd.name] = p
	t.Properties = append(t.Properties, p)
}

// controlRow reports a table row that documents OData control information
// (@odata.etag, x@odata.bind) as a property of owner: it is not one.
func (r *resolver) controlRow(pg *pageResult, pd *propDraft, owner string) {
	r.warn(pg.src, pd.off, diag.PropertyControlInformation, "%s is OData control information, not a property of %s; bodies may carry it, but no field is made for it", pd.name, owner)
}

// pageOfOffset returns the page a property row came from (merged types
// carry rows from several pages).
func (r *resolver) pageOfOffset(d *typeDraft, pd *propDraft) *pageResult {
	if pd.page != nil {
		return pd.page
	}
	return d.page
}

// ref resolves a type cell. values are the description's documented
// possible values; for a string property that is not an enum they are
// returned as plain values.
func (r *resolver) ref(pg *pageResult, spec typeSpec, ns, owner, prop string, values []string, valueOffs []int) (schema.TypeRef, []string) {
	ref := schema.TypeRef{Collection: spec.collection}
	if spec.union {
		ref.Name = r.unionRef(pg, spec, ns)
		return ref, nil
	}
	switch {
	case spec.anonEnum:
		if len(values) == 0 {
			r.warn(pg.src, spec.off, diag.EnumValuesMissing, "%s.%s is an Enumeration but no values are listed; read as a string", owner, prop)
			ref.Name = schema.EdmString
			return ref, nil
		}
		e := r.enumForValues(ns, values)
		if e == nil {
			name := owner + upperFirst(prop)
			r.warn(pg.src, spec.off, diag.EnumUnnamed, "enumeration of %s.%s has no name; calling it %s", owner, prop, name)
			e = r.anonEnum(pg, spec.off, ns, name, owner+"."+prop, values, valueOffs)
		}
		ref.Name = e.QualifiedName()
		return ref, nil
	case spec.edm != "":
		ref.Name = spec.edm
		if spec.edm == schema.EdmString && len(values) > 0 {
			if e := r.enumForValues(ns, values); e != nil {
				ref.Name = e.QualifiedName()
				return ref, nil
			}
			for _, v := range values {
				if v == "unknownFutureValue" {
					name := owner + upperFirst(prop)
					r.warn(pg.src, spec.off, diag.EnumFromString, "%s.%s is typed String but lists evolvable values (unknownFutureValue); read as enum %s", owner, prop, name)
					ref.Name = r.anonEnum(pg, spec.off, ns, name, owner+"."+prop, values, valueOffs).QualifiedName()
					return ref, nil
				}
			}
			return ref, values
		}
		return ref, nil
	}
	byName := func() (string, bool) {
		if t := r.lookupType(ns, spec.name); t != nil {
			return t.QualifiedName(), true
		}
		if e := r.lookupEnum(ns, spec.name); e != nil {
			return e.QualifiedName(), true
		}
		return "", false
	}
	// A link into a page ([chatType](chat.md#chattype-values)) names an
	// enum or type that page documents: the name decides before the page.
	if spec.anchor {
		if name, ok := byName(); ok {
			ref.Name = name
			return ref, nil
		}
	}
	if spec.page != "" {
		if t := r.typeByPage[pageKey(spec.page)]; t != nil {
			ref.Name = t.QualifiedName()
			return ref, nil
		}
		if e := r.enumByPage[pageKey(spec.page)]; e != nil {
			ref.Name = e.QualifiedName()
			return ref, nil
		}
	}
	if name, ok := byName(); ok {
		ref.Name = name
		return ref, nil
	}
	if len(values) > 0 && spec.name != "" {
		_, simple := splitQualified(spec.name)
		ref.Name = r.anonEnum(pg, spec.off, ns, simple, owner+"."+prop, values, valueOffs).QualifiedName()
		return ref, nil
	}
	if r.noOutside {
		ref.Name = schema.EdmUntyped // the caller tries other ways first
		return ref, nil
	}
	if t := r.outsideType(pg, spec, ns); t != nil {
		ref.Name = t.QualifiedName()
		return ref, nil
	}
	r.warn(pg.src, spec.off, diag.TypeUndefined, "type %s of %s.%s is not among the inputs and names no type; the property holds any JSON", spec.name, owner, prop)
	ref.Name = schema.EdmUntyped
	return ref, nil
}

// unionRef reads a type cell naming alternatives ("appHostedMediaConfig
// or serviceHostedMediaConfig") as their nearest common base type: a body
// names which one it is in @odata.type, and the handler checks and keeps
// the derived type's members. Taking the first would reject every body of
// the others. Alternatives that are not all documented types, or share no
// base, leave any JSON.
func (r *resolver) unionRef(pg *pageResult, spec typeSpec, ns string) string {
	var alts []*schema.Type
	for _, a := range spec.alts {
		t := r.typeByPage[pageKey(a.page)]
		if t == nil || a.anchor {
			t = r.lookupType(ns, a.name)
		}
		if t == nil {
			break
		}
		alts = append(alts, t)
	}
	if len(alts) == len(spec.alts) && len(alts) > 0 {
		c := alts[0]
		for depth := 0; c != nil && depth < 64; depth++ {
			if r.allDeriveFrom(alts[1:], c) {
				r.warn(pg.src, spec.off, diag.TypeUnion, "type cell %q names more than one type; read as their common base type %s (a body names its type in @odata.type)", spec.raw, c.Name)
				return c.QualifiedName()
			}
			c = r.draftBase(c)
		}
	}
	r.warn(pg.src, spec.off, diag.TypeUnion, "type cell %q names more than one type, and no documented base type is common to them; the property holds any JSON", spec.raw)
	return schema.EdmUntyped
}

// allDeriveFrom reports whether every type of ts is c or derives from it.
func (r *resolver) allDeriveFrom(ts []*schema.Type, c *schema.Type) bool {
	for _, t := range ts {
		found := false
		for depth := 0; t != nil && depth < 64 && !found; depth++ {
			found = t == c
			t = r.draftBase(t)
		}
		if !found {
			return false
		}
	}
	return true
}

// draftBase is t's base type, read from its draft while resolveTypes has
// not reached t yet; nil for none.
func (r *resolver) draftBase(t *schema.Type) *schema.Type {
	if t.Base != nil {
		return r.types[strings.ToLower(*t.Base)]
	}
	if d := r.typeDraftOf[t]; d != nil && d.base != "" {
		if b := r.lookupType(t.Namespace, d.base); b != nil && b != t {
			return b
		}
	}
	return nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// combinesPhrases are what a description says when a value holds several
// of the values it lists: "Multiple values can be combined using a
// comma-separated list" (subscription.changeType), "If selecting more
// than one value" (workforceIntegration.supports).
var combinesPhrases = newFoldPhrases("comma-separated", "comma separated", "can be combined", "more than one value")

// combinedValues reads a string or Enumeration property (or parameter)
// of owner whose description lists values that one value combines: it
// stays a string with those values documented, as an enum would refuse
// "created,updated", the docs' own example. ok is false for any other.
func (r *resolver) combinedValues(pg *pageResult, pd *propDraft, owner string) (ref schema.TypeRef, values []string, ok bool) {
	if len(pd.values) == 0 || (pd.spec.edm != schema.EdmString && !pd.spec.anonEnum) || !combinesPhrases.in(pd.description) {
		return schema.TypeRef{}, nil, false
	}
	r.warn(pg.src, pd.spec.off, diag.EnumValuesCombined, "%s.%s lists values that one value combines (a comma-separated list); kept a string, not an enum of %s", owner, pd.name, strings.Join(pd.values, ", "))
	return schema.TypeRef{Name: schema.EdmString, Collection: pd.spec.collection}, pd.values, true
}

// checkEnumValues compares the values a property's description lists
// with the members of the enum its type cell names (ref). Values the enum
// lacks are reported (enum-values-disagree) and the enum is kept, the
// table being the docs' word on members; but when no listed value is a
// member, even ignoring case, the enum is another property's (v1.0's
// changeType table lists countryLookupMethodType's members, where
// changeNotification.changeType says created, updated, deleted): the
// property stays a string with its own values documented.
func (r *resolver) checkEnumValues(pg *pageResult, pd *propDraft, ns, owner string, ref schema.TypeRef, values []string) (schema.TypeRef, []string) {
	if len(pd.values) == 0 || values != nil {
		return ref, values
	}
	e := r.lookupEnum(ns, ref.Name)
	if e == nil || len(e.Members) == 0 {
		return ref, values
	}
	var missing []string
	folded := false
	for _, v := range pd.values {
		if v == "null" || slices.Contains(e.Members, v) {
			folded = folded || v != "null"
			continue
		}
		missing = append(missing, v)
		for _, m := range e.Members {
			folded = folded || strings.EqualFold(m, v)
		}
	}
	if len(missing) == 0 {
		return ref, values
	}
	if !folded {
		r.warn(pg.src, pd.spec.off, diag.EnumValuesDisagree, "%s.%s lists the values %s, none of which is a member of %s (%s, at %s); kept a string with the listed values", owner, pd.name, strings.Join(pd.values, ", "), e.Name, strings.Join(e.Members, ", "), e.Source)
		return schema.TypeRef{Name: schema.EdmString, Collection: ref.Collection}, pd.values
	}
	caseOnly := true
	for _, v := range missing {
		caseOnly = caseOnly && slices.ContainsFunc(e.Members, func(m string) bool { return strings.EqualFold(m, v) })
	}
	if caseOnly {
		r.warn(pg.src, pd.spec.off, diag.EnumValuesDisagree, "%s.%s lists %s, which %s (at %s) spells only in another case; the handler accepts %s's spelling", owner, pd.name, strings.Join(missing, ", "), e.Name, e.Source, e.Name)
		return ref, values
	}
	r.warn(pg.src, pd.spec.off, diag.EnumValuesDisagree, "%s.%s lists %s, which %s (at %s) does not have; the handler accepts %s's members", owner, pd.name, strings.Join(missing, ", "), e.Name, e.Source, e.Name)
	return ref, values
}

// markFlags makes the enum a property (or parameter) is typed with a flags
// enum when its description says a value combines members ("A
// comma-separated list of the parts to clone": team-clone's
// partsToClone, clonableTeamParts), as OData writes a flags enum's value
// ("apps,tabs,settings"); the handler would refuse the docs' own example
// otherwise. Reported once per enum (enum-flags).
func (r *resolver) markFlags(pg *pageResult, pd *propDraft, ns, owner string, ref schema.TypeRef) {
	if !combinesPhrases.in(pd.description) {
		return
	}
	e := r.lookupEnum(ns, ref.Name)
	if e == nil || e.Flags {
		return
	}
	e.Flags = true
	r.warn(pg.src, pd.spec.off, diag.EnumFlags, "%s.%s says its values combine (a comma-separated list); %s is read as a flags enum: a value is one or more of its members joined by commas", owner, pd.name, e.Name)
}
