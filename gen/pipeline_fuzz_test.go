package gen_test

// Fuzz targets that take pages through the whole generator: parser.Parse,
// then gen.Generate. Seeds are the pages of testdata/pages (corpus copies
// and census oddities). Run one with, for example,
//
//	go test -run='^$' -fuzz='^FuzzPage$' -fuzztime=20s ./gen

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"go/format"
	goparser "go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/gen/runtime"
	"github.com/graphdocgen/graphdocgen/parser"
)

// seedPages returns the contents of every page under testdata/pages, in
// path order.
func seedPages(t testing.TB) [][]byte {
	t.Helper()
	paths, err := filepath.Glob("testdata/pages/*/*.md")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed pages in testdata/pages (%v)", err)
	}
	sort.Strings(paths)
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

func FuzzPage(f *testing.F) {
	for _, p := range seedPages(f) {
		f.Add(p)
	}
	for _, c := range hostileCases() {
		for _, p := range sortedPages(c) {
			f.Add([]byte(p))
		}
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		generate(t, pageFiles(page))
	})
}

func FuzzPagePair(f *testing.F) {
	pages := seedPages(f)
	for i, p := range pages {
		f.Add(p, pages[(i+1)%len(pages)])
	}
	for _, c := range hostileCases() {
		ps := sortedPages(c)
		f.Add([]byte(ps[0]), []byte(ps[len(ps)-1]))
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		generate(t, pairFiles(a, b))
	})
}

// sortedPages returns the texts of a hostile case's pages in path order.
func sortedPages(c hostileCase) []string {
	paths := make([]string, 0, len(c.pages))
	for p := range c.pages {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = c.pages[p]
	}
	return out
}

// pageFiles is the input of FuzzPage.
func pageFiles(page []byte) []parser.File {
	return []parser.File{{Path: "api/page.md", Data: page}}
}

// pairFiles is the input of FuzzPagePair: an operation page and a
// resource page, as found in one docs folder.
func pairFiles(a, b []byte) []parser.File {
	return []parser.File{
		{Path: "docs/api/a.md", Rel: "api/a.md", Data: a},
		{Path: "docs/resources/b.md", Rel: "resources/b.md", Data: b},
	}
}

// generate runs the pipeline on files and checks what it returns: no
// internal error, and output files that are safely named, start with the
// header, parse and are gofmt-clean. It returns the files.
func generate(t *testing.T, files []parser.File) []gen.File {
	t.Helper()
	s := parser.Parse(files)
	out, err := gen.Generate(s, gen.Options{Package: "api", ImportPath: "example.com/api", Args: []string{"-out", "api", "docs"}})
	for _, d := range s.Diagnostics {
		if d.Code == "internal-error" {
			t.Fatalf("internal error: %s", d)
		}
	}
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	checkFiles(t, out)
	return out
}

// checked remembers the hashes of files already found well-formed (the
// runtime files are the same for every input).
var checked sync.Map

// checkFiles checks every generated file's name and text.
func checkFiles(t *testing.T, files []gen.File) {
	t.Helper()
	seen := map[string]bool{}
	for _, f := range files {
		if p := fileNameProblem(f.Name); p != "" {
			t.Errorf("file name %q: %s", f.Name, p)
		}
		if seen[strings.ToLower(f.Name)] {
			t.Errorf("file name %q is produced twice (ignoring case)", f.Name)
		}
		seen[strings.ToLower(f.Name)] = true
		sum := sha256.Sum256(f.Data)
		if _, ok := checked.Load(sum); ok {
			continue
		}
		if p := sourceProblem(f.Name, f.Data); p != "" {
			t.Fatalf("%s: %s\n%s", f.Name, p, numbered(f.Data))
		}
		checked.Store(sum, true)
	}
}

// fileNameProblem says what is unsafe about a generated file name, or "":
// the package's .go and .txt files, the .txtar example files under
// testdata/examples, and the runtime packages' one file each.
func fileNameProblem(name string) string {
	if name == runtime.CodeDir+"/"+runtime.CodePackage+".go" || name == runtime.RunnerDir+"/"+runtime.RunnerPackage+".go" {
		return ""
	}
	if rest, ok := strings.CutPrefix(name, runtime.TestDir+"/"); ok {
		if !strings.HasSuffix(rest, ".txtar") {
			return "in " + runtime.TestDir + " but does not end in .txtar"
		}
		name = rest
	} else if !strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, ".txt") {
		return "does not end in .go or .txt"
	}
	switch {
	case strings.ContainsAny(name, `/\:`) || strings.Contains(name, ".."):
		return "holds a separator or .."
	case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_"):
		return "is ignored by the go command"
	case len(name) > 200:
		return "is too long"
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return "holds a control character"
		}
	}
	return ""
}

// sourceProblem says what is wrong with a generated file, or "": every
// file must start with "// " and the header; a Go file must also parse and
// be gofmt-clean.
func sourceProblem(name string, src []byte) string {
	if !bytes.HasPrefix(src, []byte("// "+gen.Header+"\n")) {
		return "the header is not the first line"
	}
	if strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, ".txtar") {
		return ""
	}
	if _, err := goparser.ParseFile(token.NewFileSet(), name, src, goparser.ParseComments); err != nil {
		return "does not parse: " + err.Error()
	}
	formatted, err := format.Source(src)
	if err != nil {
		return "gofmt: " + err.Error()
	}
	if !bytes.Equal(formatted, src) {
		return "is not gofmt-clean"
	}
	return ""
}

// numbered returns src with line numbers, cut to its first 400 lines.
func numbered(src []byte) string {
	var b strings.Builder
	for i, l := range strings.SplitN(string(src), "\n", 401) {
		if i == 400 {
			b.WriteString("...\n")
			break
		}
		fmt.Fprintf(&b, "%5d  %s\n", i+1, l)
	}
	return b.String()
}
