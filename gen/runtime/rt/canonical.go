package rt

import (
	"net/url"
	"strings"
)

// canonicalPath rewrites the segments of a request path that Graph's
// clients spell otherwise than the docs, before routing:
//
//   - a function called without arguments, "delta()" (msgraph-sdk-go
//     sends /users/delta()), is the bare name the docs write, "delta";
//     otherwise a key placeholder would take "delta()" for a key
//     (GET /users/{id});
//   - a type cast with OData's "graph" alias for the namespace,
//     "graph.group" (the SDKs' GraphGroup() sends
//     /users/{id}/memberOf/graph.group), is the qualified name
//     "microsoft.graph.group", when the package has that type (so that a
//     key such as a domain name, "graph.com", stays as sent).
//
// Route patterns get the first rewrite too (compilePattern), so a request
// line written "generateDownloadUri()" answers both spellings. A segment
// holding a "/" the request encoded is a key and is left alone. It
// reports whether it rewrote a segment. (The parser's
// route.WithoutEmptyCalls does the first rewrite for the examples.)
func canonicalPath(p requestPath) (requestPath, bool) {
	if !strings.Contains(p.text, "()") && !hasAliasSegment(p.text) {
		return p, false // most paths: no allocation
	}
	return mapSegments(p, func(start, end int) ([]byte, []bool, bool) {
		if p.encodedIn(start, end) {
			return nil, nil, false
		}
		repl, ok := canonicalSegment(p.text[start:end])
		return []byte(repl), make([]bool, len(repl)), ok
	})
}

// hasAliasSegment reports whether a segment of path starts with "graph."
// (any case).
func hasAliasSegment(path string) bool {
	const alias = "/graph."
	for i := strings.IndexByte(path, '/'); i >= 0; {
		if len(path)-i > len(alias) && strings.EqualFold(path[i:i+len(alias)], alias) {
			return true
		}
		j := strings.IndexByte(path[i+1:], '/')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// canonicalSegment is canonicalPath for one segment.
func canonicalSegment(seg string) (string, bool) {
	if name, ok := strings.CutSuffix(seg, "()"); ok && isName(name) {
		return name, true
	}
	const alias = "graph."
	if len(seg) > len(alias) && strings.EqualFold(seg[:len(alias)], alias) && isName(seg[len(alias):]) {
		if q := castPrefix + seg[len(alias):]; knownType(q) {
			return q, true
		}
	}
	return "", false
}

// isName reports whether s is a non-empty run of letters, digits, "_"
// and ".".
func isName(s string) bool {
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
			return false
		}
	}
	return s != ""
}

// knownType reports whether the registered tables hold a struct type of
// that qualified name (any case).
func knownType(qualified string) bool {
	tablesMu.RLock()
	defer tablesMu.RUnlock()
	_, ok := registered.byName[strings.ToLower(qualified)]
	return ok
}

// withoutEmptyCalls removes the "()" of every segment of a route pattern
// that is a name followed by "()" ("/generateDownloadUri()"), as
// canonicalPath does for requests.
func withoutEmptyCalls(pattern string) string {
	if !strings.Contains(pattern, "()") {
		return pattern
	}
	segs := strings.Split(pattern, "/")
	for i, s := range segs {
		if name, ok := strings.CutSuffix(s, "()"); ok && isName(name) {
			segs[i] = name
		}
	}
	return strings.Join(segs, "/")
}

// refByID rewrites a DELETE of a collection's references that names the
// reference in the query, as msgraph-sdk-go sends it (DELETE
// /groups/{id}/members/$ref?@id=https://graph.microsoft.com/v1.0/directoryObjects/{id},
// or OData 4.0's $id), as the path the docs write
// (/groups/{id}/members/{id}/$ref): the key is the last segment of the
// reference's URL (directoryObjects/{id} or directoryObjects('{id}')). It
// reports false when p does not end in /$ref or the query names no
// reference.
func refByID(p requestPath, rawQuery string) (requestPath, bool) {
	const ref = "/$ref"
	n := len(p.text)
	if n <= len(ref) || !strings.EqualFold(p.text[n-len(ref):], ref) || p.encodedIn(n-len(ref), n) {
		return p, false
	}
	q, _ := url.ParseQuery(rawQuery)
	id := q.Get("@id")
	if id == "" {
		id = q.Get("$id")
	}
	u, err := url.Parse(id)
	if id == "" || err != nil {
		return p, false
	}
	target := requestPath{text: u.Path}
	if k, ok := keyAsSegment(target); ok {
		target = k
	}
	i := target.lastSeparator()
	key := target.text[i+1:]
	if key == "" {
		return p, false
	}
	text := p.text[:n-len(ref)] + "/" + key + ref
	out := requestPath{text: text}
	if p.encoded != nil || strings.Contains(key, "/") {
		out.encoded = make([]bool, len(text))
		copy(out.encoded, p.encoded[:min(n-len(ref), len(p.encoded))])
		for j := range len(key) {
			out.encoded[n-len(ref)+1+j] = key[j] == '/'
		}
	}
	return out, true
}
