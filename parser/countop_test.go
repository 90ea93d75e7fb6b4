package parser

import (
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
