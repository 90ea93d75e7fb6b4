package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// countPage is an operation page whose request lines end in /$count, with
// the given Response section.
func countPage(path, lines, response string) File {
	return File{Path: path, Data: []byte(`# Count things

Namespace: microsoft.graph

Count the things.

## HTTP request
<!-- { "blockType": "ignored" } -->
` + "```http\n" + lines + "\n```" + `

## Request body
Do not supply a request body for this method.

## Response
` + response + `

## Example

### Request
<!-- { "blockType": "request", "name": "count_things" } -->
` + "```http\nGET https://graph.microsoft.com/v1.0/users/u1/things/$count\n```" + `

### Response
<!-- { "blockType": "response" } -->
` + "```http\nHTTP/1.1 200 OK\nContent-type: text/plain\n\n7\n```\n")}
}

// TestCountOperation checks that an operation whose every request line is
// a GET ending in /$count answers a count (Operation.Count, Edm.Int64),
// whatever its Response section names: a non-integer type there gets
// count-response-type. A page with one request line that does not end in
// /$count is read as before.
func TestCountOperation(t *testing.T) {
	thing := File{Path: "resources/thing.md", Data: []byte(`# thing resource type

Namespace: microsoft.graph

A thing.

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|The id.|
`)}
	cases := []struct {
		name, lines, response string
		count                 bool
		resp                  string // the response type, "" for none
		diags                 []string
	}{
		{"no type", "GET /users/{id}/things/$count", "If successful, this method returns a `200 OK` response code and a count in the response body.", true, "Edm.Int64", nil},
		{"integer", "GET /users/{id}/things/$count\nGET /me/things/$count", "If successful, this method returns a `200 OK` response code and an Int32 in the response body.", true, "Edm.Int64", nil},
		{"object", "GET /users/{id}/things/$count", "If successful, this method returns a `200 OK` response code and a [thing](../resources/thing.md) object in the response body.", true, "Edm.Int64", []string{"count-response-type"}},
		{"not every line", "GET /users/{id}/things/$count\nGET /users/{id}/things", "If successful, this method returns a `200 OK` response code and a collection of [thing](../resources/thing.md) objects in the response body.", false, "Collection(microsoft.graph.thing)", nil},
	}
	for _, c := range cases {
		s := Parse([]File{thing, countPage("api/thing-count.md", c.lines, c.response)})
		if len(s.Operations) != 1 {
			t.Fatalf("%s: %d operations", c.name, len(s.Operations))
		}
		op := s.Operations[0]
		resp := ""
		if op.ResponseType != nil {
			resp = op.ResponseType.String()
		}
		if op.Count != c.count || resp != c.resp || op.Status != 200 {
			t.Errorf("%s: count %v, response %q, status %d; want %v, %q, 200", c.name, op.Count, resp, op.Status, c.count, c.resp)
		}
		var got []string
		for _, d := range s.Diagnostics {
			if d.Code == "count-response-type" {
				got = append(got, d.Code)
				if d.Line != 17 {
					t.Errorf("%s: count-response-type at line %d, want 17 (the Response section's type)", c.name, d.Line)
				}
			}
		}
		if diff := cmp.Diff(c.diags, got); diff != "" {
			t.Errorf("%s: diagnostics (-want +got):\n%s", c.name, diff)
		}
		if c.count && (len(op.Examples) != 1 || op.Examples[0].Response.Body == "") {
			t.Errorf("%s: examples %+v, want the count example with its body", c.name, op.Examples)
		}
	}
}

// TestMediaOperation checks the operations of GET request lines ending in
// /$value: alone on a page they answer a stream whatever the Response
// section names (value-response-type for a type); beside the page's JSON
// GET lines they are an operation of their own (Media), after it, and the
// JSON operation keeps the page's type and its own lines.
func TestMediaOperation(t *testing.T) {
	thing := File{Path: "resources/thing.md", Data: []byte("# thing resource type\n\nNamespace: microsoft.graph\n\nA thing.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|The id.|\n")}
	page := func(lines string) File {
		return File{Path: "api/thing-get.md", Data: []byte("# Get thing\n\nNamespace: microsoft.graph\n\nGet a thing.\n\n## HTTP request\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n" + lines + "\n```\n\n## Request body\nDo not supply a request body for this method.\n\n## Response\nIf successful, this method returns a `200 OK` response code and a [thing](../resources/thing.md) object in the response body.\n")}
	}
	type got struct {
		Resp  string
		Media bool
		Paths []string
	}
	read := func(lines string) ([]got, []string) {
		s := Parse([]File{thing, page(lines)})
		var ops []got
		for _, op := range s.Operations {
			ops = append(ops, got{op.ResponseType.String(), op.Media, op.Paths})
		}
		var codes []string
		for _, d := range s.Diagnostics {
			if d.Code == "value-response-type" {
				codes = append(codes, d.Code)
			}
		}
		return ops, codes
	}
	ops, codes := read("GET /things/{id}/$value")
	if diff := cmp.Diff([]got{{"Edm.Stream", false, []string{"/things/{id}/$value"}}}, ops); diff != "" || len(codes) != 1 {
		t.Errorf("alone: %s, diagnostics %v (want one value-response-type)", diff, codes)
	}
	ops, codes = read("GET /things/{id}\nGET /things/{id}/$value\nGET /me/thing/$value")
	want := []got{
		{"microsoft.graph.thing", false, []string{"/things/{id}"}},
		{"Edm.Stream", true, []string{"/things/{id}/$value", "/me/thing/$value"}},
	}
	if diff := cmp.Diff(want, ops); diff != "" || len(codes) != 0 {
		t.Errorf("beside JSON lines (-want +got):\n%s\ndiagnostics %v (want none)", diff, codes)
	}
}

// TestValueBody checks an operation whose request lines all end in /$value
// and send a body: the body is raw content, so it has no type, whatever
// the Request body section names (value-request-type), and an example
// sending JSON content adds no property to that type.
func TestValueBody(t *testing.T) {
	thing := File{Path: "resources/thing.md", Data: []byte("# thing resource type\n\nNamespace: microsoft.graph\n\nA thing.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|The id.|\n")}
	page := File{Path: "api/thing-put.md", Data: []byte("# Update thing content\n\nNamespace: microsoft.graph\n\nPut a thing's content.\n\n## HTTP request\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPUT /things/{id}/$value\n```\n\n## Request body\nIn the request body, supply a JSON representation of a [thing](../resources/thing.md) object.\n\n## Response\nIf successful, this method returns a `204 No Content` response code.\n\n## Example\n\n### Request\n<!-- { \"blockType\": \"request\", \"name\": \"put_thing\" } -->\n```http\nPUT https://graph.microsoft.com/v1.0/things/t1/$value\nContent-Type: application/json\n\n{\"LocalizedStrings\": []}\n```\n\n### Response\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n")}
	s := Parse([]File{thing, page})
	if len(s.Operations) != 1 || s.Operations[0].RequestType != nil || len(s.Operations[0].Parameters) != 0 {
		t.Fatalf("operations %+v, want one with no request type", s.Operations)
	}
	var codes []string
	for _, d := range s.Diagnostics {
		if d.Code == "value-request-type" || d.Code == "property-undocumented" {
			codes = append(codes, fmt.Sprintf("%s:%d", d.Code, d.Line))
		}
	}
	if diff := cmp.Diff([]string{"value-request-type:13"}, codes); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	for _, ty := range s.Types {
		if ty.Name == "thing" && len(ty.Properties) != 1 {
			t.Errorf("thing has %d properties, want 1 (id)", len(ty.Properties))
		}
	}
}
