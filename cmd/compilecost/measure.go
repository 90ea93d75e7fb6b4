package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
)

// measurement is one corpus folder's figures.
type measurement struct {
	name      string
	gen       *generated
	cold, pkg corpustool.Cost
}

func measureVersion(ctx context.Context, root string, f corpustool.Folder) (*measurement, error) {
	dir := f.Dir
	g, err := generateModule(root, f.Docs, dir)
	if err != nil {
		return nil, err
	}
	m := &measurement{name: f.Name, gen: g}
	cold, err := freshCache(dir, "cold")
	if err != nil {
		return nil, err
	}
	if m.cold, err = cold.Measure(ctx, "build", "./graph"); err != nil {
		return nil, err
	}
	pkg, err := freshCache(dir, "package")
	if err != nil {
		return nil, err
	}
	std, err := stdDeps(ctx, pkg)
	if err != nil {
		return nil, err
	}
	if err := pkg.Run(ctx, append([]string{"build"}, std...)...); err != nil {
		return nil, err
	}
	m.pkg, err = pkg.Measure(ctx, "build", "./graph")
	return m, err
}

// freshCache is the go command in dir with an empty GOCACHE folder of
// its own, named after what it measures.
func freshCache(dir, name string) (corpustool.Go, error) {
	c := filepath.Join(dir, ".gocache-"+name)
	return corpustool.Go{Dir: dir, Cache: c}, os.RemoveAll(c)
}

// stdDeps lists the standard-library packages ./graph imports, directly
// or not.
func stdDeps(ctx context.Context, g corpustool.Go) ([]string, error) {
	out, err := g.Output(ctx, "list", "-deps", "-f", "{{if .Standard}}{{.ImportPath}}{{end}}", "./graph")
	return strings.Fields(string(out)), err
}
