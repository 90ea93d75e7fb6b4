package parser

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/route"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// corpusRoot is the Graph docs corpus, beside the repository.
var corpusRoot = filepath.Join("..", "..", "shared", "graph-docs", "api-reference")

var corpusSchemas struct {
	sync.Mutex
	byFolder map[string]*schema.Schema
}

// corpusSchema parses one folder of the corpus (beta or v1.0) once per
// test binary; it skips the test when the corpus is absent.
func corpusSchema(t *testing.T, folder string) *schema.Schema {
	t.Helper()
	dir := filepath.Join(corpusRoot, folder)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("Graph docs corpus not found at %s (it is only on CI and developer machines)", dir)
	}
	if testing.Short() {
		t.Skip("parses the whole corpus")
	}
	corpusSchemas.Lock()
	defer corpusSchemas.Unlock()
	if s := corpusSchemas.byFolder[folder]; s != nil {
		return s
	}
	files, err := ReadPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	s := Parse(files)
	if corpusSchemas.byFolder == nil {
		corpusSchemas.byFolder = map[string]*schema.Schema{}
	}
	corpusSchemas.byFolder[folder] = s
	return s
}

// TestCorpusReading checks, on both corpus folders, what issue 13 asks of
// reading the pages: no type has a property named like one of its bases'
// (ignoring case, as encoding/json matches names), no property is OData
// control information, and no enum member is a query option.
func TestCorpusReading(t *testing.T) {
	for _, folder := range []string{"beta", "v1.0"} {
		t.Run(folder, func(t *testing.T) {
			s := corpusSchema(t, folder)
			checkNoRepeatedProperty(t, s)
			for _, ty := range s.Types {
				for _, p := range ty.Properties {
					if isControlInfo(p.Name) {
						t.Errorf("%s has property %s (%s)", ty.Name, p.Name, p.Source)
					}
				}
			}
			for _, e := range s.Enums {
				for _, m := range e.Members {
					if strings.HasPrefix(m, "$") {
						t.Errorf("enum %s (%s) has member %s", e.Name, e.Source, m)
					}
				}
			}
		})
	}
}

// TestCorpusRequestLines checks, on both corpus folders, that every page
// with a request line in a fence under an HTTP request heading, however
// deep the sub-headings in that section, yields operations. The page is
// scanned line by line, apart from the parser's reading.
func TestCorpusRequestLines(t *testing.T) {
	for _, folder := range []string{"beta", "v1.0"} {
		t.Run(folder, func(t *testing.T) {
			s := corpusSchema(t, folder)
			withOps := map[string]bool{}
			for _, op := range s.Operations {
				withOps[op.Source.File] = true
			}
			for _, pg := range s.Pages {
				if withOps[pg.Path] {
					continue
				}
				data, err := os.ReadFile(pg.Path)
				if err != nil {
					t.Fatal(err)
				}
				if line := requestLineUnderHeading(string(data)); line != "" {
					t.Errorf("%s: no operation, but its HTTP request section has %q", pg.Path, line)
				}
			}
			t.Logf("%d pages with operations", len(withOps))
		})
	}
}

// requestLineUnderHeading returns the first line of a fence, in an HTTP
// request section before the Examples, that reads as a request line; ""
// when there is none.
func requestLineUnderHeading(page string) string {
	level, inFence := 0, false
	for _, l := range strings.Split(page, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") {
			inFence = !inFence
			continue
		}
		if !inFence && strings.HasPrefix(l, "#") {
			n := len(l) - len(strings.TrimLeft(l, "#"))
			title := strings.ToLower(strings.TrimSpace(l[n:]))
			switch {
			case strings.HasPrefix(title, "example") && n <= 2:
				return ""
			case strings.HasPrefix(title, "http request"):
				level = n
			case level > 0 && n <= level && !strings.HasPrefix(title, "["):
				level = 0
			}
			continue
		}
		if inFence && level > 0 {
			if _, ok, _ := route.ParseLine(t); ok {
				return t
			}
		}
	}
	return ""
}
