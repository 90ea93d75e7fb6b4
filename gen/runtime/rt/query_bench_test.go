package rt

import (
	"encoding/json"
	"testing"
)

// odataBenchQuery is the query string of a typical Graph list request.
const odataBenchQuery = "$select=id,displayName,mail&$filter=startswith(displayName,'a') and accountEnabled eq true&$top=10&$orderby=displayName&$count=true"

// odataBenchBody is a small request body: nine properties.
const odataBenchBody = `{"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Adele Vance","mail":"AdeleV@contoso.com",` +
	`"givenName":"Adele","surname":"Vance","jobTitle":"Retail Manager","officeLocation":"18/2111","accountEnabled":true,"ageGroup":3}`

// odataBenchUser is what odataBenchBody decodes into.
type odataBenchUser struct {
	ID             string `json:"id"`
	DisplayName    string `json:"displayName"`
	Mail           string `json:"mail"`
	GivenName      string `json:"givenName"`
	Surname        string `json:"surname"`
	JobTitle       string `json:"jobTitle"`
	OfficeLocation string `json:"officeLocation"`
	AccountEnabled bool   `json:"accountEnabled"`
	AgeGroup       int    `json:"ageGroup"`
}

// BenchmarkODataQuery compares parsing the query options of a typical
// request (parse) with encoding/json decoding a small body into a struct
// (json), the cost the issue bounds it by.
func BenchmarkODataQuery(b *testing.B) {
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseODataQuery(odataBenchQuery, odataParseConfig{dollarOptional: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		body := []byte(odataBenchBody)
		for b.Loop() {
			var u odataBenchUser
			if err := json.Unmarshal(body, &u); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkMatchODataFilter measures evaluating a typical filter on a
// struct with Optional fields.
func BenchmarkMatchODataFilter(b *testing.B) {
	e, err := odataParseFilter("startswith(displayName,'A') and accountEnabled eq true and tags/any(t:t eq 'Team')")
	if err != nil {
		b.Fatal(err.Message)
	}
	u := odataEvalAdele()
	b.ReportAllocs()
	for b.Loop() {
		if ok, err := MatchODataFilter(e, u); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}
