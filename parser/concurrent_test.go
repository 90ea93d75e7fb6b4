package parser

import (
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseConcurrent parses the seed and the census fixtures from several
// goroutines at once, each running Parse (which parses pages on
// GOMAXPROCS goroutines of its own), and checks that every result equals
// the one parsed alone. Run under the race detector (.ci/run does), it
// also checks that no goldmark state is shared between goroutines.
func TestParseConcurrent(t *testing.T) {
	files, err := ReadPaths([]string{filepath.Join("..", seedPage), "testdata/census/beta", "testdata/census/v1.0"})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("read %d pages, want the seed and the census fixtures", len(files))
	}
	alone := schemaJSON(t, Parse(files))
	const parallel = 6
	got := make([][]byte, parallel)
	var wg sync.WaitGroup
	for i := range parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each goroutine parses the pages in another order, so
			// different pages are in goldmark at the same time.
			mine := append([]File(nil), files[i%len(files):]...)
			mine = append(mine, files[:i%len(files)]...)
			got[i], _ = json.Marshal(Parse(mine))
		}()
	}
	wg.Wait()
	for i, g := range got {
		if diff := cmp.Diff(string(alone), string(g)); diff != "" {
			t.Errorf("parse %d of %d in parallel differs from the parse alone (-alone +parallel):\n%s", i+1, parallel, diff)
		}
	}
}

func schemaJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
