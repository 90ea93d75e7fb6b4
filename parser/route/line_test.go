package route

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// issue is the part of an Issue the tests compare (messages may be reworded).
type issue struct {
	Col  int
	Code string
}

func codes(is []Issue) []issue {
	var out []issue
	for _, i := range is {
		out = append(out, issue{i.Col, i.Code})
	}
	return out
}

// TestParseLine has a case for each request-line shape in CENSUS.md §2; the
// lines are copied from the pages named in the comments.
func TestParseLine(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   Line
		ok     bool
		issues []issue
	}{
		{
			name: "camelCase placeholder (intune-deviceconfig-deviceconfigurationuserstatus-list.md)",
			in:   "GET /deviceManagement/deviceConfigurations/{deviceConfigurationId}/userStatuses",
			want: Line{Method: "GET", Pattern: "/deviceManagement/deviceConfigurations/{deviceConfigurationId}/userStatuses", Params: []string{"deviceConfigurationId"}},
			ok:   true,
		},
		{
			name: "cast segment (intune-deviceconfig-deviceconfigurationuserstatus-list.md)",
			in:   "GET /deviceManagement/deviceConfigurations/{deviceConfigurationId}/microsoft.graph.iosScepCertificateProfile/rootCertificate/userStatuses",
			want: Line{Method: "GET", Pattern: "/deviceManagement/deviceConfigurations/{deviceConfigurationId}/microsoft.graph.iosScepCertificateProfile/rootCertificate/userStatuses", Params: []string{"deviceConfigurationId"}},
			ok:   true,
		},
		{
			name: "{id} (v1.0 call-transfer.md)",
			in:   "POST /communications/calls/{id}/transfer",
			want: Line{Method: "POST", Pattern: "/communications/calls/{id}/transfer", Params: []string{"id"}},
			ok:   true,
		},
		{
			name: "{id | userPrincipalName} and a repeated {id} (message-delete.md)",
			in:   "DELETE /users/{id | userPrincipalName}/mailFolders/{id}/messages/{id}",
			want: Line{Method: "DELETE", Pattern: "/users/{id|userPrincipalName}/mailFolders/{id}/messages/{id}", Params: []string{"id|userPrincipalName", "id", "id"}},
			ok:   true,
		},
		{
			name: "{id|name} and drive path (chartaxis-update.md)",
			in:   "PATCH /me/drive/root:/{item-path}:/workbook/worksheets/{id|name}/charts/{name}/axes/valueaxis",
			want: Line{Method: "PATCH", Pattern: "/me/drive/root:/{item-path}:/workbook/worksheets/{id|name}/charts/{name}/axes/valueaxis", Params: []string{"item-path", "id|name", "name"}},
			ok:   true,
		},
		{
			name:   "<address> inside a function argument (v1.0 range-delete.md)",
			in:     "POST /me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='<address>')/delete",
			want:   Line{Method: "POST", Pattern: "/me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='{address}')/delete", Params: []string{"id", "id|name", "address"}},
			ok:     true,
			issues: []issue{{72, CodeAnglePlaceholder}},
		},
		{
			name:   "stand-in argument values (beta intune-onboarding-vpptoken-getlicensesforapp.md and friends)",
			in:     "GET /deviceAppManagement/vppTokens/getLicensesForApp(bundleId='parameterValue',top=parameterValue)",
			want:   Line{Method: "GET", Pattern: "/deviceAppManagement/vppTokens/getLicensesForApp(bundleId='{bundleId}',top={top})", Params: []string{"bundleId", "top"}},
			ok:     true,
			issues: []issue{{64, CodeParameterValue}, {84, CodeParameterValue}},
		},
		{
			name: "parameterValue as a literal segment stays literal",
			in:   "GET /things/parameterValue(x={x})",
			want: Line{Method: "GET", Pattern: "/things/parameterValue(x={x})", Params: []string{"x"}},
			ok:   true,
		},
		{
			// A value in a request line would be the only one a route
			// matches (reportroot-getteamsuseractivitycounts.md,
			// range-columnsafter.md, notebook-getrecentnotebooks.md).
			name:   "example argument values become placeholders",
			in:     "GET /reports/getTeamsUserActivityCounts(period='D7',date=2017-09-01,n=n,x=includePersonalNotebooks-value)",
			want:   Line{Method: "GET", Pattern: "/reports/getTeamsUserActivityCounts(period='{period}',date={date},n={n},x={x})", Params: []string{"period", "date", "n", "x"}},
			ok:     true,
			issues: []issue{{49, CodeParameterValue}, {58, CodeParameterValue}, {71, CodeParameterValue}, {75, CodeParameterValue}},
		},
		{
			name: "a value with parentheses, a placeholder or an \"=\" outside an argument stays",
			in:   "GET /a/f(x=g(1),y='{y}')/b=c",
			want: Line{Method: "GET", Pattern: "/a/f(x=g(1),y='{y}')/b=c", Params: []string{"y"}},
			ok:   true,
		},
		{
			name: "function with period argument (reportroot-getoffice365groupsactivitycounts.md)",
			in:   "GET /reports/getOffice365GroupsActivityCounts(period='{period_value}')",
			want: Line{Method: "GET", Pattern: "/reports/getOffice365GroupsActivityCounts(period='{period_value}')", Params: []string{"period_value"}},
			ok:   true,
		},
		{
			name: "function with date argument (census §2)",
			in:   "GET /reports/getOffice365ActiveUserDetail(date={date_value})",
			want: Line{Method: "GET", Pattern: "/reports/getOffice365ActiveUserDetail(date={date_value})", Params: []string{"date_value"}},
			ok:   true,
		},
		{
			name: "{Id} (user-list-contacts.md)",
			in:   "GET /me/contactfolders/{Id}/contacts",
			want: Line{Method: "GET", Pattern: "/me/contactfolders/{Id}/contacts", Params: []string{"Id"}},
			ok:   true,
		},
		{
			name:   `"..." segment (user-list-contacts.md)`,
			in:     "GET /me/contactFolders/{id}/childFolders/{id}/.../contacts",
			want:   Line{Method: "GET", Pattern: "/me/contactFolders/{id}/childFolders/{id}/.../contacts", Params: []string{"id", "id"}},
			ok:     true,
			issues: []issue{{47, CodeEllipsis}},
		},
		{
			name: "{team-Id} (teamworktag-delete.md)",
			in:   "DELETE /teams/{team-Id}/tags/{teamworkTag-Id}",
			want: Line{Method: "DELETE", Pattern: "/teams/{team-Id}/tags/{teamworkTag-Id}", Params: []string{"team-Id", "teamworkTag-Id"}},
			ok:   true,
		},
		{
			name: "{principal id} in the query (rbacapplication-list-roleassignments.md)",
			in:   "GET /roleManagement/directory/roleAssignments?$filter=principalId eq '{principal id}'",
			want: Line{Method: "GET", Pattern: "/roleManagement/directory/roleAssignments", Query: "$filter=principalId eq '{principal id}'"},
			ok:   true,
		},
		{
			name: "{tenant id} in the path (census §2)",
			in:   "GET /organization/{tenant id}/branding/{property name}",
			want: Line{Method: "GET", Pattern: "/organization/{tenant id}/branding/{property name}", Params: []string{"tenant id", "property name"}},
			ok:   true,
		},
		{
			name: "{ServiceName} (servicehealth-get.md)",
			in:   "GET /admin/serviceAnnouncement/healthOverviews/{ServiceName}",
			want: Line{Method: "GET", Pattern: "/admin/serviceAnnouncement/healthOverviews/{ServiceName}", Params: []string{"ServiceName"}},
			ok:   true,
		},
		{
			name: "quoted segment with query (bitlockerrecoverykey-get.md)",
			in:   "GET /informationProtection/bitlocker/recoveryKeys/'{bitlockeryRecoveryKeyId}'?$select=key",
			want: Line{Method: "GET", Pattern: "/informationProtection/bitlocker/recoveryKeys/'{bitlockeryRecoveryKeyId}'", Params: []string{"bitlockeryRecoveryKeyId"}, Query: "$select=key"},
			ok:   true,
		},
		{
			name:   "glued {id}$ref (application-delete-tokenlifetimepolicies.md)",
			in:     "DELETE /servicePrincipals/{id}/tokenLifetimePolicies/{id}$ref",
			want:   Line{Method: "DELETE", Pattern: "/servicePrincipals/{id}/tokenLifetimePolicies/{id}/$ref", Params: []string{"id", "id"}},
			ok:     true,
			issues: []issue{{58, CodeGluedSegment}},
		},
		{
			name:   "~/ prefix (onpremisesagentgroup-delete.md)",
			in:     "DELETE ~/onPremisesPublishingProfiles/{publishingType}/agentGroups/{id1}",
			want:   Line{Method: "DELETE", Pattern: "/onPremisesPublishingProfiles/{publishingType}/agentGroups/{id1}", Params: []string{"publishingType", "id1"}},
			ok:     true,
			issues: []issue{{8, CodeNormalized}},
		},
		{
			name:   "~/ prefix and trailing slash (census §2)",
			in:     "GET ~/onPremisesPublishingProfiles/{publishingType}/",
			want:   Line{Method: "GET", Pattern: "/onPremisesPublishingProfiles/{publishingType}", Params: []string{"publishingType"}},
			ok:     true,
			issues: []issue{{5, CodeNormalized}, {52, CodeNormalized}},
		},
		{
			name:   "absolute URL (v1.0 listitem-delete.md)",
			in:     "DELETE https://graph.microsoft.com/v1.0/sites/{site-id}/lists/{list-id}/items/{item-id}",
			want:   Line{Method: "DELETE", Pattern: "/sites/{site-id}/lists/{list-id}/items/{item-id}", Params: []string{"site-id", "list-id", "item-id"}},
			ok:     true,
			issues: []issue{{8, CodeNormalized}, {35, CodeNormalized}},
		},
		{
			name:   "version prefix without host",
			in:     "GET /beta/me/events",
			want:   Line{Method: "GET", Pattern: "/me/events"},
			ok:     true,
			issues: []issue{{5, CodeNormalized}},
		},
		{
			name:   "no leading slash (census §2)",
			in:     "GET me/devices",
			want:   Line{Method: "GET", Pattern: "/me/devices"},
			ok:     true,
			issues: []issue{{5, CodeNormalized}},
		},
		{
			name:   "broken generator output (intune-partnerintegration-vulnerablemanageddevice-update.md)",
			in:     "PATCH ** Entity URI for microsoft.management.services.api.vulnerableManagedDevice not found",
			issues: []issue{{7, CodeInvalid}},
		},
		{
			name:   "pipe outside braces (v1.0 chat-get-members.md)",
			in:     "GET /users/{user-id} | user-principal-name/chats/{chat-id}/members/{membership-id}",
			want:   Line{Method: "GET", Pattern: "/users/{user-id|user-principal-name}/chats/{chat-id}/members/{membership-id}", Params: []string{"user-id|user-principal-name", "chat-id", "membership-id"}},
			ok:     true,
			issues: []issue{{22, CodePipeOutsideBraces}},
		},
		{
			name:   "no space after the method (b2xidentityuserflow-delete-userflowidentityproviders.md)",
			in:     "DELETE/identity/b2xUserFlows/{userflow-id}/userflowIdentityProviders/{id}/$ref",
			want:   Line{Method: "DELETE", Pattern: "/identity/b2xUserFlows/{userflow-id}/userflowIdentityProviders/{id}/$ref", Params: []string{"userflow-id", "id"}},
			ok:     true,
			issues: []issue{{7, CodeNormalized}},
		},
		{
			name: "drive path with two colons (v1.0 driveitem-put-content.md)",
			in:   "PUT /drives/{drive-id}/items/{parent-id}:/{filename}:/content",
			want: Line{Method: "PUT", Pattern: "/drives/{drive-id}/items/{parent-id}:/{filename}:/content", Params: []string{"drive-id", "parent-id", "filename"}},
			ok:   true,
		},
		{
			name: "lambda filter with spaces in the query (census §2)",
			in:   "GET /groups/{Id}/events?$filter=Extensions/any(f:f/id eq '{extensionId}')&$expand=Extensions($filter=id eq '{extensionId}')",
			want: Line{Method: "GET", Pattern: "/groups/{Id}/events", Params: []string{"Id"}, Query: "$filter=Extensions/any(f:f/id eq '{extensionId}')&$expand=Extensions($filter=id eq '{extensionId}')"},
			ok:   true,
		},
		{
			name: "space inside function arguments (census §2)",
			in:   "GET /me/drive/root:/{item-path}:/workbook/worksheets/{id|name}/range/resizedRange(deltaRows={deltaRows}, deltaColumns={deltaColumns})",
			want: Line{Method: "GET", Pattern: "/me/drive/root:/{item-path}:/workbook/worksheets/{id|name}/range/resizedRange(deltaRows={deltaRows}, deltaColumns={deltaColumns})", Params: []string{"item-path", "id|name", "deltaRows", "deltaColumns"}},
			ok:   true,
		},
		{
			name: "cast with quoted argument (census §2)",
			in:   "GET /me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'{timezone_format}')",
			want: Line{Method: "GET", Pattern: "/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'{timezone_format}')", Params: []string{"timezone_format"}},
			ok:   true,
		},
		{
			name: "$count and $value segments",
			in:   "GET /contacts/{id}/transitiveReports/$count",
			want: Line{Method: "GET", Pattern: "/contacts/{id}/transitiveReports/$count", Params: []string{"id"}},
			ok:   true,
		},
		{
			name:   "angle placeholder segment (census §2)",
			in:     "GET /privilegedAccess/azureResources/resources/<resourceId>/roleSettings",
			want:   Line{Method: "GET", Pattern: "/privilegedAccess/azureResources/resources/{resourceId}/roleSettings", Params: []string{"resourceId"}},
			ok:     true,
			issues: []issue{{48, CodeAnglePlaceholder}},
		},
		{
			name:   "parenthesized placeholder segment",
			in:     "GET /teams/(team-id)/channels/{channel-id}/messages/{message-id}",
			want:   Line{Method: "GET", Pattern: "/teams/{team-id}/channels/{channel-id}/messages/{message-id}", Params: []string{"team-id", "channel-id", "message-id"}},
			ok:     true,
			issues: []issue{{12, CodeParenPlaceholder}},
		},
		{
			name:   "percent escape in a concrete template",
			in:     "DELETE https://graph.microsoft.com/beta/teams/ece6f0a1/channels/19%3A56eb04e1%40thread.skype/members/ZWUw",
			want:   Line{Method: "DELETE", Pattern: "/teams/ece6f0a1/channels/19:56eb04e1@thread.skype/members/ZWUw", Params: nil},
			ok:     true,
			issues: []issue{{8, CodeNormalized}, {35, CodeNormalized}, {67, CodeNormalized}},
		},
		{
			name:   "lower-case method",
			in:     "get /me/events",
			want:   Line{Method: "GET", Pattern: "/me/events"},
			ok:     true,
			issues: []issue{{1, CodeMethodCase}},
		},
		{
			name:   "trailing comment",
			in:     "GET /me/events (deprecated)",
			want:   Line{Method: "GET", Pattern: "/me/events"},
			ok:     true,
			issues: []issue{{16, CodeTrailingText}},
		},
		{
			name:   "real function parentheses are not a comment",
			in:     "GET /me/drive/root/search(q='Contoso Project')",
			want:   Line{Method: "GET", Pattern: "/me/drive/root/search(q='{q}')", Params: []string{"q"}},
			ok:     true,
			issues: []issue{{30, CodeParameterValue}},
		},
		{
			name:   "unbalanced parenthesis (census §2)",
			in:     "POST /me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='<address>'/entireRow",
			want:   Line{Method: "POST", Pattern: "/me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='{address}'/entireRow", Params: []string{"id", "id|name", "address"}},
			ok:     true,
			issues: []issue{{62, CodeUnbalanced}, {72, CodeAnglePlaceholder}},
		},
		{
			name:   "empty placeholder",
			in:     "GET /users/{}/events",
			want:   Line{Method: "GET", Pattern: "/users/{param}/events", Params: []string{"param"}},
			ok:     true,
			issues: []issue{{12, CodePlaceholderName}},
		},
		{
			name:   "unclosed brace",
			in:     "GET /users/{id/events",
			want:   Line{Method: "GET", Pattern: "/users/{id}/events", Params: []string{"id"}},
			ok:     true,
			issues: []issue{{12, CodeUnbalanced}},
		},
		{
			name:   "backticks",
			in:     "GET `/me/events`",
			want:   Line{Method: "GET", Pattern: "/me/events"},
			ok:     true,
			issues: []issue{{5, CodeNormalized}},
		},
		{
			name:   "GUIDs for placeholders (educationassignment-update.md)",
			in:     "PATCH /education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/assignments/cf6005fc-9e13-44a2-a6ac-a53322006454",
			want:   Line{Method: "PATCH", Pattern: "/education/classes/{class-id}/assignments/{assignment-id}", Params: []string{"class-id", "assignment-id"}},
			ok:     true,
			issues: []issue{{26, CodeLiteralID}, {75, CodeLiteralID}},
		},
		{
			name:   "dashless GUID and GUID after a placeholder, names kept unique",
			in:     "DELETE /cases/{class-id}/custodians/2192ca408ea2410eba3bec8ae873be6b/{x}/33434233-3030-3739-3043-393039324633",
			want:   Line{Method: "DELETE", Pattern: "/cases/{class-id}/custodians/{custodian-id}/{x}/{id}", Params: []string{"class-id", "custodian-id", "x", "id"}},
			ok:     true,
			issues: []issue{{37, CodeLiteralID}, {74, CodeLiteralID}},
		},
		{
			name:   "base64 id (userteamwork-teamsappinstallation-upgrade.md)",
			in:     "POST /users/{user-id}/teamwork/installedApps/NWI2NDk4MzQtNzQxMi00Y2NlLTllNjktMTc2ZTk1YTM5NGY1IyNh/upgrade",
			want:   Line{Method: "POST", Pattern: "/users/{user-id}/teamwork/installedApps/{installedApp-id}/upgrade", Params: []string{"user-id", "installedApp-id"}},
			ok:     true,
			issues: []issue{{46, CodeLiteralID}},
		},
		{
			name: "function names with digits are not ids",
			in:   "GET /reports/getOffice365ActiveUserCounts/getM365AppPlatformUserCounts/getSharePointSiteUsageDetail",
			want: Line{Method: "GET", Pattern: "/reports/getOffice365ActiveUserCounts/getM365AppPlatformUserCounts/getSharePointSiteUsageDetail"},
			ok:   true,
		},
		{name: "method alone", in: "GET", issues: []issue{{4, CodeInvalid}}},
		{name: "host without path", in: "GET https://graph.microsoft.com/v1.0", issues: []issue{{5, CodeNormalized}, {32, CodeNormalized}, {37, CodeInvalid}}},
		{name: "header", in: "Content-Type: application/json"},
		{name: "prose", in: "or"},
		{name: "prose with a lower-case method word", in: "Delete the item"},
		{name: "blank", in: "   "},
		{name: "method prefix of a longer word", in: "GETTING /me"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, issues := ParseLine(tt.in)
			if ok != tt.ok {
				t.Errorf("ParseLine(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(Line{}, "Raw")); diff != "" {
				t.Errorf("ParseLine(%q) line (-want +got):\n%s", tt.in, diff)
			}
			if diff := cmp.Diff(tt.issues, codes(issues)); diff != "" {
				t.Errorf("ParseLine(%q) issues (-want +got):\n%s\n%v", tt.in, diff, issues)
			}
		})
	}
}

func TestParseLineRaw(t *testing.T) {
	l, ok, _ := ParseLine("  GET   /me/messages/{id}/$value \t")
	if !ok || l.Raw != "GET   /me/messages/{id}/$value" || l.Pattern != "/me/messages/{id}/$value" {
		t.Errorf("got %+v, %v", l, ok)
	}
}
