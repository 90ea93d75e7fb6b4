package parser

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/jsondoc"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// httpMessage is a documented HTTP request or response read from a fence,
// with the parsed JSON body when it has one.
type httpMessage struct {
	schema.HTTPMessage
	off     int // offset of the first line (method or status line)
	bodyOff int
	json    *jsondoc.Value
}

var (
	statusLineRe = regexp.MustCompile(`^(?i:HTTP)(?:/\d(?:\.\d)?)?\s+(\d{3})\b`)
	methodRe     = regexp.MustCompile(`^(GET|POST|PATCH|PUT|DELETE|HEAD|OPTIONS|MERGE)\s+\S`)
)

// isHeaderLine reports whether l starts like a header, "Name:": a letter,
// letters, digits and '-', white space, then ':'. It matches as the regexp
// headerRe in phrases_test.go.
func isHeaderLine(l string) bool {
	if l == "" || !isLetter(l[0]) {
		return false
	}
	i := 1
	for i < len(l) && (isLetter(l[i]) || isDigit(l[i]) || l[i] == '-') {
		i++
	}
	rest := strings.TrimLeft(l[i:], reSpace)
	return rest != "" && rest[0] == ':'
}

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isRequestText reports whether fence content starts with a request line.
func isRequestText(t string) bool {
	return methodRe.MatchString(strings.TrimSpace(firstLine(t)))
}

// isResponseText reports whether fence content starts with a status line.
func isResponseText(t string) bool {
	return statusLineRe.MatchString(strings.TrimSpace(firstLine(t)))
}

func firstLine(t string) string {
	t = strings.TrimLeft(t, "\n \t")
	if i := strings.IndexByte(t, '\n'); i >= 0 {
		return t[:i]
	}
	return t
}

// readHTTP splits fence content into start line, headers and body. For a
// request the start line is METHOD TARGET; for a response it is a status
// line read by its code alone (reason phrases are unreliable).
func (p *pageParser) readHTTP(text string, textOff int, request bool) httpMessage {
	lines := strings.SplitAfter(text, "\n")
	m := httpMessage{}
	i, off := 0, textOff
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		off += len(lines[i])
		i++
	}
	if i == len(lines) {
		return m
	}
	m.off = off
	start := strings.TrimSpace(lines[i])
	if request {
		method, target, _ := strings.Cut(start, " ")
		m.Method, m.Target = method, strings.TrimSpace(target)
	} else if sm := statusLineRe.FindStringSubmatch(start); sm != nil {
		m.Status, _ = strconv.Atoi(sm[1])
	}
	off += len(lines[i])
	i++
	// Headers may be separated from the start line by blank lines.
	j, joff := i, off
	for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
		joff += len(lines[j])
		j++
	}
	if j < len(lines) && isHeaderLine(lines[j]) && !strings.HasPrefix(strings.TrimSpace(lines[j]), "{") {
		i, off = j, joff
	}
	for i < len(lines) {
		l := strings.TrimSpace(lines[i])
		if l == "" || !isHeaderLine(l) {
			break
		}
		name, value, _ := strings.Cut(l, ":")
		m.Headers = append(m.Headers, schema.Header{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
		off += len(lines[i])
		i++
	}
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		off += len(lines[i])
		i++
	}
	body := strings.Join(lines[i:], "")
	trimmed := strings.TrimRight(body, " \t\n")
	m.Body, m.bodyOff = trimmed, off
	m.BodyPos = p.src.pos(off)
	if trimmed != "" && (strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "[")) && isJSONType(m.header("Content-Type")) {
		m.readJSON(p)
	}
	return m
}

// readJSON parses the body strictly, then with repairs, reporting each.
func (m *httpMessage) readJSON(p *pageParser) {
	v, repairs, err := jsondoc.ParseLenient([]byte(m.Body), 10000)
	for _, r := range repairs {
		p.warn(m.bodyOff+r.Off, r.Code, "example JSON repaired: %s", r.Message)
	}
	if err != nil {
		off := m.bodyOff
		if se, ok := err.(*jsondoc.SyntaxError); ok {
			off += se.Off
		}
		p.warn(off, diag.ExampleJSONInvalid, "example body is not JSON even after repair: %v", err)
		return
	}
	m.json = v
	m.JSON = true
	if len(repairs) > 0 {
		m.Body = string(v.Compact())
	}
}

func (m *httpMessage) header(name string) string {
	for _, h := range m.Headers {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

// isJSONType accepts a missing content type (Graph's default) or any JSON type.
func isJSONType(ct string) bool {
	if ct == "" {
		return true
	}
	ct = strings.ToLower(ct)
	return strings.Contains(ct, "json")
}
