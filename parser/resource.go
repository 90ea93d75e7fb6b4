package parser

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
)

var (
	resourceTitleRe = regexp.MustCompile(`(?i)^(\S+)\s+(resource type|resource|complex type|entity type|entity|object)\b`)
	inheritsPhrases = newFoldPhrases("inherits from", "derived from", "derives from")
)

// readResource reads a resource page: the type's name, base, properties,
// relationships and JSON representation.
func (p *pageParser) readResource(secs []section) {
	t := &typeDraft{page: p.res, namespace: p.res.namespace, description: p.description()}
	if m := resourceTitleRe.FindStringSubmatch(p.res.title); m != nil {
		t.name = m[1]
	} else if f := strings.Fields(p.res.title); len(f) > 0 {
		t.name = f[0]
	}
	for _, b := range p.blocks {
		if b.kind == blockHeading && b.level == 1 && b.tab == "" {
			t.off = b.off
			break
		}
	}
	for _, s := range secs {
		switch {
		case isPropertiesTitle(s.title) || isRelationsTitle(s.title):
			for _, b := range s.blocks {
				if b.kind != blockTable {
					continue
				}
				tb := p.readTable(b)
				if tb.col("type") < 0 {
					continue
				}
				t.props = append(t.props, p.readPropertyTable(tb, isRelationsTitle(s.title))...)
			}
		case isJSONRepTitle(s.title):
			p.readJSONRep(s, t)
		case isDerivedTitle(s.title):
			for _, b := range s.blocks {
				if b.kind != blockTable {
					continue
				}
				for _, r := range p.readTable(b).rows {
					if c := r.at(0); len(c.links) > 0 {
						l := c.links[0]
						t.derived = append(t.derived, typeSpec{name: strings.TrimSpace(l.text), page: p.linkPage(l.dest), off: l.off})
					}
				}
			}
		}
		for _, b := range s.blocks {
			if b.kind == blockText && t.base == "" && inheritsPhrases.in(b.text) {
				// The base is the first link after the phrase: a
				// paragraph may link other pages before it
				// (application.md: "see [Basics of Registering an
				// Application in Azure AD](...). Inherits from
				// [directoryObject](directoryobject.md).").
				c := parseCell(b.text, b.textOff, p.src.refs)
				at := c.off + inheritsPhrases.index(c.raw)
				for _, l := range c.links {
					if l.off >= at {
						t.base, t.baseOff = strings.TrimSpace(l.text), l.off
						break
					}
				}
			}
		}
	}
	if off := p.openTypeProse(); off >= 0 && !t.open && t.name != "" {
		p.warn(off, diag.TypeOpenFromProse, "the page says %s is an open type, but its resource annotation does not say \"openType\": true; read as open", t.name)
		t.open = true
	}
	if t.name == "" {
		p.warn(0, diag.ResourceNoName, "resource page has no recognizable title; skipped")
		return
	}
	p.res.types = append(p.res.types, t)
}

// openTypeRe finds a page introduction's statement that its type is an
// OData open type ("This type is an open type.", "It is an Open Type.",
// "This resource is an open type and ...", "This is an _open type_").
var openTypeRe = regexp.MustCompile(`(?i)\b(?:this|it|resource|type) is an [*_]{0,2}open type[*_]{0,2}\b`)

// openTypeProse returns the offset of the statement, in the page's
// introduction (intro), that the page's type is an open type; -1 when
// there is none. Only the introduction counts: further down, "open type"
// is said of other types.
func (p *pageParser) openTypeProse() int {
	for _, b := range p.intro() {
		if loc := openTypeRe.FindStringIndex(b.text); loc != nil {
			return b.textOff + loc[0]
		}
	}
	return -1
}

// readJSONRep reads the resource annotation and JSON representation.
func (p *pageParser) readJSONRep(s section, t *typeDraft) {
	for _, b := range s.blocks {
		switch b.kind {
		case blockComment:
			a, ok := p.readAnnotation(b)
			if !ok || a.blockType != "resource" {
				continue
			}
			if a.odataType != "" {
				ns, name := splitQualified(a.odataType)
				if name != "" && !strings.EqualFold(name, t.name) && t.name != "" {
					p.warn(a.off, diag.ResourceNameMismatch, "title names %q but the annotation says %q; using the annotation", t.name, a.odataType)
				}
				t.name = name
				if ns != "" {
					t.namespace = ns
				}
			}
			if a.baseType != "" {
				t.base, t.baseOff = a.baseType, a.off
			}
			t.open = t.open || a.openType
		case blockFence:
			if t.jsonRep == nil {
				m := &httpMessage{}
				m.Body = strings.TrimRight(b.text, " \t\n")
				m.bodyOff = b.textOff
				m.BodyPos = p.src.pos(b.textOff)
				if strings.HasPrefix(strings.TrimSpace(m.Body), "{") {
					m.readJSON(p)
				}
				t.jsonRep = m
			}
		}
	}
}

// splitQualified splits microsoft.graph.user into (microsoft.graph, user).
func splitQualified(q string) (string, string) {
	q = strings.TrimPrefix(strings.TrimSpace(q), "#")
	i := strings.LastIndexByte(q, '.')
	if i < 0 {
		return "", q
	}
	return q[:i], q[i+1:]
}
