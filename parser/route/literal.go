package route

import (
	"fmt"
	"strings"
)

// IsLiteralID reports whether a path segment (no "/") is an opaque
// identifier written where a request line means a placeholder: a GUID
// (with or without dashes), or a long run of base64 text (at least 20
// bytes of letters, digits, "-", "_", "+" and "=", with a digit at least
// every eighth byte, or ending in "=" padding). Names such as
// getOffice365ActiveUserCounts are not identifiers.
func IsLiteralID(seg string) bool {
	return isGUID(seg) || isBase64ID(seg)
}

// isGUID matches 8-4-4-4-12 hex digits, or 32 hex digits without dashes.
func isGUID(s string) bool {
	if len(s) == 32 {
		return allHex(s)
	}
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if s[i] != '-' {
				return false
			}
		} else if !isHex(s[i]) {
			return false
		}
	}
	return true
}

func allHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

// isBase64ID matches long opaque base64 (or base64url) ids.
func isBase64ID(s string) bool {
	if len(s) < 20 {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			digits++
		case isLetter(c) || strings.IndexByte("-_+=", c) >= 0:
		default:
			return false
		}
	}
	return digits*8 >= len(s) || strings.HasSuffix(s, "=") && digits > 0
}

// IDPlaceholder names the placeholder that stands for an identifier
// after the segment prev: the singular of prev plus "-id" (classes ->
// class-id, assignments -> assignment-id, policies -> policy-id); "id"
// when prev is not a plain name. The name is made unique among taken
// (compared case-insensitively) by appending 2, 3, ...
func IDPlaceholder(prev string, taken []string) string {
	base := "id"
	if prev != "" && isPlainName(prev) {
		base = singular(prev) + "-id"
	}
	name := base
	for n := 2; containsFold(taken, name); n++ {
		name = fmt.Sprintf("%s%d", base, n)
	}
	return name
}

// singular is the singular of an English plural, by suffix only.
func singular(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.HasSuffix(l, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(l, "sses"), strings.HasSuffix(l, "xes"), strings.HasSuffix(l, "ches"), strings.HasSuffix(l, "shes"):
		return s[:len(s)-2]
	case strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && len(s) > 1:
		return s[:len(s)-1]
	}
	return s
}

// isPlainName reports whether s is letters, digits, "-" and "_", starting
// with a letter.
func isPlainName(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isLetter(c) && !('0' <= c && c <= '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// literalIDs rewrites each whole segment of the pattern that IsLiteralID
// as a placeholder named by IDPlaceholder, reporting each.
func (p *lineParser) literalIDs() {
	out, src := p.out, p.src
	var segs [][2]int // [start, end) of each segment of out, after its "/"
	for i := 0; i < len(out); i++ {
		if out[i] != '/' {
			continue
		}
		j := i + 1
		for j < len(out) && out[j] != '/' {
			j++
		}
		segs = append(segs, [2]int{i + 1, j})
		i = j - 1
	}
	taken := Params(string(out))
	var nout []byte
	var nsrc []int
	last := 0
	for k, sg := range segs {
		seg := string(out[sg[0]:sg[1]])
		if !IsLiteralID(seg) {
			continue
		}
		prev := ""
		if k > 0 {
			prev = string(out[segs[k-1][0]:segs[k-1][1]])
		}
		name := IDPlaceholder(prev, taken)
		taken = append(taken, name)
		p.issue(max(src[sg[0]], 0), CodeLiteralID, "the segment %q is an identifier, not a name; read as {%s}", seg, name)
		nout = append(nout, out[last:sg[0]]...)
		nsrc = append(nsrc, src[last:sg[0]]...)
		ph := "{" + name + "}"
		nout = append(nout, ph...)
		for range ph {
			nsrc = append(nsrc, src[sg[0]])
		}
		last = sg[1]
	}
	if nout == nil {
		return
	}
	p.out = append(nout, out[last:]...)
	p.src = append(nsrc, src[last:]...)
}
