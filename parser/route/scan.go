package route

import "strings"

// scan copies the path that starts at s[i] into the pattern, normalizing
// placeholders, and stores the query string. At parenthesis depth 0, "?"
// starts the query and a space or tab ends the path (the rest is reported as
// trailing text); inside balanced parentheses both are literal.
func (p *lineParser) scan(i int) {
	s, end := p.s, p.end
	matched := matchedParens(s, i, end, p)
	depth := 0
	for i < end {
		c := s[i]
		switch {
		case c == '{':
			i = p.brace(i)
			continue
		case c == '}':
			p.issue(i, CodeUnbalanced, `"}" without "{"`)
		case c == '<':
			if name, j, ok := angleName(s, i, end); ok {
				p.issue(i, CodeAnglePlaceholder, "rewrote %q as {%s}", s[i:j], name)
				p.emit("{"+name+"}", i)
				i = j
				continue
			}
		case c == '(' && matched[i] && p.atSegmentStart():
			if name, j, ok := parenName(s, i, end); ok {
				p.issue(i, CodeParenPlaceholder, "rewrote the segment %q as {%s}", s[i:j], name)
				p.emit("{"+name+"}", i)
				i = j
				continue
			}
			depth++
		case c == '(' && matched[i]:
			depth++
		case depth > 0 && c == '=':
			if name, q, j, ok := argumentValue(s, i, end); ok {
				// A value where the function takes any: the stand-in
				// parameterValue, n, a "-value" placeholder, or one
				// example's value (period='D7'), which a route would
				// match literally.
				p.issue(i+1+len(q), CodeParameterValue, "rewrote the argument value %s as {%s}", s[i+1:j], name)
				p.emit("=", i)
				p.emit(q+"{"+name+"}"+q, i+1)
				i = j
				continue
			}
		case c == ')' && depth > 0:
			depth--
		case c == '?' && depth == 0:
			p.query = strings.TrimSpace(s[i+1 : end])
			return
		case (c == ' ' || c == '\t') && depth == 0:
			j := skipSpace(s, i, end)
			p.issue(j, CodeTrailingText, "ignored the text after the path: %q", s[j:end])
			return
		case c == '%' && i+2 < end && isHex(s[i+1]) && isHex(s[i+2]):
			if d := unhex(s[i+1])<<4 | unhex(s[i+2]); d >= 0x20 && strings.IndexByte("{}/?%", d) < 0 {
				p.decoded(i, d)
				i += 3
				continue
			}
		case c == '.' && p.atSegmentStart() && strings.HasPrefix(s[i:end], "...") && (i+3 == end || strings.IndexByte("/? \t", s[i+3]) >= 0):
			p.issue(i, CodeEllipsis, `the segment "..." (any number of levels) is kept as literal text`)
		case c == '/' && depth == 0 && p.atSegmentStart():
			p.issue(i, CodeNormalized, `removed an empty path segment ("//")`)
			i++
			continue
		}
		p.emit(s[i:i+1], i)
		i++
	}
}

// decoded emits the byte d decoded from the escape at s[i]. Only the first
// escape of a line is reported.
func (p *lineParser) decoded(i int, d byte) {
	if !p.sawEscape {
		p.issue(i, CodeNormalized, "percent-decoded %q (and any later escapes)", p.s[i:i+3])
		p.sawEscape = true
	}
	p.out = append(p.out, d)
	p.src = append(p.src, i)
}

// atSegmentStart reports whether the pattern so far ends with "/".
func (p *lineParser) atSegmentStart() bool {
	return len(p.out) > 0 && p.out[len(p.out)-1] == '/'
}

// brace handles the "{" at s[i] and returns the index after the placeholder.
func (p *lineParser) brace(i int) int {
	s, end := p.s, p.end
	j := i + 1
	for j < end && s[j] != '}' && s[j] != '{' {
		j++
	}
	if j == end || s[j] == '{' {
		return p.unclosedBrace(i)
	}
	name := placeholderName(s[i+1 : j])
	if name == "" {
		p.issue(i, CodePlaceholderName, `empty placeholder %q named "param"`, s[i:j+1])
		name = "param"
	}
	k := j + 1
	if alt, bar, next, ok := pipeAlternative(s, k, end); ok {
		p.issue(bar, CodePipeOutsideBraces, "moved %q into the placeholder: {%s|%s}", s[k:next], name, alt)
		name += "|" + alt
		k = next
	}
	p.emit("{"+name+"}", i)
	if k < end && s[k] == '$' {
		p.issue(k, CodeGluedSegment, `inserted "/" between the placeholder and %q`, segmentAt(s, k, end))
		p.emit("/", -1)
	}
	return k
}

