package parser

import (
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestOneFieldPerProperty reads v1.0 todoTask (a fixture), whose table
// repeats entity's id: the property is entity's, todoTask no longer lists
// it, and the repetition, which agrees, is not reported.
func TestOneFieldPerProperty(t *testing.T) {
	files, err := ReadPaths([]string{"testdata/issue13/v1.0/resources/entity.md", "testdata/issue13/v1.0/resources/todotask.md"})
	if err != nil {
		t.Fatal(err)
	}
	s := Parse(files)
	checkNoRepeatedProperty(t, s)
	for _, ty := range s.Types {
		if ty.Name == "todoTask" && (ty.Base == nil || *ty.Base != "microsoft.graph.entity") {
			t.Errorf("todoTask base %v, want microsoft.graph.entity", ty.Base)
		}
	}
	for _, d := range s.Diagnostics {
		if strings.HasPrefix(d.Code, "property-repeats") {
			t.Errorf("agreeing repetition reported: %s", d)
		}
	}
}

// TestRepeatsDisagree covers the repetitions that are reported: another
// type, another spelling, and a base's property inferred from examples
// that derived types document.
func TestRepeatsDisagree(t *testing.T) {
	pages := map[string]string{
		"resources/base.md": resourcePageText("base", "", "| id | String | The id. |\n| size | Int32 | The size. |\n", `{"id": "a", "color": "red", "tags": "x"}`),
		"resources/derived.md": resourcePageText("derived", "base", "| ID | String | The id again. |\n| size | Int64 | The size again. |\n| color | colorKind | Possible values are: `red`, `blue`. |\n"+
			"| tags | String collection | Tags. |\n", ""),
		"resources/other.md": resourcePageText("other", "base", "| color | colorKind | The color. |\n", ""),
	}
	var files []File
	for _, p := range []string{"resources/base.md", "resources/derived.md", "resources/other.md"} {
		files = append(files, File{Path: p, Data: []byte(pages[p])})
	}
	s := Parse(files)
	checkNoRepeatedProperty(t, s)
	got := map[string]int{}
	for _, d := range s.Diagnostics {
		if strings.HasPrefix(d.Code, "property-") && d.Code != "property-undocumented" {
			got[d.Code+" "+d.File+":"+itoa(d.Line)]++
		}
	}
	want := map[string]int{
		"property-repeats-base resources/derived.md:15":  1, // ID: another spelling
		"property-repeats-base resources/derived.md:16":  1, // size: Int64 here, Int32 on the base
		"property-repeats-base resources/derived.md:18":  1, // tags: a collection here, a string in the example
		"property-inferred-on-base resources/base.md:22": 2, // color: inferred, typed as both rows; tags: rows and example disagree
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d diagnostics, want %d (all: %v)", k, got[k], n, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("diagnostics %v, want %v", got, want)
	}
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			if ty.Name == "base" && p.Name == "color" && p.Type.Name != "microsoft.graph.colorKind" {
				t.Errorf("base.color is %s, want the documented colorKind", p.Type)
			}
		}
	}
}

// resourcePageText is a resource page of type name (with base, if not
// empty), its property rows, and a JSON representation.
func resourcePageText(name, base, rows, rep string) string {
	var b strings.Builder
	b.WriteString("---\ndoc_type: resourcePageType\n---\n\n# " + name + " resource type\n\nNamespace: microsoft.graph\n\n")
	if base != "" {
		b.WriteString("Inherits from [" + base + "](" + base + ".md).\n\n")
	} else {
		b.WriteString("A type.\n\n")
	}
	b.WriteString("## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n" + rows + "\n")
	if rep != "" {
		b.WriteString("## JSON representation\n\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph." + name + "\"} -->\n```json\n" + rep + "\n```\n")
	}
	return b.String()
}

// checkNoRepeatedProperty fails for every type that has a property named
// like one of its bases' (ignoring case, as encoding/json matches names).
func checkNoRepeatedProperty(t *testing.T, s *schema.Schema) {
	t.Helper()
	byName := map[string]*schema.Type{}
	for _, ty := range s.Types {
		byName[strings.ToLower(ty.QualifiedName())] = ty
	}
	n := 0
	for _, ty := range s.Types {
		seen := map[*schema.Type]bool{ty: true}
		for b := ty.Base; b != nil; {
			bt := byName[strings.ToLower(*b)]
			if bt == nil || seen[bt] {
				break
			}
			seen[bt] = true
			for _, p := range ty.Properties {
				for _, bp := range bt.Properties {
					if strings.EqualFold(p.Name, bp.Name) {
						if n++; n <= 20 {
							t.Errorf("%s.%s (%s) repeats %s.%s (%s)", ty.Name, p.Name, p.Source, bt.Name, bp.Name, bp.Source)
						}
					}
				}
			}
			b = bt.Base
		}
	}
	if n > 20 {
		t.Errorf("... %d repeated properties in all", n)
	}
}

