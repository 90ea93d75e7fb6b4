package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestSeedSchema compares the seed page's schema with one written by hand.
func TestSeedSchema(t *testing.T) {
	const page = "seeds/update-usercredentialusagedetails.md"
	data, err := os.ReadFile(filepath.Join("..", page))
	if err != nil {
		t.Fatal(err)
	}
	got := Parse([]File{{Path: page, Data: data}})
	at := func(line, col int) schema.Pos { return schema.Pos{File: page, Line: line, Col: col} }
	const ns = "Microsoft.AAD.Reporting"
	prop := func(name, typ string, line int) *schema.Property {
		return &schema.Property{Name: name, Type: schema.ParseTypeRef(typ), Source: at(line, 2)}
	}
	typ := schema.ParseTypeRef(ns + ".userCredentialUsageDetails")
	want := &schema.Schema{
		Types: []*schema.Type{{
			Name: "userCredentialUsageDetails", Namespace: ns, Source: at(46, 2),
			Properties: []*schema.Property{
				prop("id", "Edm.String", 46),
				prop("feature", ns+".userCredentialUsageDetailsFeature", 47),
				prop("userPrincipalName", "Edm.String", 48),
				prop("userDisplayName", "Edm.String", 49),
				prop("isSuccess", "Edm.Boolean", 50),
				prop("authMethod", ns+".userCredentialUsageDetailsAuthMethod", 51),
				prop("failureReason", "Edm.String", 52),
				prop("eventDateTime", "Edm.DateTimeOffset", 53),
			},
		}},
		Enums: []*schema.Enum{
			{Name: "userCredentialUsageDetailsAuthMethod", Namespace: ns, Source: at(51, 13),
				Members: []string{"email", "mobileSMS", "mobileCall", "officePhone", "securityQuestion", "appNotification", "appCode", "alternateMobileCall", "fido", "appPassword", "unknownFutureValue"}},
			{Name: "userCredentialUsageDetailsFeature", Namespace: ns, Source: at(47, 10),
				Members: []string{"registration", "reset", "unknownFutureValue"}},
		},
		Operations: []*schema.Operation{{
			Method: "PATCH", Title: "Update userCredentialUsageDetails", Source: at(31, 1), Status: 200,
			Paths:        []string{"/reports/userCredentialUsageDetails/{userCredentialUsageDetailsId}"},
			Routes:       []schema.Route{{Pattern: "/reports/userCredentialUsageDetails/{userCredentialUsageDetailsId}", Params: []string{"userCredentialUsageDetailsId"}, Source: at(31, 1)}},
			RequestType:  &typ,
			ResponseType: &typ,
			Examples: []*schema.Example{{
				Name: "update_usercredentialusagedetails", Source: at(68, 1), Rejects: "feature", RejectsEnum: true, Truncated: true,
				Request: schema.HTTPMessage{Method: "PATCH", Target: "https://graph.microsoft.com/beta/reports/userCredentialUsageDetails/{userCredentialUsageDetailsId}",
					Headers: []schema.Header{{Name: "Content-type", Value: "application/json"}, {Name: "Content-length", Value: "352"}}, JSON: true},
				Response: schema.HTTPMessage{Status: 200, JSON: true,
					Headers: []schema.Header{{Name: "Content-Type", Value: "application/json"}, {Name: "Content-Length", Value: "401"}}},
			}},
		}},
	}
	opts := cmp.Options{
		cmpopts.IgnoreFields(schema.Schema{}, "Pages", "Diagnostics"),
		cmpopts.IgnoreFields(schema.Type{}, "Description"),
		cmpopts.IgnoreFields(schema.Property{}, "Description"),
		cmpopts.IgnoreFields(schema.Enum{}, "MemberSources"),
		cmpopts.IgnoreFields(schema.Operation{}, "Description"),
		cmpopts.IgnoreFields(schema.HTTPMessage{}, "Body", "BodyPos"),
	}
	if diff := cmp.Diff(want, got, opts); diff != "" {
		t.Errorf("seed schema (-want +got):\n%s", diff)
	}
	codes := map[string]int{}
	for _, d := range got.Diagnostics {
		codes[d.Code]++
	}
	wantCodes := map[string]int{"type-from-operation": 1, "enum-unnamed": 2, "enum-from-prose": 2, "example-enum-value": 2}
	if diff := cmp.Diff(wantCodes, codes); diff != "" {
		t.Errorf("seed diagnostics by code (-want +got):\n%s", diff)
	}
}

