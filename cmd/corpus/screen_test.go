package main

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestScreenExampleRows checks the example rows: tests, failures and
// explained examples add up to all examples, and the pass rate of pairs
// leaves out requests without a response.
func TestScreenExampleRows(t *testing.T) {
	name := func(s string) *string { return &s }
	s := &schema.Schema{Operations: []*schema.Operation{{Examples: []*schema.Example{
		{Test: name("TestA/a")}, {Test: name("TestA/b")}, {Test: name("TestA/c")},
		{Reason: name("example-route-unmatched")},
		{Test: name("TestA/d"), RequestOnly: true}, {Reason: name("example-foreign-host"), RequestOnly: true},
	}}}}
	r := &report{name: "v", s: s, results: map[string]string{"TestA/a": "pass", "TestA/b": "pass", "TestA/c": "fail", "TestA/d": "pass"}}
	var b bytes.Buffer
	if err := printScreen(&b, []*report{r}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`(?m)^examples +6$`,
		`(?m)^  tests passed +3$`,
		`(?m)^  tests failed +1$`,
		`(?m)^  explained by a diagnostic +2$`,
		`(?m)^example pairs \(request, response\) +4\n  tests passed +2 \(50\.0%\)$`,
		`(?m)^requests without a response +2\n  tests passed +1 \(50\.0%\)$`,
	} {
		if !regexp.MustCompile(want).Match(b.Bytes()) {
			t.Errorf("screen does not match %s:\n%s", want, b.String())
		}
	}
}
