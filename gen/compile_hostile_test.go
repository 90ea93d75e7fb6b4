package gen_test

// Compiling generated output: every seed page, every committed fuzz input
// and every hostile case is generated into its own package of one
// temporary module, which is then vetted and tested with the go command.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/parser"
)

// module is a temporary Go module that requires go-cmp like a user's would.
type module struct {
	t   *testing.T
	dir string
}

func newModule(t *testing.T) *module {
	t.Helper()
	if testing.Short() {
		t.Skip("compiles generated packages")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	m := &module{t: t, dir: t.TempDir()}
	sum, err := os.ReadFile("../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	m.write("go.mod", []byte("module example.com/hostile\n\ngo 1.26\n\nrequire github.com/google/go-cmp v0.7.0\n"))
	m.write("go.sum", sum)
	return m
}

func (m *module) write(name string, data []byte) {
	m.t.Helper()
	path := filepath.Join(m.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		m.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		m.t.Fatal(err)
	}
}

// add writes a generated package into the folder pkg. The packages are
// generated for the import path example.com/api (parseAndGenerate); add
// moves the imports of their runtime packages below pkg.
func (m *module) add(pkg string, files []gen.File) {
	for _, f := range files {
		data := f.Data
		if strings.HasSuffix(f.Name, ".go") {
			data = bytes.ReplaceAll(data, []byte(`"example.com/api/internal/`), []byte(`"example.com/hostile/`+pkg+`/internal/`))
		}
		m.write(pkg+"/"+f.Name, data)
	}
}

// goCmd runs the go command offline in the module; it returns the output
// and whether the command succeeded.
func (m *module) goCmd(args ...string) (string, bool) {
	cmd := exec.Command("go", args...)
	cmd.Dir = m.dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	return string(out), err == nil
}

// mustGo runs the go command and fails the test when it fails.
func (m *module) mustGo(args ...string) string {
	m.t.Helper()
	out, ok := m.goCmd(args...)
	if !ok {
		m.t.Fatalf("go %s:\n%s", strings.Join(args, " "), out)
	}
	return out
}

// fuzzInputs returns the committed inputs of a fuzz target (the files in
// testdata/fuzz/NAME), each as its arguments.
func fuzzInputs(t *testing.T, name string) map[string][][]byte {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("testdata", "fuzz", name, "*"))
	out := map[string][][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		args, err := parseCorpusFile(data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out[filepath.Base(p)] = args
	}
	return out
}

// parseCorpusFile reads a "go test fuzz v1" file whose values are all
// []byte literals.
func parseCorpusFile(data []byte) ([][]byte, error) {
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) == 0 || lines[0] != "go test fuzz v1" {
		return nil, fmt.Errorf("not a fuzz corpus file")
	}
	var args [][]byte
	for _, l := range lines[1:] {
		lit, ok := strings.CutPrefix(l, "[]byte(")
		lit, ok2 := strings.CutSuffix(lit, ")")
		if !ok || !ok2 {
			return nil, fmt.Errorf("value %.40q is not a []byte", l)
		}
		s, err := strconv.Unquote(lit)
		if err != nil {
			return nil, err
		}
		args = append(args, []byte(s))
	}
	return args, nil
}

// regressionInputs returns every committed input of the generator: the
// seed pages one by one, each pair of neighbouring seed pages, and the
// inputs under testdata/fuzz, each as the files the fuzz target builds.
func regressionInputs(t *testing.T) map[string][]parser.File {
	t.Helper()
	out := map[string][]parser.File{}
	pages := seedPages(t)
	for i, p := range pages {
		out[fmt.Sprintf("seed%02d", i)] = pageFiles(p)
		out[fmt.Sprintf("pair%02d", i)] = pairFiles(p, pages[(i+1)%len(pages)])
	}
	for name, args := range fuzzInputs(t, "FuzzPage") {
		out["page_"+name] = pageFiles(args[0])
	}
	for name, args := range fuzzInputs(t, "FuzzPagePair") {
		out["pair_"+name] = pairFiles(args[0], args[1])
	}
	return out
}

func TestHostileSeedsCompile(t *testing.T) {
	m := newModule(t)
	inputs := regressionInputs(t)
	keys := make([]string, 0, len(inputs))
	for k := range inputs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		_, out := parseAndGenerate(t, inputs[k])
		m.add("p_"+strings.ToLower(k), out)
	}
	m.mustGo("vet", "./...")
}
