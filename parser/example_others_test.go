package parser

import (
	"slices"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestOthersOnlyPossibleOwners: an example is checked against the types
// of the other operations on its routes that can keep them (the lowest
// schema.Operation.OwnerRank, then the first page), not against every
// operation documenting the route: on GET /widgets, widget-list.md (whose
// family and type the path names) keeps the route, so the gadget and
// sprocket examples are checked against it alone; on GET /things, which
// no page's family names, gadget-things.md comes first.
func TestOthersOnlyPossibleOwners(t *testing.T) {
	list := func(name, path, typ string) string {
		return "---\ndoc_type: apiPageType\n---\n\n# " + name + "\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET " + path + "\n```\n\n" +
			"## Response\n\nIf successful, this method returns a `200 OK` response code and a collection of [" + typ + "](../resources/" + typ + ".md) objects in the response body.\n\n" +
			"## Example\n\n### Request\n\n<!-- {\"blockType\": \"request\", \"name\": \"" + name + "\"} -->\n```http\nGET https://graph.microsoft.com/v1.0" + path + "\n```\n\n" +
			"### Response\n\n<!-- {\"blockType\": \"response\"} -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"value\": [{\"id\": \"1\"}]}\n```\n"
	}
	files := []File{
		{Path: "api/widget-list.md", Data: []byte(list("list_widgets", "/widgets", "widget"))},
		{Path: "api/gadget-list.md", Data: []byte(list("list_gadgets", "/widgets", "gadget"))},
		{Path: "api/sprocket-list.md", Data: []byte(list("list_sprockets", "/widgets", "sprocket"))},
		{Path: "api/gadget-things.md", Data: []byte(list("gadget_things", "/things", "gadget"))},
		{Path: "api/sprocket-things.md", Data: []byte(list("sprocket_things", "/things", "sprocket"))},
	}
	for _, typ := range []string{"widget", "gadget", "sprocket"} {
		files = append(files, File{Path: "resources/" + typ + ".md", Data: []byte(resourcePageText(typ, "", "| id | String | The id. |\n| "+typ+"Size | Int32 | The size. |\n", ""))})
	}
	s := Parse(files)
	got := map[string][]string{}
	for _, op := range s.Operations {
		for _, ex := range op.Examples {
			var others []string
			for _, c := range ex.Others {
				others = append(others, c.Op.Source.File)
			}
			slices.Sort(others)
			got[ex.Name] = others
		}
	}
	want := map[string][]string{
		"list_widgets":    nil,
		"list_gadgets":    {"api/widget-list.md"},
		"list_sprockets":  {"api/widget-list.md"},
		"gadget_things":   nil,
		"sprocket_things": {"api/gadget-things.md"},
	}
	for name, w := range want {
		if g, ok := got[name]; !ok || !slices.Equal(g, w) {
			t.Errorf("%s: checked against %q, want %q", name, g, w)
		}
	}
	// The ranks that decide it.
	rank := map[string]int{}
	for _, op := range s.Operations {
		rank[op.Source.File] = op.OwnerRank(0)
	}
	if rank["api/widget-list.md"] >= rank["api/gadget-list.md"] || rank["api/gadget-things.md"] != rank["api/sprocket-things.md"] {
		t.Errorf("ranks %v", rank)
	}
	var ops []*schema.Operation
	for _, op := range s.Operations {
		if op.Routes[0].Pattern == "/things" {
			ops = append(ops, op)
		}
	}
	if len(ops) != 2 {
		t.Fatalf("%d operations on /things", len(ops))
	}
	a, b := ops[0], ops[1]
	if a.Source.File != "api/gadget-things.md" {
		a, b = b, a
	}
	if !schema.OwnerBefore(a, 0, b, 0) || schema.OwnerBefore(b, 0, a, 0) || schema.OwnerBefore(a, 0, a, 0) {
		t.Error("OwnerBefore does not put gadget-things.md first, or is not strict")
	}
}
