// Command compilecost measures what the generated packages cost their
// users to build: for each corpus folder it generates the package into a
// fresh module and times `go build` with an empty build cache, reporting
// wall time, CPU time and peak memory in total and per documented type.
// `make compile-cost` runs it.
//
//	go run ./cmd/compilecost [-docs DIR] [-versions v1.0,beta] [-keep DIR]
//
// Two builds are measured, each with a fresh GOCACHE: "cold" builds the
// package and the standard-library packages it imports; "package" first
// builds those standard packages (not measured), then the package alone,
// which is the cost the generated code adds. Peak memory is the largest
// resident set of the go command and the compiler it runs (getrusage of
// the child processes).
//
// It exits 0 with a message when the corpus is absent, 2 when a
// measurement cannot be made (the temporary modules are removed in every
// case).
package main

import (
	"context"
	"os"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
)

func main() { os.Exit(corpustool.Main("compilecost", "v1.0,beta", run)) }

// run measures each folder in a module of its own and prints the table.
func run(ctx context.Context, ws corpustool.Workspace) (int, error) {
	rows, err := corpustool.Each(ws.Folders, func(f corpustool.Folder) (*measurement, error) {
		return measureVersion(ctx, ws.Root, f)
	})
	if err != nil {
		return corpustool.ExitError, err
	}
	return corpustool.ExitOK, printTable(os.Stdout, rows)
}
