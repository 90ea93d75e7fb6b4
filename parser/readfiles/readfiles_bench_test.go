package readfiles

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkRead reads 2,000 files of 1 KiB to 8 KiB (the size of most
// doc pages and generated files) with os.ReadFile and with readFile, in
// the same run: go test -run '^$' -bench Read ./parser/readfiles.
func BenchmarkRead(b *testing.B) {
	dir := b.TempDir()
	var paths []string
	for i := range 2000 {
		p := filepath.Join(dir, strconv.Itoa(i))
		if err := os.WriteFile(p, make([]byte, 1024+i*7%7168), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	for _, c := range []struct {
		name string
		read func(string) ([]byte, error)
	}{{"os.ReadFile", os.ReadFile}, {"readFile", readFile}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, p := range paths {
					if _, err := c.read(p); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
