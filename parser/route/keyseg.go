package route

import "strings"

// KeyAsSegment rewrites each segment of path that ends in an OData key in
// parentheses as the collection and a key segment: "users('a@b.com')" as
// "users/a@b.com", "tables(4)" as "tables/4". Graph answers both forms
// (the first is OData's canonical URL, the second its key-as-segment
// convention), and the docs write request lines in the second. The
// generated router tries the rewritten path when the path as sent routes
// nowhere; the parser and the generator use this function to route the
// examples that use the first form the same way.
//
// A key is one quoted string (a doubled quote stands for one), or one
// bare literal without quotes, '=', ',' or parentheses; it is not empty,
// and neither is the name before it. A function call (delta(), getX(period='D7')) or a
// compound key (a=1,b=2) is not rewritten. It reports whether it rewrote a
// segment.
func KeyAsSegment(path string) (string, bool) {
	if !strings.Contains(path, ")") {
		return path, false
	}
	segs := strings.Split(path, "/")
	changed := false
	for i, s := range segs {
		if name, key, ok := SplitKey(s); ok {
			segs[i] = name + "/" + key
			changed = true
		}
	}
	if !changed {
		return path, false
	}
	return strings.Join(segs, "/"), true
}

// SplitKey splits a segment "name(key)" into the name and the key, its
// quotes removed (see KeyAsSegment).
func SplitKey(seg string) (name, key string, ok bool) {
	open := strings.IndexByte(seg, '(')
	if open <= 0 || !strings.HasSuffix(seg, ")") {
		return "", "", false
	}
	name, inner := seg[:open], seg[open+1:len(seg)-1]
	if k, ok := unquoteKey(inner); ok {
		return name, k, true
	}
	if inner == "" || strings.ContainsAny(inner, "'=,()") {
		return "", "", false
	}
	return name, inner, true
}

// unquoteKey reads a quoted key, 'text' with a doubled quote for one; it
// reports false for anything else and for an empty key.
func unquoteKey(s string) (string, bool) {
	if len(s) < 3 || s[0] != '\'' || s[len(s)-1] != '\'' {
		return "", false
	}
	body := s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		if body[i] != '\'' {
			b.WriteByte(body[i])
			continue
		}
		if i+1 >= len(body) || body[i+1] != '\'' {
			return "", false
		}
		b.WriteByte('\'')
		i++
	}
	return b.String(), true
}

// WithoutEmptyCalls removes the "()" of every segment of path that is a
// name followed by "()": msgraph-sdk-go calls functions without
// arguments as "/users/delta()", the docs write "/users/delta" (and once
// ".../generateDownloadUri()"). The generated router routes both
// spellings alike, on request paths and route patterns; the generator
// uses this function to route the examples the same way.
func WithoutEmptyCalls(path string) string {
	if !strings.Contains(path, "()") {
		return path
	}
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if name, ok := strings.CutSuffix(s, "()"); ok && isCallName(name) {
			segs[i] = name
		}
	}
	return strings.Join(segs, "/")
}

// isCallName reports whether s is a non-empty run of letters, digits,
// "_" and ".".
func isCallName(s string) bool {
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
			return false
		}
	}
	return s != ""
}
