package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/graphdocgen/graphdocgen/gen"
)

// apiChanges compares the new API summary among files with the one in
// dir. ok is false when dir holds no API summary of ours to compare with
// (a first run): then nothing is reported.
func apiChanges(dir string, files []gen.File) (changes []gen.APIChange, ok bool, err error) {
	old, err := os.ReadFile(filepath.Join(dir, gen.APIFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if !gen.IsGenerated(gen.APIFile, old) {
		return nil, false, nil
	}
	for _, f := range files {
		if f.Name == gen.APIFile {
			return gen.DiffAPI(old, f.Data), true, nil
		}
	}
	return nil, false, nil
}

// apiCounts is the summary line's note on API changes, empty when there
// are none (or nothing to compare with).
func apiCounts(r *result) string {
	if !r.hadAPI || len(r.api) == 0 {
		return ""
	}
	breaking := 0
	for _, ch := range r.api {
		if ch.Breaking {
			breaking++
		}
	}
	return fmt.Sprintf("; API: %d breaking, %d additive changes", breaking, len(r.api)-breaking)
}
