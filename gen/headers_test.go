package gen_test

import (
	"strings"
	"testing"
)

// TestAnswerHeaders generates the pages of testdata/headers (see its
// README), whose examples answer 201 or 202 with a Location: the test
// data list each documented Location, and the generated tests, whose
// service double sets it with ResponseHeader and which check the handler
// writes it, pass.
func TestAnswerHeaders(t *testing.T) {
	_, out := generateDirs(t, "testdata/headers/api")
	want := map[string]string{
		"identityuserflowattribute-post.txtar":   `header "Location" "https://graph.microsoft.com/v1.0/identity/userFlowAttributes/extension_7a95ecd9489b4fb9a45722b913c4703b_Hobby"`,
		"externalconnectors-schema-create.txtar": `header "Location" "https://graph.microsoft.com/v1.0/external/connections/contosohr/operations/616bfeed-666f-4ce0-8cd9-058939010bfc"`,
		"team-unarchive.txtar":                   `header "Location" "/teams({id})/operations({opId})"`,
	}
	for _, f := range out {
		name := f.Name[strings.LastIndex(f.Name, "/")+1:]
		if line, ok := want[name]; ok {
			if !strings.Contains(string(f.Data), "\n"+line+"\n") {
				t.Errorf("%s lacks %s:\n%s", f.Name, line, f.Data)
			}
			delete(want, name)
		}
	}
	for name := range want {
		t.Errorf("no test data %s", name)
	}
	m := newModule(t)
	m.add("headers", out)
	m.mustGo("vet", "./...")
	m.mustGo("test", "./...")
}
