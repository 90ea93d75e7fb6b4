package gen_test

import (
	"strings"
	"testing"
)

// TestErrorDetails generates the page of testdata/errors (see its README),
// whose example answers 422 with an error of two details: the test data
// list each detail's code, message and target, and the generated test,
// whose double returns them in an *Error and which checks the handler
// writes them, passes.
func TestErrorDetails(t *testing.T) {
	_, out := generateDirs(t, "testdata/errors/api")
	msg := `"Property mailNickname is missing a required prefix/suffix per your organization's Group naming requirements."`
	want := []string{
		`error 422 "Request_UnprocessableEntity" "The values provided contain one or more validation errors."`,
		`error-detail "MissingPrefixSuffix" ` + msg + ` "displayName"`,
		`error-detail "MissingPrefixSuffix" ` + msg + ` "mailNickname"`,
	}
	found := false
	for _, f := range out {
		if strings.HasSuffix(f.Name, "directoryobject-validateproperties.txtar") {
			found = true
			if !strings.Contains(string(f.Data), "\n"+strings.Join(want, "\n")+"\n") {
				t.Errorf("%s lacks\n%s\n:\n%s", f.Name, strings.Join(want, "\n"), f.Data)
			}
		}
	}
	if !found {
		t.Fatal("no test data for directoryobject-validateproperties.md")
	}
	m := newModule(t)
	m.add("errors", out)
	m.mustGo("vet", "./...")
	m.mustGo("test", "./...")
}
