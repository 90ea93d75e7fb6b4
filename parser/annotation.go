package parser

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/jsondoc"
)

// annotation is a docs JSON annotation: <!-- { "blockType": "request", ... } -->.
type annotation struct {
	off          int
	blockType    string
	names        []string // "name": a string or a list
	odataType    string
	baseType     string
	truncated    bool
	isCollection bool
	openType     bool
}

// readAnnotation parses an HTML comment block. ok is false for comments
// that are not JSON annotations (plain comments are common and fine).
func (p *pageParser) readAnnotation(b block) (annotation, bool) {
	t := strings.TrimSpace(b.text)
	t = strings.TrimPrefix(t, "<!--")
	end := strings.Index(t, "-->")
	if end < 0 {
		return annotation{}, false
	}
	body := strings.TrimSpace(t[:end])
	if !strings.HasPrefix(body, "{") {
		return annotation{}, false
	}
	bodyOff := b.textOff + strings.Index(b.text, "{")
	v, repairs, err := jsondoc.ParseLenient([]byte(body), 64)
	for _, r := range repairs {
		p.warn(bodyOff+r.Off, diag.AnnotationRepaired, "annotation JSON repaired: %s", r.Message)
	}
	if err != nil {
		off := bodyOff
		if se, ok := err.(*jsondoc.SyntaxError); ok {
			off += se.Off
		}
		p.warn(off, diag.AnnotationInvalid, "annotation is not valid JSON (%v); ignored", err)
		return annotation{}, false
	}
	if v.Kind != jsondoc.Object {
		return annotation{}, false
	}
	a := annotation{off: b.off}
	a.blockType = p.annString(v, "blockType", bodyOff)
	a.odataType = p.annString(v, "@odata.type", bodyOff)
	if a.odataType == "" {
		// Some SharePoint pages write "@type".
		if a.odataType = p.annString(v, "@type", bodyOff); a.odataType != "" {
			p.warn(bodyOff+v.Get("@type").Off, diag.AnnotationKeyMisspelled, "annotation key \"@type\" read as \"@odata.type\"")
		}
	}
	a.baseType = p.annString(v, "baseType", bodyOff)
	a.truncated = p.annBool(v, "truncated", bodyOff)
	a.isCollection = p.annBool(v, "isCollection", bodyOff)
	a.openType = p.annBool(v, "openType", bodyOff)
	if n := v.Get("name"); n != nil {
		switch n.Kind {
		case jsondoc.String:
			a.names = []string{n.Str}
		case jsondoc.Array:
			for _, e := range n.Elems {
				if e.Kind == jsondoc.String {
					a.names = append(a.names, e.Str)
				}
			}
		}
	}
	return a, true
}

func (p *pageParser) annString(v *jsondoc.Value, key string, base int) string {
	m := v.Get(key)
	if m == nil || m.Kind == jsondoc.Null {
		return ""
	}
	if m.Kind != jsondoc.String {
		p.warn(base+m.Off, diag.AnnotationValueType, "annotation %q should be a string", key)
		return ""
	}
	return strings.TrimSpace(m.Str)
}

func (p *pageParser) annBool(v *jsondoc.Value, key string, base int) bool {
	m := v.Get(key)
	if m == nil {
		return false
	}
	switch m.Kind {
	case jsondoc.Bool:
		return m.Bool
	case jsondoc.String:
		b := strings.EqualFold(strings.TrimSpace(m.Str), "true")
		p.warn(base+m.Off, diag.AnnotationValueType, "annotation %q is the string %q; read as %v", key, m.Str, b)
		return b
	}
	return false
}
