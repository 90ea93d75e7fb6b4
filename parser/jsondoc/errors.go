package jsondoc

import (
	"fmt"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/parser/diag"
)

// SyntaxError reports input that could not be read, with the byte offset of
// the problem in the input.
type SyntaxError struct {
	Off int    // byte offset of the problem
	Msg string // short description
}

// Error returns the message with its offset.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("offset %d: %s", e.Off, e.Msg)
}

// Repair describes one mistake that ParseLenient worked around.
type Repair struct {
	Off     int    // byte offset of the problem in the original input
	Code    string // stable identifier, one of the Code constants
	Message string // short description for people
}

// Repair codes reported by ParseLenient. The parser reports each repair
// of an example body as a warning with its code, so each is a code of
// package diag, which says what it means.
var (
	CodeTrailingComma = diag.JSONTrailingComma // ',' before '}' or ']'
	CodeComment       = diag.JSONComment       // a // or /* */ comment outside strings
	CodeEllipsis      = diag.JSONEllipsis      // a "...", ".." or "…" placeholder item, removed
	CodeNBSP          = diag.JSONNbsp          // a Unicode space outside strings, read as whitespace
	CodeUnquotedKey   = diag.JSONUnquotedKey   // a bare identifier used as an object key
	CodeSingleQuote   = diag.JSONSingleQuote   // a 'single quoted' string
	CodeSmartQuote    = diag.JSONSmartQuote    // “ or ” used as a string delimiter
	CodeMissingComma  = diag.JSONMissingComma  // two items separated only by a line break
	CodeBareWord      = diag.JSONBareWord      // an unquoted word in value position
)

// describe formats the byte or rune at off for an error message.
func describe(src []byte, off int) string {
	if off >= len(src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(src[off:])
	return fmt.Sprintf("%q", r)
}
