package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
)

// measurement is the figures of one package: a generated corpus folder,
// or msgraph-sdk-go's models.
type measurement struct {
	name  string
	types int // documented types: the denominator of the per-type rows
	gen   *generated
	sdk   *models
	// cold: with an empty cache; pkg: the package alone, its imports
	// built first; test: go test -c, the tests' imports built first
	// (generated packages only).
	cold, pkg corpustool.Cost
	test      *corpustool.Cost
}

// measureFolder generates one corpus folder's package into a module in
// f.Dir and measures building it and its test binary.
func measureFolder(ctx context.Context, root string, f corpustool.Folder) (*measurement, error) {
	g, err := generateModule(root, f.Docs, f.Dir)
	if err != nil {
		return nil, err
	}
	m := &measurement{name: f.Name, types: g.types + g.enums, gen: g}
	if err := m.measureBuilds(ctx, f.Dir, "./graph"); err != nil {
		return nil, err
	}
	test, err := measure(ctx, f.Dir, "test", "./graph", true, "test", "-c", "-o", os.DevNull, "./graph")
	m.test = &test
	return m, err
}

// measureBuilds measures the cold and the package-alone build of pkg.
func (m *measurement) measureBuilds(ctx context.Context, dir, pkg string) error {
	var err error
	if m.cold, err = measure(ctx, dir, "cold", "", false, "build", pkg); err != nil {
		return err
	}
	m.pkg, err = measure(ctx, dir, "package", pkg, false, "build", pkg)
	return err
}

// measure runs the go command with args in dir with an empty build cache
// of its own (named after what it measures) and returns its cost. When
// deps names a package, what it imports (with its tests' imports when
// tests is set) is built first, not measured.
func measure(ctx context.Context, dir, name, deps string, tests bool, args ...string) (corpustool.Cost, error) {
	cache := filepath.Join(dir, ".gocache-"+name)
	if err := os.RemoveAll(cache); err != nil {
		return corpustool.Cost{}, err
	}
	g := corpustool.Go{Dir: dir, Cache: cache}
	if deps != "" {
		list := []string{"list", "-deps", "-f", "{{if .DepOnly}}{{.ImportPath}}{{end}}"}
		if tests {
			list = append(list, "-test")
		}
		out, err := g.Output(ctx, append(list, deps)...)
		if err != nil {
			return corpustool.Cost{}, err
		}
		if err := g.Run(ctx, append([]string{"build"}, strings.Fields(string(out))...)...); err != nil {
			return corpustool.Cost{}, err
		}
	}
	return g.Measure(ctx, args...)
}
