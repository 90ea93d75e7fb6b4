package rt

import (
	"net/url"
	"strconv"
	"strings"
)

// odataOption is a system query option the parser knows.
type odataOption uint8

// The system query options, in the order parseODataQuery parses them.
const (
	odataSelect odataOption = iota
	odataExpand
	odataFilter
	odataOrderBy
	odataTop
	odataSkip
	odataCount
	odataSearch
	odataSkipToken
	odataDeltaToken
	odataFormat
	odataID
	odataLevels
	odataOptionCount
)

// odataOptionNames are the options' canonical names, by odataOption.
var odataOptionNames = [odataOptionCount]string{
	"$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count",
	"$search", "$skiptoken", "$deltatoken", "$format", "$id", "$levels",
}

// odataBare are the options that may be written without "$" (OData 4.01
// gives $skiptoken, $deltatoken and $id no such form; Graph documents
// "id=" as a function parameter).
const odataBare = 1<<odataSelect | 1<<odataExpand | 1<<odataFilter | 1<<odataOrderBy |
	1<<odataTop | 1<<odataSkip | 1<<odataCount | 1<<odataSearch | 1<<odataFormat | 1<<odataLevels

// odataNested are the options allowed inside $expand's parentheses.
const odataNested = 1<<odataSelect | 1<<odataExpand | 1<<odataFilter | 1<<odataOrderBy |
	1<<odataTop | 1<<odataSkip | 1<<odataCount | 1<<odataSearch | 1<<odataLevels

// odataParseConfig says how parseODataQuery reads the names of query
// parameters. Names are read without regard to case ($orderBy, $skipToken
// and $Filter are the same as $orderby, $skiptoken and $filter), as OData
// 4.01 requires and Graph's documented requests use.
type odataParseConfig struct {
	// dollarOptional reads select, expand, filter, orderby, top, skip,
	// count, search and format without their "$" as the system query
	// options, as Graph's beta endpoint (and some v1.0 APIs) do.
	dollarOptional bool
	// params are the operation's own query parameters (its documented
	// function or query parameters, such as "startDateTime", or "format"
	// on driveItem content): a parameter whose name is among them, in any
	// case, is never read as a system query option without its "$".
	params []string
}

// parseODataQuery parses the system query options of a request's raw
// (still percent-encoded) query string, such as r.URL.RawQuery. "+" is a
// space, as in a form. Every other parameter is kept, decoded, in
// Params. It answers 400 for a malformed value, a malformed
// percent-encoding, an option given twice, and an unknown name starting
// with "$" (OData reserves those for system query options).
func parseODataQuery(rawQuery string, cfg odataParseConfig) (*ODataQuery, *Error) {
	block := odataNewQueryBlock()
	q := &block.query
	var values [odataOptionCount]string
	var given uint32
	var aliases []odataAlias
	for rawQuery != "" {
		var part string
		part, rawQuery, _ = strings.Cut(rawQuery, "&")
		if part == "" {
			continue
		}
		name, value, err := odataUnescapeParam(part)
		if err != nil {
			return nil, err
		}
		opt, ok, err := cfg.option(name)
		if err != nil {
			return nil, err
		}
		if !ok {
			if strings.HasPrefix(name, "@") {
				if odataAliasIndex(aliases, name[1:]) >= 0 {
					return nil, badRequest("The parameter alias '" + odataQuote(name) + "' appears more than once; it may appear at most once.")
				}
				aliases = append(aliases, odataAlias{name: name[1:], value: value})
			}
			if q.Params == nil {
				q.Params = url.Values{}
			}
			q.Params[name] = append(q.Params[name], value)
			continue
		}
		if given&(1<<opt) != 0 {
			return nil, odataDuplicate(opt)
		}
		given |= 1 << opt
		values[opt] = value
	}
	if err := q.parseOptions(&values, given, aliases, &block.nodes); err != nil {
		return nil, err
	}
	return q, nil
}

// odataUnescapeParam splits a raw name=value pair and decodes both parts.
func odataUnescapeParam(part string) (string, string, *Error) {
	rawName, rawValue, _ := strings.Cut(part, "=")
	name, err := url.QueryUnescape(rawName)
	if err == nil {
		var value string
		if value, err = url.QueryUnescape(rawValue); err == nil {
			return name, value, nil
		}
	}
	return "", "", badRequest("The query parameter '" + odataQuote(part) + "' is not properly percent-encoded.")
}

// option returns the system query option that name stands for at the top
// level of a query, and whether it is one. An unknown name starting with
// "$" is an error.
func (cfg odataParseConfig) option(name string) (odataOption, bool, *Error) {
	if opt, ok := odataOptionNamed(name, (1<<odataOptionCount-1)&^(1<<odataLevels)); ok {
		return opt, true, nil
	}
	if strings.HasPrefix(name, "$") {
		return 0, false, badRequest("The query option '" + odataQuote(name) + "' is not supported.")
	}
	if !cfg.dollarOptional {
		return 0, false, nil
	}
	for _, p := range cfg.params {
		if strings.EqualFold(p, name) {
			return 0, false, nil
		}
	}
	opt, ok := odataOptionNamed("$"+name, odataBare&^(1<<odataLevels))
	return opt, ok, nil
}

