package main

import (
	"bytes"
	"errors"
	"flag"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/parser/diag"
)

// TestDiagnosticsList fails when diagnostics.md is not what -codes prints,
// which is generated from the registry (parser/diag/codes.go).
func TestDiagnosticsList(t *testing.T) {
	code, stdout, stderr := runCLI(t, "-codes")
	if code != exitOK || stderr != "" {
		t.Fatalf("-codes: exit %d, stderr %q", code, stderr)
	}
	for _, in := range diag.All() {
		if !strings.Contains(stdout, "- `"+in.Code+"` ("+string(in.Severity)+"): "+in.Help+"\n") {
			t.Errorf("-codes does not list %s", in.Code)
		}
	}
	file, err := os.ReadFile("diagnostics.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(file) != stdout {
		t.Errorf("diagnostics.md is stale; run go generate ./cmd/graphdocgen (or go run ./cmd/graphdocgen -codes > cmd/graphdocgen/diagnostics.md):\n%s",
			cmp.Diff(strings.Split(string(file), "\n"), strings.Split(stdout, "\n")))
	}
}

// packageDoc is the package doc comment of doc.go, what go doc shows.
func packageDoc(t *testing.T) string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc == nil {
		t.Fatal("doc.go has no package doc comment")
	}
	return f.Doc.Text()
}

// TestDocListsFlags: the command documentation describes every flag, and
// no flag that does not exist.
func TestDocListsFlags(t *testing.T) {
	var defined []string
	var usageOut bytes.Buffer
	if _, err := parseFlags([]string{"-h"}, &usageOut); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: %v", err)
	}
	for _, m := range regexp.MustCompile(`(?m)^  -(\w+)`).FindAllStringSubmatch(usageOut.String(), -1) {
		defined = append(defined, m[1])
	}
	if len(defined) < 8 {
		t.Fatalf("found only %d flags in the usage:\n%s", len(defined), usageOut.String())
	}
	doc := packageDoc(t)
	_, flags, ok := strings.Cut(doc, "# Flags\n")
	if !ok {
		t.Fatal("the command doc has no Flags section")
	}
	flags, _, _ = strings.Cut(flags, "\n# ")
	var documented []string
	for _, m := range regexp.MustCompile(`(?m)^\t-(\w+)`).FindAllStringSubmatch(flags, -1) {
		documented = append(documented, m[1])
	}
	slices.Sort(defined)
	slices.Sort(documented)
	if diff := cmp.Diff(defined, documented); diff != "" {
		t.Errorf("flags in the doc's Flags section (-defined +documented):\n%s", diff)
	}
	for _, s := range []string{"# Install", "# Diagnostics", "# Exit status", "# Output", "graphdocgen_api.txt", "testdata/examples/PAGE.txtar", "graphdocgen_*.go", "PAGE:LINE:COL: SEVERITY: CODE: MESSAGE"} {
		if !strings.Contains(doc, s) {
			t.Errorf("the command doc lacks %q", s)
		}
	}
}
