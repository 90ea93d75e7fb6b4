package corpustool

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGoMod reads the go directive and the go-cmp version from a root
// go.mod, in a require block or on one line, and fails without them.
func TestGoMod(t *testing.T) {
	for name, tc := range map[string]struct{ root, want string }{
		"block": {"module m\n\ngo 1.30\n\nrequire (\n\tgithub.com/dave/jennifer v1.7.1\n\tgithub.com/google/go-cmp v0.9.1\n)\n",
			"module example.com/x\n\ngo 1.30\n\nrequire github.com/google/go-cmp v0.9.1\n"},
		"one line": {"module m\ngo 1.27\nrequire github.com/google/go-cmp v0.1.0 // indirect\n",
			"module example.com/x\n\ngo 1.27\n\nrequire github.com/google/go-cmp v0.1.0\n"},
		"no go-cmp": {"module m\n\ngo 1.26\n", ""},
	} {
		root := t.TempDir()
		if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte(tc.root), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := GoMod(root, "example.com/x")
		if tc.want == "" {
			if err == nil {
				t.Errorf("%s: no error, go.mod %q", name, got)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(tc.want, string(got)); diff != "" {
			t.Errorf("%s: go.mod (-want +got):\n%s", name, diff)
		}
	}
	// The repository's own go.mod pins go-cmp.
	got, err := GoMod(filepath.Join("..", "..", ".."), "example.com/x")
	if err != nil || !strings.Contains(string(got), "require github.com/google/go-cmp v") {
		t.Errorf("GoMod of the repository: %q, %v", got, err)
	}
}

// corpusFlags returns flags naming a corpus with the folders v1 and v2 and
// a -keep folder of keep ("" for a temporary work folder).
func corpusFlags(t *testing.T, keep string) *Flags {
	t.Helper()
	docs := t.TempDir()
	if err := os.MkdirAll(filepath.Join(docs, "api-reference"), 0o755); err != nil {
		t.Fatal(err)
	}
	return &Flags{Docs: docs, Versions: "v1, v2", Keep: keep}
}

// TestRunCleansUp checks that the temporary work folder is gone after a
// run whatever its end (passed, failed, error), and that the status and
// the folders are the ones body saw.
func TestRunCleansUp(t *testing.T) {
	for _, tc := range []struct {
		status int
		err    error
		want   int
	}{
		{ExitOK, nil, ExitOK},
		{ExitFailed, nil, ExitFailed},
		{ExitOK, errors.New("go build failed"), ExitError},
	} {
		f := corpusFlags(t, "")
		var work string
		var names []string
		got := Run("test", f, func(ctx context.Context, ws Workspace) (int, error) {
			for _, v := range ws.Folders {
				names = append(names, v.Name)
				work = filepath.Dir(v.Dir)
				if err := os.MkdirAll(v.Dir, 0o755); err != nil {
					return ExitError, err
				}
			}
			return tc.status, tc.err
		})
		if got != tc.want {
			t.Errorf("body returned %d, %v: Run = %d, want %d", tc.status, tc.err, got, tc.want)
		}
		if diff := cmp.Diff([]string{"v1", "v2"}, names); diff != "" {
			t.Errorf("folders (-want +got):\n%s", diff)
		}
		if _, err := os.Stat(work); !os.IsNotExist(err) {
			t.Errorf("work folder %s left behind after status %d, %v (stat: %v)", work, tc.status, tc.err, err)
		}
	}
}

// TestRunKeep checks that -keep keeps the modules where it says.
func TestRunKeep(t *testing.T) {
	keep := filepath.Join(t.TempDir(), "kept")
	f := corpusFlags(t, keep)
	Run("test", f, func(ctx context.Context, ws Workspace) (int, error) {
		return ExitOK, os.MkdirAll(ws.Folders[0].Dir, 0o755)
	})
	if _, err := os.Stat(filepath.Join(keep, "v1")); err != nil {
		t.Errorf("-keep: %v", err)
	}
}

// TestRunSkips checks that a run without the corpus does not call body.
func TestRunSkips(t *testing.T) {
	f := &Flags{Docs: filepath.Join(t.TempDir(), "absent"), Versions: "v1"}
	if got := Run("test", f, func(context.Context, Workspace) (int, error) {
		t.Error("body called without the corpus")
		return ExitError, nil
	}); got != ExitOK {
		t.Errorf("Run = %d, want %d", got, ExitOK)
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n == 0 {
		return 0, errors.New("disk full")
	}
	w.n--
	return len(p), nil
}

// TestTable checks the layout of rows and that a write error is kept.
func TestTable(t *testing.T) {
	var b bytes.Buffer
	tb := NewTable(&b, 8, 5, []int{1, 22})
	tb.Row("label", func(n int) string { return strings.Repeat("x", n%10) })
	tb.Printf("%s:\n", "heading")
	want := "label        x    xx\nheading:\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
	if tb.Err() != nil {
		t.Error(tb.Err())
	}
	bad := NewTable(&failWriter{n: 2}, 8, 5, []int{1})
	bad.Row("a", func(int) string { return "b" })
	bad.Row("c", func(int) string { return "d" })
	if bad.Err() == nil {
		t.Error("write error not kept")
	}
}
