package route

import "fmt"

// Issue is one thing ParseLine or ExampleTarget guessed, changed or rejected.
type Issue struct {
	Col     int    // 1-based byte column in the input string where the problem is
	Code    string // one of the Code* constants
	Message string
}

// Issue codes reported by ParseLine.
const (
	CodeMethodCase        = "request-line-method-case"         // method not upper-case
	CodeNormalized        = "request-line-normalized"          // scheme, host, version, "~", leading or trailing "/" changed
	CodeAnglePlaceholder  = "request-line-angle-placeholder"   // <name> rewritten as {name}
	CodeParenPlaceholder  = "request-line-paren-placeholder"   // a whole segment (name) rewritten as {name}
	CodePipeOutsideBraces = "request-line-pipe-outside-braces" // {a} | b rewritten as {a|b}
	CodeGluedSegment      = "request-line-glued-segment"       // {id}$ref rewritten as {id}/$ref
	CodeUnbalanced        = "request-line-unbalanced"          // "{" without "}" or a stray "}"
	CodePlaceholderName   = "request-line-placeholder-name"    // empty placeholder name
	CodeEllipsis          = "request-line-ellipsis"            // a "..." segment (any depth) kept as literal text
	CodeTrailingText      = "request-line-trailing-text"       // text after the path ignored
	CodeParameterValue    = "request-line-parameter-value"     // a function argument's stand-in value parameterValue rewritten as {name}
	CodeLiteralID         = "request-line-literal-id"          // a GUID or opaque id segment rewritten as {name-id}
	CodeInvalid           = "request-line-invalid"             // method word but no usable path; ok=false
)

// Issue codes reported by ExampleTarget.
const (
	CodeForeignHost       = "example-foreign-host" // the URL's host is not a Microsoft Graph host
	CodeExampleNormalized = "example-normalized"   // version spelling, leading or trailing "/", method or HTTP version removed
	CodeBadEscape         = "example-bad-escape"   // a "%" not followed by two hex digits, kept as is
)

func issuef(col int, code, format string, args ...any) Issue {
	return Issue{Col: col, Code: code, Message: fmt.Sprintf(format, args...)}
}
