package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// postPage is an operation page creating a typ at line whose examples
// send requests, alternately a path and a body.
func postPage(typ, line string, requests ...string) string {
	s := "# Create " + typ + "\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nPOST " + line + "\n```\n\n" +
		"## Request body\n\nIn the request body, supply a JSON representation of a [" + typ + "](../resources/" + typ + ".md) object.\n\n" +
		"## Response\n\nIf successful, this method returns a `201 Created` response code and a [" + typ + "](../resources/" + typ + ".md) object in the response body.\n\n"
	for i := 0; i+1 < len(requests); i += 2 {
		s += fmt.Sprintf("## Example %d\n\n### Request\n\n<!-- { \"blockType\": \"request\", \"name\": \"ex%d\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0%s\nContent-type: application/json\n\n%s\n```\n\n", i/2+1, i/2+1, requests[i], requests[i+1])
	}
	return s
}

// TestForeignExampleAddsNothing checks that an example requesting a path
// another page documents, and its own page does not, adds nothing to its
// own operation's types (example-members-foreign): beta's
// opentypeextension-post-opentypeextension creates a message holding an
// extension with POST /me/messages, and openTypeExtension had got the
// message's subject, body and toRecipients; rangeformat-update's examples
// of PATCH .../format/font gave the format update the font's members. An
// example of its own path still adds what it shows.
func TestForeignExampleAddsNothing(t *testing.T) {
	s := Parse([]File{
		{Path: "resources/ext.md", Data: []byte("# ext resource type\n\nNamespace: microsoft.graph\n\nAn extension.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|The id.|\n")},
		{Path: "resources/msg.md", Data: []byte("# msg resource type\n\nNamespace: microsoft.graph\n\nA message.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|subject|String|The subject.|\n")},
		{Path: "api/msg-post.md", Data: []byte(postPage("msg", "/me/msgs", "/me/msgs", `{"subject": "Hi"}`))},
		{Path: "api/ext-post.md", Data: []byte(postPage("ext", "/me/msgs/{id}/exts", "/me/msgs", `{"subject": "Hi", "exts": [{"id": "1"}]}`, "/me/msgs/1/exts", `{"id": "2", "extensionName": "x"}`))},
	})
	got := map[string][]string{}
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			got[ty.Name] = append(got[ty.Name], p.Name)
		}
	}
	want := map[string][]string{"ext": {"id", "extensionName"}, "msg": {"subject"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	var diags []string
	for _, d := range s.Diagnostics {
		if d.Code == "example-members-foreign" || d.Code == "property-undocumented" {
			diags = append(diags, fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Code))
		}
	}
	if diff := cmp.Diff([]string{"api/ext-post.md:25 example-members-foreign", "api/ext-post.md:40 property-undocumented"}, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
