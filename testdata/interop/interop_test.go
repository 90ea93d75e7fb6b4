// Package interop checks that Microsoft's Go SDK for Graph (msgraph-sdk-go),
// with its default middleware, works against a server built on the package
// graphdocgen generates from the v1.0 Graph docs (issue 14).
//
// It is a module of its own, so that the SDK stays out of the project's
// go.mod. TestSDK generates the package into graph/ (git-ignored), writes
// client/zz_bind_test.go (git-ignored: the users service's methods under
// the names the API summary gives the operations, see bindings), and runs
// the tests of client/, which import graph and are built only with the
// "interop" build tag (without graph/ they could not compile). Run it with
// `make interop` from the repository root; see run.sh.
package interop

import (
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

// ops are the operations the users service of client/ serves, by request
// line, with the name of the service's own method each one calls and the
// arguments it takes from the request (by request field: "query" for the
// OData query, "body", "http" for the *http.Request, or a path parameter
// as the docs spell it).
var ops = []struct {
	route, call string
	args        []string
}{
	{"GET /users", "list", []string{"query"}},
	{"GET /users/delta", "delta", []string{"query", "http"}},
	{"GET /users/{id|userPrincipalName}/reminderView(startDateTime={startDateTime},endDateTime={endDateTime})", "reminders", []string{"{id|userPrincipalName}", "{startDateTime}", "{endDateTime}"}},
	{"POST /users", "create", []string{"body"}},
	{"GET /users/{id|userPrincipalName}", "get", []string{"{id|userPrincipalName}"}},
	{"PATCH /users/{id|userPrincipalName}", "update", []string{"{id|userPrincipalName}", "body"}},
	{"DELETE /users/{id|userPrincipalName}", "delete", []string{"{id|userPrincipalName}"}},
	{"GET /users/{id|userPrincipalName}/photo/$value", "photo", []string{"{id|userPrincipalName}"}},
	{"PUT /users/{id|userPrincipalName}/photo/$value", "setPhoto", []string{"{id|userPrincipalName}", "http"}},
}

func TestSDK(t *testing.T) {
	if _, err := os.Stat(docs); err != nil {
		t.Skipf("interop: skipped: the Graph docs corpus is not at %s (%v)", docs, err)
	}
	generate(t, "graph")
	summary, err := os.ReadFile(filepath.Join("graph", "graphdocgen_api.txt"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := bindings(string(summary))
	if err != nil {
		t.Fatalf("graph/graphdocgen_api.txt: %v", err)
	}
	if err := writeIfChanged(filepath.Join("client", "zz_bind_test.go"), src); err != nil {
		t.Fatal(err)
	}
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
	out, err := gen.Generate(s, gen.Options{Package: "graph", ImportPath: "example.com/interop/graph", Args: []string{"-out", dir, docs}})
	if err != nil {
		t.Fatalf("generating the v1.0 package: %v", err)
	}
	res, err := gen.WriteDir(dir, out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated %s from %s: %d files (%+v)", dir, docs, len(out), res)
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
