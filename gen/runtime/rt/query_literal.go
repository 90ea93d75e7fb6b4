package rt

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseString parses a string literal: single quotes, a quote inside
// written twice.
func (p *odataParser) parseString() ODataExpr {
	s, ok := p.scanQuoted()
	if !ok {
		return nil
	}
	return p.literal(ODataKindString, s, "")
}

// scanQuoted reads the quoted text at p.pos ('...', with ” for a quote)
// and returns it unescaped.
func (p *odataParser) scanQuoted() (string, bool) {
	open := p.pos
	i := open + 1
	escaped := false
	for {
		j := strings.IndexByte(p.src[i:], '\'')
		if j < 0 {
			p.fail(open, "the string that starts here has no closing quote")
			return "", false
		}
		i += j + 1
		if i < len(p.src) && p.src[i] == '\'' {
			escaped = true
			i++
			continue
		}
		break
	}
	p.pos = i
	s := p.src[open+1 : i-1]
	if escaped {
		s = strings.ReplaceAll(s, "''", "'")
	}
	return s, true
}

// parseTypedLiteral parses prefix'...' at p.pos: duration'P1D',
// binary'AQID', or an enum member of a qualified enum type
// (microsoft.graph.color'red', flags as 'red,blue').
func (p *odataParser) parseTypedLiteral(prefix string) ODataExpr {
	start := p.pos
	p.pos += len(prefix)
	s, ok := p.scanQuoted()
	if !ok {
		return nil
	}
	switch {
	case strings.EqualFold(prefix, "duration"):
		if !Duration(s).IsValid() {
			return p.fail(start, "'%s' is not an ISO 8601 duration such as P1DT2H", odataQuote(s))
		}
		return p.literal(ODataKindDuration, s, "")
	case strings.EqualFold(prefix, "binary"):
		if !Binary(s).IsValid() {
			return p.fail(start, "'%s' is not base64", odataQuote(s))
		}
		return p.literal(ODataKindBinary, s, "")
	case strings.Contains(prefix, "."):
		if msg := odataCheckSegment(prefix, false); msg != "" {
			return p.fail(start, "%s", msg)
		}
		for m := range strings.SplitSeq(s, ",") {
			if !odataEnumMember(m) {
				return p.fail(start, "'%s' is not a member name or number of enum '%s'", odataQuote(m), odataQuote(prefix))
			}
		}
		return p.literal(ODataKindEnum, s, prefix)
	}
	return p.fail(start, "unknown literal prefix '%s' (expected duration, binary or a qualified enum type name)", odataQuote(prefix))
}

// odataEnumMember reports whether m is an enum member name or an integer.
func odataEnumMember(m string) bool {
	if _, err := strconv.ParseInt(m, 10, 64); err == nil {
		return true
	}
	return odataIsIdentifier(m)
}

// odataIsIdentifier reports whether s is an OData identifier: a letter or
// "_", then letters, digits and "_".
func odataIsIdentifier(s string) bool {
	if s == "" || !odataIsIdentStartRune(odataFirstRune(s)) {
		return false
	}
	for _, r := range s {
		if !odataIsIdentRune(r) {
			return false
		}
	}
	return true
}

// parseNumeric parses what starts with a digit or sign: a GUID, a date, a
// DateTimeOffset, a TimeOfDay, or a number (with INF and -INF).
func (p *odataParser) parseNumeric() ODataExpr {
	if odataIsDigit(p.src[p.pos]) {
		if lit := p.scanGUID(); lit != nil {
			return lit
		}
		if lit, ok := p.scanTemporal(); ok || p.err != nil {
			return lit
		}
	}
	return p.parseNumber()
}

