package schema

import (
	"slices"
	"strings"
)

// OwnerRank orders the operations that document one method and path
// (same route key): the one with the lowest rank keeps the route, file
// order breaking ties (the generator decides; the parser checks examples
// only against the operations that can keep a route, see
// Example.Others). A documented request line comes before one inferred
// from an example, then a request line without a query string in its
// template before one with (pages on extended properties document other
// resources' routes with $expand or $filter), then the page of a resource
// family the path names before pages of other services that reuse the
// path (user-get.md keeps GET /users/{id} over intune-devices-user-get.md;
// see namesFamily), then one whose body type the path's last segment
// names, or names by its last words (POST /me/messages takes a message;
// POST /me/outlook/tasks an outlookTask; POST /me/outlook/taskFolders an
// outlookTaskFolder), then, for a GET, one whose answer fits the path:
// one entity for a path ending in a key, a collection for one ending in a
// collection's name (swapshiftschangerequest-list.md keeps GET
// .../swapShiftsChangeRequests, which the get page repeats without its
// key). i indexes op.Routes and op.Paths.
func (op *Operation) OwnerRank(i int) int {
	rank := 0
	if op.Routes[i].Inferred {
		rank += 16
	}
	if strings.Contains(op.Paths[i], "?") {
		rank += 8
	}
	if !namesFamily(op.Routes[i].Pattern, op.Source.File) {
		rank += 4
	}
	if !namesType(op.Routes[i].Pattern, op.RequestType, op.ResponseType) {
		rank += 2
	}
	if op.misfits(op.Routes[i].Pattern) {
		rank++
	}
	return rank
}

// misfits reports whether a GET's answer does not fit pattern: a
// collection for a path ending in a key, or one entity for a path ending
// in a literal segment that names the entity's type in the plural, as a
// collection's does (riskyUsers/{id}/history names no type and is left
// alone, as are single-valued navigations such as /me/manager).
func (op *Operation) misfits(pattern string) bool {
	if op.Method != "GET" || op.ResponseType == nil || op.ResponseType.IsPrimitive() {
		return false
	}
	last := pattern[strings.LastIndexByte(pattern, '/')+1:]
	if strings.HasPrefix(last, "{") && strings.HasSuffix(last, "}") {
		return op.ResponseType.Collection
	}
	if op.ResponseType.Collection || last == "" || strings.ContainsAny(last, "{($:") || !strings.HasSuffix(strings.ToLower(last), "s") {
		return false
	}
	return namesType(pattern, op.ResponseType)
}

// OwnerBefore reports whether request line i of a keeps a method and path
// that request line j of b also documents: the lower OwnerRank, then the
// page whose path, without its .md extension, sorts first. With both
// equal (one page) it is false: the generator keeps the first it
// registers.
func OwnerBefore(a *Operation, i int, b *Operation, j int) bool {
	ra, rb := a.OwnerRank(i), b.OwnerRank(j)
	return ra < rb || ra == rb && PageOrder(a.Source.File) < PageOrder(b.Source.File)
}

// PageOrder is the key that orders pages for OwnerBefore: the path
// without its .md extension (so user-get comes before user-get-manager).
func PageOrder(file string) string {
	return strings.TrimSuffix(file, ".md")
}

// namesFamily reports whether a pattern names the resource family of the
// page at file: the family is the page name up to its first hyphen
// (user-get.md, user-list-manager.md: user; intune-devices-user-get.md:
// intune; educationuser-get.md: educationuser), and a pattern names each
// of its literal segments in the singular (users: user; policies:
// policy), and me as user. A segment followed by a key names a family
// qualified by an earlier segment too: outlook/tasks/{id} and
// outlook/taskFolders/{id}/tasks/{id} name outlooktask (the outlook task
// pages keep PATCH /me/outlook/tasks/{id} over the extended-property
// page). A collection without a key does not (educationschool-get.md
// writes GET /education/schools, which the list page keeps).
func namesFamily(pattern, file string) bool {
	family := strings.ToLower(strings.TrimSuffix(file[strings.LastIndexByte(file, '/')+1:], ".md"))
	if i := strings.IndexByte(family, '-'); i >= 0 {
		family = family[:i]
	}
	segs := strings.Split(strings.TrimPrefix(pattern, "/"), "/")
	var earlier []string // the literal segments before seg, lower case
	for i, seg := range segs {
		seg = strings.ToLower(seg)
		if seg == "" || strings.ContainsAny(seg, "{(:$") {
			continue
		}
		forms := singulars(seg)
		if seg == "me" {
			forms = append(forms, "user")
		}
		if slices.Contains(forms, family) {
			return true
		}
		if i+1 < len(segs) && strings.HasPrefix(segs[i+1], "{") {
			for _, f := range forms {
				if q, ok := strings.CutSuffix(family, f); ok && slices.Contains(earlier, q) {
					return true
				}
			}
		}
		earlier = append(earlier, seg)
	}
	return false
}

// singulars is a lower-case segment and its singular forms (tasks: task;
// policies: policy).
func singulars(seg string) []string {
	forms := []string{seg, strings.TrimSuffix(seg, "s")}
	if base, ok := strings.CutSuffix(seg, "ies"); ok {
		forms = append(forms, base+"y")
	}
	return forms
}

// namesType reports whether the last segment of a pattern is the plural
// (or the name) of one of the types' names, or of their last word
// (tasks: outlookTask), or of their last words when an earlier segment
// names the words before them (outlook/taskFolders: outlookTaskFolder;
// deviceConfigurations does not name androidDeviceOwnerGeneralDeviceConfiguration).
func namesType(pattern string, refs ...*TypeRef) bool {
	segs := strings.Split(strings.TrimPrefix(pattern, "/"), "/")
	seg := strings.ToLower(segs[len(segs)-1])
	if seg == "" || strings.ContainsAny(seg, "{(") {
		return false
	}
	var earlier []string // the forms of the literal segments before seg
	for _, s := range segs[:len(segs)-1] {
		if !strings.ContainsAny(s, "{(:$") {
			earlier = append(earlier, singulars(strings.ToLower(s))...)
		}
	}
	forms := singulars(seg)
	for _, r := range refs {
		if r == nil {
			continue
		}
		name := r.Name[strings.LastIndexByte(r.Name, '.')+1:]
		for _, f := range forms {
			k := len(name) - len(f)
			if !endsWithWords(name, f) {
				continue
			}
			if k == 0 || !strings.ContainsAny(name[k+1:], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") || slices.Contains(earlier, strings.ToLower(name[:k])) {
				return true
			}
		}
	}
	return false
}

// endsWithWords reports whether a camelCase name is the lower-case form,
// or ends with it from a word's start (outlookTaskFolder: taskfolder,
// folder, but not askfolder).
func endsWithWords(name, form string) bool {
	k := len(name) - len(form)
	if k < 0 || !strings.EqualFold(name[k:], form) {
		return false
	}
	return k == 0 || name[k] >= 'A' && name[k] <= 'Z'
}
