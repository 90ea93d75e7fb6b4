package main

import (
	"os"
	"path/filepath"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/parser"
)

// generated describes one generated package.
type generated struct {
	types, enums, operations int
	files                    int // .go files, tests excluded (go build skips them)
	bytes                    int64
}

// generateModule generates the package for the pages under docs into
// dir/graph, in a module of its own that needs only the standard library.
func generateModule(docs, dir string) (*generated, error) {
	pages, err := parser.ReadPaths([]string{docs})
	if err != nil {
		return nil, err
	}
	s := parser.Parse(pages)
	files, err := gen.Generate(s, gen.Options{Package: "graph", Args: []string{"-out", "graph", docs}})
	if err != nil {
		return nil, err
	}
	g := &generated{types: len(s.Types), enums: len(s.Enums), operations: len(s.Operations)}
	for _, f := range files {
		if filepath.Ext(f.Name) == ".go" && !isTest(f.Name) {
			g.files++
			g.bytes += int64(len(f.Data))
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	mod := "module example.com/compilecost\n\ngo 1.26\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		return nil, err
	}
	_, err = gen.WriteDir(filepath.Join(dir, "graph"), files)
	return g, err
}

func isTest(name string) bool {
	return len(name) > len("_test.go") && name[len(name)-len("_test.go"):] == "_test.go"
}
