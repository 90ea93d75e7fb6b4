package corpustest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/parser"
)

// corpusRoot holds the corpus folders, relative to this package.
var corpusRoot = filepath.Join("..", "..", "..", "..", "shared", "graph-docs", "api-reference")

// readCorpus reads every page of one corpus folder, skipping tb when the
// corpus is absent.
func readCorpus(tb testing.TB, version string) []parser.File {
	tb.Helper()
	dir := filepath.Join(corpusRoot, version)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("Graph docs corpus not found at %s: %v", dir, err)
	}
	files, err := parser.ReadPaths([]string{dir})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// generate runs the whole pipeline in memory.
func generate(tb testing.TB, files []parser.File) []gen.File {
	tb.Helper()
	out, err := gen.Generate(parser.Parse(files), gen.Options{Package: "graph", ImportPath: "example.com/corpus/graph", Args: []string{"-out", "graph", "docs"}})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
