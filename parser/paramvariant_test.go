package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParameterSpellingVariant checks that an example request sending a
// parameter in another case than the table ("Comment" for comment, as
// beta's event-cancel.md does) is read as that parameter, with a
// property-name-variant warning, not added as a second parameter: that
// had become a field Comment_2 `json:"Comment"` beside Comment.
func TestParameterSpellingVariant(t *testing.T) {
	page := `# event: cancel

Namespace: microsoft.graph

Cancel an event.

## HTTP request

` + "```http\nPOST /events/{id}/cancel\n```" + `

## Request body

|Parameter|Type|Description|
|:---|:---|:---|
|comment|String|A comment.|

## Response

If successful, this method returns ` + "`202 Accepted`" + ` response code. It does not return anything in the response body.

## Example

### Request

<!-- { "blockType": "request", "name": "event_cancel" } -->
` + "```http\nPOST https://graph.microsoft.com/beta/events/1/cancel\nContent-type: application/json\n\n" + `{
  "Comment": "Cancelling for this week",
  "reason": "all hands"
}
` + "```" + `

### Response

<!-- { "blockType": "response" } -->
` + "```http\nHTTP/1.1 202 Accepted\n```\n"
	s := Parse([]File{{Path: "api/event-cancel.md", Data: []byte(page)}})
	if len(s.Operations) != 1 {
		t.Fatalf("%d operations, want 1", len(s.Operations))
	}
	var params []string
	for _, p := range s.Operations[0].Parameters {
		params = append(params, p.Name)
	}
	if diff := cmp.Diff([]string{"comment", "reason"}, params); diff != "" {
		t.Errorf("parameters (-want +got):\n%s", diff)
	}
	var got []string
	for _, d := range s.Diagnostics {
		switch d.Code {
		case "property-name-variant", "parameter-undocumented":
			got = append(got, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
		}
	}
	want := []string{"33:3 property-name-variant", "34:3 parameter-undocumented"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
