package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ReadPaths reads every page named by paths: a file as given, a folder
// walked for *.md in lexical order (hidden folders skipped). Each page's
// Rel is its path inside the folder argument (its base name for a file).
func ReadPaths(paths []string) ([]File, error) {
	var files []File
	seen := map[string]bool{}
	add := func(path, rel string) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f := File{Path: filepath.ToSlash(filepath.Clean(path)), Rel: filepath.ToSlash(rel), Data: data}
		if !seen[f.Path] {
			seen[f.Path] = true
			files = append(files, f)
		}
		return nil
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			if err := add(p, filepath.Base(p)); err != nil {
				return nil, err
			}
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
			return add(path, rel)
		})
		if err != nil {
			return nil, err
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .md pages found in %s", strings.Join(paths, ", "))
	}
	return files, nil
}
