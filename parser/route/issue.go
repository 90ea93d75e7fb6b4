package route

import (
	"fmt"

	"github.com/graphdocgen/graphdocgen/parser/diag"
)

// Issue is one thing ParseLine or ExampleTarget guessed, changed or rejected.
type Issue struct {
	Col     int    // 1-based byte column in the input string where the problem is
	Code    string // one of the Code* variables or constants
	Message string
}

// Issue codes reported by ParseLine. The parser reports each issue as a
// warning with its code, so each is a code of package diag, which says
// what it means.
var (
	CodeMethodCase        = diag.RequestLineMethodCase        // method not upper-case
	CodeNormalized        = diag.RequestLineNormalized        // scheme, host, version, "~", leading or trailing "/" changed
	CodeAnglePlaceholder  = diag.RequestLineAnglePlaceholder  // <name> rewritten as {name}
	CodeParenPlaceholder  = diag.RequestLineParenPlaceholder  // a whole segment (name) rewritten as {name}
	CodePipeOutsideBraces = diag.RequestLinePipeOutsideBraces // {a} | b rewritten as {a|b}
	CodeGluedSegment      = diag.RequestLineGluedSegment      // {id}$ref rewritten as {id}/$ref
	CodeUnbalanced        = diag.RequestLineUnbalanced        // "{" without "}" or a stray "}"
	CodePlaceholderName   = diag.RequestLinePlaceholderName   // empty placeholder name
	CodeEllipsis          = diag.RequestLineEllipsis          // a "..." segment (any depth) kept as literal text
	CodeTrailingText      = diag.RequestLineTrailingText      // text after the path ignored
	CodeParameterValue    = diag.RequestLineParameterValue    // a function argument's value (parameterValue, n, 'D7') rewritten as {name}
	CodeLiteralID         = diag.RequestLineLiteralID         // a GUID or opaque id segment rewritten as {name-id}
	CodeInvalid           = diag.RequestLineInvalid           // method word but no usable path; ok=false
)

// Issue codes reported by ExampleTarget. Its callers read the path only,
// so these issues are not reported as diagnostics (the generator reports
// an example to another host itself, as diag.ExampleForeignHost).
const (
	CodeForeignHost       = "example-foreign-host" // the URL's host is not a Microsoft Graph host
	CodeExampleNormalized = "example-normalized"   // version spelling, leading or trailing "/", method or HTTP version removed
	CodeBadEscape         = "example-bad-escape"   // a "%" not followed by two hex digits, kept as is
)

func issuef(col int, code, format string, args ...any) Issue {
	return Issue{Col: col, Code: code, Message: fmt.Sprintf(format, args...)}
}
