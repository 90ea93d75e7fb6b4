package parser

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/route"
)

// segmentVocab records, for each literal path segment of the documented
// request lines (lower-cased), whether a placeholder follows it somewhere
// and which literal segments do.
type segmentVocab map[string]*followers

type followers struct {
	placeholder bool
	literals    map[string]bool
}

// add records the segments of one documented pattern.
func (v segmentVocab) add(pattern string) {
	segs := strings.Split(strings.TrimPrefix(pattern, "/"), "/")
	for i := 1; i < len(segs); i++ {
		prev := strings.ToLower(segs[i-1])
		if strings.Contains(prev, "{") {
			continue
		}
		f := v[prev]
		if f == nil {
			f = &followers{literals: map[string]bool{}}
			v[prev] = f
		}
		if isWholePlaceholder(segs[i]) {
			f.placeholder = true
		} else {
			f.literals[strings.ToLower(segs[i])] = true
		}
	}
}

// idAfter reports whether the documented request lines put a placeholder
// after prev and never the literal seg.
func (v segmentVocab) idAfter(prev, seg string) bool {
	f := v[strings.ToLower(prev)]
	return f != nil && f.placeholder && !f.literals[strings.ToLower(seg)]
}

func isWholePlaceholder(seg string) bool {
	return len(seg) > 2 && seg[0] == '{' && seg[len(seg)-1] == '}' && strings.Count(seg, "{") == 1
}

// drivePathRe finds a drive item path written out after root or an
// item (root:/FolderA/File.txt:).
var drivePathRe = regexp.MustCompile(`(?i)(/root|/items/[^/{}:]+|/items/\{[^/{}]+\}):/[^{}:]+(:|$)`)

// chatIDRe matches chat and thread ids (19:abc@thread.v2).
var chatIDRe = regexp.MustCompile(`^\d+:\S+@\S+$`)

// patternInferrer turns an example's request path into a pattern.
type patternInferrer struct {
	vocab segmentVocab
	// names maps a literal segment (lower-cased) to the placeholder that
	// follows it in the operation's own request lines.
	names map[string]string
	// own holds the literal segments (lower-cased) of the operation's own
	// request lines: they stay literal.
	own map[string]bool
	// post: the last segment of a POST path names an action or a
	// collection, not an entity, unless it is an id by its form.
	post  bool
	taken []string
}

// pattern generalizes path: ids become placeholders, function arguments
// become placeholders, {placeholders} stay. It reports false when the
// result would not be a sane pattern (empty segment, stray brace or
// parenthesis, a character a pattern cannot hold).
func (pi *patternInferrer) pattern(path string) (string, bool) {
	path = drivePathRe.ReplaceAllString(path, "$1:/{item-path}$2")
	pi.taken = append(pi.taken, route.Params(path)...)
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	out := make([]string, len(segs))
	for i, seg := range segs {
		if seg == "" {
			return "", false
		}
		prev := ""
		if i > 0 {
			prev = segs[i-1]
		}
		s, ok := pi.segment(prev, seg, pi.post && i == len(segs)-1)
		if !ok {
			return "", false
		}
		out[i] = s
	}
	pattern := "/" + strings.Join(out, "/")
	for _, t := range route.Split(pattern) {
		if strings.ContainsAny(t.Literal, " \t?#\"\\<>{}") {
			return "", false
		}
	}
	return pattern, true
}

// segment generalizes one path segment.
func (pi *patternInferrer) segment(prev, seg string, action bool) (string, bool) {
	byVocab := !action && !pi.own[strings.ToLower(seg)] && pi.vocab.idAfter(prev, seg)
	switch {
	case strings.HasSuffix(seg, ")") && strings.IndexByte(seg, '(') > 0:
		return pi.call(seg)
	case strings.Contains(seg, "{"):
		return seg, balancedBraces(seg)
	case strings.ContainsAny(seg, "()"):
		return "", false
	case strings.HasPrefix(seg, "$"):
		return seg, len(seg) > 1 && isIdent(seg[1:])
	case isExampleID(seg) || byVocab:
		return "{" + pi.name(prev) + "}", true
	}
	return seg, true
}

