package gen_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStreamOperations generates the pages of testdata/stream (see its
// README): the operations that answer content, not JSON, return a *Stream
// (the photo's bytes, the message's MIME content split from the message,
// the file's content answered with a redirect), the message keeps its
// name and type, the examples of the content become tests (the body and
// Content-Type, or the Location, the handler writes), and they pass.
func TestStreamOperations(t *testing.T) {
	s, out := generateDirs(t, "testdata/stream/api")
	results := map[string]string{}
	media := map[string]bool{}
	for _, op := range s.Operations {
		if op.Method != "GET" {
			continue
		}
		results[op.GoName] = "none"
		if op.ResponseType != nil {
			results[op.GoName] = op.ResponseType.String()
		}
		media[op.GoName] = op.Media
	}
	want := map[string]string{
		"GetPhoto":                    "Edm.Stream",
		"ProfilePhotoGet":             "microsoft.graph.profilePhoto",
		"GetMessage":                  "microsoft.graph.message",
		"GetMessageContent":           "Edm.Stream",
		"DownloadContentsOfDriveItem": "Edm.Stream",
	}
	if diff := cmp.Diff(want, results); diff != "" {
		t.Errorf("GET operations' response types (-want +got):\n%s", diff)
	}
	if !media["GetMessageContent"] || media["GetPhoto"] || media["GetMessage"] {
		t.Errorf("media operations: %v, want GetMessageContent only", media)
	}
	tests := map[string]bool{}
	for _, op := range s.Operations {
		for _, ex := range op.Examples {
			if ex.Test != nil {
				tests[*ex.Test] = true
			}
		}
	}
	for _, name := range []string{
		"TestExamples/GetPhoto/profilephoto-get-1",
		"TestExamples/GetMessageContent/get_message_in_mime",
		"TestExamples/DownloadContentsOfDriveItem/download-item-content",
	} {
		if !tests[name] {
			t.Errorf("no test %s", name)
		}
	}
	var sawStream, sawLocation bool
	for _, f := range out {
		if strings.HasSuffix(f.Name, ".txtar") {
			sawStream = sawStream || strings.Contains(string(f.Data), "\nstream \"text/plain\"\n")
			sawLocation = sawLocation || strings.Contains(string(f.Data), "\nlocation \"")
		}
	}
	if !sawStream || !sawLocation {
		t.Errorf("test data: a stream example %v, a redirect %v; want both", sawStream, sawLocation)
	}
	m := newModule(t)
	m.add("stream", out)
	m.mustGo("vet", "./...")
	m.mustGo("test", "./...")
}
