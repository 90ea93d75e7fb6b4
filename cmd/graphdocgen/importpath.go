package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// importPathOf returns the import path of the package in folder out (which
// need not exist yet): the module path in the go.mod of the nearest folder
// holding out, joined with out's path below it.
func importPathOf(out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	for dir := abs; ; {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		switch {
		case err == nil:
			mod, err := goModModule(data)
			if err != nil {
				return "", fmt.Errorf("%s: %v", filepath.Join(dir, "go.mod"), err)
			}
			rel, err := filepath.Rel(dir, abs)
			if err != nil {
				return "", err
			}
			return path.Join(mod, filepath.ToSlash(rel)), nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod in %s or a folder above it: the generated package must be in a Go module (or give its import path with -import)", abs)
		}
		dir = parent
	}
}

// goModModule returns the path of the module directive of a go.mod file.
func goModModule(gomod []byte) (string, error) {
	sc := bufio.NewScanner(bytes.NewReader(gomod))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		rest, ok := strings.CutPrefix(line, "module")
		if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t' && rest[0] != '"') {
			continue
		}
		rest = strings.TrimSpace(rest)
		if strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, "`") {
			p, err := strconv.Unquote(rest)
			if err != nil {
				return "", fmt.Errorf("module directive %s: %v", rest, err)
			}
			rest = p
		}
		if rest == "" {
			break
		}
		return rest, nil
	}
	return "", errors.New("no module directive")
}

// validImportPath reports whether p can be a package's import path: slash-
// separated elements of letters, digits and . _ ~ + -, none empty, "." or
// "..", not starting with "-" (module.CheckImportPath's rules, less the
// Windows-reserved names).
func validImportPath(p string) bool {
	for _, elem := range strings.Split(p, "/") {
		if elem == "" || elem == "." || elem == ".." || strings.HasPrefix(elem, "-") {
			return false
		}
		for _, r := range elem {
			ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._~+-", r)
			if !ok {
				return false
			}
		}
	}
	return true
}
