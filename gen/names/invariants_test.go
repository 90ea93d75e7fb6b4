package names

import (
	"go/token"
	"regexp"
	"strings"
)

// identProblem returns why id is not a valid ASCII Go identifier that is
// exported (or unexported) as promised, or "" if it is fine.
func identProblem(id string, exported bool) string {
	switch {
	case !token.IsIdentifier(id):
		return "not a valid Go identifier"
	case token.IsExported(id) != exported:
		return "wrong exportedness"
	case len(id) > maxIdent+1:
		return "too long"
	case strings.IndexFunc(id, func(r rune) bool { return r >= 0x80 }) >= 0:
		return "not ASCII"
	case !exported && reservedWord(id):
		return "keyword or predeclared identifier"
	}
	return ""
}

var fileNameRE = regexp.MustCompile(`^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$`)

// fileNameProblem returns why name is not a safe file base name, or "".
func fileNameProblem(name string) string {
	switch {
	case !fileNameRE.MatchString(name):
		return "characters outside [a-z0-9.-], or bad first or last byte"
	case strings.Contains(name, ".."):
		return `contains ".."`
	case strings.Contains(name, "_"):
		return "contains '_'"
	case len(name) > maxFileName:
		return "too long"
	case windowsDevice(name):
		return "Windows device name"
	}
	return ""
}

var testNameRE = regexp.MustCompile(`^[A-Za-z0-9.-]+(_[A-Za-z0-9.-]+)*$`)

// testNameProblem returns why name is not a safe subtest name, or "".
func testNameProblem(name string) string {
	switch {
	case !testNameRE.MatchString(name):
		return "characters outside [A-Za-z0-9_.-], or stray '_'"
	case len(name) > maxTestName:
		return "too long"
	}
	return ""
}