// odataOptionNamed returns the option among the set allowed (a bit mask)
// that name ("$top", in any case) stands for.
func odataOptionNamed(name string, allowed uint32) (odataOption, bool) {
	if len(name) < 3 || name[0] != '$' {
		return 0, false
	}
	for opt, n := range odataOptionNames {
		if allowed&(1<<opt) != 0 && len(n) == len(name) && strings.EqualFold(n, name) {
			return odataOption(opt), true
		}
	}
	return 0, false
}

// odataAliasIndex returns the index of the alias named name, or -1.
func odataAliasIndex(aliases []odataAlias, name string) int {
	for i, a := range aliases {
		if a.name == name {
			return i
		}
	}
	return -1
}

// odataDuplicate returns the error for an option given twice.
func odataDuplicate(opt odataOption) *Error {
	return badRequest("The query option '" + odataOptionNames[opt] + "' appears more than once; it may appear at most once.")
}

// parseOptions parses the values of the given options into q, in the order
// of the odataOption constants, allocating in nodes. $levels (only given
// within $expand) is left for the caller.
func (q *ODataQuery) parseOptions(values *[odataOptionCount]string, given uint32, aliases []odataAlias, nodes *odataNodes) *Error {
	for opt := range odataOptionCount {
		if given&(1<<opt) == 0 || opt == odataLevels {
			continue
		}
		if err := q.parseOption(opt, values[opt], aliases, nodes); err != nil {
			return err
		}
	}
	return nil
}

// parseOption parses the value of one option into q.
func (q *ODataQuery) parseOption(opt odataOption, value string, aliases []odataAlias, nodes *odataNodes) *Error {
	if value == "" {
		return odataInvalid(opt, value, "it must not be empty")
	}
	p := odataParser{src: value, option: odataOptionNames[opt], aliases: aliases, nodes: nodes}
	var err *Error
	switch opt {
	case odataSelect:
		q.Select, err = p.parseSelect()
	case odataExpand:
		q.Expand, err = p.parseExpand()
	case odataFilter:
		q.Filter, err = p.parseFilter(), p.err
	case odataOrderBy:
		q.OrderBy, err = p.parseOrderBy()
	case odataTop, odataSkip:
		n, err := odataNonNegative(opt, value)
		if err != nil {
			return err
		}
		np := nodes.ints.alloc()
		*np = n
		if opt == odataTop {
			q.Top = np
		} else {
			q.Skip = np
		}
	case odataCount:
		return q.parseCount(value, nodes.bools.alloc())
	case odataSearch:
		q.Search, err = p.parseSearch()
	case odataSkipToken:
		q.SkipToken = value
	case odataDeltaToken:
		q.DeltaToken = value
	case odataFormat:
		if !odataFormatValid(value) {
			return odataInvalid(opt, value, "it must be json, atom, xml or a media type such as application/json")
		}
		q.Format = value
	case odataID:
		q.ID = value
	}
	return err
}

// parseCount parses $count: true or false, in any case, into *b.
func (q *ODataQuery) parseCount(value string, b *bool) *Error {
	switch {
	case strings.EqualFold(value, "true"):
		*b = true
	case strings.EqualFold(value, "false"):
		*b = false
	default:
		return odataInvalid(odataCount, value, "it must be true or false")
	}
	q.Count = b
	return nil
}

// odataNonNegative parses the value of $top or $skip: ASCII digits.
func odataNonNegative(opt odataOption, value string) (int, *Error) {
	if odataAllDigits(value) {
		if n, err := strconv.Atoi(value); err == nil {
			return n, nil
		}
		return 0, odataInvalid(opt, value, "it is too large")
	}
	return 0, odataInvalid(opt, value, "it must be a non-negative integer")
}

// odataLevelsValue parses the value of $levels: a positive integer or max.
func odataLevelsValue(value string) (int, *Error) {
	if strings.EqualFold(value, "max") {
		return ODataLevelsMax, nil
	}
	if n, err := strconv.Atoi(value); err == nil && n > 0 && odataAllDigits(value) {
		return n, nil
	}
	return 0, odataInvalid(odataLevels, value, "it must be a positive integer or max")
}

// odataFormatValid reports whether value is a $format: json, atom, xml, or
// a media type type/subtype (with parameters after ";").
func odataFormatValid(value string) bool {
	for _, f := range []string{"json", "atom", "xml"} {
		if strings.EqualFold(value, f) {
			return true
		}
	}
	typ, sub, ok := strings.Cut(value, "/")
	return ok && typ != "" && sub != "" && sub[0] != ';' && !strings.ContainsAny(value, " \t")
}

// odataInvalid returns the error for a malformed option value.
func odataInvalid(opt odataOption, value, why string) *Error {
	return badRequest("Invalid " + odataOptionNames[opt] + " value '" + odataQuote(value) + "': " + why + ".")
}
