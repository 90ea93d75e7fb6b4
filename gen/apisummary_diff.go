package gen

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// APIChange is one difference between two API summaries.
type APIChange struct {
	// Breaking marks a change that can break code using the package: a
	// removed item, a renamed Go identifier or a changed Go type.
	Breaking bool
	Kind     string // type, field, enum, member, method, request or route
	Key      string // the documented name the line carries
	// Old and New are the Go texts; Old is empty for an addition, New for
	// a removal.
	Old, New string
}

// String is the change as the command prints it, e.g.
// "BREAKING: field User.IsSuccess removed" or "added: route GET /users".
func (c APIChange) String() string {
	mark := "added"
	if c.Breaking {
		mark = "BREAKING"
	}
	switch {
	case c.Old == "":
		return mark + ": " + c.subject(c.New)
	case c.New == "":
		return mark + ": " + c.subject(c.Old) + " removed"
	case c.Kind != apiRoute && goIdent(c.Old) != goIdent(c.New):
		return mark + ": " + c.subject(c.Old) + " renamed to " + goIdent(c.New)
	}
	return mark + ": " + c.subject(c.Old) + " changed: " + c.detail(c.Old) + " -> " + c.detail(c.New)
}

// detail is the part of a Go text after the identifier the subject names.
func (c APIChange) detail(goText string) string {
	if c.Kind == apiRoute {
		return goText
	}
	if d := strings.TrimSpace(strings.TrimPrefix(goText, goIdent(goText))); d != "" {
		return d
	}
	return "(nothing)"
}

// subject names the item: a route by its request line, anything else by
// its Go identifier.
func (c APIChange) subject(goText string) string {
	if c.Kind == apiRoute {
		return c.Kind + " " + c.Key
	}
	return c.Kind + " " + goIdent(goText)
}

// goIdent is the leading (possibly dotted) identifier of a Go text.
func goIdent(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool {
		return r != '.' && r != '_' && !('a' <= r && r <= 'z') && !('A' <= r && r <= 'Z') && !('0' <= r && r <= '9')
	})
	if end < 0 {
		return s
	}
	return s[:end]
}

// DiffAPI compares two API summaries (the contents of APIFile) and returns
// the changes sorted by kind and documented name. Lines are matched by
// kind and documented name, so a renamed Go identifier shows as one
// BREAKING change rather than a removal and an addition. Removals and
// changes are BREAKING; additions are not.
func DiffAPI(old, new []byte) []APIChange {
	was, is := parseAPI(old), parseAPI(new)
	var out []APIChange
	for id, olds := range was {
		out = append(out, diffItem(id, olds, is[id])...)
	}
	for id, news := range is {
		if _, ok := was[id]; !ok {
			out = append(out, diffItem(id, nil, news)...)
		}
	}
	slices.SortFunc(out, func(a, b APIChange) int { return strings.Compare(a.sortKey(), b.sortKey()) })
	return out
}

// sortKey orders changes by kind, documented name, then Go text.
func (c APIChange) sortKey() string {
	return c.Kind + " " + c.Key + "\x00" + cmp.Or(c.Old, c.New) + "\x00" + c.New
}

// apiID identifies an item across summaries.
type apiID struct{ kind, key string }

// diffItem compares the Go texts one documented name has in each summary
// (normally one; more when the docs document a name twice).
func diffItem(id apiID, olds, news []string) []APIChange {
	if slices.Equal(olds, news) {
		return nil
	}
	if len(olds) == 1 && len(news) == 1 {
		return []APIChange{{Breaking: true, Kind: id.kind, Key: id.key, Old: olds[0], New: news[0]}}
	}
	var out []APIChange
	for _, o := range olds {
		if !slices.Contains(news, o) {
			out = append(out, APIChange{Breaking: true, Kind: id.kind, Key: id.key, Old: o})
		}
	}
	for _, n := range news {
		if !slices.Contains(olds, n) {
			out = append(out, APIChange{Kind: id.kind, Key: id.key, New: n})
		}
	}
	return out
}

// parseAPI reads summary lines into Go texts by kind and documented name.
// Comments (lines starting with "//", or "#" as summaries written before
// graphdocgen used one header for every file), blank and malformed lines
// are skipped.
func parseAPI(data []byte) map[apiID][]string {
	out := map[apiID][]string{}
	for line := range bytes.Lines(data) {
		l := strings.TrimRight(string(line), "\r\n")
		if l == "" || l[0] == '#' || strings.HasPrefix(l, "//") {
			continue
		}
		kind, key, goText, ok := splitAPILine(l)
		if ok {
			id := apiID{kind, key}
			out[id] = append(out[id], upgradeAPIText(kind, goText))
		}
	}
	for id := range out {
		slices.Sort(out[id])
	}
	return out
}

// upgradeAPIText reads the Go text of a line written by a graphdocgen
// before the summary's compact form: "Owner.F Optional[T]" for a field,
// `Const = "member"` for a member, "Name(ctx context.Context, req *R) ..."
// for a method. It returns the text the current form writes, so that an
// upgrade reports no change by itself. Current texts pass unchanged.
func upgradeAPIText(kind, goText string) string {
	switch kind {
	case apiField:
		if owner, typ, ok := strings.Cut(goText, " "); ok && strings.HasPrefix(typ, "Optional[") && strings.HasSuffix(typ, "]") {
			return owner + " " + typ[len("Optional["):len(typ)-1]
		}
	case apiMember:
		if c, _, ok := strings.Cut(goText, " = "); ok {
			return c
		}
	case apiMethod:
		if name, rest, ok := strings.Cut(goText, "(ctx context.Context, req "); ok {
			return name + "(" + rest
		}
	}
	return goText
}

// splitAPILine splits "KIND KEY = GO", where KEY may be a quoted string.
func splitAPILine(l string) (kind, key, goText string, ok bool) {
	kind, rest, ok := strings.Cut(l, " ")
	if !ok {
		return "", "", "", false
	}
	if strings.HasPrefix(rest, `"`) {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return "", "", "", false
		}
		key, _ = strconv.Unquote(q)
		goText, ok = strings.CutPrefix(rest[len(q):], " = ")
		return kind, key, goText, ok
	}
	key, goText, ok = strings.Cut(rest, " = ")
	return kind, key, goText, ok
}
