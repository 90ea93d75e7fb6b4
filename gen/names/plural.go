package names

import "strings"

// Singular returns the singular of an English plural noun, the last word of
// a documented name: "users" -> user, "calendarGroups" -> calendarGroup,
// "policies" -> policy, "classes" -> class, "children" -> child. A name
// that does not look plural ("status", "analysis", "series", "address", "me") is
// returned as it is. The rest of the name keeps its spelling.
func Singular(name string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, "children"):
		return name[:len(name)-len("ren")]
	case strings.HasSuffix(lower, "series"), strings.HasSuffix(lower, "species"):
		return name
	case strings.HasSuffix(lower, "ies") && len(lower) > len("ies"):
		return name[:len(name)-len("ies")] + sameCase(name[len(name)-len("ies")], "y")
	case hasAnySuffix(lower, "sses", "shes", "ches", "xes", "zzes"):
		return name[:len(name)-len("es")]
	case hasAnySuffix(lower, "ss", "us", "sis", "xis") || !strings.HasSuffix(lower, "s") || len(lower) < 3:
		return name
	}
	return name[:len(name)-1]
}

// Plural returns the plural of a singular English noun, the last word of a
// documented name: "policy" -> policies, "class" -> classes, "user" ->
// users. It inverts Singular on the names Singular changes.
func Plural(name string) string {
	lower := strings.ToLower(name)
	switch {
	case lower == "":
		return name
	case strings.HasSuffix(lower, "child"):
		return name + sameCase(name[len(name)-1], "ren")
	case strings.HasSuffix(lower, "y") && len(lower) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		return name[:len(name)-1] + sameCase(name[len(name)-1], "ies")
	case hasAnySuffix(lower, "s", "sh", "ch", "x", "zz"):
		return name + sameCase(name[len(name)-1], "es")
	}
	return name + sameCase(name[len(name)-1], "s")
}

// sameCase writes suffix in upper case when c, the letter it follows or
// replaces, is upper case.
func sameCase(c byte, suffix string) string {
	if isUpper(c) {
		return strings.ToUpper(suffix)
	}
	return suffix
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
