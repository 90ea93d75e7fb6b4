package jsondoc

import (
	"fmt"
	"unicode/utf8"
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

// Repair codes reported by ParseLenient.
const (
	CodeTrailingComma = "json-trailing-comma" // ',' before '}' or ']'
	CodeComment       = "json-comment"        // a // or /* */ comment outside strings
	CodeEllipsis      = "json-ellipsis"       // a "...", ".." or "…" placeholder item, removed
	CodeNBSP          = "json-nbsp"           // a Unicode space outside strings, read as whitespace
	CodeUnquotedKey   = "json-unquoted-key"   // a bare identifier used as an object key
	CodeSingleQuote   = "json-single-quote"   // a 'single quoted' string
	CodeSmartQuote    = "json-smart-quote"    // “ or ” used as a string delimiter
	CodeMissingComma  = "json-missing-comma"  // two items separated only by a line break
	CodeBareWord      = "json-bare-word"      // an unquoted word in value position
)

// describe formats the byte or rune at off for an error message.
func describe(src []byte, off int) string {
	if off >= len(src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(src[off:])
	return fmt.Sprintf("%q", r)
}
