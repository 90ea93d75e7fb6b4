package rt

import "strings"

// parseSelect parses $select: property paths separated by commas.
func (p *odataParser) parseSelect() ([]ODataPath, *Error) {
	items, segs := p.itemSpace()
	for {
		path := p.parseItemPath(false, &segs)
		if p.err != nil {
			return nil, p.err
		}
		if p.pos < len(p.src) && p.src[p.pos] == '(' {
			p.fail(p.pos, "options in parentheses after a $select item are not supported")
			return nil, p.err
		}
		items = append(items, path)
		if !p.nextItem() {
			return items, p.err
		}
	}
}

// nextItem consumes the "," before the next item of a list option and
// reports whether there is one; at anything but "," or the end it fails.
func (p *odataParser) nextItem() bool {
	p.skipSpace()
	if p.pos >= len(p.src) {
		return false
	}
	if p.src[p.pos] == ',' {
		p.pos++
		p.skipSpace()
		return true
	}
	p.unexpected("',' or the end of the option")
	return false
}

// itemSpace returns empty slices for the items of the list option p.src
// and their segments, large enough for all of them.
func (p *odataParser) itemSpace() ([]ODataPath, []string) {
	n := strings.Count(p.src, ",") + 1
	return odataTake(&p.nodes.items, n), odataTake(&p.nodes.segs, n+strings.Count(p.src, "/"))
}

// parseItemPath parses the path of a $select or $expand item: names,
// qualified type names and "*" joined by "/"; in $expand (expand true) the
// last segment may also be $ref, $count or $value. The segments are
// appended to *segs, whose spare capacity the items of an option share.
func (p *odataParser) parseItemPath(expand bool, segs *[]string) ODataPath {
	p.skipSpace()
	first := len(*segs)
	path := ODataPath{}
	for {
		start := p.pos
		end := p.scanWord(start)
		if end < len(p.src) && p.src[end] == '*' && (end == start || p.src[end-1] == '.') {
			end++
		}
		seg := p.src[start:end]
		if msg := odataCheckItemSegment(seg, len(*segs) == first, expand); msg != "" {
			p.fail(start, "%s", msg)
			return ODataPath{}
		}
		*segs = append(*segs, seg)
		path.Segments = (*segs)[first:len(*segs):len(*segs)]
		p.pos = end
		if strings.HasSuffix(seg, "*") || seg[0] == '$' || p.pos >= len(p.src) || p.src[p.pos] != '/' {
			return path
		}
		p.pos++
	}
}

// odataCheckItemSegment returns why seg cannot be a segment of a $select
// or $expand item, or "".
func odataCheckItemSegment(seg string, first, expand bool) string {
	switch {
	case seg == "":
		return "expected a property name"
	case seg == "*":
		return ""
	case strings.HasSuffix(seg, ".*"):
		return odataCheckSegment(strings.TrimSuffix(seg, ".*"), false)
	case seg == "$ref" || seg == "$count" || seg == "$value":
		if !expand || first {
			return "'" + seg + "' must follow a navigation property in $expand"
		}
		return ""
	case seg[0] == '$' || seg[0] == '@':
		return "unknown name '" + odataQuote(seg) + "'"
	}
	return odataCheckSegment(seg, false)
}

// parseExpand parses $expand: navigation paths separated by commas, each
// with nested options in parentheses, separated by ";".
func (p *odataParser) parseExpand() ([]ODataExpand, *Error) {
	var items []ODataExpand
	var segs []string
	for {
		it := ODataExpand{Path: p.parseItemPath(true, &segs)}
		if p.err != nil {
			return nil, p.err
		}
		if n := len(it.Path.Segments); n > 1 {
			switch it.Path.Segments[n-1] {
			case "$ref":
				it.Ref, it.Path.Segments = true, it.Path.Segments[:n-1]
			case "$count":
				it.Count, it.Path.Segments = true, it.Path.Segments[:n-1]
			}
		}
		if p.pos < len(p.src) && p.src[p.pos] == '(' {
			if !p.parseExpandOptions(&it) {
				return nil, p.err
			}
		}
		items = append(items, it)
		if !p.nextItem() {
			return items, p.err
		}
	}
}

// parseExpandOptions parses "(" option *(";" option) ")" at p.pos into it.
func (p *odataParser) parseExpandOptions(it *ODataExpand) bool {
	open := p.pos
	end := odataClosingParen(p.src, open)
	if end < 0 {
		p.fail(open, "this '(' has no matching ')'")
		return false
	}
	var values [odataOptionCount]string
	var given uint32
	for part := range odataSplitTop(p.src[open+1:end], ';') {
		name, value, _ := strings.Cut(part, "=")
		name = strings.Trim(name, " \t")
		if !strings.HasPrefix(name, "$") {
			name = "$" + name
		}
		opt, ok := odataOptionNamed(name, odataNested)
		if !ok {
			p.fail(open+1, "'%s' is not an option of $expand (expected $select, $expand, $filter, $orderby, $top, $skip, $count, $search or $levels)", odataQuote(name))
			return false
		}
		if given&(1<<opt) != 0 {
			p.err = odataDuplicate(opt)
			return false
		}
		given |= 1 << opt
		values[opt] = value
	}
	if given&(1<<odataLevels) != 0 {
		n, err := odataLevelsValue(values[odataLevels])
		if err != nil {
			p.err = err
			return false
		}
		it.Levels = &n
	}
	if given&^(1<<odataLevels) != 0 {
		it.Options = &ODataQuery{}
		if err := it.Options.parseOptions(&values, given, p.aliases, p.nodes); err != nil {
			p.err = err
			return false
		}
	}
	p.pos = end + 1
	return true
}

// odataClosingParen returns the offset of the ")" matching the "(" at open
// in s, skipping quoted strings, or -1.
func odataClosingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		case '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return -1
			}
			i += j + 1
		}
	}
	return -1
}

// odataSplitTop yields the parts of s separated by sep outside parentheses
// and quoted strings; "a;b" gives "a" and "b", "" gives "".
func odataSplitTop(s string, sep byte) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		depth, start := 0, 0
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '(':
				depth++
			case ')':
				depth--
			case '\'':
				if j := strings.IndexByte(s[i+1:], '\''); j >= 0 {
					i += j + 1
				}
			case sep:
				if depth == 0 {
					if !yield(s[start:i]) {
						return
					}
					start = i + 1
				}
			}
		}
		yield(s[start:])
	}
}

// parseOrderBy parses $orderby: expressions, each followed by asc or desc
// or nothing, separated by commas.
func (p *odataParser) parseOrderBy() ([]ODataOrderBy, *Error) {
	items := odataTake(&p.nodes.order, strings.Count(p.src, ",")+1)
	for {
		e := p.parseExpr()
		if p.err != nil {
			return nil, p.err
		}
		it := ODataOrderBy{Expr: e}
		if dir, end := p.peekDirection(); dir != "" {
			it.Desc, p.pos = strings.EqualFold(dir, "desc"), end
		}
		items = append(items, it)
		if !p.nextItem() {
			return items, p.err
		}
	}
}

// peekDirection returns "asc" or "desc" (as written) if one follows the
// spaces at p.pos, with the offset of its end.
func (p *odataParser) peekDirection() (string, int) {
	i := p.pos
	for i < len(p.src) && odataIsSpace(p.src[i]) {
		i++
	}
	if i == p.pos {
		return "", 0
	}
	end := p.scanWord(i)
	if w := p.src[i:end]; strings.EqualFold(w, "asc") || strings.EqualFold(w, "desc") {
		return w, end
	}
	return "", 0
}
