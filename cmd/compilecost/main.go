// Command compilecost measures what the generated packages cost their
// users to build: for each corpus folder it generates the package into a
// fresh module and times `go build` with an empty build cache, reporting
// wall time, CPU time and peak memory in total and per documented type.
// `make compile-cost` runs it.
//
//	go run ./internal/compilecost [-docs DIR] [-versions v1.0,beta] [-keep DIR]
//
// Two builds are measured, each with a fresh GOCACHE: "cold" builds the
// package and the standard-library packages it imports; "package" first
// builds those standard packages (not measured), then the package alone,
// which is the cost the generated code adds. Peak memory is the largest
// resident set of the go command and the compiler it runs (getrusage of
// the child processes).
//
// It exits 0 with a message when the corpus is absent.
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
	versions := flag.String("versions", "v1.0,beta", "comma-separated folders of api-reference/ to measure")
	keep := flag.String("keep", "", "keep the generated modules under `DIR` instead of a temporary folder")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*docs, "api-reference")); err != nil {
		fmt.Printf("compilecost: skipped: %s/api-reference not found\n", *docs)
		return
	}
	work := *keep
	if work == "" {
		var err error
		if work, err = os.MkdirTemp("", "graphdocgen-compilecost-"); err != nil {
			fail(err)
		}
		defer os.RemoveAll(work)
	}
	var rows []*measurement
	for _, v := range strings.Split(*versions, ",") {
		m, err := measureVersion(filepath.Join(*docs, "api-reference", v), filepath.Join(work, v), v)
		if err != nil {
			fail(err)
		}
		rows = append(rows, m)
	}
	printTable(os.Stdout, rows)
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "compilecost: %v\n", err)
	os.Exit(2)
}
