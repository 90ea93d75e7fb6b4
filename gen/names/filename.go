package names

import "strings"

// maxFileName is the longest base name FileName returns.
const maxFileName = 100

// FileName maps a page path (slash-separated, relative) to a Go file base
// name without extension, safe on every platform and inside any output
// directory:
//
//   - '\' counts as a separator too; empty, "." and ".." elements are
//     dropped and a final ".md" (any case) is removed;
//   - the remaining elements are joined with '-', upper-case ASCII is
//     lower-cased and every byte outside [a-z0-9.-] becomes '-';
//   - a run of '.' and '-' becomes one '.' if it is all dots, else one '-';
//     leading and trailing '.' and '-' are trimmed;
//   - an empty result becomes "page-" plus 8 hex digits of a hash of path;
//   - a Windows device name before the first '.' (con, prn, aux, nul,
//     com0-com9, lpt0-lpt9) gets the prefix "page-";
//   - a result over 100 bytes is cut to 91 bytes (then trimmed of '.' and
//     '-') and "-" plus the 8-hex-digit hash of path is appended.
//
// So "api-reference/v1.0/api/user-get.md" -> "api-reference-v1.0-api-user-get".
// The result has no underscore, so Go never reads a "_test" or GOOS/GOARCH
// suffix in it. Different paths may give the same name: claim the results
// in a Scope.
func FileName(path string) string {
	name := squeeze(fileChars(pathElems(path)))
	if strings.HasSuffix(name, ".md") {
		// Only when the extension was followed by bytes that squeeze
		// trimmed ("x.md "): keep the name a fixed point of FileName.
		name = name[:len(name)-3] + "-md"
	}
	if name == "" {
		return "page-" + shortHash(path)
	}
	if windowsDevice(name) {
		name = "page-" + name
	}
	if len(name) > maxFileName {
		name = strings.TrimRight(name[:maxFileName-9], ".-") + "-" + shortHash(path)
	}
	return name
}

// pathElems returns the meaningful elements of path joined with '-',
// without a final ".md" extension.
func pathElems(path string) string {
	var elems []string
	for _, e := range strings.FieldsFunc(path, func(r rune) bool { return r == '/' || r == '\\' }) {
		if e != "." && e != ".." {
			elems = append(elems, e)
		}
	}
	if n := len(elems); n > 0 && len(elems[n-1]) >= 3 && strings.EqualFold(elems[n-1][len(elems[n-1])-3:], ".md") {
		elems[n-1] = elems[n-1][:len(elems[n-1])-3]
	}
	return strings.Join(elems, "-")
}

// fileChars lower-cases ASCII letters and turns every byte outside
// [a-z0-9.-] into '-'. Multi-byte runes become several '-', which squeeze
// collapses.
func fileChars(s string) []byte {
	b := []byte(s)
	for i, c := range b {
		switch {
		case isUpper(c):
			b[i] = c + ('a' - 'A')
		case isLower(c) || isDigit(c) || c == '.' || c == '-':
		default:
			b[i] = '-'
		}
	}
	return b
}

// squeeze collapses each run of '.' and '-' into one byte ('.' if the run
// is all dots, else '-') and trims them from both ends.
func squeeze(b []byte) string {
	var out []byte
	for i := 0; i < len(b); {
		if b[i] != '.' && b[i] != '-' {
			out = append(out, b[i])
			i++
			continue
		}
		sep := byte('.')
		for ; i < len(b) && (b[i] == '.' || b[i] == '-'); i++ {
			if b[i] == '-' {
				sep = '-'
			}
		}
		out = append(out, sep)
	}
	return strings.Trim(string(out), ".-")
}

// windowsDevice reports whether Windows reads name as a device (CON, NUL,
// COM1, ...): it ignores everything from the first '.'.
func windowsDevice(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	switch base {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(base) == 4 && (base[:3] == "com" || base[:3] == "lpt") && isDigit(base[3])
}
