package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

func TestLevelsSet(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		want    string // String() after setting every arg, or the error
		wantErr bool
	}{
		{[]string{"type-undefined=off"}, "type-undefined=off", false},
		{[]string{"type-undefined=off,enum-unnamed=error", "all=warning"}, "type-undefined=off,enum-unnamed=error,all=warning", false},
		{[]string{" json-*=off , page-unused=warning"}, "json-*=off,page-unused=warning", false},
		{[]string{"type-undefind=off"}, `unknown diagnostic code "type-undefind" (did you mean type-undefined? graphdocgen -codes lists them)`, true},
		{[]string{"jsn-*=off"}, `no diagnostic code starts with "jsn-" (nearest code: json-nbsp; graphdocgen -codes lists them)`, true},
		{[]string{"type-undefined=warn"}, `type-undefined: unknown level "warn" (want off, warning or error)`, true},
		{[]string{"type-undefined"}, `"type-undefined" is not CODE=LEVEL (LEVEL is off, warning or error)`, true},
		{[]string{"=off"}, `"=off" is not CODE=LEVEL (LEVEL is off, warning or error)`, true},
	} {
		var l levels
		var err error
		for _, a := range tc.args {
			if err = l.Set(a); err != nil {
				break
			}
		}
		got := l.String()
		if err != nil {
			got = err.Error()
		}
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("-W %q: got %q (error %v), want %q", tc.args, got, err != nil, tc.want)
		}
	}
}

func TestLevelsApply(t *testing.T) {
	ds := []schema.Diagnostic{
		{File: "a.md", Line: 1, Col: 1, Severity: schema.Warning, Code: "type-undefined"},
		{File: "a.md", Line: 2, Col: 1, Severity: schema.Warning, Code: "json-comment"},
		{File: "a.md", Line: 3, Col: 1, Severity: schema.Warning, Code: "json-nbsp"},
		{File: "a.md", Line: 4, Col: 1, Severity: schema.Error, Code: "page-not-text"},
		{File: "a.md", Line: 5, Col: 1, Severity: schema.Warning, Code: "enum-unnamed"},
	}
	var l levels
	for _, v := range []string{"all=error", "json-*=off", "json-nbsp=warning", "page-not-text=warning,enum-unnamed=off"} {
		if err := l.Set(v); err != nil {
			t.Fatal(err)
		}
	}
	kept, off := l.apply(ds)
	want := []schema.Diagnostic{
		{File: "a.md", Line: 1, Col: 1, Severity: schema.Error, Code: "type-undefined"},
		{File: "a.md", Line: 3, Col: 1, Severity: schema.Warning, Code: "json-nbsp"},
		{File: "a.md", Line: 4, Col: 1, Severity: schema.Warning, Code: "page-not-text"},
	}
	if diff := cmp.Diff(want, kept); diff != "" {
		t.Errorf("apply (-want +got):\n%s", diff)
	}
	if off != 2 {
		t.Errorf("off = %d, want 2", off)
	}
	if ds[0].Severity != schema.Warning {
		t.Error("apply changed its input")
	}
	var none levels
	if kept, off := none.apply(ds); off != 0 || !cmp.Equal(kept, ds) {
		t.Errorf("no settings changed the diagnostics: %v, %d off", kept, off)
	}
}

// TestLevelsCLI runs the seed page (7 warnings: type-from-operation,
// enum-unnamed, enum-from-prose and example-enum-value twice each) with
// -W and -strict.
func TestLevelsCLI(t *testing.T) {
	seeds, _ := filepath.Abs(filepath.Join("..", "..", "seeds"))
	seedCodes := "type-from-operation=off,enum-unnamed=off,enum-from-prose=off,example-enum-value=off"
	for _, tc := range []struct {
		name       string
		args       []string
		want       int
		wantStderr []string // substrings
		notStderr  []string
	}{
		{"warnings pass", nil, exitOK, []string{"0 errors, 7 warnings;"}, nil},
		{"strict fails on warnings", []string{"-strict"}, exitFail, []string{"0 errors, 7 warnings;"}, nil},
		{"strict with the seed's codes off", []string{"-strict", "-W", seedCodes}, exitOK,
			[]string{"0 errors, 0 warnings (7 turned off by -W);"}, []string{"warning:"}},
		{"one code made an error", []string{"-W", "enum-unnamed=error"}, exitFail,
			[]string{": error: enum-unnamed: ", "2 errors, 5 warnings;"}, nil},
		{"all=error, one back to warning, others off", []string{"-W", "all=error", "-W", "enum-unnamed=warning,example-enum-value=off,type-from-operation=off,enum-from-prose=off"}, exitOK,
			[]string{": warning: enum-unnamed: ", "0 errors, 2 warnings (5 turned off by -W);"}, []string{": error: "}},
		{"quiet and clean is silent", []string{"-q", "-strict", "-W", "all=off"}, exitOK, nil, []string{"graphdocgen", "warning"}},
		{"quiet prints the summary after diagnostics", []string{"-q"}, exitOK, []string{"warning: enum-unnamed", "0 errors, 7 warnings;"}, nil},
		{"unknown code", []string{"-W", "enum-unamed=off"}, exitUsage,
			[]string{`graphdocgen: invalid value "enum-unamed=off" for flag -W: unknown diagnostic code "enum-unamed" (did you mean enum-unnamed?`}, []string{"usage:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(moduleDir(t), "x")
			code, _, stderr := runCLI(t, append(tc.args, "-out", out, seeds)...)
			if code != tc.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.want, stderr)
			}
			for _, s := range tc.wantStderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
			for _, s := range tc.notStderr {
				if strings.Contains(stderr, s) {
					t.Errorf("stderr has %q:\n%s", s, stderr)
				}
			}
			if tc.name == "quiet and clean is silent" && stderr != "" {
				t.Errorf("stderr is not empty:\n%s", stderr)
			}
		})
	}
}

// TestLevelsInSchema: the schema JSON holds the diagnostics as reported,
// after -W.
func TestLevelsInSchema(t *testing.T) {
	seeds, _ := filepath.Abs(filepath.Join("..", "..", "seeds"))
	schemaFile := filepath.Join(moduleDir(t), "schema.json")
	code, _, stderr := runCLI(t, "-W", "enum-unnamed=off,example-enum-value=error", "-schema", schemaFile, "-out", moduleDir(t), "-pkg", "x", seeds)
	if code != exitFail {
		t.Fatalf("exit %d, want 1:\n%s", code, stderr)
	}
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"code": "type-from-operation"`, `"severity": "error",
      "code": "example-enum-value"`} {
		if !strings.Contains(string(data), s) {
			t.Errorf("schema lacks %q", s)
		}
	}
	if strings.Contains(string(data), `"code": "enum-unnamed"`) {
		t.Error("schema holds a diagnostic turned off")
	}
}

// TestNotTextFails: a binary file named .md fails the run with an error
// at its first byte that is not UTF-8.
func TestNotTextFails(t *testing.T) {
	docs := moduleDir(t)
	seed, err := os.ReadFile(filepath.Join("..", "..", "seeds", "update-usercredentialusagedetails.md"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(docs, "update.md"), seed, 0o644)
	os.WriteFile(filepath.Join(docs, "logo.md"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	code, _, stderr := runCLI(t, "-q", "-out", moduleDir(t), "-pkg", "x", docs)
	if code != exitFail {
		t.Errorf("exit %d, want 1", code)
	}
	want := filepath.ToSlash(filepath.Join(docs, "logo.md")) + ":1:1: error: page-not-text: page is not UTF-8 text (byte 0x89 is not UTF-8)"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
}