// unclosedBrace handles a "{" with no "}": the placeholder name runs to the
// next delimiter; an empty name drops the "{".
func (p *lineParser) unclosedBrace(i int) int {
	s, end := p.s, p.end
	k := i + 1
	for k < end && strings.IndexByte("/?{}()<> \t", s[k]) < 0 {
		k++
	}
	name := placeholderName(s[i+1 : k])
	if name == "" {
		p.issue(i, CodeUnbalanced, `dropped a "{" without "}"`)
		return i + 1
	}
	p.issue(i, CodeUnbalanced, `"{" without "}": read as {%s}`, name)
	p.emit("{"+name+"}", i)
	return k
}

// placeholderName normalizes the text inside braces: alternatives separated
// by "|" are trimmed and empty ones dropped, runs of white space inside a name
// become one space.
func placeholderName(in string) string {
	var alts []string
	for _, a := range strings.Split(in, "|") {
		if a = strings.Join(strings.Fields(a), " "); a != "" {
			alts = append(alts, a)
		}
	}
	return strings.Join(alts, "|")
}

// pipeAlternative recognizes ` | name` right after a closing brace (the
// census's `{user-id} | user-principal-name`). It returns the name, the index
// of "|" and the index after the name.
func pipeAlternative(s string, k, end int) (alt string, bar, next int, ok bool) {
	bar = skipSpace(s, k, end)
	if bar == end || s[bar] != '|' {
		return "", 0, 0, false
	}
	a := skipSpace(s, bar+1, end)
	next = a
	for next < end && isNameByte(s[next]) {
		next++
	}
	if next == a {
		return "", 0, 0, false
	}
	return s[a:next], bar, next, true
}

// angleName recognizes <name> at s[i].
func angleName(s string, i, end int) (name string, next int, ok bool) {
	j := i + 1
	for j < end && (isNameByte(s[j]) || s[j] == ' ') {
		j++
	}
	name = strings.TrimSpace(s[i+1 : j])
	if j == end || s[j] != '>' || name == "" || strings.Contains(name, " ") {
		return "", 0, false
	}
	return name, j + 1, true
}

// parenName recognizes a whole segment "(name)" at s[i] such as
// /teams/(team-id)/channels.
func parenName(s string, i, end int) (name string, next int, ok bool) {
	j := i + 1
	if j == end || !isLetter(s[j]) {
		return "", 0, false
	}
	for j < end && isNameByte(s[j]) && s[j] != '.' {
		j++
	}
	if j == end || s[j] != ')' {
		return "", 0, false
	}
	if k := j + 1; k < end && strings.IndexByte("/? \t", s[k]) < 0 {
		return "", 0, false
	}
	return s[i+1 : j], j + 1, true
}

// segmentAt returns the text at s[k] up to the next "/", "?" or space.
func segmentAt(s string, k, end int) string {
	j := k
	for j < end && strings.IndexByte("/? \t", s[j]) < 0 {
		j++
	}
	return s[k:j]
}

func isNameByte(c byte) bool {
	return isLetter(c) || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.'
}

// matchedParens marks each "(" in s[i:end] that has a matching ")" and
// reports the unmatched ones through p (if not nil).
func matchedParens(s string, i, end int, p *lineParser) []bool {
	matched := make([]bool, end)
	var open []int
	for k := i; k < end; k++ {
		switch s[k] {
		case '(':
			open = append(open, k)
		case ')':
			if n := len(open); n > 0 {
				matched[open[n-1]] = true
				open = open[:n-1]
			} else if p != nil {
				p.issue(k, CodeUnbalanced, `")" without "("`)
			}
		}
	}
	if p != nil {
		for _, k := range open {
			p.issue(k, CodeUnbalanced, `"(" without ")"`)
		}
	}
	return matched
}

// argumentValue reads the function argument value after the "=" at
// s[i], in "(name=value" or ",name=value": it returns the argument's
// name, the value's quote ("'" or ""), and the index after the value
// (and its closing quote). It reports false for a value that is already
// a placeholder ({name}, <name>), an empty one, one holding parentheses,
// or an "=" that does not follow an argument name.
func argumentValue(s string, i, end int) (name, quote string, next int, ok bool) {
	var value string
	n := i
	for n > 0 && isNameByte(s[n-1]) {
		n--
	}
	if n == i || n == 0 || (s[n-1] != '(' && s[n-1] != ',') {
		return "", "", 0, false
	}
	j := i + 1
	if j < end && s[j] == '\'' {
		quote = "'"
		k := strings.IndexByte(s[j+1:end], '\'')
		if k < 0 {
			return "", "", 0, false
		}
		value, next = s[j+1:j+1+k], j+1+k+1
	} else {
		k := j
		for k < end && s[k] != ',' && s[k] != ')' {
			if s[k] == '(' || s[k] == '/' || s[k] == '?' || s[k] == ' ' {
				return "", "", 0, false
			}
			k++
		}
		value, next = s[j:k], k
	}
	if next >= end || (s[next] != ',' && s[next] != ')') {
		return "", "", 0, false
	}
	if value == "" || strings.ContainsAny(value, "{}<>") {
		return "", "", 0, false
	}
	return s[n:i], quote, next, true
}
