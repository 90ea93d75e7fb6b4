package gen_test

// No injection: text from the docs never changes the meaning of the
// generated code. Each case is a set of small pages run through the whole
// pipeline; TestHostileCases checks the generated source, and
// TestHostileCasesCompile (compile_hostile_test.go) compiles, vets and
// runs it.

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/gen/runtime"
	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// hostileText is description text that tries to end a comment, start a
// directive, or carry bytes Go source cannot hold.
const hostileText = "Ends */ a comment, starts // another, has `backticks` and \"quotes\",\n" +
	"+build ignore\n//go:build ignore\n//go:generate rm -rf /\n" +
	"U+2028 [\u2028] U+2029 [\u2029] NUL [\x00] BOM [\ufeff] RTL [\u202e] invalid [\xff\xfe] NEL [\u0085]\n" +
	"package evil; func init() { panic(1) }\n" + "*/ func init() { panic(2) } /*"

// hostileCase is one set of pages.
type hostileCase struct {
	name  string
	pages map[string]string // path -> page text
}

// representableNames are property names encoding/json can use as tags.
var representableNames = []string{
	"a.b", "@microsoft.graph.conflictBehavior", // OData control information (@odata.id, x@odata.bind) is no property (issue 13)
	"type", "select", "package", "default", "range", "func", "import", "go",
	"error", "delete", "nil", "true", "iota", "string", "len", "init", "main",
	"9lives", "123", "---", "!!", "?", "-", "_", "$deltatoken", "files/fileName",
	"Validate", "validate", "ODataType", "oDataType", "id", "ID", "Id", "café",
	"(x)", "a{b}", "~", "a:b", "a;b", "a=b", "%20", "#", "&", "a&b;",
}

// unrepresentableNames are property names encoding/json cannot use as
// tags: a comma, quotes, a backslash, a backtick, or a rune that is not a
// letter, digit or allowed punctuation. (A control character is \x01, not
// NUL, and the replacement rune stands for invalid UTF-8: a page holding
// NUL or invalid UTF-8 is not text and is refused with page-not-text.)
var unrepresentableNames = []string{`a"b`, "it's", "a`b", "a,b", `a\b`, "€uro", "smile\U0001F600", "ctl\x01", "bad\ufffd"}

func namesProps(names []string) []prop {
	var out []prop
	for _, n := range names {
		out = append(out, prop{n, "String", "Documented as " + n + "."})
	}
	return out
}

// hostileCases are the cases of the issue.
func hostileCases() []hostileCase {
	oneLine := strings.ReplaceAll(hostileText, "\n", "<br>")
	descProps := []prop{{"id", "String", oneLine}, {"kind", "widgetKind", oneLine}, {"size", "Int64", "+build linux"}}
	return []hostileCase{
		{name: "descriptions", pages: map[string]string{
			"resources/widget.md":     resourcePage("microsoft.graph", "widget", hostileText, descProps),
			"resources/widgetkind.md": enumPage("microsoft.graph", "widgetKind", oneLine, []string{"a", "b"}),
			"resources/build.md":      resourcePage("microsoft.graph", "build", "+build linux", []prop{{"go", "String", "+build ignore"}}),
			"api/widget-update.md":    operationPage("Update widget */ // `x`\u2028", hostileText, "PATCH", "/widgets/{id}", descProps, "widget"),
		}},
		{name: "names", pages: map[string]string{
			"resources/names.md": resourcePage("microsoft.graph", "names", "Hostile names.", namesProps(representableNames)),
			"api/names-create.md": operationPage("Create names", "Hostile parameter names.", "POST", "/names/{type}/{9}/{a b}",
				namesProps(representableNames), "names"),
		}},
		{name: "unrepresentable", pages: map[string]string{
			"resources/odd.md": resourcePage("microsoft.graph", "odd", "Names JSON tags cannot hold.", namesProps(append([]string{"plain"}, unrepresentableNames...))),
			"resources/oddchild.md": resourcePage("microsoft.graph", "oddChild", "Inherits from [odd](odd.md).",
				[]prop{{"own", "String", "Its own."}, {"a,b,c", "String", "Its own, with commas."}}),
			"api/odd-create.md": operationPage("Create odd", "Parameters JSON tags cannot hold.", "POST", "/odds",
				namesProps(append([]string{"plain"}, unrepresentableNames...)), "odd"),
		}},
		{name: "type-collisions", pages: collisionPages()},
		{name: "enum-members", pages: enumMemberPages()},
	}
}

// collisionPages document types and enums whose names collide after Go
// naming, with each other and with the runtime's declarations.
func collisionPages() map[string]string {
	pages := map[string]string{}
	for i, n := range []string{"widget", "Widget", "wid_get", "WIDGET", "error", "optional", "service", "newHandler",
		"updateWidgetRequest", "collectionResponse", "handler", "route", "routes", "enum", "x"} {
		pages["resources/t"+strconv.Itoa(i)+".md"] = resourcePage("microsoft.graph", n, "Type "+n+".", []prop{{"id", "String", ""}, {n, "String", ""}})
	}
	pages["resources/sub.md"] = resourcePage("microsoft.graph.callRecords", "widget", "In a sub-namespace.", []prop{{"id", "String", ""}})
	pages["resources/subclash.md"] = resourcePage("microsoft.graph", "callRecordsWidget", "Clashes with the sub-namespace type.", []prop{{"id", "String", ""}})
	for i, n := range []string{"widget", "widgetKind", "enum", "a", "aB", "route"} {
		pages["resources/e"+strconv.Itoa(i)+".md"] = enumPage("microsoft.graph", n, "Enum "+n+".", []string{"bC", "c", "members"})
	}
	pages["resources/kind.md"] = resourcePage("microsoft.graph", "widgetKind", "A type named like an enum.", []prop{{"kind", "widgetKind", ""}})
	pages["api/widget-update.md"] = operationPage("Update widget", "Clashes with the type updateWidgetRequest.", "PATCH", "/widgets/{id}",
		[]prop{{"id", "String", ""}}, "widget")
	return pages
}

