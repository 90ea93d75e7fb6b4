package rt

import (
	"io"
	"reflect"
)

// CollectionResponse is the body of a response that lists T values: Value
// holds one page of them, ODataNextLink the URL of the next page, and
// ODataDeltaLink (for delta queries) the URL to fetch later changes.
// ODataCount is the total the request asked for with $count=true or a
// /$count segment (set it when req.Query.Count is true: a /$count request
// answered with one page of several and no ODataCount is a 500, as its
// values are not the count). Other control information (@odata.type of
// the collection, ...) is in ODataAnnotations.
//
// To page, set SkipToken to an opaque token for the next page: the
// Handler writes @odata.nextLink as the request's URL with $skiptoken set
// to it (unless ODataNextLink is set), and the next request carries it in
// req.Query.SkipToken.
type CollectionResponse[T any] struct {
	_                [0]collectionTag
	ODataContext     string      `json:"@odata.context,omitempty"`
	ODataCount       *int64      `json:"@odata.count,omitempty"`
	ODataNextLink    string      `json:"@odata.nextLink,omitempty"`
	ODataDeltaLink   string      `json:"@odata.deltaLink,omitempty"`
	ODataAnnotations Annotations `json:"-" graphjson:",annotations"`
	Value            []T         `json:"value"`
	SkipToken        string      `json:"-"`
}

// collectionTag marks CollectionResponse for the handler.
type collectionTag struct{}

// ValueResponse is the body of a response that answers one primitive
// value as {"value": x}; a nil Value is written as null
// (&ValueResponse[bool]{Value: new(true)}).
type ValueResponse[T any] struct {
	ODataContext     string      `json:"@odata.context,omitempty"`
	ODataAnnotations Annotations `json:"-" graphjson:",annotations"`
	Value            *T          `json:"value"`
}

// collectionCount is the count a /$count request answers for v, a
// *CollectionResponse: ODataCount when the service sets it, else the
// number of values, or -1 when v is one page of several (a SkipToken or
// a next link) and so has no count. It reports false for any other v.
func collectionCount(v any) (int64, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return 0, false
	}
	rv = rv.Elem()
	t := rv.Type()
	if t.Kind() != reflect.Struct || t.NumField() == 0 || t.Field(0).Type != reflect.TypeFor[[0]collectionTag]() {
		return 0, false
	}
	if n := rv.FieldByName("ODataCount"); !n.IsNil() {
		return n.Elem().Int(), true
	}
	if rv.FieldByName("SkipToken").String() != "" || rv.FieldByName("ODataNextLink").String() != "" {
		return -1, true // one page of several: its values are not the count
	}
	return int64(rv.FieldByName("Value").Len()), true
}

// Stream is the answer of an operation that answers content rather than
// JSON: an entity's media or a property's raw value (GET
// /me/photo/$value, a message's MIME content), or a file's content, which
// Graph answers with a redirect to a download URL. The handler writes Body
// (closing it when it is an io.Closer) with ContentType
// (application/octet-stream when empty); when Location is set, it answers
// 302 Found (or the success status chosen with SetStatus) with that
// Location header and no body. A nil *Stream answers no body.
type Stream struct {
	ContentType string
	Body        io.Reader
	Location    string
}
