package rt

import (
	"encoding/json"
	"slices"
	"strings"
)

// Annotations holds the instance annotations of a JSON object other than
// its declared properties, by name: control information such as
// "@odata.context", "@odata.etag" and "@odata.id", and property
// annotations such as "manager@odata.bind" or "members@odata.nextLink".
// Each value is the annotation's JSON as received. Every generated struct
// has one, in its field ODataAnnotations; the handler fills it from a
// request body and writes it back in answers, "@odata.context" first and
// the others sorted by name, before the properties. A value of a property
// typed as a base type whose @odata.type names a type derived from it
// keeps that type's members here too, under their names ("fileName"), as
// received and checked as the derived type's; a service reads them with
// Get and writes them back by leaving them in place.
type Annotations map[string]json.RawMessage

// Get returns the JSON value of the annotation name ("@odata.etag",
// "manager@odata.bind") and whether it is present.
func (a Annotations) Get(name string) (json.RawMessage, bool) {
	v, ok := a[name]
	return v, ok
}

// GetString returns the value of the annotation name when it is a JSON
// string, such as "@odata.etag" or "@odata.nextLink".
func (a Annotations) GetString(name string) (string, bool) {
	var s string
	v, ok := a[name]
	if !ok || json.Unmarshal(v, &s) != nil || len(v) == 0 || v[0] != '"' {
		return "", false
	}
	return s, true
}

// Bind returns the references a request binds to the navigation property
// with "property@odata.bind": one URL for a single-valued property, the
// list for a collection. ok is false when there is no such annotation or
// its value is neither a string nor an array of strings.
func (a Annotations) Bind(property string) (refs []string, ok bool) {
	v, found := a[property+"@odata.bind"]
	if !found {
		return nil, false
	}
	var one string
	if json.Unmarshal(v, &one) == nil && len(v) > 0 && v[0] == '"' {
		return []string{one}, true
	}
	if json.Unmarshal(v, &refs) != nil || len(v) == 0 || v[0] != '[' {
		return nil, false
	}
	return refs, true
}

// Bound returns, sorted, the properties that have an @odata.bind
// annotation.
func (a Annotations) Bound() []string {
	var props []string
	for name := range a {
		if p, ok := strings.CutSuffix(name, "@odata.bind"); ok && p != "" {
			props = append(props, p)
		}
	}
	slices.Sort(props)
	return props
}

// Set sets the annotation name to the JSON value v, making the map when it
// is nil.
func (a *Annotations) Set(name string, v json.RawMessage) {
	if *a == nil {
		*a = Annotations{}
	}
	(*a)[name] = v
}

// SetString sets the annotation name to the JSON string s, making the map
// when it is nil.
func (a *Annotations) SetString(name, s string) {
	a.Set(name, appendJSONString(nil, s))
}
