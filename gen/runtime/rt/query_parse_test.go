package rt

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// qInts returns a pointer to n, for the expected queries.
func qInts(n int) *int { return &n }

// qTrue points to true.
var qTrue = func() *bool { b := true; return &b }()

// TestParseODataQuery parses documented query strings into typed options.
func TestParseODataQuery(t *testing.T) {
	beta := odataParseConfig{dollarOptional: true}
	for _, c := range []struct {
		page, raw string
		cfg       odataParseConfig
		want      *ODataQuery
	}{
		{"", "", beta, &ODataQuery{}},
		{"beta/api/user-list.md", "$select=id,mail,assignedLicenses&$filter=assignedLicenses/any(u:u/skuId eq cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46)", beta, &ODataQuery{
			Select: []ODataPath{{Segments: []string{"id"}}, {Segments: []string{"mail"}}, {Segments: []string{"assignedLicenses"}}},
			Filter: &ODataLambda{Collection: ODataPath{Segments: []string{"assignedLicenses"}}, Op: ODataAny, Var: "u",
				Predicate: qBin(ODataEq, qPath("u", "skuId"), qLit(ODataKindGuid, "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"))},
		}},
		{"beta/api/user-list.md", "$filter=endswith(mail,'a@contoso.com')&$orderby=userPrincipalName&$count=true", beta, &ODataQuery{
			Filter:  qCall("endswith", qPath("mail"), qStr("a@contoso.com")),
			OrderBy: []ODataOrderBy{{Expr: qPath("userPrincipalName")}},
			Count:   qTrue,
		}},
		// Without "$", on an endpoint that allows it.
		{"beta/api/user-list.md", "filter=signInActivity/lastSignInDateTime le 2019-06-01T00:00:00Z", beta, &ODataQuery{
			Filter: qBin(ODataLe, qPath("signInActivity", "lastSignInDateTime"), qLit(ODataKindDateTimeOffset, "2019-06-01T00:00:00Z")),
		}},
		{"beta/api/user-list.md", "filter=signInActivity/lastSignInDateTime le 2019-06-01T00:00:00Z", odataParseConfig{}, &ODataQuery{
			Params: url.Values{"filter": {"signInActivity/lastSignInDateTime le 2019-06-01T00:00:00Z"}},
		}},
		{"beta/api/list-get.md", "select=name,lastModifiedDateTime&expand=columns(select=name,description),items(expand=fields(select=Name,Color,Quantity))", beta, &ODataQuery{
			Select: []ODataPath{{Segments: []string{"name"}}, {Segments: []string{"lastModifiedDateTime"}}},
			Expand: []ODataExpand{
				{Path: ODataPath{Segments: []string{"columns"}}, Options: &ODataQuery{Select: []ODataPath{{Segments: []string{"name"}}, {Segments: []string{"description"}}}}},
				{Path: ODataPath{Segments: []string{"items"}}, Options: &ODataQuery{Expand: []ODataExpand{
					{Path: ODataPath{Segments: []string{"fields"}}, Options: &ODataQuery{Select: []ODataPath{{Segments: []string{"Name"}}, {Segments: []string{"Color"}}, {Segments: []string{"Quantity"}}}}},
				}}},
			},
		}},
		{"beta/api/user-list-manager.md", "$expand=manager($levels=max;$select=id,displayName)&$select=id,displayName&$count=true", beta, &ODataQuery{
			Select: []ODataPath{{Segments: []string{"id"}}, {Segments: []string{"displayName"}}},
			Expand: []ODataExpand{{Path: ODataPath{Segments: []string{"manager"}}, Levels: qInts(ODataLevelsMax),
				Options: &ODataQuery{Select: []ODataPath{{Segments: []string{"id"}}, {Segments: []string{"displayName"}}}}}},
			Count: qTrue,
		}},
		{"beta/api/projectrome-get-activities.md", "$expand=historyItems($filter=lastModifiedDateTime%20gt%202018-01-22T21:45:00.347Z%20and%20lastModifiedDateTime%20lt%202018-01-22T22:00:00.347Z)", beta, &ODataQuery{
			Expand: []ODataExpand{{Path: ODataPath{Segments: []string{"historyItems"}}, Options: &ODataQuery{
				Filter: qBin(ODataAnd,
					qBin(ODataGt, qPath("lastModifiedDateTime"), qLit(ODataKindDateTimeOffset, "2018-01-22T21:45:00.347Z")),
					qBin(ODataLt, qPath("lastModifiedDateTime"), qLit(ODataKindDateTimeOffset, "2018-01-22T22:00:00.347Z")))}}},
		}},
		{"beta/api/projectrome-get-activities.md", "$skiptoken=%24filter%3dlastModifiedDateTime+lt+2018-02-26T18%3a06%3a19.365Z", beta, &ODataQuery{
			SkipToken: "$filter=lastModifiedDateTime lt 2018-02-26T18:06:19.365Z",
		}},
		{"beta/api/attachment-get.md", "$expand=microsoft.graph.itemattachment/item", beta, &ODataQuery{
			Expand: []ODataExpand{{Path: ODataPath{Segments: []string{"microsoft.graph.itemattachment", "item"}}}},
		}},
		{"beta/api/windowsupdates-azureaddevice-get.md", "$select=microsoft.graph.windowsUpdates.azureADDevice/errors", beta, &ODataQuery{
			Select: []ODataPath{{Segments: []string{"microsoft.graph.windowsUpdates.azureADDevice", "errors"}}},
		}},
		{"beta/api/directory-deleteditems-list.md", "$orderBy=deletedDateTime&$Top=2", beta, &ODataQuery{
			OrderBy: []ODataOrderBy{{Expr: qPath("deletedDateTime")}}, Top: qInts(2),
		}},
		{"beta/api/privilegedoperationevent-list.md", "$orderby=creationDateTime%20desc, x/y asc", beta, &ODataQuery{
			OrderBy: []ODataOrderBy{{Expr: qPath("creationDateTime"), Desc: true}, {Expr: qPath("x", "y")}},
		}},
		{"beta/api/orgcontact-list.md", `$search="displayName:wa"&$count=true`, beta, &ODataQuery{
			Search: &ODataSearch{Raw: `"displayName:wa"`, Expr: &ODataSearchTerm{Property: "displayName", Text: "wa", Phrase: true}},
			Count:  qTrue,
		}},
		{"beta/api/user-list-people.md", `$search="ma topic: feature planning"`, beta, &ODataQuery{
			Search: &ODataSearch{Raw: `"ma topic: feature planning"`, Expr: &ODataSearchTerm{Text: "ma topic: feature planning", Phrase: true}},
		}},
		{"", `$search="displayName:a" OR (mail:b NOT c) "d"`, beta, &ODataQuery{
			Search: &ODataSearch{Raw: `"displayName:a" OR (mail:b NOT c) "d"`, Expr: &ODataSearchBinary{Op: "OR",
				Left: &ODataSearchTerm{Property: "displayName", Text: "a", Phrase: true},
				Right: &ODataSearchBinary{Op: "AND",
					Left:  &ODataSearchBinary{Op: "AND", Left: &ODataSearchTerm{Property: "mail", Text: "b"}, Right: &ODataSearchNot{X: &ODataSearchTerm{Text: "c"}}},
					Right: &ODataSearchTerm{Text: "d", Phrase: true}}}},
		}},
		// An operation's own parameters stay with the service, even
		// named like an option.
		{"beta/api/driveitem-get-content-format.md", "format=pdf", odataParseConfig{dollarOptional: true, params: []string{"Format"}}, &ODataQuery{
			Params: url.Values{"format": {"pdf"}},
		}},
		{"beta/api/group-list-calendarview.md (options added)", "startDateTime=2017-01-01T19:00:00-08:00&endDateTime=2017-10-01T19:00:00.00-08:00&$top=5&$skip=10&$format=text/csv", beta, &ODataQuery{
			Top: qInts(5), Skip: qInts(10), Format: "text/csv",
			Params: url.Values{"startDateTime": {"2017-01-01T19:00:00-08:00"}, "endDateTime": {"2017-10-01T19:00:00.00-08:00"}},
		}},
		{"beta/api/group-delete-acceptedsenders.md (id=12345 added)", "$id=https://graph.microsoft.com/beta/users/{user-id}&id=12345", beta, &ODataQuery{
			ID: "https://graph.microsoft.com/beta/users/{user-id}", Params: url.Values{"id": {"12345"}},
		}},
		// Parameter aliases.
		{"", "$filter=displayName eq @name and @p&@name='Adele'&@p=@q&@q=true", beta, &ODataQuery{
			Filter: qBin(ODataAnd, qBin(ODataEq, qPath("displayName"), qStr("Adele")), qBool(true)),
			Params: url.Values{"@name": {"'Adele'"}, "@p": {"@q"}, "@q": {"true"}},
		}},
		{"", "$filter=x eq @undefined", beta, &ODataQuery{Filter: qBin(ODataEq, qPath("x"), &ODataLiteral{Kind: ODataKindNull})}},
		{"", "$expand=members/$ref,owners/$count($filter=x),*", beta, &ODataQuery{
			Expand: []ODataExpand{
				{Path: ODataPath{Segments: []string{"members"}}, Ref: true},
				{Path: ODataPath{Segments: []string{"owners"}}, Count: true, Options: &ODataQuery{Filter: qPath("x")}},
				{Path: ODataPath{Segments: []string{"*"}}},
			},
		}},
		{"", "$select=*,microsoft.graph.*&&$count=FALSE", beta, &ODataQuery{
			Select: []ODataPath{{Segments: []string{"*"}}, {Segments: []string{"microsoft.graph.*"}}},
			Count:  new(bool),
		}},
	} {
		got, err := parseODataQuery(c.raw, c.cfg)
		if err != nil {
			t.Errorf("%s: %s: %s", c.page, c.raw, err.Message)
			continue
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s: %s (-want +got):\n%s", c.page, c.raw, diff)
		}
	}
}

