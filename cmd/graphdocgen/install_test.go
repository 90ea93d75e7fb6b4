package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"go/doc/comment"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The downstream-module test: a throwaway module follows the Install
// section of the command documentation (doc.go, what go doc shows and the
// README copies) literally, once with the tool dependency and once with
// go run pkg@version, and fails if any step fails.

const modulePath = "github.com/graphdocgen/graphdocgen"

// installStep is one step of the Install section: a command to run in the
// module root, or a file to write.
type installStep struct {
	command []string // fields of a go command line
	file    string   // slash-separated path of the file to write
	content string
}

// installDoc is what the Install section says: its steps, and the
// go:generate line to use instead of the tool dependency.
type installDoc struct {
	steps  []installStep
	goRun  string // the go:generate line of the go run form
	getCmd string // the go get -tool command the go run form skips
}

// readInstallDoc reads the Install section of doc.go: a code block of
// commands (one a line), a code block starting "package" (the file named
// by the last *.go word of the paragraph before it), and a code block of
// one //go:generate line (the go run form).
func readInstallDoc(t *testing.T) installDoc {
	t.Helper()
	var p comment.Parser
	d := p.Parse(packageDoc(t))
	var doc installDoc
	in, before := false, ""
	fileRe := regexp.MustCompile(`([\w./-]+\.go)\b`)
	for _, b := range d.Content {
		switch b := b.(type) {
		case *comment.Heading:
			in = plainText(b.Text) == "Install"
		case *comment.Paragraph:
			before = plainText(b.Text)
		case *comment.Code:
			if !in {
				continue
			}
			text := b.Text
			switch {
			case strings.HasPrefix(text, "package "):
				names := fileRe.FindAllString(before, -1)
				if len(names) == 0 {
					t.Fatalf("no file name before the code block %q", text)
				}
				doc.steps = append(doc.steps, installStep{file: names[len(names)-1], content: text})
			case strings.HasPrefix(text, "//go:generate ") && strings.Count(strings.TrimSpace(text), "\n") == 0:
				doc.goRun = strings.TrimSpace(text)
			default:
				for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
					f := strings.Fields(line)
					if len(f) < 2 || f[0] != "go" {
						t.Fatalf("Install step %q is not a go command", line)
					}
					if f[1] == "get" {
						doc.getCmd = line
					}
					doc.steps = append(doc.steps, installStep{command: f})
				}
			}
		}
	}
	if len(doc.steps) < 6 || doc.goRun == "" || doc.getCmd == "" {
		t.Fatalf("the Install section of doc.go does not read as steps, a file and a go run line: %+v", doc)
	}
	return doc
}

func plainText(ts []comment.Text) string {
	var sb strings.Builder
	for _, t := range ts {
		switch t := t.(type) {
		case comment.Plain:
			sb.WriteString(string(t))
		case comment.Italic:
			sb.WriteString(string(t))
		case *comment.Link:
			sb.WriteString(plainText(t.Text))
		case *comment.DocLink:
			sb.WriteString(plainText(t.Text))
		}
	}
	return sb.String()
}