// seedPage is the seed page's path from the repository root, as the
// tests that edit it name it.
const seedPage = "seeds/update-usercredentialusagedetails.md"

// seedSource returns the seed page's text.
func seedSource(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", seedPage))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// onlyExample returns the one example of the one operation of a parse of
// the seed, or fails the test.
func onlyExample(t *testing.T, s *schema.Schema) *schema.Example {
	t.Helper()
	if len(s.Operations) != 1 || len(s.Operations[0].Examples) != 1 {
		t.Fatalf("%d operations, want the seed's one with one example", len(s.Operations))
	}
	return s.Operations[0].Examples[0]
}

// TestWholeBodyMismatch checks that a response body that does not fit its
// type as a whole (an array where an object is documented) is recorded as
// a mismatch of "the body", so no test decodes it.
func TestWholeBodyMismatch(t *testing.T) {
	src := seedSource(t)
	i := strings.Index(src, "Content-Length: 401\n\n{")
	if i < 0 {
		t.Fatal("the seed's response body moved")
	}
	j := strings.Index(src[i:], "\n}\n")
	if j < 0 {
		t.Fatal("the seed's response body has no closing brace")
	}
	src = src[:i] + "Content-Length: 401\n\n[1, 2]" + src[i+j+2:]
	got := Parse([]File{{Path: seedPage, Data: []byte(src)}})
	ex := onlyExample(t, got)
	if ex.ResponseMismatch != "the body" {
		t.Errorf("ResponseMismatch = %q, want %q", ex.ResponseMismatch, "the body")
	}
}

// TestExampleValueFormat edits the seed's request: a malformed date is
// reported at the value with example-value-format, and the example
// rejects eventDateTime the way an enum value outside its enum does (the
// body still decodes, so its test asserts the 400 and round-trips).
func TestExampleValueFormat(t *testing.T) {
	src := seedSource(t)
	src = strings.Replace(src, `"feature": "String"`, `"feature": "reset"`, 1)
	src = strings.Replace(src, `"authMethod": "String"`, `"authMethod": "email"`, 1)
	old := `  "eventDateTime": "2016-12-31T23:58:34.1704434+00:00"`
	if !strings.Contains(src, old) {
		t.Fatal("the seed's request body moved")
	}
	src = strings.Replace(src, old, `  "eventDateTime": "2016-12-31T23: 58: 34Z"`, 1)
	line := strings.Count(src[:strings.Index(src, `"2016-12-31T23: 58`)], "\n") + 1
	got := Parse([]File{{Path: seedPage, Data: []byte(src)}})
	var diags []string
	for _, d := range got.Diagnostics {
		if d.Code == "example-value-format" || d.Code == "example-enum-value" {
			diags = append(diags, d.String())
		}
	}
	want := []string{fmt.Sprintf(`%s:%d:20: warning: example-value-format: example sends eventDateTime = "2016-12-31T23: 58: 34Z", which is not an RFC 3339 date and time such as 2024-01-02T03:04:05Z (Edm.DateTimeOffset); the handler rejects it`, seedPage, line)}
	if diff := cmp.Diff(want, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	ex := onlyExample(t, got)
	if ex.Rejects != "eventDateTime" || !ex.RejectsEnum || ex.RejectsBody {
		t.Errorf("Rejects = %q, RejectsEnum = %v, RejectsBody = %v; want eventDateTime, true, false", ex.Rejects, ex.RejectsEnum, ex.RejectsBody)
	}
}
