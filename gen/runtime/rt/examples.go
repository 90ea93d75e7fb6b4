package rt

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// The golden tests of a generated package are data: one file per page
// under testdata/examples, in the txtar format (a comment, then files, each
// introduced by a line "-- name --"). A page's file holds:
//
//	-- routes --
//	GET "/me/todo/lists/v1" GetTodoTaskList
//
// one request per request line the page's operations keep, with each
// placeholder filled in (TestRoutes), and per documented example a file
// "<Operation>/<example>" holding what the test expects, one line each,
// values quoted as Go strings:
//
//	op UpdateTodoTask             the operation the handler must call
//	status 200                    the status the client must get
//	set-status 201                the double chooses it with SetStatus
//	param TaskID "721a35e2"       a path parameter the operation must get
//	reject "feature"              the handler must answer 400 naming it
//	reject-body                   ... naming no property
//	reject-query                  ... for a malformed query option
//	reject-enum                   the rejected values are only strings
//	count 12                      a $count request: the answer is 12
//	stream "image/jpeg"           the double returns a *Stream of the
//	                              response with this Content-Type; the
//	                              client must get both
//	location "https://x/y"        ... redirecting there instead
//	header "Location" "/x/y"      the double sets this header of its
//	                              answer with ResponseHeader; the
//	                              client must get it
//	error 404 "code" "message"    the double returns this *Error
//	error-target "displayName"    ... with this Target
//	error-detail "c" "m" "t"      ... and this detail (code, message,
//	                              target); the client must get them
//	truncated                     the documented response is a subset
//	response-renamed "a/B"        it spells members (the first named) in
//	                              other letter case than their properties:
//	                              names compare ignoring case
//	request-only                  no response is documented
//	round-trip-request            the request body survives the types
//	round-trip-response           the response body survives the types
//
// followed by a file "request" holding the request as documented (the
// method and the quoted target, header lines, a blank line, the body) and,
// when the docs show one, a file "response" holding the response body.

// DocTestDir is where a generated package keeps its examples.
const DocTestDir = "testdata/examples"

// docArchive is one parsed testdata file. A file named "request" or
// "response" belongs to the example before it: it is stored as
// "<example>/request" or "<example>/response".
type docArchive struct {
	Name  string
	Files map[string][]byte
	order []string // file names in order
}

// readDocArchive parses a txtar file.
func readDocArchive(name string, data []byte) *docArchive {
	a := &docArchive{Name: name, Files: map[string][]byte{}}
	cur, example := "", ""
	var buf []byte
	flush := func() {
		if cur != "" {
			a.Files[cur] = buf
			a.order = append(a.order, cur)
		}
	}
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		if n, ok := docArchiveMarker(line); ok {
			flush()
			switch {
			case (n == "request" || n == "response") && example != "":
				n = example + "/" + n
			case strings.Contains(n, "/"):
				example = n
			}
			cur, buf = n, []byte{}
			continue
		}
		if cur != "" {
			buf = append(append(buf, line...), '\n')
		}
	}
	flush()
	return a
}

// docArchiveMarker reports whether line introduces a file, and its name.
// As in txtar, the name must not be empty: "--   --" is a line of text.
func docArchiveMarker(line []byte) (string, bool) {
	s := string(line)
	if !strings.HasPrefix(s, "-- ") || !strings.HasSuffix(s, " --") || len(s) < 7 {
		return "", false
	}
	name := strings.TrimSpace(s[3 : len(s)-3])
	return name, name != ""
}

// ReadDocArchives reads every testdata file of a package (the *.txtar
// files at the root of fsys, its testdata/examples folder), in name order.
func ReadDocArchives(fsys fs.FS) ([]*docArchive, error) {
	names, err := fs.Glob(fsys, "*.txtar")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*docArchive
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		out = append(out, readDocArchive(n, data))
	}
	return out, nil
}

// GroupDocExamples parses the examples of archives and groups them by
// operation: the operations in the order of their first example.
func GroupDocExamples(archives []*docArchive) (order []string, byOp map[string][]*DocExample, err error) {
	byOp = map[string][]*DocExample{}
	for _, a := range archives {
		for _, name := range a.order {
			if strings.Count(name, "/") != 1 {
				continue
			}
			ex, err := parseDocExample(a, name)
			if err != nil {
				return nil, nil, err
			}
			op, _, _ := strings.Cut(name, "/")
			if byOp[op] == nil {
				order = append(order, op)
			}
			byOp[op] = append(byOp[op], ex)
		}
	}
	return order, byOp, nil
}