// TestParseODataQueryErrors checks the exact 400 messages of malformed options.
func TestParseODataQueryErrors(t *testing.T) {
	beta := odataParseConfig{dollarOptional: true}
	for _, c := range []struct{ page, raw, want string }{
		{"", "$top=abc", "Invalid $top value 'abc': it must be a non-negative integer."},
		{"", "$top=-1", "Invalid $top value '-1': it must be a non-negative integer."},
		{"beta/api/accessreview-list.md", "$top={pagesize}", "Invalid $top value '{pagesize}': it must be a non-negative integer."},
		{"", "$skip=99999999999999999999", "Invalid $skip value '99999999999999999999': it is too large."},
		{"", "$count=yes", "Invalid $count value 'yes': it must be true or false."},
		{"", "$top=", "Invalid $top value '': it must not be empty."},
		{"", "$format=pdf", "Invalid $format value 'pdf': it must be json, atom, xml or a media type such as application/json."},
		{"", "$top=1&top=2", "The query option '$top' appears more than once; it may appear at most once."},
		{"", "$orderby=a&$orderBy=b", "The query option '$orderby' appears more than once; it may appear at most once."},
		{"", "@p=1&@p=2", "The parameter alias '@p' appears more than once; it may appear at most once."},
		{"", "$foo=1", "The query option '$foo' is not supported."},
		{"", "$levels=2", "The query option '$levels' is not supported."},
		{"", "a=%zz", "The query parameter 'a=%zz' is not properly percent-encoded."},
		{"", "$filter=x eq", "Syntax error at position 4 in $filter 'x eq': expected an expression, found the end of the text."},
		{"", "$filter=x eq @p&@p=1 eq", "Syntax error at position 4 in @p '1 eq': expected an expression, found the end of the text."},
		{"", "$filter=@a&@a=@a", "Syntax error at position 0 in @a '@a': parameter aliases are nested more than 8 levels deep."},
		{"", "$select=id,,x", "Syntax error at position 3 in $select 'id,,x': expected a property name."},
		{"", "$select=a/$ref", "Syntax error at position 2 in $select 'a/$ref': '$ref' must follow a navigation property in $expand."},
		{"", "$select=a(b)", "Syntax error at position 1 in $select 'a(b)': options in parentheses after a $select item are not supported."},
		{"", "$select=a b", "Syntax error at position 2 in $select 'a b': expected ',' or the end of the option, found 'b'."},
		{"", "$expand=members($select=id", "Syntax error at position 7 in $expand 'members($select=id': this '(' has no matching ')'."},
		{"", "$expand=members($foo=1)", "Syntax error at position 8 in $expand 'members($foo=1)': '$foo' is not an option of $expand (expected $select, $expand, $filter, $orderby, $top, $skip, $count, $search or $levels)."},
		{"", "$expand=members($top=1;top=2)", "The query option '$top' appears more than once; it may appear at most once."},
		{"beta/api/user-list-manager.md", "$expand=manager($levels=n)", "Invalid $levels value 'n': it must be a positive integer or max."},
		{"", "$expand=members($top=x)", "Invalid $top value 'x': it must be a non-negative integer."},
		{"", "$orderby=a desc desc", "Syntax error at position 7 in $orderby 'a desc desc': expected ',' or the end of the option, found 'desc'."},
		{"beta/api/user-list-people.md", `$search="ma`, "Syntax error at position 0 in $search '\"ma': the phrase that starts here has no closing double quote."},
		{"", `$search=(a OR b`, "Syntax error at position 0 in $search '(a OR b': this '(' has no matching ')'."},
		{"", `$search=a OR`, ""}, // "OR" at the end is a word
		{"", `$search=OR a`, "Syntax error at position 0 in $search 'OR a': expected a search term, found 'OR'."},
	} {
		_, err := parseODataQuery(c.raw, beta)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: unexpected error %s", c.raw, err.Message)
		case c.want == "":
		case err == nil:
			t.Errorf("%s %s: no error, want %s", c.page, c.raw, c.want)
		case err.Message != c.want || err.Status != 400:
			t.Errorf("%s %s:\n got %d %s\nwant 400 %s", c.page, c.raw, err.Status, err.Message, c.want)
		}
	}
}
