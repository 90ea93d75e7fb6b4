package names

import "strings"

// maxIdent is the longest identifier Exported returns.
const maxIdent = 200

// maxRecase bounds the re-casing loop of step 6 of the rule.
const maxRecase = 16

// Exported returns an exported Go identifier for a documented name,
// following the rule in the package comment: "webUrl" -> WebURL,
// "@odata.type" -> ODataType, "365days" -> X365days.
func Exported(s string) string {
	ws := words(s)
	if len(ws) == 0 {
		return "X" + shortHash(s)
	}
	id := join(ws)
	if isDigit(id[0]) {
		id = "X" + id
	}
	return recase(capLength(id, s))
}

// Unexported returns an unexported (lowerCamel) Go identifier for a
// documented name: Exported(s) with its first word lower-cased ("ID" -> id,
// "URLList" -> urlList, "UserName" -> userName). A Go keyword or
// predeclared identifier gets "_" appended ("type" -> type_).
func Unexported(s string) string {
	e := Exported(s)
	first := words(e)[0]
	rest := e[len(first):]
	if _, ok := initialism(first); ok || strings.ToUpper(first) == first {
		first = strings.ToLower(first)
	} else {
		first = strings.ToLower(first[:1]) + first[1:]
	}
	id := first + rest
	if reservedWord(id) {
		id += "_"
	}
	return id
}

// join cases each word (step 3 of the rule) and joins them, with "_"
// between two digits (step 4). Words are ASCII letters and digits.
func join(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && isDigit(w[0]) && isDigit(ws[i-1][len(ws[i-1])-1]) {
			b.WriteByte('_')
		}
		if form, ok := initialism(w); ok {
			b.WriteString(form)
		} else {
			c := w[0]
			if isLower(c) {
				c -= 'a' - 'A'
			}
			b.WriteByte(c)
			b.WriteString(w[1:])
		}
	}
	return b.String()
}

// recase splits id into words and joins them again until it no longer
// changes (step 6 of the rule).
func recase(id string) string {
	for range maxRecase {
		next := join(words(id))
		if next == id {
			break
		}
		id = next
	}
	return id
}

// capLength cuts id to maxIdent bytes, replacing its tail with the hash of
// the documented name src. id is ASCII, so any cut is a rune boundary.
func capLength(id, src string) string {
	if len(id) <= maxIdent {
		return id
	}
	h := shortHash(src)
	return id[:maxIdent-len(h)] + h
}
