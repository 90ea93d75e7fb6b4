// Package interop checks that Microsoft's Go SDK for Graph (msgraph-sdk-go),
// with its default middleware, works against a server built on the package
// graphdocgen generates from the v1.0 Graph docs (issue 14).
//
// It is a module of its own, so that the SDK stays out of the project's
// go.mod. TestSDK generates the package into graph/ (git-ignored) and then
// runs the tests of client/, which import it and are built only with the
// "interop" build tag (without graph/ they could not compile). Run it with
// `make interop` from the repository root; see run.sh.
package interop

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/parser"
)

// docs is the v1.0 folder of the Graph docs corpus, relative to this
// module (the repository's ../shared/graph-docs).
var docs = filepath.Join("..", "..", "..", "shared", "graph-docs", "api-reference", "v1.0")

// wantRoutes are the API summary lines client/service_test.go relies on:
// the generated Service method that serves each request line. When the
// generator names an operation differently, TestSDK fails here, naming
// the line, rather than with a compile error in client/.
var wantRoutes = []string{
	"route GET /users = UserList",
	"route POST /users = UserPostUsers",
	"route GET /users/{id|userPrincipalName} = GetAUser",
	"route PATCH /users/{id|userPrincipalName} = UserUpdate",
	"route DELETE /users/{id|userPrincipalName} = DeleteAUser",
}

func TestSDK(t *testing.T) {
	if _, err := os.Stat(docs); err != nil {
		t.Skipf("interop: skipped: the Graph docs corpus is not at %s (%v)", docs, err)
	}
	generate(t, "graph")
	checkRoutes(t, filepath.Join("graph", "graphdocgen_api.txt"))
	goCmd(t, "vet", "-tags", "interop", "./client")
	out := goCmd(t, "test", "-tags", "interop", "-count=1", "-v", "./client")
	t.Logf("go test -tags interop ./client:\n%s", out)
}

// generate writes the package of the v1.0 docs into dir. Files whose bytes
// do not change are not rewritten, so the build cache stays warm.
func generate(t *testing.T, dir string) {
	t.Helper()
	files, err := parser.ReadPaths([]string{docs})
	if err != nil {
		t.Fatal(err)
	}
	s := parser.Parse(files)
	out, err := gen.Generate(s, gen.Options{Package: "graph", Args: []string{"-out", dir, docs}})
	if err != nil {
		t.Fatalf("generating the v1.0 package: %v", err)
	}
	res, err := gen.WriteDir(dir, out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated %s from %s: %d files (%+v)", dir, docs, len(out), res)
}

// checkRoutes fails unless the API summary at path has every line of
// wantRoutes.
func checkRoutes(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		have[sc.Text()] = true
	}
	for _, line := range wantRoutes {
		if !have[line] {
			route, _, _ := strings.Cut(line, " = ")
			t.Errorf("%s lacks %q (lines for that route: %q): update client/service_test.go and wantRoutes", path, line, grepPrefix(data, route+" = "))
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// grepPrefix returns the lines of data that start with prefix.
func grepPrefix(data []byte, prefix string) []string {
	var out []string
	for line := range strings.Lines(string(data)) {
		if strings.HasPrefix(line, prefix) {
			out = append(out, strings.TrimSuffix(line, "\n"))
		}
	}
	return out
}

// goCmd runs the go command in this module and returns its output; it
// fails the test when the command fails.
func goCmd(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	case err != nil:
		t.Fatal(fmt.Errorf("go %s: %w", strings.Join(args, " "), err))
	}
	return string(out)
}
