package parser

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

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
