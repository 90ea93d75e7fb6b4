package gen

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// kind is a type family the handler serves polymorphically: when several
// pages document one method and path, each for a different type derived
// from a common base (the Intune pages document POST
// /deviceAppManagement/mobileApps once per kind of app), the operation
// that keeps the route takes and returns AnyOf[<Base>Kind], which decodes
// whichever member the body's @odata.type names.
type kind struct {
	base    *schema.Type
	iface   string         // Go interface, e.g. MobileAppKind
	marker  string         // its unexported method, e.g. asMobileApp
	members []*schema.Type // types derived from base, sorted by Go name
	used    bool
}

// kindOf returns the family of base, naming it on first use.
func (p *plan) kindOf(base *schema.Type) *kind {
	key := strings.ToLower(base.QualifiedName())
	if k := p.kinds[key]; k != nil {
		return k
	}
	k := &kind{base: base, marker: "as" + base.GoName,
		iface: p.claim(base.GoName+"Kind", base.Source, "the family of types derived from "+base.QualifiedName())}
	for _, t := range p.s.Types {
		if t != base && p.derivesFrom(t, base) {
			k.members = append(k.members, t)
		}
	}
	sort.Slice(k.members, func(i, j int) bool { return k.members[i].GoName < k.members[j].GoName })
	p.kinds[key] = k
	return k
}

// derivesFrom reports whether t is base or derives from it.
func (p *plan) derivesFrom(t, base *schema.Type) bool {
	for b, depth := t, 0; b != nil && depth < maxBaseDepth; b, depth = p.base(b), depth+1 {
		if b == base {
			return true
		}
	}
	return false
}

// commonBase is the nearest type that both a and b are or derive from.
func (p *plan) commonBase(a, b *schema.Type) *schema.Type {
	for x, depth := a, 0; x != nil && depth < maxBaseDepth; x, depth = p.base(x), depth+1 {
		if p.derivesFrom(b, x) {
			return x
		}
	}
	return nil
}

// named returns the documented type a reference names, nil for
// primitives, enums and missing types.
func (p *plan) named(r *schema.TypeRef) *schema.Type {
	if r == nil {
		return nil
	}
	return p.types[strings.ToLower(r.Name)]
}

// sameShape reports whether two operations agree on everything but the
// types of their bodies: parameters, status and the value wrapper.
func sameShape(a, b *opPlan) bool {
	if a.bodyType != "" || b.bodyType != "" {
		return false
	}
	c := *a.op
	c.RequestType, c.ResponseType = b.op.RequestType, b.op.ResponseType
	return sameContract(&opPlan{op: &c}, b)
}

// unify widens owner's request and response types to families that also
// hold other's, when both document one route for types derived from a
// common base. It reports whether owner now serves other's contract.
func (p *plan) unify(owner, other *opPlan) bool {
	if !sameShape(owner, other) {
		return false
	}
	rk, ok := p.unifyRef(owner.op.RequestType, owner.reqKind, other.op.RequestType)
	if !ok {
		return false
	}
	sk, ok := p.unifyRef(owner.op.ResponseType, owner.respKind, other.op.ResponseType)
	if !ok {
		return false
	}
	owner.reqKind, owner.respKind = rk, sk
	return true
}

// unifyRef returns the family that holds own's type (or its family cur)
// and other's type.
func (p *plan) unifyRef(own *schema.TypeRef, cur *kind, other *schema.TypeRef) (*kind, bool) {
	if own == nil || other == nil {
		return cur, own == nil && other == nil
	}
	if own.Collection != other.Collection {
		return nil, false
	}
	base, ot := p.named(own), p.named(other)
	if cur != nil {
		base = cur.base
	}
	if base == nil || ot == nil {
		return cur, cur == nil && strings.EqualFold(own.Name, other.Name)
	}
	if p.derivesFrom(ot, base) {
		if ot == base {
			return cur, true
		}
		return p.kindOf(base), true
	}
	nb := p.commonBase(base, ot)
	// entity, which nearly every type derives from, is no family the docs
	// meant, unless one of the documented types is it.
	if nb == nil || nb != ot && strings.EqualFold(nb.QualifiedName(), "microsoft.graph.entity") {
		return nil, false
	}
	return p.kindOf(nb), true
}

// serves reports whether owner, which keeps a route other also documents,
// decodes and answers other's examples: the same contract, or families
// holding other's types.
func (p *plan) serves(owner, other *opPlan) bool {
	if sameContract(owner, other) {
		return true
	}
	if !sameShape(owner, other) {
		return false
	}
	return p.holds(owner.op.RequestType, owner.reqKind, other.op.RequestType) &&
		p.holds(owner.op.ResponseType, owner.respKind, other.op.ResponseType)
}

