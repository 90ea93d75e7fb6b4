// Command graphdocgen generates a Go package from REST API reference pages
// written in the Microsoft Graph docs format (markdown: a page per
// operation, a page per resource type, enum pages): a struct per documented
// type, a typed string enum per enumeration, a Service interface with a
// method per operation, NewHandler (an http.Handler that routes every
// documented request line to the Service and checks what it decodes), and
// golden tests built from the documented request and response examples.
//
// Usage:
//
//	graphdocgen [flags] -out DIR PATH...
//	graphdocgen -codes
//
// Each PATH is a page, or a folder walked for *.md files (hidden folders
// are skipped); one run makes one Go package, in DIR.
//
// # Install
//
// In a module whose pages are in docs/ and whose package is to be
// generated into api/, add graphdocgen as a tool dependency (or name a
// version such as @v0.1.0 for @latest):
//
//	go get -tool github.com/graphdocgen/graphdocgen/cmd/graphdocgen@latest
//
// write api/generate.go (any name but those graphdocgen writes):
//
//	package api
//
//	//go:generate go tool graphdocgen -out . ../docs
//
// then generate the package, let go mod tidy add what its tests import
// (github.com/google/go-cmp), and vet and test it:
//
//	go generate ./...
//	go mod tidy
//	go vet ./...
//	go test ./...
//
// To run graphdocgen without a tool entry in go.mod, skip go get and write
// this go:generate line instead; the rest is the same:
//
//	//go:generate go run github.com/graphdocgen/graphdocgen/cmd/graphdocgen@latest -out . ../docs
//
// # Flags
//
//	-out DIR
//		Write the package to DIR (required).
//	-pkg NAME
//		Name the package NAME (default: the base name of DIR).
//	-import PATH
//		The package's import path (default: the module path in the go.mod
//		of the nearest folder holding DIR, joined with DIR's path below
//		it). The package imports its runtime below it, so DIR must be in
//		a module or PATH given.
//	-check
//		Write nothing; exit 1 and list each file that is stale, missing
//		or extra.
//	-strict
//		Exit 1 when any diagnostic is left, at warning or error, after the
//		-W settings: turn off the codes you accept, and -strict fails on
//		anything else.
//	-W CODE=LEVEL[,CODE=LEVEL...]
//		Set the severity of the diagnostics with code CODE: LEVEL is off
//		(not reported, not counted), warning or error. CODE is a code
//		(graphdocgen -codes lists them), a prefix ending in * (json-*), or
//		all. Repeatable; settings apply in order, so a later one wins:
//		-W all=error -W example-request-only=warning. A code no diagnostic
//		has is a usage error (exit 2) that names the nearest one.
//	-q
//		Print only what needs attention: diagnostics, BREAKING API
//		changes and stale files, then the summary line if any of those
//		was printed or the run fails. No progress line, no additive API
//		changes. A clean run prints nothing.
//	-schema FILE
//		Also write the intermediate schema as JSON to FILE (not with
//		-check, which writes nothing). Its diagnostics are those reported,
//		after -W.
//	-codes
//		Print every diagnostic code with its default severity and what it
//		means and what to do, as markdown, and exit. The repository keeps
//		that list as cmd/graphdocgen/diagnostics.md.
//
// For a CI log that fails on any new problem but lives with the known
// ones, name the known codes:
//
//	//go:generate go tool graphdocgen -strict -W type-undefined=off,response-value-wrapped=off -out . ../docs
//
// # Diagnostics
//
// Problems in the pages are reported on stderr like compiler errors, one a
// line, sorted by page, line and column:
//
//	../docs/resources/recurrencepattern.md:41:7: warning: type-undefined: type recurrencePatternType of recurrencePattern.type is not documented in the inputs; the property holds any JSON
//
// that is PAGE:LINE:COL: SEVERITY: CODE: MESSAGE, LINE and COL 1-based, COL
// counting bytes. An error means something could not be used at all (a
// page that is not UTF-8 text, or is over the input limits, is not read);
// a warning means graphdocgen guessed, repaired or skipped something and
// went on. Codes are stable: -W and CI scripts may name them. graphdocgen
// -codes lists every code with what it means and what to do.
//
// After the diagnostics come the API changes and then one summary line:
//
//	graphdocgen: BREAKING: field TodoTask.Title removed
//	graphdocgen: added: field TodoTask.Subject
//	graphdocgen: 28 pages -> 11 types, 7 enums, 17 operations, 34 routes, 16 example tests; 0 errors, 0 warnings (13 turned off by -W); wrote 3 files to . (49 unchanged, 0 removed); API: 1 breaking, 1 additive changes
//
// API changes are listed when DIR already holds an API summary
// (graphdocgen_api.txt) to compare with, -check included: an item removed
// or changed is BREAKING, an item added is additive.
//
// # Exit status
//
//	0  success: written (or, with -check, current); warnings allowed
//	1  a diagnostic at error (after -W); any diagnostic under -strict; a
//	   stale package under -check
//	2  bad usage (an unknown flag, -W code or level, no PATH, no -out) or
//	   an I/O error; then nothing is written
//
// # Output
//
// DIR holds one package. graphdocgen writes a file only when its bytes
// change, removes the files it wrote before that are no longer produced,
// and never touches a file whose first line is not
//
//	// Code generated by graphdocgen. DO NOT EDIT.
//
// which every file it writes starts with. A run that fails part-way leaves
// DIR as it was. The files:
//
//	PAGE.go                       the types, enums and operations one page documents, named
//	                              after the page's path inside its folder argument
//	doc.go                        the package doc comment
//	graphdocgen_*.go              shared code: the Service interface, the runtime's public
//	                              names (Optional, Error, SetStatus...), the operation and
//	                              enum tables, and the tests that run the examples
//	internal/graphrt/graphrt.go   the runtime (router, decoder, errors), one package the
//	                              build caches: a regeneration that changes only the pages
//	                              leaves it as it was
//	internal/graphrttest/graphrttest.go
//	                              the tests' runner, which reads testdata/examples
//	graphdocgen_api.txt           the API summary, a line per type, field, enum member,
//	                              operation and route, compared with on the next run
//	testdata/examples/PAGE.txtar  the documented examples of one page, which the tests run
//
// The generated package imports only the standard library; its tests also
// import github.com/google/go-cmp.
package main