// DocExample is one documented example as the test sees it.
type DocExample struct {
	Name                 string // "<Operation>/<example>"
	Op                   string
	Status, SetStatus    int
	Params               [][2]string // field, value
	Rejects              bool
	Reject               string
	RejectEnum           bool
	Count                int64
	IsCount              bool
	IsStream             bool   // the operation answers a *Stream
	StreamType, Location string // its documented Content-Type and Location
	// AnswerHeaders are the headers of a success answer the service sets
	// (Location, Content-Location, Operation-Location), as documented.
	AnswerHeaders        [][2]string
	ErrStatus            int
	ErrCode, ErrMessage  string
	ErrTarget            string        // the error's documented target
	ErrDetails           []ErrorDetail // and details
	Truncated            bool
	ResponseRenamed      string // a member spelled in other letter case
	requestOnly          bool
	RoundTripRequest     bool
	RoundTripResponse    bool
	Method, Target       string
	Header               [][2]string
	RequestBody          []byte
	ResponseBody         []byte
	hasRequest, hasReply bool
}

// parseDocExample reads an example's three files from a.
func parseDocExample(a *docArchive, name string) (*DocExample, error) {
	ex := &DocExample{Name: name}
	for _, line := range strings.Split(strings.TrimRight(string(a.Files[name]), "\n"), "\n") {
		if line == "" {
			continue
		}
		key, val, _ := strings.Cut(line, " ")
		var err error
		switch key {
		case "op":
			ex.Op = val
		case "status":
			ex.Status, err = strconv.Atoi(val)
		case "set-status":
			ex.SetStatus, err = strconv.Atoi(val)
		case "param":
			field, rest, _ := strings.Cut(val, " ")
			var v string
			v, err = strconv.Unquote(rest)
			ex.Params = append(ex.Params, [2]string{field, v})
		case "reject":
			ex.Rejects = true
			ex.Reject, err = strconv.Unquote(val)
		case "reject-body", "reject-query":
			ex.Rejects = true
		case "reject-enum":
			ex.RejectEnum = true
		case "count":
			ex.IsCount = true
			ex.Count, err = strconv.ParseInt(val, 10, 64)
		case "stream":
			ex.IsStream = true
			ex.StreamType, err = strconv.Unquote(val)
		case "location":
			ex.Location, err = strconv.Unquote(val)
		case "header":
			var name, rest string
			if name, rest, err = CutQuoted(val); err == nil {
				var v string
				v, err = strconv.Unquote(strings.TrimSpace(rest))
				ex.AnswerHeaders = append(ex.AnswerHeaders, [2]string{name, v})
			}
		case "error":
			code, rest, _ := strings.Cut(val, " ")
			if ex.ErrStatus, err = strconv.Atoi(code); err == nil {
				var msg string
				ex.ErrCode, msg, err = CutQuoted(rest)
				if err == nil {
					ex.ErrMessage, err = strconv.Unquote(strings.TrimSpace(msg))
				}
			}
		case "error-target":
			ex.ErrTarget, err = strconv.Unquote(val)
		case "error-detail":
			var d [3]string
			rest := val
			for i := range d {
				if d[i], rest, err = CutQuoted(rest); err != nil {
					break
				}
			}
			if err == nil && strings.TrimSpace(rest) != "" {
				err = fmt.Errorf("more than three quoted strings")
			}
			ex.ErrDetails = append(ex.ErrDetails, ErrorDetail{Code: d[0], Message: d[1], Target: d[2]})
		case "truncated":
			ex.Truncated = true
		case "response-renamed":
			ex.ResponseRenamed, err = strconv.Unquote(val)
		case "request-only":
			ex.requestOnly = true
		case "round-trip-request":
			ex.RoundTripRequest = true
		case "round-trip-response":
			ex.RoundTripResponse = true
		default:
			err = fmt.Errorf("unknown key %q", key)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %s: line %q: %v", a.Name, name, line, err)
		}
	}
	req, ok := a.Files[name+"/request"]
	if !ok {
		return nil, fmt.Errorf("%s: %s: no request file", a.Name, name)
	}
	if err := ex.parseRequest(req); err != nil {
		return nil, fmt.Errorf("%s: %s/request: %v", a.Name, name, err)
	}
	ex.ResponseBody, ex.hasReply = a.Files[name+"/response"]
	return ex, nil
}

