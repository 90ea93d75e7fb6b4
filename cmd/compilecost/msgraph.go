package main

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
)

// msgraphModule is the SDK whose models package the generated packages
// are compared with.
const (
	msgraphModule = "github.com/microsoftgraph/msgraph-sdk-go"
	msgraphModels = msgraphModule + "/models"
)

// models describes msgraph-sdk-go's models package.
type models struct {
	version string
	files   int   // non-test .go files: one per model
	types   int   // top-level type declarations
	bytes   int64 // of the files
}

// skipped is a measurement left out, and why.
type skipped struct{ what, why string }

func (s *skipped) Error() string { return s.what + ": skipped: " + s.why }

// measureMSGraph downloads msgraph-sdk-go at version into a module of its
// own (into the Go module cache, as any dependency) and measures building
// its models package. When the download fails, as it does without the
// Go module proxy, the error is a *skipped.
func measureMSGraph(ctx context.Context, ws corpustool.Workspace, version string) (*measurement, error) {
	dir := filepath.Join(ws.Work, "msgraph")
	mod := fmt.Sprintf("module example.com/msgraphcost\n\ngo 1.22\n\nrequire %s %s\n", msgraphModule, version)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		return nil, err
	}
	what := fmt.Sprintf("msgraph-sdk-go %s models", version)
	fetch, cancel := context.WithTimeout(ctx, 15*time.Minute)
	defer cancel()
	out, err := corpustool.Go{Dir: dir}.Output(fetch, "list", "-f", "{{.Dir}}", msgraphModels)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &skipped{what, "cannot download it from the Go module proxy: " + lastLine(err.Error())}
	}
	sdk, err := countModels(strings.TrimSpace(string(out)))
	if err != nil {
		return nil, err
	}
	sdk.version = version
	m := &measurement{name: "msgraph " + version, types: sdk.files, sdk: sdk}
	return m, m.measureBuilds(ctx, dir, msgraphModels)
}

// countModels counts the non-test Go files of the package in dir and
// their top-level type declarations.
func countModels(dir string) (*models, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	m := &models{}
	fset := token.NewFileSet()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		m.files++
		m.bytes += int64(fset.File(f.Pos()).Size())
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				m.types += len(g.Specs)
			}
		}
	}
	if m.files == 0 {
		return nil, fmt.Errorf("no Go files in %s", dir)
	}
	return m, nil
}

// lastLine is the last line of an error of the go command, which says
// what went wrong (the first names the command).
func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, '\n')+1:]
}
