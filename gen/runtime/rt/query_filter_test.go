package rt

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// qPath builds a path; with the other q* helpers it builds expected trees.
func qPath(segs ...string) *ODataPath { return &ODataPath{Segments: segs} }

// qStr builds a string literal.
func qStr(s string) *ODataLiteral { return &ODataLiteral{Kind: ODataKindString, Value: s} }

// qInt builds an integer literal.
func qInt(s string) *ODataLiteral { return &ODataLiteral{Kind: ODataKindInt, Value: s} }

// qBool builds a Boolean literal.
func qBool(b bool) *ODataLiteral {
	if b {
		return &ODataLiteral{Kind: ODataKindBoolean, Value: "true"}
	}
	return &ODataLiteral{Kind: ODataKindBoolean, Value: "false"}
}

// qLit builds a literal of kind k.
func qLit(k ODataKind, v string) *ODataLiteral { return &ODataLiteral{Kind: k, Value: v} }

// qBin builds a binary operation.
func qBin(op ODataOp, l, r ODataExpr) *ODataBinary {
	return &ODataBinary{Op: op, Left: l, Right: r}
}

// qCall builds a function call.
func qCall(name string, args ...ODataExpr) *ODataCall { return &ODataCall{Name: name, Args: args} }

// odataCorpusFilters are $filter values from request lines of the Graph
// docs (testdata/README.md), as written there (percent-encoded where the
// page encodes them), with their canonical form.
var odataCorpusFilters = []struct {
	page, raw, want string
}{
	{"beta/api/user-list.md", "assignedLicenses/any(u:u/skuId eq cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46)",
		"assignedLicenses/any(u:u/skuId eq cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46)"},
	{"beta/api/user-list.md", "endswith(mail,'a@contoso.com')", "endswith(mail,'a@contoso.com')"},
	{"beta/api/user-list.md", "signInActivity/lastSignInDateTime le 2019-06-01T00:00:00Z",
		"signInActivity/lastSignInDateTime le 2019-06-01T00:00:00Z"},
	{"beta/api/singlevaluelegacyextendedproperty-get.md",
		"singleValueExtendedProperties/any(ep:ep/id eq 'CLSID {00062008-0000-0000-C000-000000000046} Name ConnectorSenderGuid' and cast(ep/value, Edm.Guid) eq (b9cf8971-7d55-4b73-9ffa-a584611b600b))",
		"singleValueExtendedProperties/any(ep:ep/id eq 'CLSID {00062008-0000-0000-C000-000000000046} Name ConnectorSenderGuid' and cast(ep/value,Edm.Guid) eq b9cf8971-7d55-4b73-9ffa-a584611b600b)"},
	{"beta/api/singlevaluelegacyextendedproperty-get.md",
		"singleValueExtendedProperties/any(ep:ep/id eq 'Integer {66f5a359-4659-4830-9070-00047ec6ac6e} Name Pallete' and cast(ep/value, Edm.Int32) eq 12)",
		"singleValueExtendedProperties/any(ep:ep/id eq 'Integer {66f5a359-4659-4830-9070-00047ec6ac6e} Name Pallete' and cast(ep/value,Edm.Int32) eq 12)"},
	{"beta/api/singlevaluelegacyextendedproperty-get.md",
		"singleValueExtendedProperties/Any(ep: ep/id eq '{id_value}' and ep/value eq '{property_value}')",
		"singleValueExtendedProperties/any(ep:ep/id eq '{id_value}' and ep/value eq '{property_value}')"},
	{"beta/api/accessreviewscheduledefinition-post.md",
		"(groupTypes/any(c:c+eq+'Unified') and resourceProvisioningOptions/Any(x:x eq 'Team'))",
		"groupTypes/any(c:c eq 'Unified') and resourceProvisioningOptions/any(x:x eq 'Team')"},
	{"beta/api/device-list-usagerights.md", "state in ('active', 'suspended') and serviceIdentifier in ('ABCD')",
		"state in ('active','suspended') and serviceIdentifier in ('ABCD')"},
	{"beta/api/appcatalogs-list-teamsapps.md", "appDefinitions/any(a:a/allowedInstallationScopes has 'personal')",
		"appDefinitions/any(a:a/allowedInstallationScopes has 'personal')"},
	{"beta/api/appcatalogs-list-teamsapps.md", "appDefinitions/any(a:a/bot ne null)", "appDefinitions/any(a:a/bot ne null)"},
	{"beta/api/riskyusers-list.md", "riskLevel eq microsoft.graph.riskLevel'medium'", "riskLevel eq microsoft.graph.riskLevel'medium'"},
	{"beta/api/reportroot-list-credentialuserregistrationdetails.md", "authMethods/any(t:t eq microsoft.graph.registrationAuthMethod'email')",
		"authMethods/any(t:t eq microsoft.graph.registrationAuthMethod'email')"},
	{"beta/api/directoryobject-delta.md", "isOf('Microsoft.Graph.User')+or+isOf('Microsoft.Graph.Group')",
		"isof('Microsoft.Graph.User') or isof('Microsoft.Graph.Group')"},
	{"beta/api/conditionalaccessroot-list-namedlocations.md", "microsoft.graph.countryNamedLocation/countriesAndRegions/any(c: c eq 'CA')",
		"microsoft.graph.countryNamedLocation/countriesAndRegions/any(c:c eq 'CA')"},
	{"beta/api/privilegedroleassignment-list.md", "isElevated%20eq%20true%20and%20expirationDateTime%20ne%20null%20or%20isElevated%20eq%20false",
		"isElevated eq true and expirationDateTime ne null or isElevated eq false"},
	{"beta/api/directoryaudit-list.md", "activityDateTime le 2018-01-24", "activityDateTime le 2018-01-24"},
	{"beta/api/directoryaudit-list.md", "targetResources/any(x: startswith(x/displayName, 'def'))",
		"targetResources/any(x:startswith(x/displayName,'def'))"},
	{"beta/api/chatmessage-delta.md", "lastModifiedDateTime gt 2019-02-27T07:13:28.000z", "lastModifiedDateTime gt 2019-02-27T07:13:28.000Z"},
	{"beta/api/appconsentrequest-list.md", "userConsentRequests/any (u:u/status eq 'InProgress')",
		"userConsentRequests/any(u:u/status eq 'InProgress')"},
	{"beta/api/user-list-people.md", "Sources/Any (source: source/Type  eq 'Directory')", "Sources/any(source:source/Type eq 'Directory')"},
	{"beta/api/accessreviewscheduledefinition-list.md", "contains(scope/microsoft.graph.accessReviewQueryScope/query, './members')",
		"contains(scope/microsoft.graph.accessReviewQueryScope/query,'./members')"},
	{"v1.0/api/signin-list.md", "startsWith(appDisplayName%2c%27Graph%27)", "startswith(appDisplayName,'Graph')"},
	{"beta/api/privilegedoperationevent-list.md", "(creationDateTime%20ge%202017-06-25T07:00:00Z)%20and%20(creationDateTime%20le%202017-07-25T17:30:17Z)",
		"creationDateTime ge 2017-06-25T07:00:00Z and creationDateTime le 2017-07-25T17:30:17Z"},
	{"beta/api/user-list-approleassignments.md", "resourceId eq 8e881353-1735-45af-af21-ee1344582a4d",
		"resourceId eq 8e881353-1735-45af-af21-ee1344582a4d"},
	{"beta/api/team-list-members.md", "(microsoft.graph.aadUserConversationMember/displayName eq 'Harry Johnson' or microsoft.graph.aadUserConversationMember/email eq 'admin@M365x987948.OnMicrosoft.com')",
		"microsoft.graph.aadUserConversationMember/displayName eq 'Harry Johnson' or microsoft.graph.aadUserConversationMember/email eq 'admin@M365x987948.OnMicrosoft.com'"},
	{"beta/api/accessreviewinstance-filterbycurrentuser.md", "(userType eq 'Guest')", "userType eq 'Guest'"},
}

