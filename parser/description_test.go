package parser

import "testing"

// TestDescriptionSkipsCallouts checks that a page's description is its
// first paragraph outside blockquotes: the "> **Important:**" and
// "> **Note:**" callouts every Intune beta page opens with are about the
// docs, and became the Go doc of 2,466 beta operations before.
func TestDescriptionSkipsCallouts(t *testing.T) {
	page := `# Create widget

Namespace: microsoft.graph

> **Important:** Microsoft Graph APIs under the /beta version are subject to change; production use is not supported.

> **Note:** The Microsoft Graph API for Intune requires an active Intune license.

Create a new [widget](../resources/widget.md) object.

## HTTP request

` + "```http\nPOST /widgets\n```\n"
	onlyQuote := "# Get gadget\n\n> **Note:** Only a note.\n\n## HTTP request\n\n```http\nGET /gadgets\n```\n"
	s := Parse([]File{{Path: "api/widget-create.md", Data: []byte(page)}, {Path: "api/gadget-get.md", Data: []byte(onlyQuote)}})
	want := map[string]string{"api/widget-create.md": "Create a new widget object.", "api/gadget-get.md": ""}
	for _, op := range s.Operations {
		if w, ok := want[op.Source.File]; !ok || op.Description != w {
			t.Errorf("%s: description %q, want %q", op.Source.File, op.Description, w)
		}
		delete(want, op.Source.File)
	}
	for f := range want {
		t.Errorf("%s: no operation", f)
	}
}