func (p *plan) holds(own *schema.TypeRef, k *kind, other *schema.TypeRef) bool {
	if own == nil || other == nil {
		return own == nil && other == nil
	}
	if own.Collection != other.Collection {
		return false
	}
	if k == nil {
		return strings.EqualFold(own.Name, other.Name)
	}
	ot := p.named(other)
	return ot != nil && p.derivesFrom(ot, k.base)
}

// kindCheck explains why an example served through a family cannot pass:
// a body that holds properties of a derived type without naming it in
// @odata.type decodes as the base type and loses them.
func (p *plan) kindCheck(sv *opPlan, ex *schema.Example) (string, string) {
	if k := sv.reqKind; k != nil && ex.Request.JSON {
		if msg := p.unnamedMember(k, []byte(ex.Request.Body), sv.op.RequestType.Collection); msg != "" {
			return diag.ExampleKindUnnamed, fmt.Sprintf("example %s sends %s", ex.Name, msg)
		}
	}
	if k := sv.respKind; k != nil && ex.Response.JSON {
		body := []byte(ex.Response.Body)
		coll := sv.op.ResponseType.Collection
		switch {
		case ex.ResponseWrapped && !coll:
			if body = wrappedValue(body); body == nil {
				return "", ""
			}
		case coll:
			var w struct {
				Value json.RawMessage `json:"value"`
			}
			if json.Unmarshal(body, &w) != nil {
				return "", ""
			}
			body = w.Value
		}
		if msg := p.unnamedMember(k, body, coll); msg != "" {
			return diag.ExampleKindUnnamed, fmt.Sprintf("example %s answers with %s", ex.Name, msg)
		}
	}
	return "", ""
}

// unnamedMember checks one body (an array of them when many): each object
// must name a member of k in @odata.type or hold only the base type's
// properties. It returns what is wrong, or "".
func (p *plan) unnamedMember(k *kind, body []byte, many bool) string {
	objs := []json.RawMessage{body}
	if many && json.Unmarshal(body, &objs) != nil {
		return ""
	}
	for _, o := range objs {
		var m map[string]json.RawMessage
		if len(strings.TrimSpace(string(o))) == 0 || json.Unmarshal(o, &m) != nil {
			continue
		}
		var name string
		if raw, ok := m["@odata.type"]; ok && json.Unmarshal(raw, &name) == nil && p.memberNamed(k, name) != nil {
			continue
		}
		keys := make([]string, 0, len(m))
		for key := range m {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		for _, key := range keys {
			if !strings.Contains(key, "@") && !p.hasProperty(k.base, key) {
				what := "names no @odata.type"
				if name != "" {
					what = fmt.Sprintf("names @odata.type %q, which is not %s or a type derived from it", name, k.base.QualifiedName())
				}
				return fmt.Sprintf("a body with property %q, which %s does not have, and %s; the handler serves this route for every type derived from %s and decodes such a body as %s",
					key, k.base.QualifiedName(), what, k.base.QualifiedName(), k.base.QualifiedName())
			}
		}
	}
	return ""
}

// memberNamed is the type of k an @odata.type value names, nil if none.
func (p *plan) memberNamed(k *kind, odataType string) *schema.Type {
	name := strings.ToLower(strings.TrimPrefix(odataType, "#"))
	for _, n := range []string{name, "microsoft.graph." + name} {
		if t := p.types[n]; t != nil && p.derivesFrom(t, k.base) {
			return t
		}
	}
	return nil
}

// hasProperty reports whether t or one of its bases documents name.
func (p *plan) hasProperty(t *schema.Type, name string) bool {
	for b, depth := t, 0; b != nil && depth < maxBaseDepth; b, depth = p.base(b), depth+1 {
		if hasProp(b.Properties, name) {
			return true
		}
	}
	return false
}

// markKinds records which families the emitted operations use.
func (p *plan) markKinds() {
	for _, o := range p.ops {
		for _, k := range []*kind{o.reqKind, o.respKind} {
			if k != nil {
				k.used = true
			}
		}
	}
}

// kindNote says which families o's bodies are decoded as.
func (p *plan) kindNote(o *opPlan) string {
	var parts []string
	if o.reqKind != nil {
		parts = append(parts, "request bodies as any type derived from "+o.reqKind.base.QualifiedName())
	}
	if o.respKind != nil {
		parts = append(parts, "responses as any type derived from "+o.respKind.base.QualifiedName())
	}
	return strings.Join(parts, " and ")
}