// parseNumber parses [sign] digits ["." digits] ["e" [sign] digits], or
// -INF.
func (p *odataParser) parseNumber() ODataExpr {
	start := p.pos
	i := start
	if p.src[i] == '-' || p.src[i] == '+' {
		i++
	}
	if p.src[start] == '-' && strings.HasPrefix(p.src[i:], "INF") && p.scanWord(i) == i+3 {
		p.pos = i + 3
		return p.literal(ODataKindDecimal, "-INF", "")
	}
	digits := odataSkipDigits(p.src, i)
	if digits == i {
		return p.unexpected("an expression")
	}
	i, kind := digits, ODataKindInt
	if i+1 < len(p.src) && p.src[i] == '.' && odataIsDigit(p.src[i+1]) {
		i, kind = odataSkipDigits(p.src, i+1), ODataKindDecimal
	}
	if i < len(p.src) && (p.src[i] == 'e' || p.src[i] == 'E') {
		j := i + 1
		if j < len(p.src) && (p.src[j] == '-' || p.src[j] == '+') {
			j++
		}
		if k := odataSkipDigits(p.src, j); k > j {
			i, kind = k, ODataKindDecimal
		}
	}
	if i < len(p.src) && (odataIsIdentByte(p.src[i]) || p.src[i] == '.' || p.src[i] >= utf8.RuneSelf) {
		return p.fail(start, "'%s' is not a number", odataQuote(p.src[start:p.scanWord(i)]))
	}
	p.pos = i
	text := p.src[start:i]
	if kind == ODataKindInt {
		if _, err := strconv.ParseInt(text, 10, 64); err != nil {
			kind = ODataKindDecimal
		}
	}
	return p.literal(kind, text, "")
}

// odataSkipDigits returns the offset after the ASCII digits of s at i.
func odataSkipDigits(s string, i int) int {
	for i < len(s) && odataIsDigit(s[i]) {
		i++
	}
	return i
}

// scanGUID returns the unquoted GUID (8-4-4-4-12 hex digits) at p.pos and
// moves past it, else nil.
func (p *odataParser) scanGUID() ODataExpr {
	const n = 36
	s := p.src[p.pos:]
	if len(s) < n || (len(s) > n && (odataIsIdentByte(s[n]) || s[n] == '-' || s[n] == '.' || s[n] >= utf8.RuneSelf)) {
		return nil
	}
	for i := range n {
		switch i {
		case 8, 13, 18, 23:
			if s[i] != '-' {
				return nil
			}
		default:
			if !odataIsHexDigit(s[i]) {
				return nil
			}
		}
	}
	p.pos += n
	return p.literal(ODataKindGuid, s[:n], "")
}

// scanTemporal parses the date (2021-01-01), DateTimeOffset
// (2021-01-01T00:00:00Z, the zone optional) or TimeOfDay (13:45:30) at
// p.pos. It returns false, with no error and p.pos unmoved, when the text
// there has neither form.
func (p *odataParser) scanTemporal() (ODataExpr, bool) {
	s := p.src[p.pos:]
	switch {
	case len(s) >= 10 && s[4] == '-' && s[7] == '-' && odataAllDigits(s[:4]) && odataAllDigits(s[5:7]) && odataAllDigits(s[8:10]):
		return p.scanDate(s), true
	case len(s) >= 5 && s[2] == ':' && odataAllDigits(s[:2]) && odataAllDigits(s[3:5]):
		n, ok := odataScanClock(s)
		if !ok {
			return p.fail(p.pos, "'%s' is not a time of day such as 13:45:30", odataQuote(p.src[p.pos:p.scanWordOrClock(p.pos)])), true
		}
		return p.finishTemporal(ODataKindTimeOfDay, s[:n], n), true
	}
	return nil, false
}

// scanDate parses a date, with a time and zone when "T" follows.
func (p *odataParser) scanDate(s string) ODataExpr {
	if _, err := Date(s[:10]).Time(); err != nil {
		return p.fail(p.pos, "'%s' is not a valid date", s[:10])
	}
	if len(s) == 10 || (s[10] != 'T' && s[10] != 't') {
		return p.finishTemporal(ODataKindDate, s[:10], 10)
	}
	n, ok := odataScanClock(s[11:])
	if !ok {
		return p.fail(p.pos, "'%s' is not a date and time such as 2021-01-01T00:00:00Z", odataQuote(p.src[p.pos:p.scanWordOrClock(p.pos)]))
	}
	n += 11
	n += odataScanZone(s[n:])
	v := s[:n]
	if strings.ContainsAny(v, "tz") {
		v = strings.ToUpper(v)
	}
	return p.finishTemporal(ODataKindDateTimeOffset, v, n)
}

