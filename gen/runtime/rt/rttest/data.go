package rttest

import (
	"fmt"
	"strings"

	"github.com/graphdocgen/graphdocgen/gen/runtime/rt"
)

// docRouteCase is one line of a "routes" file.
type docRouteCase struct {
	method, path, op string
}

// parseDocRoutes reads a "routes" file: lines of a method, a quoted
// path and one operation name.
func parseDocRoutes(data []byte) ([]docRouteCase, error) {
	var out []docRouteCase
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if line == "" {
			continue
		}
		method, rest, _ := strings.Cut(line, " ")
		path, op, err := rt.CutQuoted(rest)
		if err != nil {
			return nil, fmt.Errorf("route %q: %v", line, err)
		}
		if f := strings.Fields(op); len(f) != 1 || op[0] != ' ' && op[0] != '\t' {
			return nil, fmt.Errorf("route %q: want one operation name after the path", line)
		}
		out = append(out, docRouteCase{method, path, strings.TrimSpace(op)})
	}
	return out, nil
}
