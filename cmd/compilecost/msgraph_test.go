package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
)

// TestMSGraphSkipped checks that msgraph-sdk-go is skipped, with a message
// that says why, when the module proxy cannot be reached (GOPROXY=off and
// an empty module cache stand for it).
func TestMSGraphSkipped(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOMODCACHE", t.TempDir())
	ws := corpustool.Workspace{Work: t.TempDir()}
	m, err := measureMSGraph(context.Background(), ws, "v1.89.0")
	var skip *skipped
	if !errors.As(err, &skip) {
		t.Fatalf("measureMSGraph = %v, %v; want a skip", m, err)
	}
	msg := skip.Error()
	for _, want := range []string{"msgraph-sdk-go v1.89.0 models: skipped: cannot download it from the Go module proxy: ", "GOPROXY=off"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
}

// TestCountModels counts the files and type declarations of a package,
// leaving out its tests.
func TestCountModels(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"user.go":      "package models\n\ntype User struct{}\n\ntype Userable interface{}\n",
		"kind.go":      "package models\n\ntype (\n\tKind int\n\tkinds []Kind\n)\n\nfunc f() { type local int }\n",
		"user_test.go": "package models\n\ntype fake struct{}\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := countModels(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.files != 2 || m.types != 4 {
		t.Errorf("countModels: %d files, %d types; want 2 and 4", m.files, m.types)
	}
}