// finishTemporal returns the literal of kind and value, n bytes long at
// p.pos, unless a name character follows it.
func (p *odataParser) finishTemporal(kind ODataKind, value string, n int) ODataExpr {
	end := p.pos + n
	if end < len(p.src) && (odataIsIdentByte(p.src[end]) || p.src[end] == '.' || p.src[end] == ':' || p.src[end] >= utf8.RuneSelf) {
		return p.fail(p.pos, "'%s' is not a valid date or time", odataQuote(p.src[p.pos:p.scanWordOrClock(end)]))
	}
	p.pos = end
	return p.literal(kind, value, "")
}

// scanWordOrClock returns the end of the run of name, ":", "+" and "-"
// characters at i, for messages about malformed dates and times.
func (p *odataParser) scanWordOrClock(i int) int {
	for i < len(p.src) && (odataIsIdentByte(p.src[i]) || strings.IndexByte(".:+-", p.src[i]) >= 0) {
		i++
	}
	return i
}

// odataScanClock returns the length of hh:mm[:ss[.fffffffffff]] at the start of
// s, and whether it is a valid time of day.
func odataScanClock(s string) (int, bool) {
	if len(s) < 5 || s[2] != ':' || !odataAllDigits(s[:2]) || !odataAllDigits(s[3:5]) || s[:2] > "23" || s[3:5] > "59" {
		return 0, false
	}
	n := 5
	if len(s) >= 8 && s[5] == ':' {
		if !odataAllDigits(s[6:8]) || s[6:8] > "59" {
			return 0, false
		}
		n = 8
		if len(s) > 9 && s[8] == '.' && odataIsDigit(s[9]) {
			n = odataSkipDigits(s, 9)
			if n-9 > 12 {
				return 0, false
			}
		}
	}
	return n, true
}

// odataScanZone returns the length of the zone (Z, +hh:mm or -hh:mm) at the
// start of s, 0 if there is none.
func odataScanZone(s string) int {
	if s != "" && (s[0] == 'Z' || s[0] == 'z') {
		return 1
	}
	if len(s) >= 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':' && odataAllDigits(s[1:3]) && odataAllDigits(s[4:6]) && s[1:3] <= "23" && s[4:6] <= "59" {
		return 6
	}
	return 0
}

// odataAllDigits reports whether s is ASCII digits.
func odataAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !odataIsDigit(s[i]) {
			return false
		}
	}
	return true
}

// odataIsDigit reports whether c is an ASCII digit.
func odataIsDigit(c byte) bool { return '0' <= c && c <= '9' }

// odataIsHexDigit reports whether c is an ASCII hexadecimal digit.
func odataIsHexDigit(c byte) bool {
	return odataIsDigit(c) || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// odataIsLetter reports whether c is an ASCII letter.
func odataIsLetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// odataIsSpace reports whether c is white space between tokens: a space
// (also "+" or %20 in the URL) or a tab.
func odataIsSpace(c byte) bool { return c == ' ' || c == '\t' }

// odataIsIdentStart reports whether the ASCII byte c can start a name.
func odataIsIdentStart(c byte) bool { return odataIsLetter(c) || c == '_' }

// odataIsIdentByte reports whether the ASCII byte c can continue a name.
func odataIsIdentByte(c byte) bool { return odataIsLetter(c) || odataIsDigit(c) || c == '_' }

// odataIsIdentStartRune reports whether r can start a name: a letter or
// "_" (OData allows letters of any script).
func odataIsIdentStartRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
}

// odataIsIdentRune reports whether r can continue a name.
func odataIsIdentRune(r rune) bool {
	return odataIsIdentStartRune(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc, unicode.Cf)
}
