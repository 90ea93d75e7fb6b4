package readfiles

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestAllKeepsOrder reads more files than there are workers and checks each
// content lands at its own index.
func TestAllKeepsOrder(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := range 5 * Workers() {
		p := filepath.Join(dir, strconv.Itoa(i))
		if err := os.WriteFile(p, []byte(strconv.Itoa(i)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	data, err := All(paths)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range data {
		if string(d) != strconv.Itoa(i) {
			t.Fatalf("file %d read as %q", i, d)
		}
	}
	if data, err := All(nil); err != nil || len(data) != 0 {
		t.Fatalf("All(nil) = %v, %v", data, err)
	}
}

// TestAllFirstError checks that the error reported is the first failing
// path's in the order given, however the reads are scheduled.
func TestAllFirstError(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok")
	if err := os.WriteFile(ok, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for range 3 * Workers() {
		paths = append(paths, ok)
	}
	first, second := filepath.Join(dir, "missing1"), filepath.Join(dir, "missing2")
	paths = append(paths, first, ok, second)
	for range 20 {
		_, err := All(paths)
		var pe *fs.PathError
		if !errors.As(err, &pe) || pe.Path != first {
			t.Fatalf("All = %v, want the error of %s", err, first)
		}
	}
}
