package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// TestPageNotText: a page holding a NUL byte or bytes that are not UTF-8
// is refused with one error at the first such byte, and nothing else is
// read from it; a UTF-8 page with a BOM is text.
func TestPageNotText(t *testing.T) {
	const md = "---\ndoc_type: resourcePageType\n---\n# widget resource type\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n|name|String|The name.|\n"
	for _, tc := range []struct {
		name, page string
		want       []schema.Diagnostic // nil: the page is text
	}{
		{"utf-8", md, nil},
		{"bom", "\xef\xbb\xbf" + md, nil},
		{"nul", md[:40] + "\x00" + md[40:], []schema.Diagnostic{{File: "p.md", Line: 4, Col: 6, Severity: schema.Error, Code: diag.PageNotText,
			Message: "page holds a NUL byte, so it is not text (a binary or UTF-16 file?); not read"}}},
		{"latin-1", md[:40] + "\xe9" + md[40:], []schema.Diagnostic{{File: "p.md", Line: 4, Col: 6, Severity: schema.Error, Code: diag.PageNotText,
			Message: "page is not UTF-8 text (byte 0xe9 is not UTF-8); not read"}}},
		{"utf-16", "\xff\xfe#\x00 \x00w\x00", []schema.Diagnostic{{File: "p.md", Line: 1, Col: 1, Severity: schema.Error, Code: diag.PageNotText,
			Message: "page is not UTF-8 text (byte 0xff is not UTF-8); not read"}}},
		{"elf", "\x7fELF\x02\x01\x01\x00\x00", []schema.Diagnostic{{File: "p.md", Line: 1, Col: 8, Severity: schema.Error, Code: diag.PageNotText,
			Message: "page holds a NUL byte, so it is not text (a binary or UTF-16 file?); not read"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Parse([]File{{Path: "p.md", Data: []byte(tc.page)}})
			if tc.want == nil {
				if len(s.Types) != 1 {
					t.Errorf("got %d types, want 1; diagnostics: %v", len(s.Types), s.Diagnostics)
				}
				for _, d := range s.Diagnostics {
					if d.Code == diag.PageNotText {
						t.Errorf("text page reported: %v", d)
					}
				}
				return
			}
			if diff := cmp.Diff(tc.want, s.Diagnostics); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			if len(s.Types)+len(s.Enums)+len(s.Operations) != 0 {
				t.Errorf("a page that is not text yielded %d types, %d enums, %d operations", len(s.Types), len(s.Enums), len(s.Operations))
			}
		})
	}
}
