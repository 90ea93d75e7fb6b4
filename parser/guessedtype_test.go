package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// guessedPages: notebook (with a links property of a documented type)
// and two operations whose examples answer notebooks with members no
// table documents. The first page names its response type in the
// Response section; the second names none, so its response type is read
// from the example's annotation (as beta's notebook-getrecentnotebooks,
// whose recentNotebook members became notebook fields, and
// passwordauthenticationmethod-resetpassword, whose annotation "entity"
// gave the base of 184 beta types a password field).
var guessedPages = []File{
	{Path: "resources/notebook.md", Data: []byte(`# notebook resource type

Namespace: microsoft.graph

A notebook.

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|The id.|
|links|[notebookLinks](notebooklinks.md)|The links.|
`)},
	{Path: "resources/notebooklinks.md", Data: []byte(`# notebookLinks resource type

Namespace: microsoft.graph

Links.

## Properties
|Property|Type|Description|
|:---|:---|:---|
|href|String|The link.|
`)},
	{Path: "api/notebook-get.md", Data: []byte(`# Get notebook

Namespace: microsoft.graph

Get a notebook.

## HTTP request

` + "```http\nGET /notebooks/{id}\n```" + `

## Response

If successful, this method returns a ` + "`200 OK`" + ` response code and a [notebook](../resources/notebook.md) object in the response body.

## Example

### Request

<!-- { "blockType": "request", "name": "get_notebook" } -->
` + "```http\nGET https://graph.microsoft.com/beta/notebooks/1\n```" + `

### Response

<!-- { "blockType": "response", "@odata.type": "microsoft.graph.notebook" } -->
` + "```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" + `{"id": "1", "color": "blue"}
` + "```\n")},
	{Path: "api/notebook-getrecent.md", Data: []byte(`# getRecentNotebooks

Namespace: microsoft.graph

Get the recent notebooks.

## HTTP request

` + "```http\nGET /notebooks/getRecentNotebooks\n```" + `

## Response

If successful, this method returns a ` + "`200 OK`" + ` response code and the notebooks in the response body.

## Example

### Request

<!-- { "blockType": "request", "name": "recent_notebooks" } -->
` + "```http\nGET https://graph.microsoft.com/beta/notebooks/getRecentNotebooks\n```" + `

### Response

<!-- { "blockType": "response", "@odata.type": "microsoft.graph.notebook", "isCollection": true } -->
` + "```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" + `{"value": [{"id": "2", "lastAccessedTime": "2021-01-01T00:00:00Z", "links": {"href": "h", "oneNoteWebUrl": "u"}}]}
` + "```\n")},
	{Path: "api/notebook-list.md", Data: []byte(`# List notebooks

Namespace: microsoft.graph

List the notebooks.

## HTTP request

` + "```http\nGET /notebooks\n```" + `

## Response

If successful, this method returns a ` + "`200 OK`" + ` response code and a collection of **notebook** objects in the response body.

## Example

### Request

<!-- { "blockType": "request", "name": "list_notebooks" } -->
` + "```http\nGET https://graph.microsoft.com/beta/notebooks\n```" + `

### Response

<!-- { "blockType": "response", "@odata.type": "microsoft.graph.notebook", "isCollection": true } -->
` + "```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" + `{"value": [{"id": "3", "isShared": true}]}
` + "```\n")},
}

// TestGuessedResponseTypeAddsNoFields checks that an example adds no
// field to a response type the page does not name (read from the
// example's annotation): the example of getRecentNotebooks shows a
// recentNotebook's lastAccessedTime, which no notebook has. It says so
// (example-type-guessed), and the example, which notebook cannot hold,
// has no test. Members of the example's documented properties still
// add to their documented types (links' oneNoteWebUrl), and a page that
// names its response type, by a link (color) or in words, bold as
// securescorecontrolprofiles-list.md does (isShared), still adds what its
// example shows.
func TestGuessedResponseTypeAddsNoFields(t *testing.T) {
	s := Parse(guessedPages)
	props := map[string][]string{}
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			props[ty.Name] = append(props[ty.Name], p.Name)
		}
	}
	wantProps := map[string][]string{
		"notebook":      {"id", "links", "color", "isShared"},
		"notebookLinks": {"href", "oneNoteWebUrl"},
	}
	if diff := cmp.Diff(wantProps, props); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	var got []string
	for _, d := range s.Diagnostics {
		switch d.Code {
		case "example-type-guessed", "property-undocumented", "example-response-type-mismatch", "response-type-from-example":
			got = append(got, fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Code))
		}
	}
	want := []string{
		"api/notebook-get.md:33 property-undocumented", // color: the page names notebook
		"api/notebook-getrecent.md:30 response-type-from-example",
		"api/notebook-getrecent.md:33 example-type-guessed",
		"api/notebook-getrecent.md:33 example-response-type-mismatch", // lastAccessedTime
		"api/notebook-getrecent.md:33 property-undocumented",          // links.oneNoteWebUrl
		"api/notebook-list.md:30 response-type-from-example",
		"api/notebook-list.md:33 property-undocumented", // isShared
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
