package gen

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/gen/names"
	"github.com/graphdocgen/graphdocgen/parser/route"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// spellings records the documented names whose word boundaries operation
// names borrow (see names.Spellings): the names of
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
