// Command corpus runs graphdocgen over the Microsoft Graph docs corpus
// (../shared/graph-docs): for each of the beta and v1.0 folders it parses,
// generates a package into a temporary module, builds and vets it, runs its
// golden tests, and prints one screen of figures. `make corpus` runs it.
//
//	go run ./cmd/corpus [-docs DIR] [-keep DIR] [-versions beta,v1.0] [-update-ratchet]
//
// Then it compares each folder's figures with the ratchet file
// (cmd/corpus/ratchet.txt, see ratchet.go): a figure that got worse fails
// the run and the output says how to accept an intended change
// (-update-ratchet rewrites the file's entries for the folders run).
//
// It exits 0 with a message when the corpus is absent, 1 when a package
// fails to build or vet, a routing test fails, an example test fails or a
// figure got worse than the ratchet records, and 2 when it cannot finish
// (the temporary modules are removed in every case).
package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
)

var (
	ratchetFile   = flag.String("ratchet", filepath.Join("cmd", "corpus", "ratchet.txt"), "the ratchet `file`: figures that may not get worse")
	updateRatchet = flag.Bool("update-ratchet", false, "record this run's figures in the ratchet file instead of comparing them (for the folders run)")
)

func main() { os.Exit(corpustool.Main("corpus", "beta,v1.0", run)) }

// run generates, builds, vets and tests each folder in a module of its
// own, prints the screen, and compares the figures with the ratchet file
// (or records them there with -update-ratchet).
func run(ctx context.Context, ws corpustool.Workspace) (int, error) {
	rt, err := readRatchet(*ratchetFile)
	if err != nil {
		return corpustool.ExitError, err
	}
	reports, err := corpustool.Each(ws.Folders, func(f corpustool.Folder) (*report, error) {
		return runVersion(ctx, ws.Root, f)
	})
	if err != nil {
		return corpustool.ExitError, err
	}
	if err := printScreen(os.Stdout, reports); err != nil {
		return corpustool.ExitError, err
	}
	status := corpustool.ExitOK
	for _, r := range reports {
		if !r.ok() {
			status = corpustool.ExitFailed
		}
	}
	if *updateRatchet {
		return status, writeRatchet(os.Stdout, *ratchetFile, rt, reports)
	}
	held, err := checkRatchet(os.Stdout, *ratchetFile, acceptCommand(), rt, reports)
	if !held {
		status = corpustool.ExitFailed
	}
	return status, err
}

// acceptCommand is the command that records this run's figures in the
// ratchet file: -update-ratchet with the flags of this run that choose the
// corpus, the folders and the file.
func acceptCommand() string {
	cmd := "go run ./cmd/corpus -update-ratchet"
	for _, name := range []string{"docs", "versions", "ratchet"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != f.DefValue {
			v := f.Value.String()
			if strings.ContainsAny(v, " \t'\"\\") {
				v = strconv.Quote(v)
			}
			cmd += " -" + name + " " + v
		}
	}
	return cmd
}