// parseRequest reads a request file: request line, headers, blank line,
// body (without the final newline the archive adds).
func (ex *DocExample) parseRequest(data []byte) error {
	head, body, _ := bytes.Cut(data, []byte("\n\n"))
	lines := strings.Split(string(head), "\n")
	method, rest, _ := strings.Cut(lines[0], " ")
	target, _, err := CutQuoted(rest)
	if err != nil {
		return err
	}
	ex.Method, ex.Target, ex.hasRequest = method, target, true
	for _, l := range lines[1:] {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return fmt.Errorf("header line %q has no colon", l)
		}
		ex.Header = append(ex.Header, [2]string{k, strings.TrimSpace(v)})
	}
	ex.RequestBody = bytes.TrimSuffix(body, []byte("\n"))
	return nil
}

// DocHeader returns the header lines of a documented request as a
// header, without Content-Length and Host (the request has its own).
func DocHeader(lines [][2]string) http.Header {
	h := http.Header{}
	for _, kv := range lines {
		k := http.CanonicalHeaderKey(kv[0])
		if k == "Content-Length" || k == "Host" {
			continue
		}
		h.Add(k, kv[1])
	}
	return h
}

// CutQuoted reads the Go-quoted string that starts s and returns it with
// the rest of s.
func CutQuoted(s string) (string, string, error) {
	s = strings.TrimLeft(s, " ")
	q, err := strconv.QuotedPrefix(s)
	if err != nil {
		return "", "", fmt.Errorf("not a quoted string: %q", s)
	}
	v, err := strconv.Unquote(q)
	return v, s[len(q):], err
}

// NewDocRequest returns a server request for a documented request, as
// httptest.NewRequest makes one (which a generated package's runtime does
// not import: it registers a flag): target is the path as documented (it
// may hold spaces, braces or quotes; the request's URL.Path is that path),
// with an optional query string and an optional scheme and host. An empty
// body means no body.
func NewDocRequest(method, target string, header http.Header, body string) (*http.Request, error) {
	req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(method + " " + escapeDocTarget(target) + " HTTP/1.0\r\n\r\n")))
	if err != nil {
		return nil, err
	}
	req.Proto, req.ProtoMinor, req.Close = "HTTP/1.1", 1, false
	if body != "" {
		req.Body, req.ContentLength = io.NopCloser(strings.NewReader(body)), int64(len(body))
	}
	req.RemoteAddr = "192.0.2.1:1234" // TEST-NET (RFC 5737), as httptest
	if req.Host == "" {
		req.Host = "example.com"
	}
	if strings.HasPrefix(target, "https://") {
		req.TLS = &tls.ConnectionState{Version: tls.VersionTLS12, HandshakeComplete: true, ServerName: req.Host}
	}
	for k, vs := range header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	return req, nil
}

// escapeDocTarget percent-encodes a documented request target so that the
// request's URL.Path is the documented path and its query is kept.
func escapeDocTarget(target string) string {
	prefix := ""
	for _, scheme := range []string{"https://", "http://"} {
		if len(target) < len(scheme) || !strings.EqualFold(target[:len(scheme)], scheme) {
			continue
		}
		i := strings.IndexByte(target[len(scheme):], '/')
		if i < 0 {
			return target
		}
		prefix, target = target[:len(scheme)+i], target[len(scheme)+i:]
		break
	}
	path, query, hasQuery := strings.Cut(target, "?")
	u := &url.URL{Path: path}
	out := prefix + u.EscapedPath()
	if hasQuery {
		out += "?" + escapeDocQuery(query)
	}
	return out
}

// escapeDocQuery percent-encodes the bytes of a query string that cannot
// appear in a request line, keeping existing escapes.
func escapeDocQuery(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '%' && i+2 < len(q) && isDocHex(q[i+1]) && isDocHex(q[i+2]):
			b.WriteByte(c)
		case c <= ' ' || c >= 127 || strings.IndexByte("\"#%<>\\^`{|}", c) >= 0:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isDocHex reports whether c is a hexadecimal digit.
func isDocHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
