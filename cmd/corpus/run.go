package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// report holds the figures for one docs folder.
type report struct {
	name   string
	s      *schema.Schema
	files  int
	stages []stage
	// build, vet: command output when the step failed.
	buildErr, vetErr string
	// test results by test name (go test -json), top level and subtests.
	results map[string]string
	testOut string
}

type stage struct {
	name string
	d    time.Duration
}

// ok reports whether the folder passed: the package builds and vets, every
// request line routes (TestRoutes), and no example test fails (issue 4:
// each pair is a passing test or explained by a diagnostic).
func (r *report) ok() bool {
	_, failed, _ := r.tests(all)
	return r.buildErr == "" && r.vetErr == "" && r.results["TestRoutes"] == "pass" && failed == 0
}

func (r *report) time(name string, f func() error) error {
	start := time.Now()
	err := f()
	r.stages = append(r.stages, stage{name, time.Since(start)})
	return err
}

// runVersion generates one folder's package into dir (a fresh module) and
// builds, vets and tests it. A package that does not build, vet or pass
// its tests is a figure of the report; an error is a step that could not
// run.
func runVersion(ctx context.Context, root string, f corpustool.Folder) (*report, error) {
	r := &report{name: f.Name, results: map[string]string{}}
	var files []parser.File
	var out []gen.File
	if err := r.time("read", func() (err error) { files, err = parser.ReadPaths([]string{f.Docs}); return }); err != nil {
		return nil, err
	}
	_ = r.time("parse", func() error { r.s = parser.Parse(files); return nil })
	if err := r.time("generate", func() (err error) {
		out, err = gen.Generate(r.s, gen.Options{Package: "graph", ImportPath: "example.com/corpus/graph", Args: []string{"-out", "graph", f.Docs}})
		return
	}); err != nil {
		return nil, err
	}
	r.files = len(out)
	if err := r.time("write", func() error {
		return corpustool.WriteModule(root, f.Dir, "example.com/corpus", "graph", out)
	}); err != nil {
		return nil, err
	}
	g := corpustool.Go{Dir: f.Dir}
	_ = r.time("go build", func() error { r.buildErr = failure(g.Run(ctx, "build", "./...")); return nil })
	_ = r.time("go vet", func() error { r.vetErr = failure(g.Run(ctx, "vet", "./...")); return nil })
	if err := r.time("go test", func() error { return r.runTests(ctx, g) }); err != nil {
		return nil, err
	}
	return r, ctx.Err()
}

// failure is the text of a failed step, or "" when it passed.
func failure(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// runTests runs the package's tests with -json and records every result.
// Failing tests are results; a test binary that does not build or
// crashes before reporting keeps its output in r.testOut (and the folder
// fails, see ok); an error is a go command that could not run or output
// that could not be read.
func (r *report) runTests(ctx context.Context, g corpustool.Go) error {
	cmd := g.Command(ctx, "test", "-json", "-timeout", "90m", "./graph/")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		return fmt.Errorf("go test in %s: %v", g.Dir, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var tail []string
	for sc.Scan() {
		var ev struct{ Action, Test, Output string }
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			tail = append(tail, sc.Text())
			continue
		}
		switch ev.Action {
		case "pass", "fail", "skip":
			if ev.Test != "" {
				r.results[ev.Test] = ev.Action
			}
		case "build-output":
			tail = append(tail, strings.TrimRight(ev.Output, "\n"))
		case "output":
			if strings.Contains(ev.Output, "FAIL") || strings.Contains(ev.Output, "panic") {
				tail = append(tail, strings.TrimRight(ev.Output, "\n"))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading go test -json output: %v", err)
	}
	if len(r.results) == 0 {
		r.testOut = stderr.String() + strings.Join(tail, "\n")
		if r.testOut == "" && err != nil {
			r.testOut = err.Error()
		}
	}
	return ctx.Err()
}
