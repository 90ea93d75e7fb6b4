package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

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
// builds, vets and tests it.
func runVersion(root, docs, dir, name string) (*report, error) {
	r := &report{name: name, results: map[string]string{}}
	var files []parser.File
	var out []gen.File
	if err := r.time("read", func() (err error) { files, err = parser.ReadPaths([]string{docs}); return }); err != nil {
		return nil, err
	}
	r.time("parse", func() error { r.s = parser.Parse(files); return nil })
	if err := r.time("generate", func() (err error) {
		out, err = gen.Generate(r.s, gen.Options{Package: "graph", Args: []string{"-out", "graph", docs}})
		return
	}); err != nil {
		return nil, err
	}
	r.files = len(out)
	if err := r.time("write", func() error { return writeModule(root, dir, out) }); err != nil {
		return nil, err
	}
	if err := r.time("go build", func() error {
		r.buildErr = goCmd(dir, "build", "./...")
		return nil
	}); err != nil {
		return nil, err
	}
	r.time("go vet", func() error { r.vetErr = goCmd(dir, "vet", "./..."); return nil })
	r.time("go test", func() error { return r.runTests(dir) })
	return r, nil
}

// writeModule lays out a module holding the package in dir/graph.
func writeModule(root, dir string, files []gen.File) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	mod := "module example.com/corpus\n\ngo 1.26\n\nrequire github.com/google/go-cmp v0.7.0\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		return err
	}
	_, err = gen.WriteDir(filepath.Join(dir, "graph"), files)
	return err
}

// goCmd runs the go command in dir; it returns its output when it fails.
func goCmd(dir string, args ...string) string {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Sprintf("%v\n%s", err, out)
	}
	return ""
}

// runTests runs the package's tests with -json and records every result.
func (r *report) runTests(dir string) error {
	cmd := exec.Command("go", "test", "-json", "-timeout", "90m", "./graph/")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, _ := cmd.Output()
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var tail []string
	for sc.Scan() {
		var ev struct{ Action, Test, Output string }
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			continue
		}
		switch ev.Action {
		case "pass", "fail", "skip":
			if ev.Test != "" {
				r.results[ev.Test] = ev.Action
			}
		case "output":
			if strings.Contains(ev.Output, "FAIL") || strings.Contains(ev.Output, "panic") {
				tail = append(tail, strings.TrimRight(ev.Output, "\n"))
			}
		}
	}
	if len(r.results) == 0 {
		r.testOut = stderr.String() + strings.Join(tail, "\n")
	}
	return nil
}
