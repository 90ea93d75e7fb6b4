package parser

import (
	"testing"
)

// TestNoBodySaid covers the corpus's Request body sentences (counts over
// both folders in the comments): a sentence says there is no body only
// when it is about the body.
func TestNoBodySaid(t *testing.T) {
	for _, c := range []struct {
		text           string
		none, optional bool
	}{
		{"Do not supply a request body for this method.", true, false}, // 3,977
		{"Don't supply a request body for this method.", true, false},  // 30
		{"No request body should be supplied.", true, false},           // 9
		{"Do not supply a body for this request.", true, false},        // 1
		{"No request body is required.", true, true},                   // 4
		{"This method does not require a request body.", true, true},   // 3
		{"In the request body, supply the values for relevant fields that should be updated. For best performance, don't include existing values that haven't changed.", false, false}, // 125
		{"Do not include parameters.", false, false}, // user-sendmail.md's MIME note
		{"No request body is required. However, you can specify properties in the request body.", true, true},
		{"No request body is required. Do not supply a request body.", true, false},
	} {
		none, optional := noBodySaid(c.text)
		if none != c.none || optional != c.optional {
			t.Errorf("noBodySaid(%q) = %v, %v; want %v, %v", c.text, none, optional, c.none, c.optional)
		}
	}
}

// TestRequestBodyReading reads three Request body sections: an update
// page's table with its "don't include existing values" sentence (a body),
// a function whose table documents URL parameters (no body,
// request-body-url-parameters), and an optional body with a table (a
// body).
func TestRequestBodyReading(t *testing.T) {
	page := func(method, line, body string) string {
		return "# Op\n\nNamespace: microsoft.graph\n\nDoes it.\n\n## HTTP request\n\n```http\n" + method + " " + line + "\n```\n\n## Request body\n\n" + body +
			"\n\n## Response\n\nIf successful, this method returns a `204 No Content` response code.\n"
	}
	table := "| Parameter | Type | Description |\n|:---|:---|:---|\n| platform | String | The platform. |\n"
	for _, c := range []struct {
		name, method, line, body string
		params                   []string
		warned                   bool
	}{
		{"update", "PATCH", "/things/{id}", "In the request body, supply the values for relevant fields that should be updated. For best performance, don't include existing values that haven't changed.\n\n" + table, []string{"platform"}, false},
		{"url", "GET", "/things/getForPlatform(platform={platform})", "In the request URL, provide the following query parameters with values.\n\n" + table, nil, true},
		{"optional", "POST", "/things/upload", "No request body is required. However, you can specify properties in the request body.\n\n" + table, []string{"platform"}, false},
		{"none", "POST", "/things/ping", "Do not supply a request body for this method.\n\n" + table, nil, false},
	} {
		s := Parse([]File{{Path: "api/" + c.name + ".md", Data: []byte(page(c.method, c.line, c.body))}})
		if len(s.Operations) != 1 {
			t.Fatalf("%s: %d operations", c.name, len(s.Operations))
		}
		var params []string
		for _, p := range s.Operations[0].Parameters {
			params = append(params, p.Name)
		}
		if len(params) != len(c.params) || len(params) > 0 && params[0] != c.params[0] {
			t.Errorf("%s: parameters %v, want %v", c.name, params, c.params)
		}
		warned := false
		for _, d := range s.Diagnostics {
			warned = warned || d.Code == "request-body-url-parameters"
		}
		if warned != c.warned {
			t.Errorf("%s: request-body-url-parameters %v, want %v", c.name, warned, c.warned)
		}
	}
}

// TestRequestBodyEndsAtResponse: a Response heading nested under Request
// body (v1.0 workbookrange-visibleview.md) ends the body section, so the
// response type it links is no request type.
func TestRequestBodyEndsAtResponse(t *testing.T) {
	page := "# Get view\n\nNamespace: microsoft.graph\n\nGets it.\n\n## HTTP request\n\n```http\nGET /me/drive/items/{id}/workbook/range/visibleView\n```\n\n" +
		"## Request body\n\n### Response\nIf successful, this method returns a `200 OK` response code and a [workbookRangeView](../resources/workbookrangeview.md) object in the response body.\n"
	res := "# workbookRangeView resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| rowCount | Int32 | Rows. |\n"
	s := Parse([]File{{Path: "api/workbookrange-visibleview.md", Data: []byte(page)}, {Path: "resources/workbookrangeview.md", Data: []byte(res)}})
	if len(s.Operations) != 1 {
		t.Fatalf("%d operations", len(s.Operations))
	}
	if op := s.Operations[0]; op.RequestType != nil || op.ResponseType == nil || op.ResponseType.Name != "microsoft.graph.workbookRangeView" {
		t.Errorf("request type %v, response type %v; want none and workbookRangeView", op.RequestType, op.ResponseType)
	}
}