// TestODataFilterCorpus parses documented filters, prints them canonically and parses the print again.
func TestODataFilterCorpus(t *testing.T) {
	for _, c := range odataCorpusFilters {
		src, err := url.QueryUnescape(c.raw)
		if err != nil {
			t.Fatal(err)
		}
		e, perr := odataParseFilter(src)
		if perr != nil {
			t.Errorf("%s: %s: %s", c.page, c.raw, perr.Message)
			continue
		}
		if got := e.String(); got != c.want {
			t.Errorf("%s: %s\n got %s\nwant %s", c.page, c.raw, got, c.want)
		}
		again, perr := odataParseFilter(e.String())
		if perr != nil {
			t.Errorf("%s: reparse: %s", c.page, perr.Message)
		} else if diff := cmp.Diff(e, again); diff != "" {
			t.Errorf("%s: reparse differs (-first +second):\n%s", c.page, diff)
		}
	}
}

// TestODataFilterTrees checks the trees of precedence, literals, lambdas and functions.
func TestODataFilterTrees(t *testing.T) {
	for _, c := range []struct {
		src  string
		want ODataExpr
	}{
		// and binds tighter than or; comparisons tighter than and.
		{"a eq 1 or b eq 2 and c eq 3", qBin(ODataOr, qBin(ODataEq, qPath("a"), qInt("1")),
			qBin(ODataAnd, qBin(ODataEq, qPath("b"), qInt("2")), qBin(ODataEq, qPath("c"), qInt("3"))))},
		// Parentheses override it.
		{"(a or b) and c", qBin(ODataAnd, qBin(ODataOr, qPath("a"), qPath("b")), qPath("c"))},
		// Arithmetic: mul before add, both before comparison; left associative.
		{"a add b mul c sub d gt 5", qBin(ODataGt,
			qBin(ODataSub, qBin(ODataAdd, qPath("a"), qBin(ODataMul, qPath("b"), qPath("c"))), qPath("d")), qInt("5"))},
		// Relational binds tighter than equality (OData 4.01).
		{"a eq b lt c", qBin(ODataEq, qPath("a"), qBin(ODataLt, qPath("b"), qPath("c")))},
		// not is unary: it takes the next operand, in and has bind tighter.
		{"not a in ('x') and b", qBin(ODataAnd, &ODataUnary{Op: ODataNot, X: qBin(ODataIn, qPath("a"), &ODataList{Items: []ODataExpr{qStr("x")}})}, qPath("b"))},
		{"not (a eq 1)", &ODataUnary{Op: ODataNot, X: qBin(ODataEq, qPath("a"), qInt("1"))}},
		// Keywords in any case, null only as written.
		{"A EQ 1 AND NOT B", qBin(ODataAnd, qBin(ODataEq, qPath("A"), qInt("1")), &ODataUnary{Op: ODataNot, X: qPath("B")})},
		{"x eq NULL", qBin(ODataEq, qPath("x"), qPath("NULL"))},
		// Negative literals and negation.
		{"x eq -5", qBin(ODataEq, qPath("x"), qInt("-5"))},
		{"-x eq - 5", qBin(ODataEq, &ODataUnary{Op: ODataNegate, X: qPath("x")}, &ODataUnary{Op: ODataNegate, X: qInt("5")})},
		// Literals of the Edm types.
		{"x eq 'O''Neil'", qBin(ODataEq, qPath("x"), qStr("O'Neil"))},
		{"x eq 1.5e3 or x eq INF or x eq -INF or x eq NaN or x eq 99999999999999999999", qBin(ODataOr, qBin(ODataOr, qBin(ODataOr, qBin(ODataOr,
			qBin(ODataEq, qPath("x"), qLit(ODataKindDecimal, "1.5e3")),
			qBin(ODataEq, qPath("x"), qLit(ODataKindDecimal, "INF"))),
			qBin(ODataEq, qPath("x"), qLit(ODataKindDecimal, "-INF"))),
			qBin(ODataEq, qPath("x"), qLit(ODataKindDecimal, "NaN"))),
			qBin(ODataEq, qPath("x"), qLit(ODataKindDecimal, "99999999999999999999")))},
		{"d eq 2021-01-01 and t lt 2021-01-01t10:00:00+01:00 and c ge 13:45 and u eq duration'P1DT2H'", qBin(ODataAnd, qBin(ODataAnd, qBin(ODataAnd,
			qBin(ODataEq, qPath("d"), qLit(ODataKindDate, "2021-01-01")),
			qBin(ODataLt, qPath("t"), qLit(ODataKindDateTimeOffset, "2021-01-01T10:00:00+01:00"))),
			qBin(ODataGe, qPath("c"), qLit(ODataKindTimeOfDay, "13:45"))),
			qBin(ODataEq, qPath("u"), qLit(ODataKindDuration, "P1DT2H")))},
		{"f has microsoft.graph.color'red,blue' and b eq binary'AQID' and TRUE", qBin(ODataAnd, qBin(ODataAnd,
			qBin(ODataHas, qPath("f"), &ODataLiteral{Kind: ODataKindEnum, Value: "red,blue", Type: "microsoft.graph.color"}),
			qBin(ODataEq, qPath("b"), qLit(ODataKindBinary, "AQID"))), qBool(true))},
		// Lambdas, $count, $it, functions.
		{"x/any()", &ODataLambda{Collection: ODataPath{Segments: []string{"x"}}, Op: ODataAny}},
		{"members/$count eq 0", qBin(ODataEq, qPath("members", "$count"), qInt("0"))},
		{"tags/all(t:t/any(u:u eq $it/name))", &ODataLambda{Collection: ODataPath{Segments: []string{"tags"}}, Op: ODataAll, Var: "t",
			Predicate: &ODataLambda{Collection: ODataPath{Segments: []string{"t"}}, Op: ODataAny, Var: "u",
				Predicate: qBin(ODataEq, qPath("u"), qPath("$it", "name"))}}},
		{"substring(tolower(x),1,2) eq concat('a',trim(y)) and year(now()) ge 2021", qBin(ODataAnd,
			qBin(ODataEq, qCall("substring", qCall("tolower", qPath("x")), qInt("1"), qInt("2")), qCall("concat", qStr("a"), qCall("trim", qPath("y")))),
			qBin(ODataGe, qCall("year", qCall("now")), qInt("2021")))},
		{"matchespattern(x,'^a')", qCall("matchesPattern", qPath("x"), qStr("^a"))},
	} {
		got, err := odataParseFilter(c.src)
		if err != nil {
			t.Errorf("%s: %s", c.src, err.Message)
			continue
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.src, diff)
		}
	}
}

