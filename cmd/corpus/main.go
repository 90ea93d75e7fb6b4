// Command corpus runs graphdocgen over the Microsoft Graph docs corpus
// (../shared/graph-docs): for each of the beta and v1.0 folders it parses,
// generates a package into a temporary module, builds and vets it, runs its
// golden tests, and prints one screen of figures. `make corpus` runs it.
//
//	go run ./cmd/corpus [-docs DIR] [-keep DIR] [-versions beta,v1.0]
//
// It exits 0 with a message when the corpus is absent, 1 when a package
// fails to build or vet, a routing test fails or an example test fails.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	docs := flag.String("docs", filepath.Join("..", "shared", "graph-docs"), "corpus `DIR` (holds api-reference/)")
	keep := flag.String("keep", "", "keep the generated modules under `DIR` instead of a temporary folder")
	versions := flag.String("versions", "beta,v1.0", "comma-separated folders of api-reference/ to run")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*docs, "api-reference")); err != nil {
		fmt.Printf("corpus: skipped: %s/api-reference not found (the Graph docs corpus is only on CI and developer machines)\n", *docs)
		return
	}
	root, err := filepath.Abs(".")
	if err != nil {
		fail(err)
	}
	work := *keep
	if work == "" {
		work, err = os.MkdirTemp("", "graphdocgen-corpus-")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(work)
	}
	var reports []*report
	ok := true
	for _, v := range strings.Split(*versions, ",") {
		r, err := runVersion(root, filepath.Join(*docs, "api-reference", v), filepath.Join(work, v), v)
		if err != nil {
			fail(err)
		}
		reports = append(reports, r)
		ok = ok && r.ok()
	}
	printScreen(os.Stdout, reports)
	if !ok {
		os.Exit(1)
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "corpus: %v\n", err)
	os.Exit(2)
}