// call generalizes name(args): a key (('AAMk=') or (12)) or each
// argument value; values already written as placeholders stay.
func (pi *patternInferrer) call(seg string) (string, bool) {
	open := strings.IndexByte(seg, '(')
	name, list := seg[:open], seg[open+1:len(seg)-1]
	if strings.ContainsAny(name, " '\"{}") || strings.ContainsAny(list, "()") || !balancedBraces(list) {
		return "", false
	}
	if isKey(list) {
		if strings.Contains(list, "{") {
			return seg, true
		}
		return name + "(" + pi.keyValue(name, list) + ")", true
	}
	var args []string
	for _, arg := range splitArgs(list) {
		n, value, ok := strings.Cut(arg, "=")
		tn, tv := strings.TrimSpace(n), strings.TrimSpace(value)
		if !ok || !isIdent(tn) || tv == "" {
			return "", false
		}
		lead := value[:len(value)-len(strings.TrimLeft(value, " "))]
		args = append(args, n+"="+lead+pi.value(tn, tv))
	}
	return name + "(" + strings.Join(args, ",") + ")", true
}

// isKey reports whether a call's list is a key, not arguments: one
// quoted string, or one value without "=".
func isKey(list string) bool {
	if len(list) >= 2 && list[0] == '\'' && list[len(list)-1] == '\'' {
		return !strings.Contains(list[1:len(list)-1], "'")
	}
	return !strings.Contains(list, "=")
}

// keyValue generalizes the key of name(key), named as an id after name.
func (pi *patternInferrer) keyValue(name, key string) string {
	if key == "" {
		return key
	}
	if key[0] == '\'' {
		return "'{" + pi.name(name) + "}'"
	}
	return "{" + pi.name(name) + "}"
}

// value generalizes one argument value: '{name}' when quoted,
// {name} otherwise; a value holding a placeholder stays.
func (pi *patternInferrer) value(name, v string) string {
	switch {
	case v == "" || strings.Contains(v, "{"):
		return v
	case len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'':
		return "'{" + pi.unique(name) + "}'"
	}
	return "{" + pi.unique(name) + "}"
}

// name is the placeholder for an id after prev: the one the operation's
// request lines use after prev when the pattern does not hold it yet,
// else route.IDPlaceholder's.
func (pi *patternInferrer) name(prev string) string {
	if n, ok := pi.names[strings.ToLower(prev)]; ok && !containsFold(pi.taken, n) {
		return pi.unique(n)
	}
	return pi.unique(route.IDPlaceholder(prev, pi.taken))
}

// unique claims want, or want2, want3, ... when it is taken.
func (pi *patternInferrer) unique(want string) string {
	n := want
	for k := 2; containsFold(pi.taken, n); k++ {
		n = fmt.Sprintf("%s%d", want, k)
	}
	pi.taken = append(pi.taken, n)
	return n
}

// isExampleID reports whether an example path segment is an identifier:
// a GUID or opaque id (route.IsLiteralID), a number, base64 text ending
// in "=" padding, or a chat id (19:...@thread.v2).
func isExampleID(seg string) bool {
	if route.IsLiteralID(seg) || chatIDRe.MatchString(seg) {
		return true
	}
	if strings.HasSuffix(seg, "=") && len(seg) >= 8 {
		return true
	}
	for i := 0; i < len(seg); i++ {
		if seg[i] < '0' || seg[i] > '9' {
			return false
		}
	}
	return true
}

func balancedBraces(seg string) bool {
	depth := 0
	for i := 0; i < len(seg); i++ {
		switch seg[i] {
		case '{':
			depth++
		case '}':
			depth--
		}
		if depth < 0 || depth > 1 {
			return false
		}
	}
	return depth == 0
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