// TestODataFilterPrint checks the canonical text, parentheses in particular.
func TestODataFilterPrint(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"(a or b) and (c or d)", "(a or b) and (c or d)"},
		{"a or (b or c)", "a or (b or c)"},
		{"(a or b) or c", "a or b or c"},
		{"a sub (b sub c) eq 0", "a sub (b sub c) eq 0"},
		{"-(5) eq x", "-(5) eq x"},
		{"-(-5) eq x", "-(-5) eq x"},
		{"--x eq 1", "--x eq 1"},
		{"- INF/x eq 1", "-(INF/x) eq 1"},
		{"-(a add b) eq 1", "-(a add b) eq 1"},
		{"not not a", "not not a"},
		{"not (not a) in (true)", "not (not a) in (true)"},
		{"x in ()", "x in ()"},
		{"x in y", "x in y"},
		{"eq eq 1", "eq eq 1"},
		{"true/x", "true/x"},
	} {
		e, err := odataParseFilter(c.src)
		if err != nil {
			t.Errorf("%s: %s", c.src, err.Message)
			continue
		}
		if got := e.String(); got != c.want {
			t.Errorf("%s: got %s, want %s", c.src, got, c.want)
		}
	}
}

// TestODataFilterErrors checks the exact 400 messages of malformed filters, documented ones among them.
func TestODataFilterErrors(t *testing.T) {
	const pre = "Syntax error at position "
	for _, c := range []struct {
		page, src, want string
	}{
		{"", "x eq", "4 in $filter 'x eq': expected an expression, found the end of the text."},
		{"", "(a eq 1", "7 in $filter '(a eq 1': expected ')' to close the '(' at position 0."},
		{"", "a eq 1)", "6 in $filter 'a eq 1)': found ')' without a matching '('."},
		{"", "a eq 1 b", "7 in $filter 'a eq 1 b': expected an operator such as eq, and or or, found 'b'."},
		{"", "startswith(a)", "0 in $filter 'startswith(a)': function 'startswith' takes 2 arguments, found 1."},
		{"", "foo(a) eq 1", "3 in $filter 'foo(a) eq 1': expected an operator such as eq, and or or, found '('."},
		{"", "x eq 'abc", "5 in $filter 'x eq 'abc': the string that starts here has no closing quote."},
		{"", "x eq 5abc", "5 in $filter 'x eq 5abc': '5abc' is not a number."},
		{"", "x eq 2021-02-30", "5 in $filter 'x eq 2021-02-30': '2021-02-30' is not a valid date."},
		{"", "x eq 25:00", "5 in $filter 'x eq 25:00': '25:00' is not a time of day such as 13:45:30."},
		{"", "x eq duration'1 day'", "5 in $filter 'x eq duration'1 day'': '1 day' is not an ISO 8601 duration such as P1DT2H."},
		{"", "x eq color'red'", "5 in $filter 'x eq color'red'': unknown literal prefix 'color' (expected duration, binary or a qualified enum type name)."},
		{"", "displayName", ""}, // a path may be a Boolean property
		{"", "5 add 3", "0 in $filter '5 add 3': the expression must be a Boolean expression, such as a comparison."},
		{"", "a and 5", "6 in $filter 'a and 5': the operands of 'and' must be Boolean expressions."},
		{"", "not 'x'", "4 in $filter 'not 'x'': the operand of 'not' must be a Boolean expression."},
		{"", "x/all()", "6 in $filter 'x/all()': expected a lambda variable name, found ')'."},
		{"", "x/any(y y eq 1)", "8 in $filter 'x/any(y y eq 1)': expected ':' after the lambda variable, found 'y'."},
		{"", "(not)in()", "4 in $filter '(not)in()': expected an expression, found ')'."}, // found by FuzzODataFilter
		{"", "not/x eq 1 and NOT", "18 in $filter 'not/x eq 1 and NOT': expected an expression, found the end of the text."},
		{"", "$count eq 1", "0 in $filter '$count eq 1': '$count' must follow a collection-valued property."},
		{"", "x/$foo eq 1", "2 in $filter 'x/$foo eq 1': unknown name '$foo'."},
		{"", "é eq 'ü' and", "12 in $filter 'é eq 'ü' and': expected an expression, found the end of the text."},
		// Request lines of the docs that are not valid $filter text.
		{"beta/api/subscription-post-subscriptions.md", "id in ({id},{id}...)", "7 in $filter 'id in ({id},{id}...)': expected an expression, found '{'."},
		{"beta/resources/security-error-codes.md", "eventDateTime **gt** 2018-11-**11**T00:00:00.000Z",
			"14 in $filter 'eventDateTime **gt** 2018-11-**11**T00:00:00.000Z': expected an operator such as eq, and or or, found '*'."},
		{"beta/api/accessreviewscheduledefinition-post.md", "(groupTypes/any(c:c eq 'Unified') and resourceProvisioningOptions/Any(x:x eq 'Team')')",
			"84 in $filter '(groupTypes/any(c:c eq 'Unified') and resourceProvisioningOptions/Any(x:x eq 'Team')')': expected ')' or an operator, found '''."},
	} {
		_, err := odataParseFilter(c.src)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: unexpected error %s", c.src, err.Message)
		case c.want == "":
		case err == nil:
			t.Errorf("%s: no error, want %s", c.src, c.want)
		case err.Message != pre+c.want:
			t.Errorf("%s %s:\n got %s\nwant %s", c.page, c.src, err.Message, pre+c.want)
		case err.Status != 400 || err.Code != "":
			t.Errorf("%s: status %d code %q, want 400 and the default code", c.src, err.Status, err.Code)
		}
	}
}

// TestODataFilterDepth checks the nesting bound.
func TestODataFilterDepth(t *testing.T) {
	deep := ""
	for range 200 {
		deep += "("
	}
	_, err := odataParseFilter(deep + "a")
	if err == nil || err.Message != "Syntax error at position 100 in $filter '"+deep[:200]+"…': the expression is nested more than 100 levels deep." {
		t.Errorf("got %v", err)
	}
}

// TestWalkODataExpr checks the walk order and skipping children.
func TestWalkODataExpr(t *testing.T) {
	e, err := odataParseFilter("a eq 1 and b/any(x:startswith(x/name,'n')) and not c in ('p','q')")
	if err != nil {
		t.Fatal(err.Message)
	}
	var seen []string
	WalkODataExpr(e, func(n ODataExpr) bool {
		if p, ok := n.(*ODataPath); ok {
			seen = append(seen, p.String())
		}
		_, call := n.(*ODataCall)
		return !call // skip the arguments of calls
	})
	if diff := cmp.Diff([]string{"a", "b", "c"}, seen); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
}
