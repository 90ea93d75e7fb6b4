// Command corpus runs graphdocgen over the Microsoft Graph docs corpus
// (../shared/graph-docs): for each of the beta and v1.0 folders it parses,
// generates a package into a temporary module, builds and vets it, runs its
// golden tests, and prints one screen of figures. `make corpus` runs it.
//
//	go run ./cmd/corpus [-docs DIR] [-keep DIR] [-versions beta,v1.0]
//
// It exits 0 with a message when the corpus is absent, 1 when a package
// fails to build or vet, a routing test fails or an example test fails,
// and 2 when it cannot finish (the temporary modules are removed in every
// case).
package main

import (
	"context"
	"os"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
)

func main() { os.Exit(corpustool.Main("corpus", "beta,v1.0", run)) }

// run generates, builds, vets and tests each folder in a module of its
// own and prints the screen.
func run(ctx context.Context, ws corpustool.Workspace) (int, error) {
	reports, err := corpustool.Each(ws.Folders, func(f corpustool.Folder) (*report, error) {
		return runVersion(ctx, ws.Root, f)
	})
	if err != nil {
		return corpustool.ExitError, err
	}
	if err := printScreen(os.Stdout, reports); err != nil {
		return corpustool.ExitError, err
	}
	for _, r := range reports {
		if !r.ok() {
			return corpustool.ExitFailed, nil
		}
	}
	return corpustool.ExitOK, nil
}
