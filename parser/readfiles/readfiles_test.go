package readfiles

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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

// TestReadFileAsOS checks that readFile reads what os.ReadFile reads and
// fails as it fails: files of sizes around the first buffer's, a file
// that reports no size, a folder and a missing file.
func TestReadFileAsOS(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, n := range []int{0, 1, 511, 512, 513, 4096, 1 << 20} {
		p := filepath.Join(dir, "f"+strconv.Itoa(n))
		data := make([]byte, n)
		for i := range data {
			data[i] = byte('a' + i%26)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	if fi, err := os.Stat("/proc/self/status"); err == nil && fi.Size() == 0 {
		paths = append(paths, "/proc/self/status") // no size, some content
	}
	paths = append(paths, dir, filepath.Join(dir, "missing"))
	for _, p := range paths {
		got, err := readFile(p)
		want, wantErr := os.ReadFile(p)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Errorf("readFile(%s) error = %v, os.ReadFile's = %v", p, err, wantErr)
			continue
		}
		if err == nil && !strings.HasPrefix(p, "/proc/") && !bytes.Equal(got, want) {
			t.Errorf("readFile(%s) = %d bytes, os.ReadFile read %d", p, len(got), len(want))
		}
		if err == nil && strings.HasPrefix(p, "/proc/") && !bytes.HasPrefix(got, []byte("Name:")) {
			t.Errorf("readFile(%s) = %q, want the process status", p, got)
		}
	}
}
