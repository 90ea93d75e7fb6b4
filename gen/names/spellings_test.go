package names

import (
	"slices"
	"testing"
)

func TestSingularPlural(t *testing.T) {
	for _, c := range []struct{ plural, singular string }{
		{"users", "user"},
		{"calendarGroups", "calendarGroup"},
		{"policies", "policy"},
		{"groupLifecyclePolicies", "groupLifecyclePolicy"},
		{"CATEGORIES", "CATEGORY"},
		{"classes", "class"},
		{"branches", "branch"},
		{"boxes", "box"},
		{"children", "child"},
		{"keys", "key"},
		{"signIns", "signIn"},
		{"fido2Methods", "fido2Method"},
	} {
		if got := Singular(c.plural); got != c.singular {
			t.Errorf("Singular(%q) = %q, want %q", c.plural, got, c.singular)
		}
		if got := Plural(c.singular); got != c.plural {
			t.Errorf("Plural(%q) = %q, want %q", c.singular, got, c.plural)
		}
	}
	// Names that do not look plural are kept.
	for _, s := range []string{"status", "analysis", "axis", "series", "address", "me", "used", "organization", "s", ""} {
		if got := Singular(s); got != s {
			t.Errorf("Singular(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestSpellingsRespell(t *testing.T) {
	added := []string{
		"memberOf", "groupLifecyclePolicy", "calendarGroups", "calendargroups",
		"oauth2PermissionGrants", "oauth2PermissionGrants", "oAuth2Permissiongrants",
		"administrativeUnit", "signInActivity", "signinActivity", "signinActivity", "user", "@odata.type", "inTo", "intoThe",
	}
	for _, c := range []struct{ word, want string }{
		{"memberof", "memberOf"},
		{"Memberof", "MemberOf"},
		{"MEMBEROF", "MEMBEROF"},                             // an upper-case letter after the first: kept
		{"grouplifecyclepolicies", "groupLifecyclePolicies"}, // plural of a documented name
		{"grouplifecyclepolicy", "groupLifecyclePolicy"},
		{"calendargroup", "calendarGroup"},                   // singular of a documented name
		{"calendargroups", "calendarGroups"},                 // more words win over the lower-case spelling
		{"oauth2permissiongrants", "oauth2PermissionGrants"}, // as many words: the more frequent spelling
		{"Administrativeunit", "AdministrativeUnit"},
		{"signinactivity", "signInActivity"}, // more words win over a more frequent spelling
		{"user", "user"},                     // one word: nothing to learn
		{"users", "users"},                   // nor from its plural
		{"odatatype", "odatatype"},           // not letters and digits only: not recorded
		{"unknown", "unknown"},
		{"member-of", "member-of"},
	} {
		for _, order := range [][]string{added, reversed(added)} {
			sp := NewSpellings()
			for _, name := range order {
				sp.Add(name)
			}
			if got := sp.Respell(c.word); got != c.want {
				t.Errorf("Respell(%q) = %q, want %q (names added %q)", c.word, got, c.want, order)
			}
		}
	}
}

// TestSpellingsTie checks that of two spellings with as many words, added
// as often, the one sorting first wins whatever the order they were added.
func TestSpellingsTie(t *testing.T) {
	for _, order := range [][]string{{"abCd", "aBcd"}, {"aBcd", "abCd"}} {
		sp := NewSpellings()
		for _, name := range order {
			sp.Add(name)
		}
		if got := sp.Respell("abcd"); got != "aBcd" {
			t.Errorf("added %q: Respell(abcd) = %q, want aBcd", order, got)
		}
	}
}

func reversed(s []string) []string {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}
