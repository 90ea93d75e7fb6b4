package parser

import "strings"

// isControlInfo reports whether a JSON member name is OData control
// information rather than a property: @odata.context, @odata.etag,
// @odata.id, @odata.nextLink, @odata.count, @odata.deltaLink and every
// other @odata.* name except @odata.type (which the generated types hold
// as a field), and every annotation of a property, name@term
// (x@odata.bind, x@odata.context, members@delta). Bodies may carry them;
// they are never properties of the documented type. The same names
// without the "@" (odata.type, odata.context), the JSON format of OData
// 3 that some examples still show, are control information too: no
// property is named odata.anything.
func isControlInfo(key string) bool {
	if strings.HasPrefix(key, "@odata.") {
		return key != "@odata.type"
	}
	if strings.HasPrefix(key, "odata.") {
		return true
	}
	return strings.IndexByte(key, '@') > 0
}
