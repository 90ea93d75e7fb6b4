package names

import (
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var long = strings.Repeat("a", 10000)

// identCases maps documented names to their Exported and Unexported forms.
var identCases = []struct{ in, exported, unexported string }{
	// The examples of the rule.
	{"id", "ID", "id"},
	{"Id", "ID", "id"},
	{"ID", "ID", "id"},
	{"userPrincipalName", "UserPrincipalName", "userPrincipalName"},
	{"webUrl", "WebURL", "webURL"},
	{"@odata.type", "ODataType", "odataType"},
	{"ODataType", "ODataType", "odataType"},
	{"x@odata.bind", "XODataBind", "xoDataBind"},
	{"site@odata.bind", "SiteODataBind", "siteODataBind"},
	{"userCredentialUsageDetailsId", "UserCredentialUsageDetailsID", "userCredentialUsageDetailsID"},
	{"isSuccess", "IsSuccess", "isSuccess"},
	{"mobileSMS", "MobileSMS", "mobileSMS"},
	{"SMSCode", "SMSCode", "smsCode"},
	{"unknownFutureValue", "UnknownFutureValue", "unknownFutureValue"},
	{"microsoft.graph.callRecords.session", "MicrosoftGraphCallRecordsSession", "microsoftGraphCallRecordsSession"},
	{"@microsoft.graph.conflictBehavior", "MicrosoftGraphConflictBehavior", "microsoftGraphConflictBehavior"},
	{"ipv4Range", "IPv4Range", "ipv4Range"},
	{"IPv4Range", "IPv4Range", "ipv4Range"},
	{"IPV6Address", "IPv6Address", "ipv6Address"},
	{"HTTPServer", "HTTPServer", "httpServer"},
	{"HTTP2Server", "HTTP2Server", "http2Server"},
	{"URLList", "URLList", "urlList"},
	{"office365", "Office365", "office365"},
	{"office365GroupsActivity", "Office365GroupsActivity", "office365GroupsActivity"},
	{"windows10", "Windows10", "windows10"},
	{"D7", "D7", "d7"},
	{"d7", "D7", "d7"},
	{"utf.8", "UTF8", "utf8"},
	{"office 365", "Office365", "office365"},
	{"ip v4", "IPv4", "ipv4"},
	{"v10_13", "V10_13", "v10_13"},
	{"v10_1709", "V10_1709", "v10_1709"},
	{"sha2_256", "Sha2_256", "sha2_256"},
	{"1_2_3", "X1_2_3", "x1_2_3"},
	{"userIds", "UserIDs", "userIDs"},
	{"ids", "IDs", "ids"},
	{"URLs", "URLs", "urls"},
	{"VMS", "VMS", "vms"},
	// Go keywords and predeclared identifiers.
	{"type", "Type", "type_"},
	{"Type", "Type", "type_"},
	{"select", "Select", "select_"},
	{"package", "Package", "package_"},
	{"default", "Default", "default_"},
	{"range", "Range", "range_"},
	{"error", "Error", "error_"},
	{"delete", "Delete", "delete_"},
	{"string", "String", "string_"},
	{"nil", "Nil", "nil_"},
	{"true", "True", "true_"},
	{"iota", "Iota", "iota_"},
	{"init", "Init", "init_"},
	{"int32", "Int32", "int32_"},
	// Punctuation, quotes, spaces, dots.
	{`"quoted"`, "Quoted", "quoted"},
	{"'single'", "Single", "single"},
	{"display name", "DisplayName", "displayName"},
	{"user's manager", "UsersManager", "usersManager"},
	{"user\u2019s manager", "UsersManager", "usersManager"},
	{"Create a user (beta)", "CreateAUserBeta", "createAUserBeta"},
	{"backupReviewers (deprecated)", "BackupReviewersDeprecated", "backupReviewersDeprecated"},
	{"$deltatoken", "Deltatoken", "deltatoken"},
	{"files/fileName", "FilesFileName", "filesFileName"},
	{"{id | userPrincipalName}", "IDUserPrincipalName", "idUserPrincipalName"},
	{"{item-path}", "ItemPath", "itemPath"},
	{"period_value", "PeriodValue", "periodValue"},
	{"a.b-c_d@e/f$g(h)i|j", "ABCDEFGHIJ", "abcdefghij"},
	// Leading digits.
	{"365days", "X365days", "x365days"},
	{"1.5", "X1_5", "x1_5"},
	{"7-Zip", "X7Zip", "x7Zip"},
	// Non-ASCII, invalid UTF-8, control characters.
	{"café", "Caf", "caf"},
	{"naïve", "Nave", "nave"},
	{"userName\u00a0", "UserName", "userName"},
	{"a\u2028b", "AB", "ab"},
	{"a\x00b", "AB", "ab"},
	{"a\xffb", "AB", "ab"},
	{"a\ufffdb", "AB", "ab"},
	// Nothing left.
	{"", "X" + shortHash(""), "x" + shortHash("")},
	{"...", "X" + shortHash("..."), "x" + shortHash("...")},
	{"@", "X" + shortHash("@"), "x" + shortHash("@")},
	{"日本語", "X" + shortHash("日本語"), "x" + shortHash("日本語")},
	{"\xff\xfe", "X" + shortHash("\xff\xfe"), "x" + shortHash("\xff\xfe")},
	// Too long.
	{long, "A" + long[:191] + shortHash(long), long[:192] + shortHash(long)},
}

func TestExported(t *testing.T) {
	for _, c := range identCases {
		got := Exported(c.in)
		if diff := cmp.Diff(c.exported, got); diff != "" {
			t.Errorf("Exported(%q) mismatch (-want +got):\n%s", c.in, diff)
		}
		if p := identProblem(got, true); p != "" {
			t.Errorf("Exported(%q) = %q: %s", c.in, got, p)
		}
	}
}

func TestUnexported(t *testing.T) {
	for _, c := range identCases {
		got := Unexported(c.in)
		if diff := cmp.Diff(c.unexported, got); diff != "" {
			t.Errorf("Unexported(%q) mismatch (-want +got):\n%s", c.in, diff)
		}
		if p := identProblem(got, false); p != "" {
			t.Errorf("Unexported(%q) = %q: %s", c.in, got, p)
		}
	}
}

func TestIdempotent(t *testing.T) {
	for _, c := range identCases {
		e := Exported(c.in)
		if again := Exported(e); again != e {
			t.Errorf("Exported(%q) = %q, but Exported(%q) = %q", c.in, e, e, again)
		}
		u := Unexported(c.in)
		if again := Unexported(u); again != u {
			t.Errorf("Unexported(%q) = %q, but Unexported(%q) = %q", c.in, u, u, again)
		}
	}
}

// TestDifferentPunctuation checks that names made only of punctuation do not
// all collapse to one identifier.
func TestDifferentPunctuation(t *testing.T) {
	seen := map[string]string{}
	for _, in := range []string{"", ".", "..", "@", "$", "-", "_", "()", "|"} {
		got := Exported(in)
		if prev, ok := seen[got]; ok {
			t.Errorf("Exported(%q) = Exported(%q) = %q", in, prev, got)
		}
		seen[got] = in
	}
}

// TestPredeclaredComplete checks the predeclared list against go/types.
func TestPredeclaredComplete(t *testing.T) {
	for _, name := range types.Universe.Names() {
		if !token.IsExported(name) && !predeclared[name] {
			t.Errorf("predeclared identifier %q missing from the list", name)
		}
		if u := Unexported(name); u == name {
			t.Errorf("Unexported(%q) = %q, a predeclared identifier", name, u)
		}
	}
}

// TestInitialismReference checks initialism, which lower-cases ASCII on
// the stack, against a lookup of strings.ToLower, in every casing of
// each initialism, its plural, and words around the length limit.
func TestInitialismReference(t *testing.T) {
	reference := func(word string) (string, bool) {
		if form, ok := initialisms[strings.ToLower(word)]; ok {
			return form, true
		}
		if stem, ok := strings.CutSuffix(word, "s"); ok {
			if form, ok := initialisms[strings.ToLower(stem)]; ok {
				return form + "s", true
			}
		}
		return "", false
	}
	words := []string{"", "s", "S", "x", "ids", "IDS", "IDs", "httpss", "odatas", "odataxs", "abcdefg", "Url", "uRLs"}
	for k, form := range initialisms {
		words = append(words, k, strings.ToUpper(k), form, form+"s", form+"S", k+"x", "x"+k)
	}
	for _, w := range words {
		gf, gok := initialism(w)
		wf, wok := reference(w)
		if gf != wf || gok != wok {
			t.Errorf("initialism(%q) = %q, %v; want %q, %v", w, gf, gok, wf, wok)
		}
	}
}
