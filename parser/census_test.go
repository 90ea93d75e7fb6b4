package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// censusSchema parses the census fixture pages (see testdata/README.md).
func censusSchema(t *testing.T) *schema.Schema {
	t.Helper()
	files, err := ReadPaths([]string{"testdata/census/beta", "testdata/census/v1.0"})
	if err != nil {
		t.Fatal(err)
	}
	return Parse(files)
}

func opOf(t *testing.T, s *schema.Schema, page string) *schema.Operation {
	t.Helper()
	for _, op := range s.Operations {
		if strings.HasSuffix(op.Source.File, page) {
			return op
		}
	}
	t.Fatalf("no operation from %s", page)
	return nil
}

// TestCensusRoutes covers the request-line shapes CENSUS.md lists.
func TestCensusRoutes(t *testing.T) {
	s := censusSchema(t)
	for _, tc := range []struct {
		page     string
		patterns []string
	}{
		// {id | userPrincipalName} with spaces, several lines per block.
		{"beta/api/user-get.md", []string{"/users/{id|userPrincipalName}", "/me"}},
		// Function segment with a quoted argument.
		{"beta/api/reportroot-getoffice365groupsactivitycounts.md", []string{"/reports/getOffice365GroupsActivityCounts(period='{period_value}')"}},
		// Drive-path addressing root:/{item-path}:.
		{"beta/api/table-databodyrange.md", []string{
			"/me/drive/items/{id}/workbook/tables/{id|name}/DataBodyRange",
			"/me/drive/root:/{item-path}:/workbook/tables/{id|name}/DataBodyRange",
			"/me/drive/items/{id}/workbook/worksheets/{id|name}/tables/{id|name}/DataBodyRange",
			"/me/drive/root:/{item-path}:/workbook/worksheets/{id|name}/tables/{id|name}/DataBodyRange"}},
		// Repeated {id} and a glued {id}$ref.
		{"beta/api/application-delete-tokenlifetimepolicies.md", []string{
			"/applications/{id}/tokenLifetimePolicies/{id}/$ref", "/servicePrincipals/{id}/tokenLifetimePolicies/{id}/$ref"}},
		// The pipe outside the braces.
		{"v1.0/api/chat-get-members.md", []string{
			"/chats/{chat-id}/members/{membership-id}", "/users/{user-id|user-principal-name}/chats/{chat-id}/members/{membership-id}"}},
	} {
		op := opOf(t, s, tc.page)
		var got []string
		for _, r := range op.Routes {
			got = append(got, r.Pattern)
		}
		if diff := cmp.Diff(tc.patterns, got); diff != "" {
			t.Errorf("%s routes (-want +got):\n%s", tc.page, diff)
		}
	}
}

// TestCensusExamples covers example forms: tab groups, templates that
// double as examples, ignored report variants, name lists.
func TestCensusExamples(t *testing.T) {
	s := censusSchema(t)
	for _, tc := range []struct {
		page  string
		names []string
	}{
		{"beta/api/user-get.md", []string{"get_user", "get_other_user"}},
		{"beta/api/drive-get-specialfolder.md", []string{"get-special-folder", "get-special-children"}},
		{"beta/api/reportroot-getoffice365groupsactivitycounts.md", []string{"reportroot_getoffice365groupsactivitycounts_csv", "reportroot_getoffice365groupsactivitycounts_json"}},
		{"beta/api/user-getmailtips.md", []string{"user_getmailtips"}},
		{"beta/api/intune-deviceconfig-macossoftwareupdateaccountsummary-get.md", []string{"intune-deviceconfig-macossoftwareupdateaccountsummary-get-1"}},
	} {
		op := opOf(t, s, tc.page)
		var got []string
		for _, ex := range op.Examples {
			got = append(got, ex.Name)
			if ex.Response.Status == 0 {
				t.Errorf("%s: example %s has no response", tc.page, ex.Name)
			}
		}
		if diff := cmp.Diff(tc.names, got); diff != "" {
			t.Errorf("%s examples (-want +got):\n%s", tc.page, diff)
		}
	}
	if op := opOf(t, s, "reportroot-getoffice365groupsactivitycounts.md"); op.Status != 302 {
		t.Errorf("status under a ### CSV sub-heading of Response: %d, want 302", op.Status)
	}
}

// TestCensusEnums covers enum definitions: Intune single-enum pages,
// enums.md sections, enum tables inside resource pages, and value lists
// with notes in parentheses.
func TestCensusEnums(t *testing.T) {
	s := censusSchema(t)
	enums := map[string][]string{}
	for _, e := range s.Enums {
		enums[e.Name] = e.Members
	}
	for name, want := range map[string][]string{
		"windowsStartMenuModeType": {"userDefined", "fullScreen", "nonFullScreen"},
		"activityType":             {"signin", "user", "unknownFutureValue"},
		"wellknownListName":        {"none", "defaultList", "flaggedEmails", "unknownFutureValue"},
		"usageAuthMethod":          {"email", "mobileSMS", "mobileCall", "officePhone", "securityQuestion", "appNotification", "appCode", "alternateMobileCall", "fido", "appPassword", "unknownFutureValue"},
	} {
		if diff := cmp.Diff(want, enums[name]); diff != "" {
			t.Errorf("enum %s (-want +got):\n%s", name, diff)
		}
	}
	if len(enums) < 140 {
		t.Errorf("%d enums, want the 130+ sections of enums.md and the others", len(enums))
	}
}

