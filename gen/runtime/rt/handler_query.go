package rt

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
)

// query parses the request's OData query options and checks them against
// the operation: only the options its page documents (when it lists
// them), every property a $select, $expand, $filter or $orderby names one
// of its entity's, and a $filter using on a property only the operators
// its page documents. It answers 400 otherwise.
func (h *Handler) query(r *http.Request, op *OpInfo) (*ODataQuery, *Error) {
	q, e := ParseRequestQuery(r.URL.RawQuery, op.Params)
	if e != nil || h.cfg.lenientQuery {
		return q, e
	}
	if op.Options != nil {
		if e := odataCheckDocumentedOptions(q, op.Options); e != nil {
			return nil, e
		}
	}
	if op.entity == nil {
		return q, nil
	}
	name := op.entity.Name()
	if op.entityInfo != nil {
		name = op.entityInfo.Name
	}
	if e := odataCheckProperties(q, op.entity, name); e != nil {
		return nil, e
	}
	if q.Filter != nil {
		if allowed := op.entityInfo.filterOperators(); allowed != nil {
			if e := odataCheckFilterOperators(q.Filter, name, allowed); e != nil {
				return nil, e
			}
		}
	}
	return q, nil
}

// ParseODataQuery parses the OData system query options of a raw query
// string (r.URL.RawQuery) as the handler does for every request: $select,
// $expand, $filter, $orderby, $top, $skip, $count, $search, $skiptoken,
// $deltatoken, $format and $id, with or without their "$". params are the
// operation's own query parameters, which are never read as options
// without "$"; every parameter that is not an option is in Params. The
// error is an *Error (400 invalidRequest) saying what is malformed.
func ParseODataQuery(rawQuery string, params ...string) (*ODataQuery, error) {
	q, e := ParseRequestQuery(rawQuery, params)
	if e != nil {
		return nil, e
	}
	return q, nil
}

// ParseRequestQuery parses a request's query options: names with or
// without "$"; a name written without "$" that does not parse as the
// option is the operation's own parameter (format=pdf on a drive item's
// content), read less rather than refused.
func ParseRequestQuery(rawQuery string, params []string) (*ODataQuery, *Error) {
	q, e := parseODataQuery(rawQuery, odataParseConfig{dollarOptional: true, params: params})
	if e != nil {
		if q2, e2 := parseODataQuery(rawQuery, odataParseConfig{params: params}); e2 == nil {
			return q2, nil
		}
	}
	return q, e
}

// preferUnknownEnumMembers is the preference with which a client asks for
// the members of evolvable enums documented after unknownFutureValue.
const preferUnknownEnumMembers = "include-unknown-enum-members"

// preferUnknownEnums reports whether the request's Prefer headers hold
// include-unknown-enum-members.
func preferUnknownEnums(h http.Header) bool {
	for _, v := range h.Values("Prefer") {
		for _, p := range strings.Split(v, ",") {
			p, _, _ = strings.Cut(p, ";")
			if strings.EqualFold(strings.TrimSpace(p), preferUnknownEnumMembers) {
				return true
			}
		}
	}
	return false
}

// AnswerOptions are the encoder's options for an answer: the $select
// projection, and whether evolvable enum members are hidden.
func AnswerOptions(q *ODataQuery, op *OpInfo, pref bool) *encodeOptions {
	opts := &encodeOptions{hideEvolvable: !pref}
	if q == nil || len(q.Select) == 0 {
		return opts
	}
	// Graph writes an entity's key, id, whether selected or not.
	sel := map[string]bool{"id": true}
	for _, p := range q.Select {
		segs := p.Segments
		if len(segs) == 0 || segs[0] == "*" {
			return opts
		}
		// A cast-qualified item selects the property after the cast.
		if strings.Contains(segs[0], ".") && len(segs) > 1 {
			segs = segs[1:]
		}
		sel[segs[0]] = true
	}
	opts.Selected, opts.SelectInValue = sel, op.lists
	return opts
}

// finishCollection completes the collection a service answered: a nil
// Value is an empty list (OData writes a collection as an array, and
// Graph answers an empty page as "value": [], never null), and
// @odata.nextLink is written when the service set its SkipToken and no
// link of its own: the request's URL, as the client sent it, with
// $skiptoken set to the token.
func finishCollection(r *http.Request, res any) {
	v := reflect.ValueOf(res)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	v = v.Elem()
	if val := v.FieldByName("Value"); val.IsValid() && val.Kind() == reflect.Slice && val.IsNil() && val.CanSet() {
		val.Set(reflect.MakeSlice(val.Type(), 0, 0))
	}
	tok, link := v.FieldByName("SkipToken"), v.FieldByName("ODataNextLink")
	if !tok.IsValid() || !link.IsValid() || tok.String() == "" || link.String() != "" {
		return
	}
	link.SetString(nextLink(r, tok.String()))
}

// nextLink is the URL of the page after r: r's URL as the client sent it
// (r.RequestURI, which keeps a prefix that http.StripPrefix removed from
// r.URL), with $skiptoken set to token.
func nextLink(r *http.Request, token string) string {
	target := r.RequestURI
	if target == "" {
		target = r.URL.RequestURI()
	}
	path, rawQuery, _ := strings.Cut(target, "?")
	var kept []string
	for _, part := range strings.Split(rawQuery, "&") {
		name, _, _ := strings.Cut(part, "=")
		if n, err := url.QueryUnescape(name); part == "" || err == nil && strings.EqualFold(strings.TrimPrefix(n, "$"), "skiptoken") {
			continue
		}
		kept = append(kept, part)
	}
	kept = append(kept, "$skiptoken="+url.QueryEscape(token))
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := r.Host
	if u, err := url.Parse(target); err == nil && u.Host != "" {
		scheme, host, path = u.Scheme, u.Host, u.Path
	}
	return scheme + "://" + host + path + "?" + strings.Join(kept, "&")
}

// alternatePaths are the paths tried, in order, for a request path no
// route matches: as the docs write it (writtenPath), with its OData keys
// in parentheses as key segments (keyAsSegment), and both.
func alternatePaths(p requestPath) []requestPath {
	var alts []requestPath
	w, written := writtenPath(p)
	if written {
		alts = append(alts, w)
	}
	if k, ok := keyAsSegment(p); ok {
		alts = append(alts, k)
	}
	if written {
		if k, ok := keyAsSegment(w); ok {
			alts = append(alts, k)
		}
	}
	return alts
}

// writtenPath returns the path a request line as the docs write it stands
// for, when that differs: without a trailing "/" (GET
// /identity/apiConnectors/), and with "/" before a $ref, $value or $count
// glued to a key (.../tokenLifetimePolicies/{id}$ref).
func writtenPath(p requestPath) (requestPath, bool) {
	n := len(p.text)
	if n > 1 && p.separates(n-1) {
		return p.prefix(n - 1), true
	}
	i := p.lastSeparator()
	if i < 0 {
		return p, false
	}
	last := p.text[i+1:]
	for _, suffix := range []string{"$ref", "$value", "$count"} {
		if len(last) > len(suffix) && strings.EqualFold(last[len(last)-len(suffix):], suffix) {
			cut := n - len(suffix)
			text := p.text[:cut] + "/" + p.text[cut:]
			var enc []bool
			if p.encoded != nil {
				enc = append(append(append([]bool{}, p.encoded[:cut]...), false), p.encoded[cut:]...)
			}
			return requestPath{text: text, encoded: enc}, true
		}
	}
	return p, false
}
