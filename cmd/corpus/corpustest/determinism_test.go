package corpustest

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/graphdocgen/graphdocgen/gen"
)

// TestCorpusDeterministic generates the beta folder with GOMAXPROCS=1 and
// with every CPU and compares every file byte for byte.
func TestCorpusDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the beta folder twice; skipped under -short")
	}
	files := readCorpus(t, "beta")
	procs := []int{1, max(runtime.NumCPU(), 2)}
	var outs [2][]gen.File
	for i, n := range procs {
		old := runtime.GOMAXPROCS(n)
		outs[i] = generate(t, files)
		runtime.GOMAXPROCS(old)
	}
	compareFiles(t, outs[0], outs[1])
}

// compareFiles reports every file that is missing from either set or
// differs, naming the first differing line.
func compareFiles(t *testing.T, a, b []gen.File) {
	t.Helper()
	byName := map[string][]byte{}
	for _, f := range b {
		byName[f.Name] = f.Data
	}
	for _, f := range a {
		other, ok := byName[f.Name]
		delete(byName, f.Name)
		switch {
		case !ok:
			t.Errorf("%s: only generated with GOMAXPROCS=1", f.Name)
		case !bytes.Equal(f.Data, other):
			t.Errorf("%s differs between GOMAXPROCS values, first at line %d", f.Name, firstDiffLine(f.Data, other))
		}
	}
	for name := range byName {
		t.Errorf("%s: only generated with several CPUs", name)
	}
	if len(a) == 0 {
		t.Error("no files generated")
	}
}

func firstDiffLine(a, b []byte) int {
	line := 1
	for i := 0; i < len(a) && i < len(b) && a[i] == b[i]; i++ {
		if a[i] == '\n' {
			line++
		}
	}
	return line
}
