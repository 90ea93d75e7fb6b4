// Command graphdocgen generates a Go package (types, enums, an HTTP
// handler and golden tests) from Microsoft Graph-style API reference pages.
//
//	graphdocgen [flags] PATH...
//
// PATH is a page or a folder walked for *.md; one run makes one package.
// See README.md for the flags, the diagnostic format and the schema JSON.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