// TestInstallDocReads checks the parse of the Install section (without
// running anything), so that a reworded section fails fast and clearly.
func TestInstallDocReads(t *testing.T) {
	doc := readInstallDoc(t)
	var got []string
	for _, s := range doc.steps {
		if s.file != "" {
			got = append(got, "write "+s.file)
		} else {
			got = append(got, strings.Join(s.command, " "))
		}
	}
	want := []string{
		"go get -tool " + modulePath + "/cmd/graphdocgen@latest",
		"write api/generate.go",
		"go generate ./...", "go mod tidy", "go vet ./...", "go test ./...",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Install steps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if want := "//go:generate go run " + modulePath + "/cmd/graphdocgen@latest -out . ../docs"; doc.goRun != want {
		t.Errorf("go run form %q, want %q", doc.goRun, want)
	}
}

// TestInstallSteps builds throwaway modules that follow the Install
// section literally: one with the tool dependency (go get -tool, go tool
// in the go:generate line), one with go run pkg@latest; each generates a
// package from the seed page in ../docs, then tidies, vets and tests it.
//
// The modules reach this checkout, and the modules it requires, through a
// module proxy on disk (GOPROXY=file://...): it serves the checkout as
// version v0.0.0-checkout and the other modules from the module cache,
// which `go mod download` fills from the Go module proxy first (the test
// skips when it cannot). A replace directive would not do: go run
// pkg@version ignores replace directives. GOSUMDB is off: the checkout is
// in no checksum database, and the other modules were verified when they
// were downloaded into the cache.
func TestInstallSteps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two modules with the go command (-short)")
	}
	doc := readInstallDoc(t)
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	fillProxy(t, goBin, root, proxy)
	env := downstreamEnv(proxy, filepath.Join(tmp, "modcache"))
	seed, err := os.ReadFile(filepath.Join(root, "seeds", "update-usercredentialusagedetails.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, form := range []string{"tool", "go run"} {
		t.Run(strings.ReplaceAll(form, " ", "_"), func(t *testing.T) {
			dir := filepath.Join(tmp, strings.ReplaceAll(form, " ", "_"))
			writeFile(t, filepath.Join(dir, "docs", "update-usercredentialusagedetails.md"), seed)
			run := func(args ...string) {
				t.Helper()
				cmd := exec.Command(goBin, args[1:]...)
				cmd.Dir, cmd.Env = dir, env
				out, err := cmd.CombinedOutput()
				if err != nil {
					t.Fatalf("%s (in %s): %v\n%s", strings.Join(args, " "), dir, err, out)
				}
			}
			run("go", "mod", "init", "example.com/downstream")
			for _, s := range doc.steps {
				switch {
				case s.file != "":
					content := s.content
					if form == "go run" {
						content = regexp.MustCompile(`(?m)^//go:generate .*$`).ReplaceAllLiteralString(content, doc.goRun)
					}
					writeFile(t, filepath.Join(dir, filepath.FromSlash(s.file)), []byte(content))
				case form == "go run" && strings.Join(s.command, " ") == doc.getCmd:
					// The go run form has no tool dependency.
				default:
					run(s.command...)
				}
			}
			checkDownstream(t, dir, form)
		})
	}
}

// checkDownstream checks what the steps made: a generated package and,
// with the tool dependency, a tool directive in go.mod.
func checkDownstream(t *testing.T, dir, form string) {
	t.Helper()
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if tool := "tool " + modulePath + "/cmd/graphdocgen"; strings.Contains(string(gomod), tool) != (form == "tool") {
		t.Errorf("go.mod has %q: %v, want %v:\n%s", tool, !(form == "tool"), form == "tool", gomod)
	}
	if !strings.Contains(string(gomod), "github.com/google/go-cmp") {
		t.Errorf("go.mod does not require go-cmp:\n%s", gomod)
	}
	for _, f := range []string{"graphdocgen_api.txt", "graphdocgen_service.go", "update-usercredentialusagedetails.go", "testdata/examples/update-usercredentialusagedetails.txtar"} {
		if _, err := os.Stat(filepath.Join(dir, "api", filepath.FromSlash(f))); err != nil {
			t.Errorf("not generated: %v", err)
		}
	}
}

// downstreamEnv is the environment of the downstream go commands: this
// process's, with the module proxy on disk, no checksum database, a module
// cache of their own (writable, so that the test can remove it) and no
// toolchain download.
func downstreamEnv(proxy, modcache string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GOPROXY", "GOSUMDB", "GONOSUMDB", "GONOPROXY", "GOPRIVATE", "GOINSECURE", "GOFLAGS", "GOMODCACHE", "GOWORK", "GOTOOLCHAIN":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GOPROXY=file://"+filepath.ToSlash(proxy), "GOSUMDB=off", "GOMODCACHE="+modcache,
		"GOFLAGS=-modcacherw", "GOWORK=off", "GOTOOLCHAIN=local")
}

