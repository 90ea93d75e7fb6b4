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

// initialism reports how word is written if it is an initialism, or an
// initialism followed by a lower-case "s" (a plural such as "ids").
func initialism(word string) (string, bool) {
	if form, ok := initialisms[strings.ToLower(word)]; ok {
		return form, true
	}
	stem, ok := strings.CutSuffix(word, "s")
	if !ok {
		return "", false
	}
	if form, ok := initialisms[strings.ToLower(stem)]; ok {
		return form + "s", true
	}
	return "", false
}
