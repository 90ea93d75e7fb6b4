package names

import "strings"

// initialisms maps the lower-case form of each initialism to the way it is
// written in identifiers: golint's list plus OData, IPv4 and IPv6.
var initialisms = map[string]string{
	"acl": "ACL", "api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS",
	"dns": "DNS", "eof": "EOF", "guid": "GUID", "html": "HTML", "http": "HTTP",
	"https": "HTTPS", "id": "ID", "ip": "IP", "json": "JSON", "lhs": "LHS",
	"qps": "QPS", "ram": "RAM", "rhs": "RHS", "rpc": "RPC", "sla": "SLA",
	"smtp": "SMTP", "sql": "SQL", "ssh": "SSH", "tcp": "TCP", "tls": "TLS",
	"ttl": "TTL", "udp": "UDP", "ui": "UI", "uid": "UID", "uuid": "UUID",
	"uri": "URI", "url": "URL", "utf8": "UTF8", "vm": "VM", "xml": "XML",
	"xmpp": "XMPP", "xsrf": "XSRF", "xss": "XSS",
	"odata": "OData", "ipv4": "IPv4", "ipv6": "IPv6",
}

// maxInitialism is the length of the longest initialism.
var maxInitialism = func() int {
	n := 0
	for k := range initialisms {
		n = max(n, len(k))
	}
	return n
}()

// initialism reports how word, ASCII letters and digits (a piece or word
// of words), is written if it is an initialism, or an initialism followed
// by a lower-case "s" (a plural such as "ids"). It runs for every word of
// every name, so it lower-cases into a buffer on the stack.
func initialism(word string) (string, bool) {
	var buf [16]byte
	if len(word) > maxInitialism+1 || len(word) > len(buf) {
		return "", false
	}
	lower := buf[:len(word)]
	for i := range len(word) {
		lower[i] = word[i]
		if isUpper(word[i]) {
			lower[i] += 'a' - 'A'
		}
	}
	if form, ok := initialisms[string(lower)]; ok {
		return form, true
	}
	if !strings.HasSuffix(word, "s") {
		return "", false
	}
	if form, ok := initialisms[string(lower[:len(lower)-1])]; ok {
		return form + "s", true
	}
	return "", false
}
