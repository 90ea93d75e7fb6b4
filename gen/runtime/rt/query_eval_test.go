package rt

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// The types the evaluator tests filter, shaped like generated ones.
type (
	odataEvalBase struct {
		ODataType Optional[string] `json:"@odata.type,omitzero"`
		ID        string           `json:"id"`
	}
	odataEvalLicense struct {
		SkuID string `json:"skuId"`
	}
	odataEvalAddress struct {
		City Optional[string] `json:"city,omitzero"`
	}
	odataEvalColor string
	odataEvalUser  struct {
		odataEvalBase
		DisplayName    Optional[string]           `json:"displayName,omitzero"`
		Mail           *string                    `json:"mail,omitempty"`
		AccountEnabled Optional[bool]             `json:"accountEnabled,omitzero"`
		Age            int                        `json:"age"`
		Score          Optional[float64]          `json:"score,omitzero"`
		Created        Optional[DateTimeOffset]   `json:"createdDateTime,omitzero"`
		Birthday       Date                       `json:"birthday"`
		Wake           TimeOfDay                  `json:"wakeTime"`
		TTL            Duration                   `json:"ttl"`
		Tags           []string                   `json:"tags"`
		Licenses       []odataEvalLicense         `json:"assignedLicenses"`
		Address        Optional[odataEvalAddress] `json:"address,omitzero"`
		Manager        *odataEvalUser             `json:"manager,omitempty"`
		Color          Optional[odataEvalColor]   `json:"color,omitzero"`
		Odd            string                     `json:"-" graphjson:"odd'name"`
		Extra          map[string]any             `json:"extra,omitempty"`
	}
)

// odataEvalAdele is the user the evaluator tests filter.
func odataEvalAdele() *odataEvalUser {
	mail := "adele@contoso.com"
	return &odataEvalUser{
		odataEvalBase:  odataEvalBase{ID: "87d349ed-44d7-43e1-9a83-5f2406dee5bd", ODataType: Some("#microsoft.graph.user")},
		DisplayName:    Some("Adele Vance"),
		Mail:           &mail,
		AccountEnabled: Some(true),
		Age:            42,
		Score:          Null[float64](),
		Created:        Some(DateTimeOffset("2021-03-04T10:00:00+01:00")),
		Birthday:       "1980-02-29",
		Wake:           "06:30:00",
		TTL:            "PT1H",
		Tags:           []string{"Unified", "Team"},
		Licenses:       []odataEvalLicense{{SkuID: "184efa21-98c3-4e5d-95ab-d07053a96e67"}},
		Address:        Some(odataEvalAddress{}),
		Manager:        &odataEvalUser{DisplayName: Some("Megan Bowen"), Age: 50},
		Color:          Some(odataEvalColor("red,blue")),
		Odd:            "x",
		Extra:          map[string]any{"Level": 3.0, "nested": map[string]any{"on": true}},
	}
}

