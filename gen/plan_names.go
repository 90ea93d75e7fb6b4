package gen

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/gen/names"
	"github.com/graphdocgen/graphdocgen/parser/route"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// spellings records the documented names whose word boundaries operation
// and path parameter names borrow (see names.Spellings): the names of
// types, enums, properties and body parameters, and the names in the
// literal text of routes (navigation properties, actions, functions).
func spellings(s *schema.Schema) *names.Spellings {
	sp := names.NewSpellings()
	for _, t := range s.Types {
		sp.Add(t.Name)
		for _, pr := range t.Properties {
			sp.Add(pr.Name)
		}
	}
	for _, e := range s.Enums {
		sp.Add(e.Name)
	}
	for _, op := range s.Operations {
		for _, pr := range op.Parameters {
			sp.Add(pr.Name)
		}
		for _, r := range op.Routes {
			for _, t := range route.Split(r.Pattern) {
				for _, w := range alnumRuns(t.Literal) {
					sp.Add(w)
				}
			}
		}
	}
	return sp
}

// alnumRuns returns the maximal runs of ASCII letters and digits in s.
func alnumRuns(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isASCIIAlnum(r) })
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// respell respells each run of ASCII letters and digits in s (see
// names.Spellings.Respell), keeping every other byte.
func respell(sp *names.Spellings, s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isASCIIAlnum(rune(s[j])) {
			j++
		}
		if j > i {
			b.WriteString(sp.Respell(s[i:j]))
			i = j
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// articles are the words a title-derived operation name leaves out.
var articles = []string{"a", "an", "the"}

// titleName names an operation after a page title or section heading:
// its words without articles, each respelled as the docs write the name
// it spells ("Update administrativeunit" -> UpdateAdministrativeUnit,
// "Create a new list" -> CreateNewList). When two neighbouring words are
// one noun ("List lists"), the second is replaced by the name of the type
// the operation answers or takes, if that name ends with the noun
// ("List lists" of todoTaskList -> ListTodoTaskLists).
func titleName(sp *names.Spellings, op *schema.Operation, title string) string {
	var ws []string
	for _, w := range strings.Fields(title) {
		if !isArticle(w) {
			ws = append(ws, respell(sp, w))
		}
	}
	if len(ws) == 0 {
		return names.Exported(title)
	}
	for i := 0; i+1 < len(ws); i++ {
		if sameNoun(ws[i], ws[i+1]) {
			ws[i+1] = qualifiedNoun(op, ws[i+1])
		}
	}
	return names.Exported(strings.Join(ws, " "))
}

func isArticle(w string) bool {
	for _, a := range articles {
		if strings.EqualFold(w, a) {
			return true
		}
	}
	return false
}

// sameNoun reports whether two title words are one noun, singular or
// plural, ignoring case: "List" and "lists".
func sameNoun(a, b string) bool {
	return strings.EqualFold(names.Singular(a), names.Singular(b))
}

// qualifiedNoun returns the documented name of the type op answers (or,
// for an operation without a response body, takes) when it ends with noun
// at a word boundary, plural when noun is: "lists" -> todoTaskLists for a
// collection of todoTaskList. Otherwise noun.
func qualifiedNoun(op *schema.Operation, noun string) string {
	ref := op.ResponseType
	if ref == nil || ref.IsPrimitive() {
		ref = op.RequestType
	}
	if ref == nil || ref.IsPrimitive() {
		return noun
	}
	typ := ref.Name[strings.LastIndexByte(ref.Name, '.')+1:]
	one := names.Singular(noun)
	if len(typ) <= len(one) || !strings.EqualFold(typ[len(typ)-len(one):], one) || !isUpperASCII(typ[len(typ)-len(one)]) {
		return noun
	}
	if one != noun {
		return names.Plural(typ)
	}
	return typ
}

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// stemName names an operation after its page file: the parts of the file
// name, respelled as the docs write the names they spell
// (group-list-memberof.md -> GroupListMemberOf). withMethod adds the
// operation's method unless the file name already ends with it
// (profilephoto-get.md GET -> ProfilePhotoGet, user-post.md PATCH ->
// UserPostPatch).
func stemName(sp *names.Spellings, file, method string, withMethod bool) string {
	parts := strings.Split(pageStem(file), "-")
	for i, part := range parts {
		parts[i] = respell(sp, part)
	}
	if withMethod && !strings.EqualFold(parts[len(parts)-1], method) {
		parts = append(parts, strings.ToLower(method))
	}
	return names.Exported(strings.Join(parts, " "))
}

// paramName names the request field of the path placeholder toks[i] (a
// token of route.Split): after its first alternative ({id|userPrincipalName}
// -> id). A placeholder whose first alternative is id is qualified by what
// it identifies: the entity of the path segment before it, singular
// (/users/{id|userPrincipalName} -> UserID, /childFolders/{id} ->
// ChildFolderID, /worksheets({id}) -> WorksheetID), or the function
// argument it is the value of (getX(userId='{id}') -> UserID). Any other
// placeholder, or one without such a segment (/.../{id}), is named after
// its first alternative ({item-path} -> ItemPath, {id} -> ID).
func paramName(sp *names.Spellings, toks []route.Token, i int) string {
	first := firstAlternative(toks[i].Param)
	if !strings.EqualFold(first, "id") || i == 0 {
		return names.Exported(first)
	}
	prev := strings.TrimSuffix(toks[i-1].Literal, "'")
	switch {
	case strings.HasSuffix(prev, "="):
		arg := prev[:len(prev)-1]
		arg = arg[strings.LastIndexAny(arg, "(,")+1:]
		if entityName(arg) {
			return names.Exported(arg)
		}
	case strings.HasSuffix(prev, "/"), strings.HasSuffix(prev, "("):
		seg := prev[:len(prev)-1]
		seg = seg[strings.LastIndexByte(seg, '/')+1:]
		if entityName(seg) {
			return names.Exported(names.Singular(sp.Respell(seg)) + " " + first)
		}
	}
	return names.Exported(first)
}

// entityName reports whether a path segment or argument name can qualify
// a placeholder: ASCII letters and digits, starting with a letter.
func entityName(s string) bool {
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for _, r := range s {
		if !isASCIIAlnum(r) {
			return false
		}
	}
	return true
}

// firstAlternative is the first non-empty of the |-separated alternatives
// of a placeholder, trimmed of spaces; the placeholder itself when it has
// none.
func firstAlternative(prm string) string {
	for _, alt := range strings.Split(prm, "|") {
		if alt = strings.TrimSpace(alt); alt != "" {
			return alt
		}
	}
	return prm
}

// routeParamNames returns the wanted request field name of each
// placeholder of r (see paramName), before the occurrence suffix planOp
// adds. A route whose Params do not match its Pattern (a hand-built
// schema) gets the names of the placeholders' first alternatives.
func routeParamNames(sp *names.Spellings, r schema.Route) []string {
	toks := route.Split(r.Pattern)
	var out []string
	for i, t := range toks {
		if t.Param != "" {
			out = append(out, paramName(sp, toks, i))
		}
	}
	if len(out) == len(r.Params) {
		match := true
		j := 0
		for _, t := range toks {
			if t.Param != "" {
				match = match && t.Param == r.Params[j]
				j++
			}
		}
		if match {
			return out
		}
	}
	out = out[:0]
	for _, prm := range r.Params {
		out = append(out, names.Exported(firstAlternative(prm)))
	}
	return out
}
