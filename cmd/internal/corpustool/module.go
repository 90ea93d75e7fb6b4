package corpustool

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/graphdocgen/graphdocgen/gen"
)

// cmpModule is the module the generated tests import.
const cmpModule = "github.com/google/go-cmp"

// GoMod returns the go.mod of a module named path that holds a generated
// package: the go directive and the go-cmp requirement are those of the
// graphdocgen module at root, read from its go.mod, so the version the
// generated tests need is written in one place.
func GoMod(root, path string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, err
	}
	var goVersion, cmpVersion string
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		switch {
		case len(f) >= 2 && f[0] == "go":
			goVersion = f[1]
		case len(f) >= 2 && f[0] == cmpModule:
			cmpVersion = f[1]
		}
	}
	if goVersion == "" || cmpVersion == "" {
		return nil, fmt.Errorf("%s/go.mod: no go directive or no requirement of %s", root, cmpModule)
	}
	return fmt.Appendf(nil, "module %s\n\ngo %s\n\nrequire %s %s\n", path, goVersion, cmpModule, cmpVersion), nil
}

// WriteModule writes a module named path into dir: its go.mod (GoMod),
// root's go.sum, and files as the package in dir/pkg.
func WriteModule(root, dir, path, pkg string, files []gen.File) error {
	mod, err := GoMod(root, path)
	if err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), mod, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		return err
	}
	_, err = gen.WriteDir(filepath.Join(dir, pkg), files)
	return err
}