// TestMatchODataFilter evaluates filters on a struct with Optional, pointer, embedded, slice and map fields.
func TestMatchODataFilter(t *testing.T) {
	for _, c := range []struct {
		filter string
		want   bool
	}{
		{"displayName eq 'Adele Vance'", true},
		{"DisplayName eq 'Adele Vance'", true}, // a property in another case
		{"displayName eq 'adele vance'", false},
		{"tolower(displayName) eq 'adele vance'", true},
		{"startswith(displayName,'Ad') and accountEnabled eq true", true},
		{"endswith(mail,'@contoso.com') and contains(mail,'@')", true},
		{"length(displayName) eq 11 and indexof(displayName,'V') eq 6 and substring(displayName,6) eq 'Vance'", true},
		{"substring(displayName,0,5) eq 'Adele' and toupper(trim(concat(' a',' '))) eq 'A'", true},
		{"age gt 40 and age le 42 and age add 8 eq 50 and age mod 5 eq 2 and age div 5 eq 8 and age divby 4 eq 10.5", true},
		{"-age lt 0 and age sub 2 mul 10 eq 22", true},
		{"id eq 87D349ED-44D7-43E1-9A83-5F2406DEE5BD", true}, // GUIDs in any case
		{"id in ('a','87d349ed-44d7-43e1-9a83-5f2406dee5bd')", true},
		{"age in (1,2,3)", false},
		// Null: a null or absent property equals only null.
		{"score eq null and address/city eq null and nope/x eq null", false}, // nope: see errors
		{"score eq null and address/city eq null", true},
		{"score ne null", false},
		{"score gt 1 or score lt 1", false},
		{"score le null", true},
		{"manager/mail eq null and manager/manager/displayName eq null", true},
		{"not (score eq 1)", true},
		{"score eq 1 or true", true},
		{"not (score gt 1 or score lt 1)", true}, // false or false
		// Dates and times compare as instants.
		{"createdDateTime eq 2021-03-04T09:00:00Z", true},
		{"createdDateTime gt 2021-03-04 and createdDateTime lt 2021-03-05T00:00Z", true},
		{"birthday eq 1980-02-29 and year(birthday) eq 1980 and month(birthday) eq 2 and day(birthday) eq 29", true},
		{"hour(createdDateTime) eq 10 and totaloffsetminutes(createdDateTime) eq 60 and date(createdDateTime) eq 2021-03-04", true},
		{"wakeTime lt 07:00 and wakeTime eq 06:30:00 and hour(wakeTime) eq 6 and time(createdDateTime) eq 10:00", true},
		{"ttl eq duration'PT60M' and ttl gt duration'PT59M' and totalseconds(ttl) eq 3600", true},
		{"createdDateTime add duration'P1D' eq 2021-03-05T09:00:00Z and createdDateTime lt now()", true},
		// Lambdas and collections.
		{"tags/any(c:c eq 'Unified') and tags/any(c:c eq 'Team')", true},
		{"tags/all(c:c ne 'x') and not tags/any(c:c eq 'x')", true},
		{"tags/any() and assignedLicenses/any(u:u/skuId eq 184efa21-98c3-4e5d-95ab-d07053a96e67)", true},
		{"tags/$count eq 2 and assignedLicenses/$count eq 1 and manager/tags/$count eq 0", true},
		{"manager/tags/any() or manager/tags/all(t:t eq 'x') and true", true}, // all of an empty collection is true
		{"tags/any(t:t eq $it/displayName or $this eq 'Team')", true},
		{"hassubset(tags,tags) and length(tags) eq 2", true},
		// Enums (named string types) and flags.
		{"color has microsoft.graph.color'red' and color has 'blue' and not (color has 'green')", true},
		{"color eq 'red,blue'", true},
		// Casts and type tests.
		{"microsoft.graph.user/displayName eq 'Adele Vance'", true},
		{"microsoft.graph.group/displayName eq 'Adele Vance'", false},
		{"isof('microsoft.graph.user') and not isof('Microsoft.Graph.Group')", true},
		{"cast(age,Edm.String) eq '42' and cast('12',Edm.Int32) eq 12 and isof(age,Edm.Int64)", true},
		// Embedded fields, graphjson names, maps.
		{"extra/level eq 3 and extra/nested/on", true},
		{"extra/missing eq null", true},
		{"matchesPattern(mail,'^[a-z]+@')", true},
		{"round(2.5) eq 3 and floor(2.5) eq 2 and ceiling(2.1) eq 3", true},
	} {
		e, perr := odataParseFilter(c.filter)
		if perr != nil {
			t.Errorf("%s: %s", c.filter, perr.Message)
			continue
		}
		got, err := MatchODataFilter(e, odataEvalAdele())
		if err != nil {
			if !strings.Contains(c.filter, "nope") {
				t.Errorf("%s: %v", c.filter, err)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%s: got %v, want %v", c.filter, got, c.want)
		}
	}
}

// TestMatchODataFilterErrors checks the errors of filters that do not fit the value's types.
func TestMatchODataFilterErrors(t *testing.T) {
	for _, c := range []struct{ filter, want string }{
		{"nope eq 1", "Could not find a property named 'nope' on type 'rt.odataEvalUser'."},
		{"displayName eq 5", "cannot compare a string with a number"},
		{"startswith(age,'4')", "startswith needs strings, found a number"},
		{"tags/name eq 'x'", "'name' is read from a collection: use any or all"},
		{"displayName/any()", "'any' needs a collection, found a string"},
		{"age div 0 eq 1", "division by zero"},
		{"displayName and true", "the operands of 'and' must be Boolean, found a string"},
		{"displayName", "the filter is not a Boolean expression"},
		{"matchesPattern(mail,'(')", "matchesPattern: error parsing regexp: missing closing ): `(`"},
	} {
		e, perr := odataParseFilter(c.filter)
		if perr != nil {
			t.Errorf("%s: %s", c.filter, perr.Message)
			continue
		}
		_, err := MatchODataFilter(e, odataEvalAdele())
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got error %v, want %s", c.filter, err, c.want)
		}
	}
}

// TestMatchODataFilterJSON evaluates a filter on decoded JSON (maps and slices of any).
func TestMatchODataFilterJSON(t *testing.T) {
	var v any
	if err := json.Unmarshal([]byte(`{"displayName":"Adele","groupTypes":["Unified"],"manager":{"age":50}}`), &v); err != nil {
		t.Fatal(err)
	}
	e, perr := odataParseFilter("groupTypes/any(c:c eq 'Unified') and manager/age ge 50 and displayName ne null")
	if perr != nil {
		t.Fatal(perr.Message)
	}
	if ok, err := MatchODataFilter(e, v); !ok || err != nil {
		t.Errorf("got %v, %v; want true", ok, err)
	}
}

// TestODataFieldByName finds properties by JSON name: tags, case, embedding, graphjson.
func TestODataFieldByName(t *testing.T) {
	typ := reflect.TypeFor[odataEvalUser]()
	for _, c := range []struct{ name, want string }{
		{"displayName", "displayName"},
		{"DISPLAYNAME", "displayName"},
		{"id", "id"},                   // promoted from the embedded struct
		{"@odata.type", "@odata.type"}, // likewise
		{"odd'name", "odd'name"},       // from the graphjson tag
		{"Odd", ""},
		{"nope", ""},
	} {
		f, ok := odataFieldByName(typ, c.name)
		got := ""
		if ok {
			got = f.name
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// TestMatchODataFilterBudget checks that nested lambdas cannot take exponential time.
func TestMatchODataFilterBudget(t *testing.T) {
	f := "tags/any(u:u eq 'z')" // false, on each of two members, at each of 40 levels
	for range 40 {
		f = "tags/any(t:" + f + " and t eq 'z')"
	}
	e, perr := odataParseFilter(f)
	if perr != nil {
		t.Fatal(perr.Message)
	}
	if _, err := MatchODataFilter(e, odataEvalAdele()); err != odataErrTooCostly {
		t.Errorf("got %v, want %v", err, odataErrTooCostly)
	}
}
