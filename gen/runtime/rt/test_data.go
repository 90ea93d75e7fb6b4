package rt

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
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
//	error 404 "code" "message"    the double returns this *Error
//	truncated                     the documented response is a subset
//	request-only                  no response is documented
//	round-trip-request            the request body survives the types
//	round-trip-response           the response body survives the types
//
// followed by a file "request" holding the request as documented (the
// method and the quoted target, header lines, a blank line, the body) and,
// when the docs show one, a file "response" holding the response body.

// docArchive is one parsed testdata file. A file named "request" or
// "response" belongs to the example before it: it is stored as
// "<example>/request" or "<example>/response".
type docArchive struct {
	name  string
	files map[string][]byte
	order []string // file names in order
}

// readDocArchive parses a txtar file.
func readDocArchive(name string, data []byte) *docArchive {
	a := &docArchive{name: name, files: map[string][]byte{}}
	cur, example := "", ""
	var buf []byte
	flush := func() {
		if cur != "" {
			a.files[cur] = buf
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

// readDocArchives reads every testdata file of the package, in name order.
func readDocArchives(dir string) ([]*docArchive, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []*docArchive
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, readDocArchive(filepath.Base(p), data))
	}
	return out, nil
}

// docRouteCase is one line of a "routes" file.
type docRouteCase struct {
	method, path, op string
}

// parseDocRoutes reads a "routes" file: lines of a method, a quoted
// path and one operation name.
func parseDocRoutes(data []byte) ([]docRouteCase, error) {
	var out []docRouteCase
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if line == "" {
			continue
		}
		method, rest, _ := strings.Cut(line, " ")
		path, op, err := cutQuoted(rest)
		if err != nil {
			return nil, fmt.Errorf("route %q: %v", line, err)
		}
		if f := strings.Fields(op); len(f) != 1 || op[0] != ' ' && op[0] != '\t' {
			return nil, fmt.Errorf("route %q: want one operation name after the path", line)
		}
		out = append(out, docRouteCase{method, path, strings.TrimSpace(op)})
	}
	return out, nil
}

// docExample is one documented example as the test sees it.
type docExample struct {
	name                 string // "<Operation>/<example>"
	op                   string
	status, setStatus    int
	params               [][2]string // field, value
	rejects              bool
	reject               string
	rejectEnum           bool
	count                int64
	isCount              bool
	errStatus            int
	errCode, errMessage  string
	truncated            bool
	requestOnly          bool
	roundTripRequest     bool
	roundTripResponse    bool
	method, target       string
	header               [][2]string
	requestBody          []byte
	responseBody         []byte
	hasRequest, hasReply bool
}

// parseDocExample reads an example's three files from a.
func parseDocExample(a *docArchive, name string) (*docExample, error) {
	ex := &docExample{name: name}
	for _, line := range strings.Split(strings.TrimRight(string(a.files[name]), "\n"), "\n") {
		if line == "" {
			continue
		}
		key, val, _ := strings.Cut(line, " ")
		var err error
		switch key {
		case "op":
			ex.op = val
		case "status":
			ex.status, err = strconv.Atoi(val)
		case "set-status":
			ex.setStatus, err = strconv.Atoi(val)
		case "param":
			field, rest, _ := strings.Cut(val, " ")
			var v string
			v, err = strconv.Unquote(rest)
			ex.params = append(ex.params, [2]string{field, v})
		case "reject":
			ex.rejects = true
			ex.reject, err = strconv.Unquote(val)
		case "reject-body", "reject-query":
			ex.rejects = true
		case "reject-enum":
			ex.rejectEnum = true
		case "count":
			ex.isCount = true
			ex.count, err = strconv.ParseInt(val, 10, 64)
		case "error":
			code, rest, _ := strings.Cut(val, " ")
			if ex.errStatus, err = strconv.Atoi(code); err == nil {
				var msg string
				ex.errCode, msg, err = cutQuoted(rest)
				if err == nil {
					ex.errMessage, err = strconv.Unquote(strings.TrimSpace(msg))
				}
			}
		case "truncated":
			ex.truncated = true
		case "request-only":
			ex.requestOnly = true
		case "round-trip-request":
			ex.roundTripRequest = true
		case "round-trip-response":
			ex.roundTripResponse = true
		default:
			err = fmt.Errorf("unknown key %q", key)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %s: line %q: %v", a.name, name, line, err)
		}
	}
	req, ok := a.files[name+"/request"]
	if !ok {
		return nil, fmt.Errorf("%s: %s: no request file", a.name, name)
	}
	if err := ex.parseRequest(req); err != nil {
		return nil, fmt.Errorf("%s: %s/request: %v", a.name, name, err)
	}
	ex.responseBody, ex.hasReply = a.files[name+"/response"]
	return ex, nil
}

// parseRequest reads a request file: request line, headers, blank line,
// body (without the final newline the archive adds).
func (ex *docExample) parseRequest(data []byte) error {
	head, body, _ := bytes.Cut(data, []byte("\n\n"))
	lines := strings.Split(string(head), "\n")
	method, rest, _ := strings.Cut(lines[0], " ")
	target, _, err := cutQuoted(rest)
	if err != nil {
		return err
	}
	ex.method, ex.target, ex.hasRequest = method, target, true
	for _, l := range lines[1:] {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return fmt.Errorf("header line %q has no colon", l)
		}
		ex.header = append(ex.header, [2]string{k, strings.TrimSpace(v)})
	}
	ex.requestBody = bytes.TrimSuffix(body, []byte("\n"))
	return nil
}

// cutQuoted reads the Go-quoted string that starts s and returns it with
// the rest of s.
func cutQuoted(s string) (string, string, error) {
	s = strings.TrimLeft(s, " ")
	q, err := strconv.QuotedPrefix(s)
	if err != nil {
		return "", "", fmt.Errorf("not a quoted string: %q", s)
	}
	v, err := strconv.Unquote(q)
	return v, s[len(q):], err
}
