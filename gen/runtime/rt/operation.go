package rt

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
)

// operation describes one Service method to the handler. The generated
// package declares one per operation, as static data, and passes the list
// to newHandler.
type operation struct {
	name   string // the Service method: "GetUser"
	method string // HTTP method of its request lines
	status int    // documented success status
	// req is a nil pointer to the request struct, (*GetUserRequest)(nil):
	// its fields are HTTPRequest, the path parameters, and Body when the
	// operation takes one.
	req any
	// call calls the Service method: svc is the Service, req a
	// *<Operation>Request; the result is the method's first result (nil
	// for a method returning only an error).
	call   func(svc any, ctx context.Context, req any) (any, error)
	routes []opRoute
	// collection: GET <route>/$count and GET <route>/microsoft.graph.<type>
	// (a type cast) serve the operation too.
	collection bool
}

// opRoute is one request line an operation keeps: its path pattern, and
// for each placeholder the index of the request struct field that
// receives its value.
type opRoute struct {
	pattern string
	fields  []uint8
}

// opInfo is what the handler computes once per operation from its
// request struct type.
type opInfo struct {
	*operation
	reqType  reflect.Type // the struct type
	httpReq  int          // field index of HTTPRequest, -1 when none
	body     int          // field index of Body, -1 when none
	bodyType reflect.Type
}

// newOpInfo checks an operation's table row against its request type.
func newOpInfo(op *operation) (*opInfo, error) {
	t := reflect.TypeOf(op.req)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("operation %s: request is %v, not a pointer to a struct", op.name, t)
	}
	info := &opInfo{operation: op, reqType: t.Elem(), httpReq: -1, body: -1}
	for i := range info.reqType.NumField() {
		f := info.reqType.Field(i)
		switch {
		case f.Name == "HTTPRequest" && f.Type == reflect.TypeFor[*http.Request]():
			info.httpReq = i
		case f.Name == "Body":
			info.body, info.bodyType = i, f.Type
		}
	}
	for _, r := range op.routes {
		if n := placeholders(r.pattern); n != len(r.fields) {
			return nil, fmt.Errorf("operation %s: route %s: %d placeholders, %d fields", op.name, r.pattern, n, len(r.fields))
		}
		for _, fi := range r.fields {
			if int(fi) >= info.reqType.NumField() || !info.reqType.Field(int(fi)).IsExported() || info.reqType.Field(int(fi)).Type.Kind() != reflect.String {
				return nil, fmt.Errorf("operation %s: route %s: field %d is not an exported string", op.name, r.pattern, fi)
			}
		}
	}
	return info, nil
}

// placeholders returns the number of placeholders of a route pattern.
func placeholders(pattern string) int {
	n := 0
	for _, t := range compilePattern(pattern).tokens {
		if t.placeholder {
			n++
		}
	}
	return n
}
