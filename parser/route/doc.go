// Package route turns the request lines of a Graph docs page's
// "## HTTP request" block into path templates (patterns), and matches concrete
// example request paths against those templates.
//
// # Patterns
//
// A pattern is a path that starts with "/" and has no scheme, host, version
// prefix, "~" or query string. Placeholders are written {name}: a "{" always
// starts a placeholder that ends at the next "}", so a pattern cannot hold a
// literal "{". Everything else is literal text, including "$ref", function
// segments such as getOffice365ActiveUserCounts(period='{period_value}') and
// the quotes of /recoveryKeys/'{id}'.
//
// # Matching
//
// Match implements exactly these rules (the generated runtime router
// implements the same ones):
//
//   - Literal text matches case-insensitively under ASCII case folding only
//     ('A'..'Z' equal 'a'..'z'; every other byte must be equal).
//   - A placeholder matches a non-empty run of bytes that contains no "/",
//     unless its token is Multi (drive-path addressing, see Split), in which
//     case the run may contain "/".
//   - The whole path must be consumed.
//   - When several assignments are possible, the leftmost-shortest one wins:
//     the first placeholder takes the shortest value for which the rest of the
//     pattern can still match, then the second, and so on (lazy matching with
//     backtracking). Values keep the case of the path.
//   - Paths longer than MaxPathLen bytes never match.
//
// Match is computed with a table over (token, position), in time and space
// O(tokens × len(path)).
package route
