package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // diagnostics under -strict, errors, or a stale tree under -check
	exitUsage = 2 // bad usage or I/O errors
)

type config struct {
	out, pkg, schemaFile string
	check, strict, quiet bool
	paths                []string
}

const usage = `usage: graphdocgen [flags] PATH...

PATH is a page or a folder walked for *.md files; one run makes one Go package.

Flags:
`

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	c := &config{}
	fs := flag.NewFlagSet("graphdocgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	fs.StringVar(&c.out, "out", "", "write the package to `DIR` (required)")
	fs.StringVar(&c.pkg, "pkg", "", "package `NAME` (default: base name of -out)")
	fs.BoolVar(&c.check, "check", false, "write nothing; exit 1 and list each file that is stale, missing or extra")
	fs.BoolVar(&c.strict, "strict", false, "exit 1 when any diagnostic is reported")
	fs.StringVar(&c.schemaFile, "schema", "", "also write the intermediate schema as JSON to `FILE`")
	fs.BoolVar(&c.quiet, "q", false, "print diagnostics and the summary only")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	c.paths = fs.Args()
	if len(c.paths) == 0 {
		fs.Usage()
		return nil, errors.New("no PATH given")
	}
	if c.out == "" {
		fs.Usage()
		return nil, errors.New("-out is required")
	}
	if c.pkg == "" {
		abs, err := filepath.Abs(c.out)
		if err != nil {
			return nil, err
		}
		c.pkg = filepath.Base(abs)
	}
	if !pkgNameRe.MatchString(c.pkg) {
		return nil, fmt.Errorf("package name %q is not a Go identifier; use -pkg", c.pkg)
	}
	return c, nil
}

var pkgNameRe = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

func run(args []string, stdout, stderr io.Writer) int {
	c, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
		return exitUsage
	}
	files, err := parser.ReadPaths(c.paths)
	if err != nil {
		fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
		return exitUsage
	}
	s := parser.Parse(files)
	out, err := gen.Generate(s, gen.Options{Package: c.pkg, Args: c.recordedArgs()})
	if err != nil {
		fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
		return exitUsage
	}
	for _, d := range s.Diagnostics {
		fmt.Fprintln(stderr, d)
	}
	status := exitOK
	if c.check {
		changes, err := gen.Check(c.out, out)
		if err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			return exitUsage
		}
		for _, ch := range changes {
			fmt.Fprintf(stderr, "graphdocgen: %s: %s\n", ch.Kind, filepath.Join(c.out, ch.Name))
		}
		if len(changes) > 0 {
			status = exitFail
		}
		fmt.Fprintln(stderr, summary(s, out, fmt.Sprintf("checked %d files in %s: %d out of date", len(out), c.out, len(changes))))
	} else {
		if c.schemaFile != "" {
			if err := writeSchema(c.schemaFile, s); err != nil {
				fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
				return exitUsage
			}
		}
		res, err := gen.WriteDir(c.out, out)
		if err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			return exitUsage
		}
		fmt.Fprintln(stderr, summary(s, out, fmt.Sprintf("wrote %d files to %s (%d unchanged, %d removed)", res.Written, c.out, res.Unchanged, res.Removed)))
	}
	errs, warns := count(s.Diagnostics)
	if errs > 0 || (c.strict && errs+warns > 0) {
		status = exitFail
	}
	return status
}

// recordedArgs are the arguments written into the package doc: only those
// that shape the output, as given (never made absolute), so -check, -q or
// another machine do not change the file.
func (c *config) recordedArgs() []string {
	return append([]string{"-out", c.out, "-pkg", c.pkg}, c.paths...)
}

func count(ds []schema.Diagnostic) (errs, warns int) {
	for _, d := range ds {
		if d.Severity == schema.Error {
			errs++
		} else {
			warns++
		}
	}
	return
}

// summary is the one-line report printed after the diagnostics.
func summary(s *schema.Schema, files []gen.File, did string) string {
	routes, tests := 0, 0
	for _, op := range s.Operations {
		routes += len(op.Routes)
		for _, ex := range op.Examples {
			if ex.Test != nil {
				tests++
			}
		}
	}
	errs, warns := count(s.Diagnostics)
	return fmt.Sprintf("graphdocgen: %d pages -> %d types, %d enums, %d operations, %d routes, %d example tests; %d errors, %d warnings; %s",
		len(s.Pages), len(s.Types), len(s.Enums), len(s.Operations), routes, tests, errs, warns, did)
}

func writeSchema(path string, s *schema.Schema) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
