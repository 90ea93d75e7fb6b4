package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestResponseLinkTextOverPage: a Response section link whose text names
// one documented type and whose page documents another answers the text's
// type when the examples are annotated as it (beta's
// accessreviewinstancedecisionitem-list.md links
// "[accessReviewInstanceDecisionItem](../resources/accessreviewinstance.md)"),
// with response-link-mismatch; without such an annotation the page
// decides, as for any link.
func TestResponseLinkTextOverPage(t *testing.T) {
	page := func(name, annotation string) File {
		return File{Path: "api/" + name + ".md", Data: []byte(`# Get hours

Namespace: microsoft.graph

Get the hours.

## HTTP request

` + "```http\nGET /" + name + "\n```" + `

## Response

If successful, this method returns a ` + "`200 OK`" + ` response code and a [workingHours](../resources/mailboxsettings.md) object in the response body.

## Example

### Request

<!-- { "blockType": "request", "name": "get_` + name + `" } -->
` + "```http\nGET https://graph.microsoft.com/beta/" + name + "\n```" + `

### Response

<!-- { "blockType": "response"` + annotation + ` } -->
` + "```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" + `{"daysOfWeek": ["monday"]}
` + "```\n")}
	}
	var files []File
	for _, f := range unrelatedPages {
		if f.Path == "resources/mailboxsettings.md" || f.Path == "resources/workinghours.md" {
			files = append(files, f)
		}
	}
	files = append(files, page("annotated", `, "@odata.type": "microsoft.graph.workingHours"`), page("plain", ""))
	s := Parse(files)
	got := map[string]string{}
	for _, op := range s.Operations {
		got[op.Source.File] = op.ResponseType.Name
	}
	want := map[string]string{
		"api/annotated.md": "microsoft.graph.workingHours",
		"api/plain.md":     "microsoft.graph.mailboxSettings",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("response types (-want +got):\n%s", diff)
	}
	n := 0
	for _, d := range s.Diagnostics {
		if d.Code == "response-link-mismatch" {
			n++
			if d.File != "api/annotated.md" || d.Line != 15 {
				t.Errorf("response-link-mismatch at %s:%d, want api/annotated.md:15", d.File, d.Line)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d response-link-mismatch warnings, want 1", n)
	}
}
