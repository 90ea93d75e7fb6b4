package rt

import (
	"reflect"
	"testing"
)

// A registered family for the checks: directoryObject with user and group.
type (
	odataCheckDirectoryObject interface{ odataCheckMember() }
	odataCheckGroup           struct {
		odataEvalBase
		MailNickname Optional[string]            `json:"mailNickname,omitzero"`
		Members      []odataCheckDirectoryObject `json:"members,omitempty"`
		Owner        odataCheckDirectoryObject   `json:"owner,omitempty"`
		Settings     map[string]any              `json:"settings,omitempty"`
	}
)

// odataCheckMember makes the base a member of the test family.
func (odataEvalBase) odataCheckMember() {}

// odataCheckMember makes the group a member of the test family.
func (odataCheckGroup) odataCheckMember() {}

// init registers the test family, as a generated package registers its own.
func init() {
	RegisterTables(nil, []KindInfo{{Iface: (*odataCheckDirectoryObject)(nil), Members: []KindMember{
		{"microsoft.graph.directoryObject", (*odataEvalBase)(nil)},
		{"microsoft.graph.user", (*odataEvalUser)(nil)},
		{"microsoft.graph.group", (*odataCheckGroup)(nil)},
	}}}, nil)
}

// TestODataCheckProperties checks paths of every option against struct types, through casts and families.
func TestODataCheckProperties(t *testing.T) {
	group := reflect.TypeFor[*odataCheckGroup]()
	users := reflect.TypeFor[[]Optional[odataEvalUser]]()
	for _, c := range []struct {
		typ       reflect.Type
		typeName  string
		raw, want string
	}{
		{group, "microsoft.graph.group", "$select=id,MailNickname,*&$orderby=mailNickname desc", ""},
		{group, "microsoft.graph.group", "$select=id,foo", "Could not find a property named 'foo' on type 'microsoft.graph.group'."},
		{group, "microsoft.graph.group", "$orderby=length(nope)", "Could not find a property named 'nope' on type 'microsoft.graph.group'."},
		{group, "microsoft.graph.group", "$expand=members($select=id;$filter=id eq '1'),owner", ""},
		{group, "microsoft.graph.group", "$expand=members($select=displayName)", "Could not find a property named 'displayName' on 'members' of type 'microsoft.graph.group'."},
		{group, "microsoft.graph.group", "$expand=members($select=microsoft.graph.user/displayName,microsoft.graph.group/mailNickname)", ""},
		{group, "microsoft.graph.group", "$expand=microsoft.graph.group/members($expand=microsoft.graph.group/members($select=mailNickname))", ""},
		{group, "microsoft.graph.group", "$expand=members($expand=manager)", "Could not find a property named 'manager' on 'members' of type 'microsoft.graph.group'."},
		{group, "microsoft.graph.group", "$expand=members/microsoft.graph.user($select=nope)", "Could not find a property named 'nope' on 'members/microsoft.graph.user' of type 'microsoft.graph.group'."},
		{group, "microsoft.graph.group", "$filter=members/any(m:m/id eq '1') and members/$count gt 1 and owner/microsoft.graph.user/age gt 1", ""},
		{group, "microsoft.graph.group", "$filter=members/any(m:m/microsoft.graph.user/tags/any(t:t eq 'a' and m/id eq $it/id))", ""},
		{group, "microsoft.graph.group", "$filter=members/any(m:m/nope eq 1)", "Could not find a property named 'nope' on 'members' of type 'microsoft.graph.group'."},
		{group, "microsoft.graph.group", "$filter=settings/whatever eq 1 and microsoft.graph.unknown/x eq 1", ""}, // maps and unknown casts are not checked
		{group, "microsoft.graph.group", "$filter=isof(owner,microsoft.graph.user) and cast(mailNickname,Edm.String) eq 'a'", ""},
		{group, "microsoft.graph.group", "$filter=mailNickname/x eq 1", "Could not find a property named 'x' on 'mailNickname' of type 'microsoft.graph.group'."},
		{users, "microsoft.graph.user", "$select=displayName,address/city,assignedLicenses/skuId&$filter=manager/address/city eq 'x'", ""},
		{users, "microsoft.graph.user", "$select=address/town", "Could not find a property named 'town' on 'address' of type 'microsoft.graph.user'."},
		{users, "microsoft.graph.user", "$filter=tags/any(t:t/x eq 1)", "Could not find a property named 'x' on 'tags' of type 'microsoft.graph.user'."},
	} {
		q, err := parseODataQuery(c.raw, odataParseConfig{})
		if err != nil {
			t.Errorf("%s: %s", c.raw, err.Message)
			continue
		}
		err = odataCheckProperties(q, c.typ, c.typeName)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: unexpected error %s", c.raw, err.Message)
		case c.want == "":
		case err == nil:
			t.Errorf("%s: no error, want %s", c.raw, c.want)
		case err.Message != c.want || err.Status != 400:
			t.Errorf("%s:\n got %d %s\nwant 400 %s", c.raw, err.Status, err.Message, c.want)
		}
	}
}

