package rt

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// decodeOptions are the choices of the handler for one request body. The
// zero value checks a body as the handler always has.
type decodeOptions struct {
	// rejectEvolvable rejects the enum members documented after
	// unknownFutureValue (issue #14): the handler sets it when the request
	// has no "Prefer: include-unknown-enum-members". The 400 then lists the
	// members up to unknownFutureValue.
	rejectEvolvable bool
	// lenientFamilies decodes the member of an AnyOf as unmarshalStruct
	// does, answering only a value that cannot be decoded ("The request
	// body could not be decoded."), and the nesting limit: the answers of
	// the handler before the codec, which did not look inside AnyOf bodies.
	// Off, a member is checked like any struct.
	lenientFamilies bool
}

// decodeStrict decodes the JSON request body data into the value dst points
// to (a struct, AnyOf[K], a slice of either, or a primitive) in one pass,
// and checks it as the handler requires: valid JSON, nested at most 64
// levels; every member declared by the struct (matched exactly, else
// ignoring case), an instance annotation (a name holding "@", kept in the
// struct's annotations field when it has one), or a member of an open type
// (kept in its additional field); null only for Optional, pointer, slice,
// map and interface values; numbers that fit their Go type; enum values
// that are members; Edm strings of their form. It returns the 400 error
// naming the first value that does not fit, nil on success; a syntax
// error anywhere wins over the others. On failure dst may be partly
// written. The caller handles an empty body (decodeStrict answers it as
// invalid JSON). dst must be a non-nil pointer.
func decodeStrict(data []byte, dst any, opts *decodeOptions) *Error {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic(fmt.Sprintf("rt: decodeStrict into %T, want a non-nil pointer", dst))
	}
	p := codecPlanFor(rv.Type().Elem())
	d := codecNewDecoder(data, true)
	if opts != nil {
		d.opts = *opts
	}
	f := d.value(p, rv.Elem())
	if f == nil {
		f = d.end()
	}
	if f == nil {
		f = d.soft
	}
	d.release()
	if f == nil {
		return nil
	}
	return codecStrictAnswer(data, f)
}

// codecStrictAnswer returns the 400 error for the failure f of a strict
// decode of data. A failure that stopped the decode early is answered
// only once encoding/json finds no syntax error in the whole body.
func codecStrictAnswer(data []byte, f *codecFailure) *Error {
	switch f.kind {
	case codecFailSyntax:
		if e := codecSyntaxAnswer(data); e != nil {
			return e
		}
		return badRequest("The request body is not valid JSON.")
	case codecFailDecode:
		return badRequest("The request body could not be decoded.")
	}
	if e := codecSyntaxAnswer(data); e != nil {
		return e
	}
	switch f.kind {
	case codecFailUndefined:
		return badRequest("Property '" + f.path + "' is not defined.")
	case codecFailDepth:
		return badRequest(fmt.Sprintf("The request body is nested more than %d levels deep.", codecMaxDepth))
	}
	return mustBe(f.path, f.what)
}

// codecSyntaxAnswer returns the 400 error for data when it is not valid
// JSON, with the offset encoding/json reports; nil when it is valid.
func codecSyntaxAnswer(data []byte) *Error {
	var syntax *json.SyntaxError
	err := json.Unmarshal(data, new(json.RawMessage))
	switch {
	case errors.As(err, &syntax):
		return badRequest(fmt.Sprintf("The request body is not valid JSON (error at byte %d).", syntax.Offset))
	case err != nil:
		return badRequest("The request body is not valid JSON.")
	}
	return nil
}
