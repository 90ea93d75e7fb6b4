package rt

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// typeFailure returns the strict failure of the value at the current path,
// which must be what.
func (d *codecDecoder) typeFailure(what string) *codecFailure {
	return &codecFailure{kind: codecFailType, path: d.pathString(), what: what}
}

// mismatch handles a JSON value (starting with c) of the wrong kind for p:
// strict mode fails; lenient mode skips it and reports it at the end, as
// encoding/json does.
func (d *codecDecoder) mismatch(p *codecPlan, c byte) *codecFailure {
	if d.strict {
		return d.typeFailure(p.describe)
	}
	if f := d.skip(); f != nil {
		return f
	}
	d.softFail(d.softType(codecJSONKind(c), p.typ))
	return nil
}

// outOfRange handles a number that does not fit the type of p.
func (d *codecDecoder) outOfRange(p *codecPlan, num []byte) *codecFailure {
	if d.strict {
		return d.typeFailure(p.describe)
	}
	d.softFail(d.softType("number "+string(num), p.typ))
	return nil
}

// cannotStore skips a value that passes the checks but cannot be stored,
// and reports err at the end.
func (d *codecDecoder) cannotStore(err error) *codecFailure {
	if f := d.skip(); f != nil {
		return f
	}
	d.softFail(&codecFailure{kind: codecFailDecode, err: err})
	return nil
}

// softType returns the failure of a JSON value (described as encoding/json
// does: "string", "number 1.5") that cannot be stored in typ. It does not
// stop the decode: strict mode answers it as a body that cannot be decoded
// when nothing else is wrong.
func (d *codecDecoder) softType(value string, typ reflect.Type) *codecFailure {
	err := &json.UnmarshalTypeError{Value: value, Type: typ, Offset: int64(d.pos), Field: d.fieldPath()}
	return &codecFailure{kind: codecFailDecode, err: err}
}

// softFail records f when it is the first failure that does not stop the
// decode.
func (d *codecDecoder) softFail(f *codecFailure) {
	if d.soft == nil {
		d.soft = f
	}
}

// pathString returns the path of the current value as the handler's
// messages write it: "kids[1].address.kind".
func (d *codecDecoder) pathString() string {
	path := ""
	for _, s := range d.path {
		if s.index >= 0 {
			path += "[" + strconv.Itoa(s.index) + "]"
		} else {
			path = joinPath(path, string(s.name))
		}
	}
	return path
}

// fieldPath returns the member names of the current path joined by dots,
// as json.UnmarshalTypeError's Field.
func (d *codecDecoder) fieldPath() string {
	var names []string
	for _, s := range d.path {
		if s.index < 0 {
			names = append(names, string(s.name))
		}
	}
	return strings.Join(names, ".")
}

// codecJSONKind names the kind of JSON value that starts with c, as
// json.UnmarshalTypeError does.
func codecJSONKind(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	}
	return "number"
}