// TestCaseVariantMember: an example member spelled like a property of
// the type or its bases but for case (listitem-update.md answers "Name"
// where baseItem documents name) is read into that property, as
// encoding/json matches names, and answered in the property's spelling,
// as Graph does: the example is tested with member names compared
// ignoring case (ResponseRenamed), not as a response mismatch.
func TestCaseVariantMember(t *testing.T) {
	op := "---\ndoc_type: apiPageType\n---\n\n# Get derived\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /derived/{id}\n```\n\n" +
		"## Response\n\nIf successful, this method returns a `200 OK` response code and a [derived](../resources/derived.md) object in the response body.\n\n" +
		"## Example\n\n### Request\n\n<!-- {\"blockType\": \"request\", \"name\": \"get_derived\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/derived/1\n```\n\n" +
		"### Response\n\n<!-- {\"blockType\": \"response\"} -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"id\": \"1\", \"Name\": \"Widget\"}\n```\n"
	files := []File{
		{Path: "api/derived-get.md", Data: []byte(op)},
		{Path: "resources/base.md", Data: []byte(resourcePageText("base", "", "| id | String | The id. |\n| name | String | The name. |\n", ""))},
		{Path: "resources/derived.md", Data: []byte(resourcePageText("derived", "base", "| size | Int32 | The size. |\n", ""))},
	}
	s := Parse(files)
	checkNoRepeatedProperty(t, s)
	if len(s.Operations) != 1 || len(s.Operations[0].Examples) != 1 {
		t.Fatalf("operations %v", s.Operations)
	}
	if ex := s.Operations[0].Examples[0]; ex.ResponseMismatch != "" || ex.ResponseRenamed != "Name" {
		t.Errorf("response mismatch %q, renamed %q; want none, Name", ex.ResponseMismatch, ex.ResponseRenamed)
	}
}

// TestDerivedMembersNotInferredOnBase: an example of the base type whose
// object names a derived type in @odata.type (a user in a list of
// directoryObjects) shows the derived type's members; they are checked
// against that type, never inferred onto the base, where every other
// member of the family would carry them.
func TestDerivedMembersNotInferredOnBase(t *testing.T) {
	pages := map[string]string{
		"resources/base.md": resourcePageText("base", "", "| id | String | The id. |\n",
			`{"id": "a", "@odata.type": "#microsoft.graph.derived", "color": "red", "extra": 1}`),
		"resources/derived.md": resourcePageText("derived", "base", "| color | String | The color. |\n", ""),
	}
	var files []File
	for _, p := range []string{"resources/base.md", "resources/derived.md"} {
		files = append(files, File{Path: p, Data: []byte(pages[p])})
	}
	s := Parse(files)
	props := map[string][]string{}
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			props[ty.Name] = append(props[ty.Name], p.Name)
		}
	}
	if got := strings.Join(props["base"], ","); got != "id" {
		t.Errorf("base properties %q, want id alone", got)
	}
	if got := strings.Join(props["derived"], ","); got != "color,extra" {
		t.Errorf("derived properties %q, want color,extra (extra inferred onto derived)", got)
	}
}

// TestNameVariantNotInferred: an example member spelled like a property of
// its own type but for letter case or surrounding spaces (event-delta.md
// answers "DateTime" where dateTimeTimeZone documents dateTime; a JSON
// representation writes "rank ") is read as that property with a
// property-name-variant warning, never added as a second property that
// clients would see.
func TestNameVariantNotInferred(t *testing.T) {
	op := "---\ndoc_type: apiPageType\n---\n\n# Get slot\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /slots/{id}\n```\n\n" +
		"## Response\n\nIf successful, this method returns a `200 OK` response code and a [slot](../resources/slot.md) object in the response body.\n\n" +
		"## Example\n\n### Request\n\n<!-- {\"blockType\": \"request\", \"name\": \"get_slot\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/slots/1\n```\n\n" +
		"### Response\n\n<!-- {\"blockType\": \"response\"} -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"id\": \"1\", \"DateTime\": \"2021-01-01T00:00:00\", \"rank \": 2, \"extra\": true}\n```\n"
	files := []File{
		{Path: "api/slot-get.md", Data: []byte(op)},
		{Path: "resources/slot.md", Data: []byte(resourcePageText("slot", "", "| id | String | The id. |\n| dateTime | String | When. |\n| rank | Int32 | The rank. |\n", ""))},
	}
	s := Parse(files)
	var props []string
	for _, ty := range s.Types {
		if ty.Name == "slot" {
			for _, p := range ty.Properties {
				props = append(props, p.Name)
			}
		}
	}
	if want := []string{"id", "dateTime", "rank", "extra"}; !slices.Equal(props, want) {
		t.Errorf("slot properties %q, want %q", props, want)
	}
	variants := 0
	for _, d := range s.Diagnostics {
		if d.Code == "property-name-variant" {
			variants++
		}
	}
	if variants != 2 {
		t.Errorf("%d property-name-variant warnings, want 2 (DateTime, \"rank \"): %v", variants, s.Diagnostics)
	}
}

