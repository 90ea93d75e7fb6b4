package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/readfiles"
)

// ReadPaths reads every page named by paths: a file as given, a folder
// walked for *.md in lexical order (hidden folders skipped). Each page's
// Rel is its path inside the folder argument (its base name for a file).
func ReadPaths(paths []string) ([]File, error) {
	// Name every page first, then read them all at once.
	var files []File
	var names []string
	seen := map[string]bool{}
	add := func(path, rel string) {
		f := File{Path: filepath.ToSlash(filepath.Clean(path)), Rel: filepath.ToSlash(rel)}
		if !seen[f.Path] {
			seen[f.Path] = true
			files = append(files, f)
			names = append(names, path)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			add(p, filepath.Base(p))
			continue
		}
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(strings.ToLower(d.Name()), ".md") {
				return nil
			}
			rel, err := filepath.Rel(p, path)
			if err != nil {
				return err
			}
			add(path, rel)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .md pages found in %s", strings.Join(paths, ", "))
	}
	data, err := readfiles.All(names)
	if err != nil {
		return nil, err
	}
	for i := range files {
		files[i].Data = data[i]
	}
	return files, nil
}
