// Package corpustool holds what the corpus tools (cmd/corpus and
// cmd/compilecost) share: their flags and work folder, the exit status and
// clean-up of a run, the temporary module a generated package is built in,
// running the go command, and printing a table with a column per corpus
// folder.
package corpustool

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
)

// Exit statuses of the tools.
const (
	ExitOK     = 0 // done (or skipped without the corpus)
	ExitFailed = 1 // done, and a figure failed its check
	ExitError  = 2 // could not finish: I/O, the go command, bad usage
)

// Flags are the command-line flags every corpus tool takes.
type Flags struct {
	Docs     string // the corpus: a folder holding api-reference/
	Versions string // comma-separated folders of api-reference/
	Keep     string // keep the modules under this folder instead of a temporary one
}

// Register defines the flags on fs, with versions as the default of
// -versions.
func (f *Flags) Register(fs *flag.FlagSet, versions string) {
	fs.StringVar(&f.Docs, "docs", filepath.Join("..", "shared", "graph-docs"), "corpus `DIR` (holds api-reference/)")
	fs.StringVar(&f.Versions, "versions", versions, "comma-separated `folders` of api-reference/ to run")
	fs.StringVar(&f.Keep, "keep", "", "keep the generated modules under `DIR` instead of a temporary folder")
}

// Folder is one corpus folder to run.
type Folder struct {
	Name string // beta, v1.0
	Docs string // its pages: api-reference/Name
	Dir  string // the folder for its module, under the work folder
}

// Workspace is what a run works on.
type Workspace struct {
	Root    string // the graphdocgen module (the current folder)
	Work    string // the work folder (-keep, or a temporary one)
	Folders []Folder
}

// Main parses the command line with the corpus flags (versions is the
// default of -versions; a tool registers flags of its own on
// flag.CommandLine before) and returns Run's exit status. A tool's main
// is os.Exit(corpustool.Main(...)) and defers nothing itself.
func Main(name, versions string, body func(ctx context.Context, ws Workspace) (int, error)) int {
	var f Flags
	f.Register(flag.CommandLine, versions)
	flag.Parse()
	return Run(name, &f, body)
}

// Run runs body on the corpus. Without the corpus it prints that the tool
// is skipped and returns ExitOK. Otherwise it makes the work folder (or
// uses -keep), calls body with a context that an interrupt cancels, then
// removes the work folder, whatever body returned. An error from body or
// from the clean-up is printed as "name: error" and gives ExitError;
// otherwise the status is body's.
func Run(name string, f *Flags, body func(ctx context.Context, ws Workspace) (int, error)) int {
	api := filepath.Join(f.Docs, "api-reference")
	if _, err := os.Stat(api); err != nil {
		fmt.Printf("%s: skipped: %s not found (the Graph docs corpus is only on CI and developer machines)\n", name, api)
		return ExitOK
	}
	root, err := filepath.Abs(".")
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		return ExitError
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	status, err := withWorkDir(f.Keep, name, func(work string) (int, error) {
		ws := Workspace{Root: root, Work: work}
		for _, v := range strings.Split(f.Versions, ",") {
			if v = strings.TrimSpace(v); v != "" {
				ws.Folders = append(ws.Folders, Folder{v, filepath.Join(api, v), filepath.Join(work, v)})
			}
		}
		if len(ws.Folders) == 0 {
			return ExitError, errors.New("-versions names no folder")
		}
		return body(ctx, ws)
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		return ExitError
	}
	return status
}

// Each calls f on each folder in turn and returns the results, or the
// first error.
func Each[T any](folders []Folder, f func(Folder) (T, error)) ([]T, error) {
	out := make([]T, 0, len(folders))
	for _, v := range folders {
		r, err := f(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", v.Name, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// withWorkDir calls body with the folder keep, or with a new temporary
// folder that it removes afterwards; a failed removal is an error too.
func withWorkDir(keep, name string, body func(work string) (int, error)) (int, error) {
	if keep != "" {
		if err := os.MkdirAll(keep, 0o755); err != nil {
			return ExitError, err
		}
		return body(keep)
	}
	work, err := os.MkdirTemp("", "graphdocgen-"+name+"-")
	if err != nil {
		return ExitError, err
	}
	status, err := body(work)
	if rmErr := os.RemoveAll(work); rmErr != nil {
		err = errors.Join(err, fmt.Errorf("removing the work folder: %w", rmErr))
	}
	return status, err
}