// TestNameVariantChecked: the example checks agree with the handler on a
// member spelled like a property but for letter case or spaces. A request
// sending "DateTime" for dateTime is taken (the handler reads it into
// dateTime) but does not round-trip as written; a response showing
// "rank " cannot round-trip through the response type, one showing
// "DateTime" is answered as "dateTime" (ResponseRenamed).
func TestNameVariantChecked(t *testing.T) {
	page := func(method, name, req, resp string) string {
		body := ""
		if req != "" {
			body = "## Request body\n\nIn the request body, supply a JSON representation of a [slot](../resources/slot.md) object.\n\n"
		}
		return "---\ndoc_type: apiPageType\n---\n\n# " + name + "\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\n" + method + " /slots/{id}\n```\n\n" + body +
			"## Response\n\nIf successful, this method returns a `200 OK` response code and a [slot](../resources/slot.md) object in the response body.\n\n" +
			"## Example\n\n### Request\n\n<!-- {\"blockType\": \"request\", \"name\": \"" + name + "\"} -->\n```http\n" + method + " https://graph.microsoft.com/v1.0/slots/1\nContent-type: application/json\n\n" + req + "\n```\n\n" +
			"### Response\n\n<!-- {\"blockType\": \"response\"} -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" + resp + "\n```\n"
	}
	files := []File{
		{Path: "api/slot-update.md", Data: []byte(page("PATCH", "update_slot", `{"DateTime": "2021-01-01T00:00:00"}`, `{"id": "1"}`))},
		{Path: "api/slot-get.md", Data: []byte(page("GET", "get_slot", "", `{"id": "1", "rank ": 2}`))},
		{Path: "api/slot-get2.md", Data: []byte(page("GET", "get_slot_case", "", `{"id": "1", "DateTime": "2021-01-01T00:00:00"}`))},
		{Path: "api/slot-get3.md", Data: []byte(page("GET", "get_slot_twice", "", `{"dateTime": "x", "DateTime": "y"}`))},
		{Path: "resources/slot.md", Data: []byte(resourcePageText("slot", "", "| id | String | The id. |\n| dateTime | String | When. |\n| rank | Int32 | The rank. |\n", ""))},
	}
	s := Parse(files)
	got := map[string]*schema.Example{}
	for _, op := range s.Operations {
		for _, ex := range op.Examples {
			got[ex.Name] = ex
		}
	}
	if ex := got["update_slot"]; ex == nil {
		t.Fatal("no example update_slot")
	} else if ex.Rejects != "" || ex.RejectsBody || ex.RequestRenamed != "DateTime" {
		t.Errorf("update_slot: Rejects %q, RejectsBody %v, RequestRenamed %q; want taken, renamed DateTime", ex.Rejects, ex.RejectsBody, ex.RequestRenamed)
	}
	if ex := got["get_slot"]; ex == nil {
		t.Fatal("no example get_slot")
	} else if ex.ResponseMismatch != "rank " || ex.ResponseRenamed != "" {
		t.Errorf("get_slot: ResponseMismatch %q, ResponseRenamed %q; want %q, none", ex.ResponseMismatch, ex.ResponseRenamed, "rank ")
	}
	// Only letter case: the decoder reads it, the handler answers it as
	// the property spells it.
	if ex := got["get_slot_case"]; ex == nil {
		t.Fatal("no example get_slot_case")
	} else if ex.ResponseMismatch != "" || ex.ResponseRenamed != "DateTime" {
		t.Errorf("get_slot_case: ResponseMismatch %q, ResponseRenamed %q; want none, DateTime", ex.ResponseMismatch, ex.ResponseRenamed)
	}
	// Both spellings in one object: which one the decoder keeps is not
	// the docs' say.
	if ex := got["get_slot_twice"]; ex == nil {
		t.Fatal("no example get_slot_twice")
	} else if ex.ResponseMismatch != "DateTime" || ex.ResponseRenamed != "" {
		t.Errorf("get_slot_twice: ResponseMismatch %q, ResponseRenamed %q; want DateTime, none", ex.ResponseMismatch, ex.ResponseRenamed)
	}
}