// TestCensusRecoveries covers markdown the parser must repair, each with a
// diagnostic at the right line.
func TestCensusRecoveries(t *testing.T) {
	s := censusSchema(t)
	want := map[string]string{
		"beta/resources/printercapabilities.md:51": "table-delimiter-mismatch",
		"beta/api/accessreview-get.md:85":          "annotation-repaired",
		"beta/api/user-getmailtips.md:102":         "annotation-repaired",
		"v1.0/api/chat-get-members.md:41":          "request-line-pipe-outside-braces",
	}
	found := map[string]bool{}
	for _, d := range s.Diagnostics {
		for at, code := range want {
			if strings.HasSuffix(d.File, strings.Split(at, ":")[0]) && strings.HasSuffix(at, ":"+itoa(d.Line)) && d.Code == code {
				found[at] = true
			}
		}
	}
	for at, code := range want {
		if !found[at] {
			t.Errorf("no %s diagnostic at %s", code, at)
		}
	}
	var caps *schema.Type
	for _, ty := range s.Types {
		if ty.Name == "printerCapabilities" {
			caps = ty
		}
	}
	if caps == nil || len(caps.Properties) < 20 {
		t.Fatalf("printerCapabilities not recovered: %+v", caps)
	}
	op := opOf(t, s, "intune-deviceconfig-macossoftwareupdateaccountsummary-get.md")
	if op.ResponseType == nil || op.ResponseType.Name != "microsoft.graph.macOSSoftwareUpdateAccountSummary" || len(op.Examples) == 0 || !op.Examples[0].ResponseWrapped {
		t.Errorf("Intune {\"value\": {...}} response not recognized: type %v, examples %v", op.ResponseType, op.Examples)
	}
	if ex := op.Examples[0]; ex.ResponseMismatch != "" {
		t.Errorf("wrapped example checked against the wrapper: mismatch at %s", ex.ResponseMismatch)
	}
}

// TestProseTypes covers request and response types named in prose
// without a link: a primitive collection response ("a String collection
// object in the response body").
func TestProseTypes(t *testing.T) {
	s := censusSchema(t)
	op := opOf(t, s, "v1.0/api/device-checkmemberobjects.md")
	if op.ResponseType == nil || op.ResponseType.String() != "Collection(Edm.String)" {
		t.Errorf("response type %v, want Collection(Edm.String)", op.ResponseType)
	}
}

// TestInferredArguments covers a function documented without its argument
// list whose example calls it with arguments: the call's shape becomes a
// route too.
func TestInferredArguments(t *testing.T) {
	s := censusSchema(t)
	op := opOf(t, s, "beta/api/intune-onboarding-vpptoken-getlicensesforapp.md")
	var got []string
	for _, r := range op.Routes {
		got = append(got, r.Pattern)
	}
	want := []string{"/deviceAppManagement/vppTokens/getLicensesForApp", "/deviceAppManagement/vppTokens/getLicensesForApp(bundleId='{bundleId}')"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("routes (-want +got):\n%s", diff)
	}
}

func itoa(n int) string {
	var b []byte
	for n > 0 || len(b) == 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// TestProseResponseTypes covers response types the Response section names
// without a resource link: a documented type in bold ("a
// **countriesRegions** object"), a single primitive ("a String in the
// response body"), and, with no type named at all, the primitive an
// example's {"value": x} holds; a "collection" every example answers as
// one entity; and an update whose example answers the object it updates.
func TestProseResponseTypes(t *testing.T) {
	s := censusSchema(t)
	for page, want := range map[string]string{
		"beta/api/dynamics-create-countriesregions.md":             "microsoft.graph.countriesRegions",
		"beta/api/intune-devices-manageddevice-getfilevaultkey.md": "Edm.String",
		"beta/api/serviceupdatemessage-archive.md":                 "Edm.Boolean",
		"v1.0/api/list-get.md":                                     "microsoft.graph.list",         // annotation "@type"
		"beta/api/chat-get.md":                                     "microsoft.graph.chat",         // prose: "a collection of chat objects"
		"v1.0/api/usersettings-update.md":                          "microsoft.graph.userSettings", // PATCH answering an object
	} {
		op := opOf(t, s, page)
		if op.ResponseType == nil || op.ResponseType.String() != want {
			t.Errorf("%s: response type %v, want %s", page, op.ResponseType, want)
		}
		for _, ex := range op.Examples {
			if ex.ResponseMismatch != "" {
				t.Errorf("%s: example %s: response mismatch at %s", page, ex.Name, ex.ResponseMismatch)
			}
		}
	}
}

// TestLinkedTypeCells covers type cells whose link names something other
// than the page it points at: a primitive explained on a page
// ([DateTimeOffset](timestamp.md)) and an enum in a section of a type's
// page ([chatType](chat.md#chattype-values)).
func TestLinkedTypeCells(t *testing.T) {
	s := censusSchema(t)
	prop := func(typ, name string) string {
		for _, ty := range s.Types {
			if ty.Name != typ {
				continue
			}
			for _, p := range ty.Properties {
				if p.Name == name {
					return p.Type.String()
				}
			}
		}
		return "(missing)"
	}
	if got := prop("driveItemVersion", "lastModifiedDateTime"); got != "Edm.DateTimeOffset" {
		t.Errorf("driveItemVersion.lastModifiedDateTime is %s, want Edm.DateTimeOffset", got)
	}
	if got := prop("chat", "chatType"); got != "microsoft.graph.chatType" {
		t.Errorf("chat.chatType is %s, want microsoft.graph.chatType", got)
	}
}
