package main

import (
	"bufio"
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
	out, pkg, schemaFile        string
	importPath                  string // the package's import path
	importGiven                 bool   // -import was given
	check, strict, quiet, codes bool
	levels                      levels
	paths                       []string
}

const usage = `usage: graphdocgen [flags] -out DIR PATH...
       graphdocgen -codes

PATH is a page or a folder walked for *.md files; one run makes one Go
package. go doc github.com/graphdocgen/graphdocgen/cmd/graphdocgen is the
reference; graphdocgen -codes lists the diagnostic codes.

Flags:
`

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	c := &config{}
	fs := flag.NewFlagSet("graphdocgen", flag.ContinueOnError)
	// A bad flag is reported in one line by run; -h, a missing PATH or
	// -out print the usage.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	printUsage := func() {
		fmt.Fprint(stderr, usage)
		fs.SetOutput(stderr)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	fs.StringVar(&c.out, "out", "", "write the package to `DIR` (required)")
	fs.StringVar(&c.pkg, "pkg", "", "package `NAME` (default: base name of -out)")
	fs.StringVar(&c.importPath, "import", "", "import `PATH` of the package (default: from the go.mod of the module holding -out)")
	fs.BoolVar(&c.check, "check", false, "write nothing; exit 1 and list each file that is stale, missing or extra")
	fs.BoolVar(&c.strict, "strict", false, "exit 1 when any diagnostic is reported (at warning or error, after -W)")
	fs.StringVar(&c.schemaFile, "schema", "", "also write the intermediate schema as JSON to `FILE`")
	fs.BoolVar(&c.quiet, "q", false, "print only diagnostics, BREAKING API changes and stale files, and the summary line when any was printed")
	fs.Var(&c.levels, "W", "set the severity of diagnostics by code: `CODE=LEVEL`[,...], LEVEL off, warning or error, CODE a code, all, or a prefix ending in * (repeatable; later settings win)")
	fs.BoolVar(&c.codes, "codes", false, "print every diagnostic code with its default severity and meaning, and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage()
		}
		return nil, err
	}
	c.paths = fs.Args()
	if c.codes {
		return c, nil
	}
	if len(c.paths) == 0 {
		printUsage()
		return nil, errors.New("no PATH given")
	}
	if c.out == "" {
		printUsage()
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
	c.importGiven = c.importPath != ""
	if !c.importGiven {
		p, err := importPathOf(c.out)
		if err != nil {
			return nil, err
		}
		c.importPath = p
	}
	if !validImportPath(c.importPath) {
		return nil, fmt.Errorf("import path %q is not a Go import path (letters, digits, and . _ ~ + - between slashes)", c.importPath)
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
	if c.codes {
		writeCodes(stdout)
		return exitOK
	}
	prog := newProgress(stderr, c.quiet)
	r, err := c.execute(prog)
	prog.Done()
	// Thousands of diagnostics are one write each unbuffered; the report
	// is written once the work is done, so it is buffered and flushed on
	// return.
	w := bufio.NewWriterSize(stderr, 64<<10)
	defer w.Flush()
	if err != nil {
		if r.s != nil {
			printDiagnostics(w, r.s)
		}
		fmt.Fprintf(w, "graphdocgen: %v\n", err)
		return exitUsage
	}
	return c.report(w, r)
}

// result is what one run found and did, reported after the work is done.
type result struct {
	s     *schema.Schema
	files []gen.File
	// api lists the API changes against the summary on disk; hadAPI is
	// false when there was none to compare with.
	api    []gen.APIChange
	hadAPI bool
	stale  []gen.Change // under -check
	did    string       // end of the summary line
	off    int          // diagnostics turned off by -W
}

// execute reads, parses, generates and then checks or writes, naming each
// stage on p. The result is never nil.
func (c *config) execute(p *progress) (*result, error) {
	r := &result{}
	p.Stage("reading pages")
	pages, err := parser.ReadPaths(c.paths)
	if err != nil {
		return r, err
	}
	p.Stage("parsing %d pages", len(pages))
	r.s = parser.Parse(pages)
	p.Stage("generating Go for %d pages", len(pages))
	r.files, err = gen.Generate(r.s, gen.Options{Package: c.pkg, ImportPath: c.importPath, Args: c.recordedArgs()})
	r.s.Diagnostics, r.off = c.levels.apply(r.s.Diagnostics)
	if err != nil {
		return r, err
	}
	p.Stage("comparing the API summary")
	if r.api, r.hadAPI, err = apiChanges(c.out, r.files); err != nil {
		return r, err
	}
	if c.check {
		r.stale, err = gen.Check(c.out, r.files)
		r.did = fmt.Sprintf("checked %d files in %s: %d out of date", len(r.files), c.out, len(r.stale))
		return r, err
	}
	p.Stage("writing %d files", len(r.files))
	return r, c.write(r)
}

// write writes the schema file (with -schema) and the package.
func (c *config) write(r *result) error {
	if c.schemaFile != "" {
		if err := writeSchema(c.schemaFile, r.s); err != nil {
			return err
		}
	}
	res, err := gen.WriteDir(c.out, r.files)
	r.did = fmt.Sprintf("wrote %d files to %s (%d unchanged, %d removed)", res.Written, c.out, res.Unchanged, res.Removed)
	return err
}

// report prints the diagnostics, the API changes (with -q, the BREAKING
// ones only), the files -check found out of date and the summary line
// (with -q, only when something else was printed or the run fails), and
// returns the exit status.
func (c *config) report(stderr io.Writer, r *result) int {
	printDiagnostics(stderr, r.s)
	printed := len(r.s.Diagnostics) + len(r.stale)
	for _, ch := range r.api {
		if ch.Breaking || !c.quiet {
			fmt.Fprintf(stderr, "graphdocgen: %s\n", ch)
			printed++
		}
	}
	for _, ch := range r.stale {
		fmt.Fprintf(stderr, "graphdocgen: %s: %s\n", ch.Kind, filepath.Join(c.out, ch.Name))
	}
	status := exitOK
	if len(r.stale) > 0 {
		status = exitFail
	}
	errs, warns := count(r.s.Diagnostics)
	if errs > 0 || (c.strict && errs+warns > 0) {
		status = exitFail
	}
	if !c.quiet || printed > 0 || status != exitOK {
		fmt.Fprintln(stderr, summary(r.s, r.files, r.off, r.did+apiCounts(r)))
	}
	return status
}

func printDiagnostics(w io.Writer, s *schema.Schema) {
	for _, d := range s.Diagnostics {
		fmt.Fprintln(w, d)
	}
}

// recordedArgs are the arguments written into the package doc: only those
// that shape the output, as given (never made absolute), so -check, -q or
// another machine do not change the file.
func (c *config) recordedArgs() []string {
	args := []string{"-out", c.out, "-pkg", c.pkg}
	if c.importGiven {
		args = append(args, "-import", c.importPath)
	}
	return append(args, c.paths...)
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
func summary(s *schema.Schema, files []gen.File, off int, did string) string {
	routes, tests := 0, 0
	served := 0
	for _, op := range s.Operations {
		routes += len(op.Routes)
		if op.ServedBy != nil {
			served++
		}
		for _, ex := range op.Examples {
			if ex.Test != nil {
				tests++
			}
		}
	}
	errs, warns := count(s.Diagnostics)
	ops := fmt.Sprintf("%d operations", len(s.Operations))
	if served > 0 {
		ops += fmt.Sprintf(" (%d served by another)", served)
	}
	diags := fmt.Sprintf("%d errors, %d warnings", errs, warns)
	if off > 0 {
		diags += fmt.Sprintf(" (%d turned off by -W)", off)
	}
	return fmt.Sprintf("graphdocgen: %d pages -> %d types, %d enums, %s, %d routes, %d example tests; %s; %s",
		len(s.Pages), len(s.Types), len(s.Enums), ops, routes, tests, diags, did)
}

func writeSchema(path string, s *schema.Schema) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
