// Command compilecost measures what the generated packages cost their
// users to build, side by side with msgraph-sdk-go's models package:
// for each corpus folder it generates the package into a fresh module,
// downloads msgraph-sdk-go into another (skipped with a message when the
// Go module proxy cannot be reached), and runs the go command on each with
// an empty build cache, reporting wall time, CPU time and peak memory in
// total and per documented type. `make compile-cost` runs it.
//
//	go run ./cmd/compilecost [-docs DIR] [-versions v1.0,beta] [-keep DIR] [-msgraph VERSION]
//
// Three builds are measured per package, each with a fresh GOCACHE:
// "cold" builds the package and everything it imports; "package" first
// builds what it imports (not measured), then the package alone, which is
// the cost its own code adds; "test binary" (generated packages only)
// first builds what the tests import, then measures `go test -c`, which
// compiles the package with its tests and links them. Peak memory is the
// largest resident set of the go command and the processes it runs
// (getrusage of the child processes).
//
// Documented types are, for a generated package, the types and enums of
// its schema; for msgraph-sdk-go, the model files of its models package
// (one per entity, complex type or enum; the type declarations, which
// count each model's interface too, are printed beside them).
//
// It exits 0 with a message when the corpus is absent, 2 when a
// measurement cannot be made (the temporary modules are removed in every
// case).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
)

var msgraphVersion = flag.String("msgraph", "v1.89.0", "`version` of msgraph-sdk-go whose models package to measure beside the generated ones (empty: none)")

func main() { os.Exit(corpustool.Main("compilecost", "v1.0,beta", run)) }

// run measures each folder's generated package, then msgraph-sdk-go's
// models, and prints the table.
func run(ctx context.Context, ws corpustool.Workspace) (int, error) {
	cols, err := corpustool.Each(ws.Folders, func(f corpustool.Folder) (*measurement, error) {
		return measureFolder(ctx, ws.Root, f)
	})
	if err != nil {
		return corpustool.ExitError, err
	}
	var sdk *measurement
	if *msgraphVersion != "" {
		sdk, err = measureMSGraph(ctx, ws, *msgraphVersion)
		var skip *skipped
		switch {
		case errors.As(err, &skip):
			fmt.Fprintf(os.Stderr, "compilecost: %v\n", skip)
		case err != nil:
			return corpustool.ExitError, err
		default:
			cols = append(cols, sdk)
		}
	}
	return corpustool.ExitOK, printTable(os.Stdout, cols, sdk)
}
