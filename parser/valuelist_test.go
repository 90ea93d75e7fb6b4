package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestValueListSentence checks that a value list ends where the sentence
// of its phrase ends: code spans of conditions, query capabilities,
// defaults and notes elsewhere in the cell are never values.
func TestValueListSentence(t *testing.T) {
	for _, tc := range []struct {
		desc string
		want []string
	}{
		// recurrencePattern.daysOfWeek (v1.0): a condition after <br>.
		{"The possible values are: `sunday`, `monday`. <br>If **type** is `relativeMonthly` or `relativeYearly`, and more. <br> Required if **type** is `weekly`.", []string{"sunday", "monday"}},
		// A default and a condition in later sentences.
		{"The possible values are: `first`, `last`. Default is `first`. Optional and used if **type** is `relativeMonthly`.", []string{"first", "last"}},
		// user.ageGroup (beta): null is not a member, query capabilities are not.
		{"Allowed values: `null`, `minor`, `notAdult` and `adult`. Refer to the [definitions](#x) for further information. <br><br>Supports `$filter` (`eq`, `ne`, `NOT`, and `in`).", []string{"minor", "notAdult", "adult"}},
		{"Possible values are: `a`, `b`.<br><br>Returned only on `$select`. Read-only.", []string{"a", "b"}},
		// "e.g." does not end the sentence; a full stop inside code does not.
		{"Possible values are: `application` (e.g. app roles), or `delegated`. The value `other` is special.", []string{"application", "delegated"}},
		{"Possible values are: `v1.0`, `beta`.", []string{"v1.0", "beta"}},
		// Two phrases, two lists.
		{"For B2B, possible values: `Google`, `Facebook`. For B2C, possible values: `Microsoft`, `Google`.", []string{"Google", "Facebook", "Microsoft"}},
		// An HTML list after the phrase, or after its sentence ending in a colon.
		{"Possible values are:<br/><ul><li>`string` : a string. </li><li>`boolean` : see `x`.</li></ul> Default `string`.", []string{"string", "boolean"}},
		{"The possible values for **userFlowType** are:<br/><ul><li>`signUp`</li><li>`signIn`</li></ul>", []string{"signUp", "signIn"}},
		// Items separated by line breaks.
		{"Possible values are:</br>`submitted` — under review. </br>`published` — approved `x`. </br> `rejected` — no. <br>Supports `$filter`.", []string{"submitted", "published", "rejected"}},
		// Nothing after the phrase in its sentence.
		{"Possible values for this property are defined by a setting.<br><br>Supports `$filter` (`eq`, `ne`).", nil},
	} {
		got, _ := describedValues(parseCell(tc.desc, 0, nil))
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("describedValues(%q) (-want +got):\n%s", tc.desc, diff)
		}
	}
}

// TestEnumsFromProse reads corpus pages whose enums come from prose (their
// enum pages are not among the inputs): v1.0 recurrencePattern (dayOfWeek
// and weekIndex took members from "If **type** is `relativeMonthly`"),
// beta user and signIn (ageGroup and others took `$filter`, `eq`, `ne`,
// `NOT`, `in`, `$select`). Each such enum is reported with its members.
func TestEnumsFromProse(t *testing.T) {
	files, err := ReadPaths([]string{"testdata/issue13/v1.0/resources/recurrencepattern.md", "testdata/issue13/beta/resources/user.md", "testdata/issue13/beta/resources/signin.md"})
	if err != nil {
		t.Fatal(err)
	}
	s := Parse(files)
	got := map[string][]string{}
	for _, e := range s.Enums {
		got[e.Name] = e.Members
		for _, m := range e.Members {
			if strings.HasPrefix(m, "$") || m == "eq" || m == "ne" || m == "NOT" || m == "in" || m == "null" {
				t.Errorf("enum %s has member %q", e.Name, m)
			}
		}
	}
	week := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for name, want := range map[string][]string{
		"dayOfWeek":                   week,
		"weekIndex":                   {"first", "second", "third", "fourth", "last"},
		"ageGroup":                    {"minor", "notAdult", "adult"},
		"consentProvidedForMinor":     {"granted", "denied", "notRequired"},
		"legalAgeGroupClassification": {"minorWithOutParentalConsent", "minorWithParentalConsent", "minorNoParentalConsentRequired", "notAdult", "adult"},
	} {
		if diff := cmp.Diff(want, got[name]); diff != "" {
			t.Errorf("enum %s (-want +got):\n%s", name, diff)
		}
	}
	reported := map[string]schema.Diagnostic{}
	for _, d := range s.Diagnostics {
		if d.Code == "enum-from-prose" {
			reported[strings.Fields(d.Message)[1]] = d
		}
	}
	for _, e := range s.Enums {
		d, ok := reported[e.Name]
		if !ok {
			t.Errorf("enum %s from prose is not reported", e.Name)
			continue
		}
		if !strings.HasSuffix(d.Message, strings.Join(e.Members, ", ")) || d.Line == 0 || d.Col == 0 {
			t.Errorf("enum %s reported as %s", e.Name, d)
		}
	}
}
