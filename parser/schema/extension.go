package schema

import "strings"

// IsDirectoryExtension reports whether a JSON member name is a directory
// extension property: "extension_" + an application id without hyphens
// (32 hexadecimal digits) + "_" + a name
// ("extension_fe2174665583431c953114ff7268b7b3_Education_City"). Graph
// adds these to directory objects per application and tenant; no type
// declares them, and a field named after one example's would be a value
// every client sees. The generated decoder keeps them with a closed
// type's annotations (isDirectoryExtensionName in the runtime, whose
// tests check that both agree).
func IsDirectoryExtension(key string) bool {
	rest, ok := strings.CutPrefix(key, "extension_")
	if !ok || len(rest) < 34 || rest[32] != '_' {
		return false
	}
	for _, c := range rest[:32] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