// enumMemberPages document enums with empty, duplicated, case-different
// and Go-colliding members.
func enumMemberPages() map[string]string {
	return map[string]string{
		"resources/e1.md": enumPage("microsoft.graph", "state", "Members.", []string{
			"none", "None", "NONE", "none", "", "``", "a-b", "a_b", "aB", "AB", "type", "1x", "two words", "café", `q"uote`, "unknownFutureValue",
		}),
		"resources/r.md": resourcePage("microsoft.graph", "holder", "Uses the enum.", []prop{
			{"state", "state", "Possible values are: `none`, `None`."},
			{"mode", "String", "Possible values are: `on`, `On`, `ON`, `o n`, `1`, `-`."},
		}),
	}
}

// runCase parses and generates a case's pages.
func runCase(t *testing.T, c hostileCase) (*schema.Schema, []gen.File) {
	t.Helper()
	var files []parser.File
	for path, text := range c.pages {
		files = append(files, parser.File{Path: "docs/" + path, Rel: path, Data: []byte(text)})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return parseAndGenerate(t, files)
}

// parseAndGenerate runs the pipeline and checks its output is well formed.
func parseAndGenerate(t *testing.T, files []parser.File) (*schema.Schema, []gen.File) {
	t.Helper()
	s := parser.Parse(files)
	out, err := gen.Generate(s, gen.Options{Package: "api", ImportPath: "example.com/api", Args: []string{"-out", "api", "docs"}})
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	for _, d := range s.Diagnostics {
		if d.Code == "internal-error" {
			t.Fatalf("internal error: %s", d)
		}
	}
	checkFiles(t, out)
	return s, out
}

func TestHostileCases(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			s, out := runCase(t, c)
			checkDocumented(t, c.name, s)
			src := parseFiles(t, out)
			checkTags(t, s, src)
			checkEnumConstants(t, s, src)
			checkComments(t, out)
		})
	}
}

// stateMembers are the members of enumMemberPages' enum, once each, empty
// ones left out.
var stateMembers = []string{"none", "None", "NONE", "a-b", "a_b", "aB", "AB", "type", "1x", "two words", "café", `q"uote`, "unknownFutureValue"}

// checkDocumented checks that the names of a case are read as documented:
// the property names of "names" and the enum members of "enum-members"
// (an enum that is not read at all fails too).
func checkDocumented(t *testing.T, name string, s *schema.Schema) {
	t.Helper()
	switch name {
	case "names":
		// A table row naming a path ("files/fileName") is skipped
		// (property-name-path), and the example's member of that name,
		// no OData property name, is not inferred either
		// (property-name-invalid).
		var want []string
		for _, n := range representableNames {
			if !strings.Contains(n, "/") {
				want = append(want, n)
			}
		}
		if got := documentedProps(s, "microsoft.graph.names"); !slices.Equal(got, want) {
			t.Errorf("documented names read as %q, want %q", got, want)
		}
	case "enum-members":
		i := slices.IndexFunc(s.Enums, func(en *schema.Enum) bool { return en.Name == "state" })
		if i < 0 {
			t.Fatalf("enum state not read; enums: %d", len(s.Enums))
		}
		if got := s.Enums[i].Members; !slices.Equal(got, stateMembers) {
			t.Errorf("enum members read as %q, want %q", got, stateMembers)
		}
	}
}

// checkComments checks that no generated comment line is a directive or a
// build constraint, and that no source holds bytes Go rejects. The one
// directive the generator writes itself, //go:noinline right above a
// MarshalJSON or IsValid method, is allowed there only; the runtime, copied
// verbatim from gen/runtime/rt, holds no docs text and keeps its own.
func checkComments(t *testing.T, files []gen.File) {
	t.Helper()
	for _, f := range files {
		lines := strings.Split(string(f.Data), "\n")
		for i, l := range lines {
			l = strings.TrimSpace(l)
			if l == "//go:noinline" && (strings.HasPrefix(f.Name, runtime.CodeDir+"/") || i+1 < len(lines) && strings.HasPrefix(lines[i+1], "func (") &&
				(strings.HasSuffix(lines[i+1], ") MarshalJSON() ([]byte, error) {") || strings.HasSuffix(lines[i+1], ") IsValid() bool {"))) {
				continue
			}
			if strings.HasPrefix(l, "//go:") || strings.HasPrefix(l, "//line ") || strings.HasPrefix(l, "//export ") ||
				strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(l, "//")), "+build") {
				t.Errorf("%s:%d: directive or build constraint from the docs: %q", f.Name, i+1, l)
			}
			if strings.ContainsAny(l, "\x00\ufeff\u2028\u2029\u202e") {
				t.Errorf("%s:%d: holds a NUL, BOM, line separator or bidi override: %q", f.Name, i+1, l)
			}
		}
	}
}
