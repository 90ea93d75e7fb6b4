package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// openTypePages are a planner-like open type, said open only in prose as
// Planner's pages do, an annotated open base with a derived type, and an
// operation whose example shows keys no table declares.
var openTypePages = []File{
	{Path: "resources/assignments.md", Data: []byte(`# assignments resource type

Namespace: microsoft.graph

The assignments of a task. This is an _open type_: each property name is a user id.

## Properties
|Property|Type|Description|
|:---|:---|:---|
|orderHint|String|A hint.|
`)},
	{Path: "resources/thing.md", Data: []byte(`# thing resource type

Namespace: microsoft.graph

A thing. Other types are not an open type, this page says further down.

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|The id.|
|assignments|[assignments](assignments.md)|Who.|

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.thing", "openType": true } -->
` + "```json\n{\"id\": \"String\"}\n```\n")},
	{Path: "resources/widget.md", Data: []byte(`# widget resource type

Namespace: microsoft.graph

Inherits from [thing](thing.md).

## Properties
|Property|Type|Description|
|:---|:---|:---|
|size|Int32|The size.|
`)},
	{Path: "resources/gadget.md", Data: []byte(`# gadget resource type

Namespace: microsoft.graph

A closed type.

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|The id.|
`)},
	{Path: "api/thing-get.md", Data: []byte(`# Get thing

Namespace: microsoft.graph

Get a thing.

## HTTP request

` + "```http\nGET /things/{id}\n```" + `

## Response

If successful, this method returns a ` + "`200 OK`" + ` response code and a [thing](../resources/thing.md) object in the response body.

## Example

### Request

<!-- { "blockType": "request", "name": "get_thing" } -->
` + "```http\nGET https://graph.microsoft.com/beta/things/1\n```" + `

### Response

<!-- { "blockType": "response", "@odata.type": "microsoft.graph.thing" } -->
` + "```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" + `{
  "id": "1",
  "color": "red",
  "assignments": {
    "aaa27244-1db4-476a-a5cb-004607466324": {"orderHint": "a"},
    "6463a5ce-2119-4198-9f2a-628761df4a62": {"orderHint": "b"}
  }
}
` + "```\n")},
	{Path: "api/gadget-get.md", Data: []byte(`# Get gadget

Namespace: microsoft.graph

Get a gadget.

## HTTP request

` + "```http\nGET /gadgets/{id}\n```" + `

## Response

If successful, this method returns a ` + "`200 OK`" + ` response code and a [gadget](../resources/gadget.md) object in the response body.

## Example

### Request

<!-- { "blockType": "request", "name": "get_gadget" } -->
` + "```http\nGET https://graph.microsoft.com/beta/gadgets/1\n```" + `

### Response

<!-- { "blockType": "response", "@odata.type": "microsoft.graph.gadget" } -->
` + "```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" + `{"id": "1", "weight": 3, "@type": "#x", "@microsoft.graph.downloadUrl": "https://x", "@Odata.type": "#microsoft.graph.gadget"}
` + "```\n")},
}

// TestOpenTypeMembersStayDynamic checks that an example's undeclared
// members on an open type become no fields (they are kept with the
// type's undeclared properties, one property-dynamic warning each),
// while a closed type still gets an inferred field (and a field for a
// @microsoft.graph annotation, none for "@type" or "@Odata.type"); and
// that a page whose introduction says its type "is an open type" makes
// it open, with a type-open-from-prose warning. Planner's open types had
// got fields named after example user ids ("aaa27244-1db4-..."), and
// directoryObject the properties of users listed without @odata.type.
func TestOpenTypeMembersStayDynamic(t *testing.T) {
	s := Parse(openTypePages)
	props := map[string][]string{}
	open := map[string]bool{}
	for _, ty := range s.Types {
		open[ty.Name] = ty.Open
		for _, p := range ty.Properties {
			props[ty.Name] = append(props[ty.Name], p.Name)
		}
	}
	wantProps := map[string][]string{
		"assignments": {"orderHint"},
		"thing":       {"id", "assignments"},
		"widget":      {"size"},
		"gadget":      {"id", "weight", "@microsoft.graph.downloadUrl"},
	}
	if diff := cmp.Diff(wantProps, props); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]bool{"assignments": true, "thing": true, "widget": false, "gadget": false}, open); diff != "" {
		t.Errorf("open (-want +got):\n%s", diff)
	}
	var got []string
	for _, d := range s.Diagnostics {
		switch d.Code {
		case "property-dynamic", "property-undocumented", "type-open-from-prose", "annotation-unknown", "annotation-undocumented", "property-name-variant":
			got = append(got, fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Code))
		}
	}
	want := []string{
		"api/gadget-get.md:33 property-undocumented",   // "weight": gadget is closed
		"api/gadget-get.md:33 annotation-unknown",      // "@type": no field
		"api/gadget-get.md:33 annotation-undocumented", // "@microsoft.graph.downloadUrl": a field
		"api/gadget-get.md:33 property-name-variant",   // "@Odata.type": read as @odata.type
		"api/thing-get.md:35 property-dynamic",         // "color" on thing, open by its annotation
		"api/thing-get.md:37 property-dynamic",         // a user id on assignments, open by its prose
		"api/thing-get.md:38 property-dynamic",
		"resources/assignments.md:5 type-open-from-prose",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
