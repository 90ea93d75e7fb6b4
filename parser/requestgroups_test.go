package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestRequestLinesUnderSubheadings reads pages whose request lines are
// under sub-headings of the HTTP request section (fixtures): every line
// is read, and profilephoto-get.md, which documents the photo's bytes for
// the lines under "Get the photo" and its metadata for the others, gets
// one operation per response, the bytes' a stream (its lines all end in
// /$value, so it is no media split of the page's JSON operation).
func TestRequestLinesUnderSubheadings(t *testing.T) {
	files, err := ReadPaths([]string{"testdata/issue13/v1.0/api/profilephoto-get.md", "testdata/issue13/v1.0/resources/profilephoto.md",
		"testdata/issue13/beta/api/event-delta.md", "testdata/issue13/beta/api/team-get-photo.md",
		"testdata/issue13/beta/api/opentypeextension-post-opentypeextension.md"})
	if err != nil {
		t.Fatal(err)
	}
	s := Parse(files)
	byPage := map[string][]*schema.Operation{}
	for _, op := range s.Operations {
		page := pageStem(op.Source.File)
		byPage[page] = append(byPage[page], op)
	}
	for page, n := range map[string]int{"event-delta": 20, "team-get-photo": 4, "opentypeextension-post-opentypeextension": 20} {
		lines := 0
		for _, op := range byPage[page] {
			lines += len(op.Paths)
			if op.Section != "" {
				t.Errorf("%s: operation %s split off by sub-heading %q", page, op.Method, op.Section)
			}
		}
		if lines < n {
			t.Errorf("%s: %d request lines, want at least %d", page, lines, n)
		}
	}
	photo := byPage["profilephoto-get"]
	if len(photo) != 2 {
		t.Fatalf("profilephoto-get: %d operations, want 2", len(photo))
	}
	meta, bytes := photo[0], photo[1]
	if meta.Section != "" || meta.ResponseType == nil || meta.ResponseType.Name != "microsoft.graph.profilePhoto" {
		t.Errorf("metadata operation: section %q, response %v", meta.Section, meta.ResponseType)
	}
	if bytes.Section != "Get the photo" || bytes.ResponseType == nil || bytes.ResponseType.Name != schema.EdmStream || bytes.Media || bytes.Status != 200 {
		t.Errorf("photo operation: section %q, response %v, status %d", bytes.Section, bytes.ResponseType, bytes.Status)
	}
	for _, p := range bytes.Paths {
		if !strings.HasSuffix(p, "/$value") {
			t.Errorf("photo operation has %s", p)
		}
	}
	for _, p := range meta.Paths[:11] {
		if strings.HasSuffix(p, "/$value") {
			t.Errorf("metadata operation has %s", p)
		}
	}
	var examples []string
	for _, ex := range bytes.Examples {
		examples = append(examples, ex.Name)
	}
	if diff := cmp.Diff([]string{"profilephoto-get-1", "profilephoto-get-2"}, examples); diff != "" {
		t.Errorf("photo operation examples (-want +got):\n%s", diff)
	}
	if len(meta.Examples) != 1 || meta.Examples[0].Name != "profilephoto-get-3" {
		t.Errorf("metadata operation examples %v", meta.Examples)
	}
}

func TestHeadingWords(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"get the photo", "response for getting the photo", true},
		{"get the metadata of the photo", "response for getting the metadata of a photo", true},
		{"get the metadata for a specific photo size", "response for getting the metadata of the photo", false},
		{"create an extension", "response to creating extensions", true},
		{"get the photo", "response for getting the metadata of the photo", false},
	} {
		if got := sameWords(headingWords(tc.a), headingWords(tc.b)); got != tc.same {
			t.Errorf("%q and %q: same words %v, want %v (%q, %q)", tc.a, tc.b, got, tc.same, headingWords(tc.a), headingWords(tc.b))
		}
	}
}
