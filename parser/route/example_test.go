package route

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExampleTarget(t *testing.T) {
	tests := []struct {
		in                string
		path, query, host string
		issues            []issue
	}{
		{in: "https://graph.microsoft.com/beta/users/{id}?$select=x", path: "/users/{id}", query: "$select=x"},
		{in: "https://graph.microsoft.com/v1.0/me/events", path: "/me/events"},
		{in: "https://graph.microsoft.com/V1.0/chats/{id}/members/{id}", path: "/chats/{id}/members/{id}", issues: []issue{{28, CodeExampleNormalized}}},
		{in: "https://graph.microsoft.com/v1/me", path: "/me", issues: []issue{{28, CodeExampleNormalized}}},
		{in: "/me/events", path: "/me/events"},
		{in: "me/devices/{id}/commands", path: "/me/devices/{id}/commands", issues: []issue{{1, CodeExampleNormalized}}},
		{in: "https://graph.microsoft.com/beta/admin/serviceAnnouncement/healthOverviews/Microsoft 365 suite", path: "/admin/serviceAnnouncement/healthOverviews/Microsoft 365 suite"},
		{in: "GET https://bot.contoso.com/api/calls", path: "/api/calls", host: "bot.contoso.com", issues: []issue{{1, CodeExampleNormalized}, {5, CodeForeignHost}}},
		{in: "https://graph.microsoft.com/beta/chats/19%3Ad657%40thread.v2/installedApps?$filter=id%20eq%20'x'", path: "/chats/19:d657@thread.v2/installedApps", query: "$filter=id%20eq%20'x'"},
		{in: "https://graph.microsoft.com/beta/me/activities/%2Farticle%3F12345", path: "/me/activities//article?12345"},
		{in: "/me/x%zz/y%4", path: "/me/x%zz/y%4", issues: []issue{{6, CodeBadEscape}, {11, CodeBadEscape}}},
		{in: "https://graph.microsoft.com/beta/communications/onlineMeetings/?$filter=a", path: "/communications/onlineMeetings", query: "$filter=a", issues: []issue{{63, CodeExampleNormalized}}},
		{in: "/me/drive/root/search(q='what?')?$top=1", path: "/me/drive/root/search(q='what?')", query: "$top=1"},
		{in: "https://graph.microsoft.com/v1.0/me HTTP/1.1", path: "/me", issues: []issue{{37, CodeExampleNormalized}}},
		{in: "https://graph.microsoft.com/beta", path: "/", issues: []issue{{33, CodeExampleNormalized}}},
	}
	for _, tt := range tests {
		path, query, host, issues := ExampleTarget(tt.in)
		got := []string{path, query, host}
		if diff := cmp.Diff([]string{tt.path, tt.query, tt.host}, got); diff != "" {
			t.Errorf("ExampleTarget(%q) (-want +got):\n%s", tt.in, diff)
		}
		if diff := cmp.Diff(tt.issues, codes(issues)); diff != "" {
			t.Errorf("ExampleTarget(%q) issues (-want +got):\n%s\n%v", tt.in, diff, issues)
		}
	}
}
