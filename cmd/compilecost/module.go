package main

import (
	"path/filepath"
	"strings"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
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
// dir/graph, in a module of its own.
func generateModule(root, docs, dir string) (*generated, error) {
	pages, err := parser.ReadPaths([]string{docs})
	if err != nil {
		return nil, err
	}
	s := parser.Parse(pages)
	files, err := gen.Generate(s, gen.Options{Package: "graph", ImportPath: "example.com/compilecost/graph", Args: []string{"-out", "graph", docs}})
	if err != nil {
		return nil, err
	}
	g := &generated{types: len(s.Types), enums: len(s.Enums), operations: len(s.Operations)}
	for _, f := range files {
		if filepath.Ext(f.Name) == ".go" && !strings.HasSuffix(f.Name, "_test.go") {
			g.files++
			g.bytes += int64(len(f.Data))
		}
	}
	return g, corpustool.WriteModule(root, dir, "example.com/compilecost", "graph", files)
}
