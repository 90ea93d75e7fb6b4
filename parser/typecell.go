package parser

import (
	"path"
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// primitives maps every spelling of a primitive in type cells (lower-cased)
// to its Edm name.
var primitives = map[string]string{
	"string": schema.EdmString, "str": schema.EdmString, "text": schema.EdmString,
	"boolean": schema.EdmBoolean, "bool": schema.EdmBoolean,
	"int32": schema.EdmInt32, "int": schema.EdmInt32, "integer": schema.EdmInt32,
	"int16": schema.EdmInt16, "short": schema.EdmInt16,
	"int64": schema.EdmInt64, "long": schema.EdmInt64,
	"byte": schema.EdmByte, "sbyte": schema.EdmSByte,
	"double": schema.EdmDouble, "float": schema.EdmDouble, "number": schema.EdmDouble,
	"single": schema.EdmSingle, "decimal": schema.EdmDecimal,
	"datetimeoffset": schema.EdmDateTimeOffset, "datetime": schema.EdmDateTimeOffset, "timestamp": schema.EdmDateTimeOffset,
	"date": schema.EdmDate, "timeofday": schema.EdmTimeOfDay,
	"duration": schema.EdmDuration, "timespan": schema.EdmDuration,
	"guid": schema.EdmGuid, "uuid": schema.EdmGuid,
	"binary": schema.EdmBinary, "base64": schema.EdmBinary,
	"stream": schema.EdmStream,
	"json":   schema.EdmUntyped, "json object": schema.EdmUntyped, "object": schema.EdmUntyped,
	"untyped": schema.EdmUntyped,
}

var (
	collParenRe = regexp.MustCompile(`(?i)^collection\s*\(\s*(.+?)\s*\)$`)
	collWordRe  = regexp.MustCompile(`(?i)^(.+?)\s+collection$`)
	modifierRe  = regexp.MustCompile(`(?i)\s*(\(([^()]*)\)|,\s*(maximum|max)\s+size\s+\d+|\bnullable\b|\boptional\b|\brequired\b)\s*`)
)

// isIdent reports whether s is a dotted name: identifiers ([A-Za-z_] then
// [A-Za-z0-9_]) joined by single dots. It matches as the regexp identRe in
// phrases_test.go.
func isIdent(s string) bool {
	start := 0 // where the current identifier starts
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' && i > start:
			start = i + 1
		case isLetter(c), c == '_':
		case isDigit(c) && i > start:
		default:
			return false
		}
	}
	return start < len(s)
}

// readTypeCell interprets a Type column cell.
func (p *pageParser) readTypeCell(c cell) typeSpec {
	t := typeSpec{raw: c.raw, off: c.off}
	text := strings.TrimSpace(c.text)
	// Both collection regexps need the word; most cells lack it.
	if strings.Contains(strings.ToLower(text), "collection") {
		if m := collParenRe.FindStringSubmatch(text); m != nil {
			t.collection, text = true, m[1]
		} else if m := collWordRe.FindStringSubmatch(text); m != nil {
			t.collection, text = true, m[1]
		}
	}
	if len(c.links) > 0 {
		l := c.links[0]
		t.name = strings.TrimSpace(l.text)
		if dest := p.linkPage(l.dest); dest != "" {
			t.page = dest
			t.anchor = strings.Contains(l.dest, "#")
		}
		// [DateTimeOffset](../resources/timestamp.md): the text names a
		// primitive and the page only explains it.
		if e, ok := primitives[strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(t.name, "Edm."), "edm."))]; ok && !t.anchor && e != schema.EdmUntyped && len(c.links) == 1 &&
			!strings.EqualFold(strings.TrimSuffix(path.Base(t.page), ".md"), t.name) && !strings.Contains(strings.ToLower(c.text), " or ") {
			t.edm, t.name, t.page = e, "", ""
			return t
		}
		if t.name == "" || !isIdent(t.name) {
			t.name = strings.TrimSuffix(path.Base(t.page), ".md")
		}
		if len(c.links) > 1 || strings.Contains(strings.ToLower(c.text), " or ") {
			t.union = true
			if len(c.links) == len(strings.Split(strings.ToLower(text), " or ")) {
				for _, l := range c.links {
					a := typeSpec{raw: c.text, off: l.off, name: strings.TrimSpace(l.text)}
					if dest := p.linkPage(l.dest); dest != "" {
						a.page, a.anchor = dest, strings.Contains(l.dest, "#")
					}
					t.alts = append(t.alts, a)
				}
			}
		}
		return t
	}
	core := strings.TrimSpace(stripModifiers(text))
	if core == "" {
		core = text
	}
	lower := strings.ToLower(core)
	switch {
	case strings.HasPrefix(lower, "edm."):
		if e, ok := primitives[strings.TrimPrefix(lower, "edm.")]; ok {
			t.edm = e
			return t
		}
	case lower == "enumeration" || lower == "enum" || lower == "string enumeration":
		t.anonEnum = true
		return t
	}
	if e, ok := primitives[lower]; ok {
		t.edm = e
		if core != text {
			p.warn(c.off, diag.TypeModifier, "type cell %q read as %s", c.text, e)
		}
		return t
	}
	if isIdent(core) {
		t.name = core
		return t
	}
	if f := strings.Fields(core); len(f) > 0 {
		if e, ok := primitives[strings.ToLower(strings.Trim(f[0], ",;"))]; ok {
			t.edm = e
			p.warn(c.off, diag.TypeGuessed, "type cell %q read as %s", c.text, e)
			return t
		}
	}
	t.unknown = true
	t.edm = schema.EdmUntyped
	p.warn(c.off, diag.TypeUnreadable, "type cell %q is not a type; the property holds any JSON", c.text)
	return t
}

// stripModifiers replaces each modifierRe match in text by a space. Every
// match holds "(", "," or one of the modifier words, which most type cells
// lack; the regexp is skipped for them.
func stripModifiers(text string) string {
	lower := strings.ToLower(text)
	if !strings.ContainsAny(text, "(,") && !strings.Contains(lower, "nullable") &&
		!strings.Contains(lower, "optional") && !strings.Contains(lower, "required") {
		return text
	}
	return modifierRe.ReplaceAllString(text, " ")
}

// linkPage resolves a link destination to a cleaned page path relative to
// the inputs, or "" for external links and anchors.
func (p *pageParser) linkPage(dest string) string {
	if i := strings.IndexAny(dest, "#?"); i >= 0 {
		dest = dest[:i]
	}
	// Only 'M' and 'D' lower-case to 'm' and 'd': the last three bytes
	// decide whether the lower-cased dest ends in ".md".
	if dest == "" || strings.Contains(dest, "://") || !strings.EqualFold(dest[max(0, len(dest)-3):], ".md") {
		return ""
	}
	if strings.HasPrefix(dest, "/") {
		return ""
	}
	// A backslash is no separator in a link, but some write one
	// (../resources/\x.md).
	dest = strings.ReplaceAll(dest, "\\", "/")
	return path.Clean(path.Join(path.Dir(p.src.path), dest))
}