// TestODataCheckFilterOperators checks documented operator lists, in lambdas and under not.
func TestODataCheckFilterOperators(t *testing.T) {
	// As documented for user properties in the v1.0 resource page:
	// displayName "Supports $filter (eq, ne, not, ge, le, in, startsWith,
	// and eq on null values)", assignedLicenses "(eq, not, and counting
	// empty collections)", and so on.
	allowed := map[string][]string{
		"displayName":      {"eq", "ne", "not", "ge", "le", "in", "startsWith"},
		"assignedLicenses": {"any", "eq", "not", "$count"},
		"mail":             {"eq", "startsWith", "endsWith"},
		"age":              {},
	}
	for _, c := range []struct{ filter, want string }{
		{"displayName eq 'a' and startsWith(displayName,'b') and not (displayName in ('c'))", ""},
		{"DisplayName ge 'a' and displayname le 'b'", ""},
		{"displayName gt 'a'", "The $filter operator 'gt' is not supported on the property 'displayName' of type 'microsoft.graph.user'; it supports eq, ne, not, ge, le, in, startsWith."},
		{"endswith(displayName,'a')", "The $filter operator 'endswith' is not supported on the property 'displayName' of type 'microsoft.graph.user'; it supports eq, ne, not, ge, le, in, startsWith."},
		{"assignedLicenses/any(x:x/skuId eq 184efa21-98c3-4e5d-95ab-d07053a96e67) and assignedLicenses/$count eq 0", ""},
		{"assignedLicenses/any(x:startswith(x/skuId,'1'))", "The $filter operator 'startswith' is not supported on the property 'assignedLicenses' of type 'microsoft.graph.user'; it supports any, eq, not, $count."},
		{"assignedLicenses/all(x:x/skuId eq 1)", "The $filter operator 'all' is not supported on the property 'assignedLicenses' of type 'microsoft.graph.user'; it supports any, eq, not, $count."},
		{"not endswith(mail,'x')", "The $filter operator 'not' is not supported on the property 'mail' of type 'microsoft.graph.user'; it supports eq, startsWith, endsWith."},
		{"age eq 1", "The property 'age' of type 'microsoft.graph.user' does not support $filter."},
		{"microsoft.graph.user/mail eq 'a' and $it/mail eq 'b' and jobTitle gt 'x'", ""}, // jobTitle is not documented: not checked
	} {
		e, perr := odataParseFilter(c.filter)
		if perr != nil {
			t.Errorf("%s: %s", c.filter, perr.Message)
			continue
		}
		err := odataCheckFilterOperators(e, "microsoft.graph.user", allowed)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: unexpected error %s", c.filter, err.Message)
		case c.want == "":
		case err == nil:
			t.Errorf("%s: no error, want %s", c.filter, c.want)
		case err.Message != c.want || err.Status != 400:
			t.Errorf("%s:\n got %d %s\nwant 400 %s", c.filter, err.Status, err.Message, c.want)
		}
	}
}

// TestODataCheckDocumentedOptions checks options against an operation's documented list.
func TestODataCheckDocumentedOptions(t *testing.T) {
	q, err := parseODataQuery("$select=id&$top=5&$skiptoken=x&$deltatoken=y&$search=a", odataParseConfig{})
	if err != nil {
		t.Fatal(err.Message)
	}
	if err := odataCheckDocumentedOptions(q, []string{"$select", "top", "$Search"}); err != nil {
		t.Errorf("unexpected %s", err.Message)
	}
	err = odataCheckDocumentedOptions(q, []string{"$select", "$top"})
	if want := "The query option '$search' is not supported by this operation."; err == nil || err.Message != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
