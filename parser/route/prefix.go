package route

import "strings"

// prefix describes what stripPrefix found in front of the path proper.
type prefix struct {
	scheme     string // "https://" as written, or ""
	host       string // host as written, "" for a relative URL
	hostCol    int    // index of the scheme in s
	version    string // "/beta", "/v1.0", "/V1.0", "/v1" as written, or ""
	versionCol int    // index of version in s
	tilde      int    // index of a "~" prefix in s, or -1
	end        int    // index in s where the path proper starts
}

// versions are the version segments stripped from URLs, longest first.
var versions = []string{"beta", "v1.0", "v1"}

// graphHosts are the Microsoft Graph hosts (global and national clouds).
var graphHosts = []string{
	"graph.microsoft.com",
	"canary.graph.microsoft.com",
	"graph.microsoft.us",
	"dod-graph.microsoft.us",
	"graph.microsoft.de",
	"microsoftgraph.chinacloudapi.cn",
}

// stripPrefix finds the scheme and host, version segment and "~" that start
// s[i:]. It does not change s.
func stripPrefix(s string, i int) prefix {
	p := prefix{tilde: -1, hostCol: i}
	for _, sc := range []string{"https://", "http://"} {
		if hasPrefixFold(s[i:], sc) {
			p.scheme = s[i : i+len(sc)]
			j := i + len(sc)
			k := j
			for k < len(s) && !strings.ContainsRune("/?# \t", rune(s[k])) {
				k++
			}
			p.host = s[j:k]
			i = k
			break
		}
	}
	if i < len(s) && s[i] == '/' {
		for _, v := range versions {
			j := i + 1 + len(v)
			if hasPrefixFold(s[i+1:], v) && (j == len(s) || strings.IndexByte("/? \t", s[j]) >= 0) {
				p.version, p.versionCol = s[i:j], i
				i = j
				break
			}
		}
	}
	if i < len(s) && s[i] == '~' && (i+1 == len(s) || s[i+1] == '/') {
		p.tilde = i
		i++
	}
	p.end = i
	return p
}

// isGraphHost reports whether host (with an optional port) is a Microsoft
// Graph host.
func isGraphHost(host string) bool {
	if k := strings.LastIndexByte(host, ':'); k >= 0 {
		host = host[:k]
	}
	for _, h := range graphHosts {
		if strings.EqualFold(host, h) {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether s starts with prefix under ASCII case folding.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lower(s[i]) != lower(prefix[i]) {
			return false
		}
	}
	return true
}

// lower folds an ASCII upper-case letter to lower case.
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
