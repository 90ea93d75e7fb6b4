package gen_test

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
)

// TestRawBodyExamples: an operation whose body is a JSON parameter table
// has an example sending a MIME message as text/plain, answered 202
// (user-sendmail.md). The operation takes text/plain raw
// (Operation.Raw), the example gets a test, and example-body-raw says so;
// an example sending text that claims to be JSON gets no test
// (example-body-not-json).
func TestRawBodyExamples(t *testing.T) {
	page := "# Send mail\n\nNamespace: microsoft.graph\n\nSend a message.\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPOST /me/sendMail\n```\n\n" +
		"## Request body\n\n| Parameter | Type | Description |\n|:---|:---|:---|\n| saveToSentItems | Boolean | Save it. |\n\n" +
		"## Response\n\nIf successful, this method returns a `202 Accepted` response code.\n\n## Examples\n\n" +
		"### Request\n\n<!-- { \"blockType\": \"request\", \"name\": \"send_mime\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/me/sendMail\nContent-Type: text/plain\n\nRnJvbTogQWxleA==\n```\n\n" +
		"### Response\n\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 202 Accepted\n```\n\n" +
		"### Request\n\n<!-- { \"blockType\": \"request\", \"name\": \"send_broken\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/me/sendMail\nContent-Type: application/json\n\n{\"saveToSentItems\": tru\n```\n\n" +
		"### Response\n\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 202 Accepted\n```\n"
	s, out := parseAndGenerate(t, []parser.File{{Path: "docs/api/user-sendmail.md", Rel: "api/user-sendmail.md", Data: []byte(page)}})
	tests := map[string]string{}
	for _, o := range s.Operations {
		for _, ex := range o.Examples {
			switch {
			case ex.Test != nil:
				tests[ex.Name] = "test"
			case ex.Reason != nil:
				tests[ex.Name] = *ex.Reason
			}
		}
	}
	if tests["send_mime"] != "test" || tests["send_broken"] != "example-body-not-json" {
		t.Errorf("examples: %v, want send_mime tested and send_broken example-body-not-json", tests)
	}
	raw := false
	for _, f := range out {
		if f.Name == "api-user-sendmail.go" {
			raw = strings.Contains(string(f.Data), `Raw: []string{"text/plain"}`)
		}
	}
	if !raw {
		t.Error("the operation does not take text/plain raw")
	}
	warned := 0
	for _, d := range s.Diagnostics {
		if d.Code == "example-body-raw" {
			warned++
		}
	}
	if warned != 1 {
		t.Errorf("%d example-body-raw warnings, want 1", warned)
	}
}
