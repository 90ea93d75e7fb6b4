package route

import (
	"strings"
	"testing"
)

var fuzzLines = []string{
	"GET /users/{id | userPrincipalName}/messages/{id}",
	"DELETE /servicePrincipals/{id}/tokenLifetimePolicies/{id}$ref",
	"GET https://graph.microsoft.com/beta/me/drive/root:/{item-path}:/content?$select=id",
	"POST /me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='<address>')/delete",
	"GET /users/{user-id} | user-principal-name/chats/{chat-id}",
	"PATCH ** Entity URI for microsoft.graph.x not found",
	"GET /teams/(team-id)/channels/{id}/ ",
	"get me/devices (deprecated)",
	"DELETE/identity/{a{b}/c%3A%zz/.../x}",
}

// FuzzParseLine checks that ParseLine (and ExampleTarget) never panic and
// that an accepted line has a well-formed pattern that matches an instance
// of itself.
func FuzzParseLine(f *testing.F) {
	for _, s := range fuzzLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ExampleTarget(s)
		l, ok, issues := ParseLine(s)
		for _, is := range issues {
			if is.Col < 1 || is.Col > len(s)+1 || is.Code == "" {
				t.Fatalf("ParseLine(%q): bad issue %+v", s, is)
			}
		}
		if !ok {
			return
		}
		if !strings.HasPrefix(l.Pattern, "/") || len(l.Pattern) < 2 {
			t.Fatalf("ParseLine(%q): pattern %q", s, l.Pattern)
		}
		toks := Split(l.Pattern)
		if join(toks) != l.Pattern {
			t.Fatalf("ParseLine(%q): Split(%q) joins to %q", s, l.Pattern, join(toks))
		}
		var params []string
		for _, tok := range toks {
			if tok.Param != "" {
				params = append(params, tok.Param)
			}
		}
		if strings.Join(params, "\x00") != strings.Join(l.Params, "\x00") {
			t.Fatalf("ParseLine(%q): params %q, Split gives %q", s, l.Params, params)
		}
		path, _ := instance(l.Pattern)
		if _, ok := Match(l.Pattern, path); !ok && len(path) <= MaxPathLen {
			t.Fatalf("ParseLine(%q): pattern %q does not match %q", s, l.Pattern, path)
		}
	})
}

// FuzzMatch checks Match against its definition: the values rebuild the
// path, obey the placeholder rules, and on small inputs equal those of a
// naive leftmost-shortest backtracking matcher.
func FuzzMatch(f *testing.F) {
	f.Add("/users/{id}/events", "/USERS/a/events")
	f.Add("/r:/{p}:/{q}", "/r:/a:/b:/c")
	f.Add("/x/{a}b{c}", "/x/abab")
	f.Add("{a}{b}{c}", "abcd/")
	f.Fuzz(func(t *testing.T, pattern, path string) {
		if len(pattern) > 64 {
			pattern = pattern[:64]
		}
		values, ok := Match(pattern, path)
		toks := Split(pattern)
		if len(path) <= 12 && len(toks) <= 6 {
			want, wantOK := naiveMatch(toks, path)
			if ok != wantOK || strings.Join(values, "\x00") != strings.Join(want, "\x00") {
				t.Fatalf("Match(%q, %q) = %q, %v; naive %q, %v", pattern, path, values, ok, want, wantOK)
			}
		}
		if !ok {
			return
		}
		var b strings.Builder
		k := 0
		for _, tok := range toks {
			if tok.Param == "" {
				b.WriteString(tok.Literal)
				continue
			}
			v := values[k]
			k++
			if v == "" || (!tok.Multi && strings.Contains(v, "/")) {
				t.Fatalf("Match(%q, %q): bad value %q for %+v", pattern, path, v, tok)
			}
			b.WriteString(v)
		}
		if k != len(values) || !equalFold(b.String(), path) {
			t.Fatalf("Match(%q, %q) = %q does not rebuild the path", pattern, path, values)
		}
	})
}

// naiveMatch is the definition of Match as plain backtracking with lazy
// placeholders (exponential; only for tiny inputs).
func naiveMatch(toks []Token, path string) ([]string, bool) {
	if len(toks) == 0 {
		return nil, path == ""
	}
	t := toks[0]
	if t.Param == "" {
		if len(path) < len(t.Literal) || !equalFold(path[:len(t.Literal)], t.Literal) {
			return nil, false
		}
		return naiveMatch(toks[1:], path[len(t.Literal):])
	}
	for q := 1; q <= len(path); q++ {
		if !t.Multi && path[q-1] == '/' {
			break
		}
		if rest, ok := naiveMatch(toks[1:], path[q:]); ok {
			return append([]string{path[:q]}, rest...), true
		}
	}
	return nil, false
}
