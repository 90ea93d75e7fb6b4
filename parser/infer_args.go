package parser

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/route"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// inferArguments adds the routes of functions documented without their
// argument list: when a request line ends in a bare name
// (GET /deviceAppManagement/vppTokens/getLicensesForApp) and an example
// calls that name with arguments (getLicensesForApp(bundleId='x')), the
// operation also gets the line with each argument a placeholder
// (getLicensesForApp(bundleId='{bundleId}')), with a warning at the
// example.
func (r *resolver) inferArguments(pg *pageResult, d *opDraft, op *schema.Operation) {
	for _, ex := range d.examples {
		if ex.req == nil || !strings.EqualFold(ex.req.Method, op.Method) {
			continue
		}
		path, _, host, _ := route.ExampleTarget(ex.req.Target)
		if host != "" {
			continue
		}
		slash := strings.LastIndexByte(path, '/')
		call := path[slash+1:]
		open := strings.IndexByte(call, '(')
		if open <= 0 || !strings.HasSuffix(call, ")") {
			continue
		}
		args, ok := argPlaceholders(call[open+1 : len(call)-1])
		if !ok {
			continue
		}
		for _, rt := range op.Routes {
			i := strings.LastIndexByte(rt.Pattern, '/')
			if !strings.EqualFold(rt.Pattern[i+1:], call[:open]) {
				continue
			}
			pattern := rt.Pattern + "(" + args + ")"
			if _, ok := route.Match(pattern, path); !ok || hasRoute(op, pattern) {
				break
			}
			op.Paths = append(op.Paths, pattern)
			op.Routes = append(op.Routes, schema.Route{Pattern: pattern, Params: route.Params(pattern), Source: pg.src.pos(ex.req.off), Inferred: true})
			r.warn(pg.src, ex.req.off, diag.RequestLineArgumentsInferred,
				"the request line %s %s names the function without its arguments; the example calls it with some, so %s %s is routed too", op.Method, rt.Pattern, op.Method, pattern)
			break
		}
	}
}

// hasRoute reports whether op already has pattern.
func hasRoute(op *schema.Operation, pattern string) bool {
	for _, rt := range op.Routes {
		if strings.EqualFold(rt.Pattern, pattern) {
			return true
		}
	}
	return false
}

// argPlaceholders turns an example's argument list (a='x',b=2) into one
// of placeholders (a='{a}',b={b}). It reports false for anything that is
// not a list of name=value pairs.
func argPlaceholders(list string) (string, bool) {
	var out []string
	for _, arg := range splitArgs(list) {
		name, value, ok := strings.Cut(strings.TrimSpace(arg), "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" || value == "" || !isIdent(name) || strings.ContainsAny(value, "{}") {
			return "", false
		}
		if len(value) >= 2 && value[0] == '\'' && value[len(value)-1] == '\'' {
			out = append(out, name+"='{"+name+"}'")
		} else {
			out = append(out, name+"={"+name+"}")
		}
	}
	return strings.Join(out, ","), len(out) > 0
}

// splitArgs splits an argument list at the commas outside quotes.
func splitArgs(list string) []string {
	var out []string
	quoted, start := false, 0
	for i := 0; i < len(list); i++ {
		switch list[i] {
		case '\'':
			quoted = !quoted
		case ',':
			if !quoted {
				out = append(out, list[start:i])
				start = i + 1
			}
		}
	}
	return append(out, list[start:])
}
