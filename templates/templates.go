// Package templates holds the text templates for the prose graphdocgen
// writes (the generated package's doc comment). All Go code is built with
// jennifer in package gen; templates only produce comment text.
package templates

import (
	_ "embed"
	"text/template"
)

//go:embed doc.tmpl
var docText string

// Doc renders the generated package's doc comment from DocData.
var Doc = template.Must(template.New("doc.tmpl").Parse(docText))

// DocData is what Doc needs.
type DocData struct {
	Package    string
	Command    string // the command line that regenerates the package
	Pages      int
	Operations int // Service methods
}