// fillProxy lays out a module proxy on disk (the GOPROXY protocol as
// files) serving this checkout as v0.0.0-checkout and the modules it
// requires as the module cache has them, downloading them first.
func fillProxy(t *testing.T, goBin, root, proxy string) {
	t.Helper()
	cmd := exec.Command(goBin, "mod", "download", "-json")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("cannot fill the module cache from the Go module proxy (offline?): go mod download: %v\n%s", err, out)
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var m struct{ Path, Version, Info, GoMod, Zip, Error string }
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if m.Error != "" {
			t.Skipf("cannot fill the module cache from the Go module proxy (offline?): %s", m.Error)
		}
		for ext, src := range map[string]string{".info": m.Info, ".mod": m.GoMod, ".zip": m.Zip} {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, proxyFile(proxy, m.Path, m.Version+ext), data)
		}
		writeFile(t, proxyFile(proxy, m.Path, "list"), []byte(m.Version+"\n"))
	}
	const version = "v0.0.0-checkout"
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, proxyFile(proxy, modulePath, "list"), []byte(version+"\n"))
	writeFile(t, proxyFile(proxy, modulePath, version+".info"), []byte(`{"Version":"`+version+`","Time":"2025-01-01T00:00:00Z"}`))
	writeFile(t, proxyFile(proxy, modulePath, version+".mod"), gomod)
	writeFile(t, proxyFile(proxy, modulePath, version+".zip"), moduleZip(t, root, modulePath+"@"+version))
}

// proxyFile is where a module proxy on disk holds a file of a module's
// @v folder.
func proxyFile(proxy, path, name string) string {
	var sb strings.Builder
	for _, r := range path { // the proxy protocol's case encoding
		if 'A' <= r && r <= 'Z' {
			sb.WriteString("!" + string(r+'a'-'A'))
		} else {
			sb.WriteRune(r)
		}
	}
	return filepath.Join(proxy, filepath.FromSlash(sb.String()), "@v", name)
}

// moduleZip zips the module in root as a module proxy serves it: every
// file under prefix/, hidden folders (.git) and nested modules left out.
func moduleZip(t *testing.T, root, prefix string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || fileExists(filepath.Join(path, "go.mod"))) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		w, err := zw.Create(prefix + "/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(fmt.Errorf("write %s: %w", path, err))
	}
}

// TestReadmeInstall checks that the README's set-up section says what the
// Install section of doc.go says (which TestInstallSteps follows): every
// line of each of its code blocks appears in README.md, in order.
func TestReadmeInstall(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var p comment.Parser
	d := p.Parse(packageDoc(t))
	in, rest, blocks := false, string(readme), 0
	for _, b := range d.Content {
		switch b := b.(type) {
		case *comment.Heading:
			in = plainText(b.Text) == "Install"
		case *comment.Code:
			if !in {
				continue
			}
			blocks++
			for _, line := range strings.Split(strings.TrimSpace(b.Text), "\n") {
				i := indexWhole(rest, strings.TrimSpace(line))
				if i < 0 {
					t.Errorf("README.md lacks (after the lines before it) the Install line %q of doc.go", line)
					continue
				}
				rest = rest[i+len(strings.TrimSpace(line)):]
			}
		}
	}
	if blocks == 0 {
		t.Fatal("doc.go has no code block under an Install heading")
	}
}

// indexWhole is the index of the first occurrence of line in s that ends
// a line or a code span (followed by a newline, a backquote or the end),
// else -1.
func indexWhole(s, line string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], line)
		if i < 0 {
			return -1
		}
		end := from + i + len(line)
		if end == len(s) || s[end] == '\n' || s[end] == '`' {
			return from + i
		}
		from += i + 1
	}
}
