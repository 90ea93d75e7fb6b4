package rt

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
)

// Operation describes one Service method to the handler. The generated
// package declares one per operation, as static data, and passes the list
// to newHandler.
type Operation struct {
	Name   string // the Service method: "GetUser"
	Method string // HTTP method of its request lines
	Status int    // documented success status
	// req is a nil pointer to the request struct, (*GetUserRequest)(nil):
	// its fields are HTTPRequest, the path parameters, and Body when the
	// operation takes one.
	Req any
	// call, when set, calls the operation instead of the Service method
	// of its name: svc is the Service, req a *<Operation>Request; the
	// result is the method's first result (nil for a method returning only
	// an error). The generated table leaves it nil: the handler calls the
	// method through reflection (one shared function, not one per
	// operation); the runtime's tests set it.
	Call   func(svc any, ctx context.Context, req any) (any, error)
	Routes []OpRoute
	// collection: GET <route>/$count and GET <route>/microsoft.graph.<type>
	// (a type cast) serve the operation too.
	Collection bool
	// count: the operation answers a count, as GET <collection>/$count
	// does (every request line ends in /$count): its Service method
	// returns an int64, answered as text/plain.
	Count bool
	// params are the operation's own query parameters (from its request
	// lines: startDateTime on calendarView), never read as OData system
	// query options written without "$".
	Params []string
	// options are the system query options the operation's page says it
	// supports, when it says so exactly; nil when it does not (the handler
	// then accepts any), empty when it supports none.
	Options []string
	// Raw lists the media types, lower-cased and without parameters,
	// that the operation's documented examples send as a body that is not
	// JSON ("text/plain": a MIME message to sendMail; "image/jpeg": a
	// logo to a stream property). A request of one of them is not decoded:
	// Body stays zero, and the service reads req.HTTPRequest.Body.
	Raw []string
}

// OpRoute is one request line an operation keeps: its path pattern, and
// for each placeholder the index of the request struct field that
// receives its value.
type OpRoute struct {
	Pattern string
	Fields  []uint8
}

// OpInfo is what the handler computes once per operation from its
// request struct type and its Service method.
type OpInfo struct {
	*Operation
	reqType  reflect.Type // the struct type
	httpReq  int          // field index of HTTPRequest, -1 when none
	query    int          // field index of Query, -1 when none
	Body     int          // field index of Body, -1 when none
	BodyType reflect.Type
	// result is the type the Service method returns (nil when it returns
	// only an error); entity is the struct type of the entity it answers
	// or lists (nil for a primitive or no result), which query options
	// name properties of, with its row of the type table (nil when it
	// has none).
	result     reflect.Type
	entity     reflect.Type
	entityInfo *TypeInfo
	lists      bool // the result is a CollectionResponse
	// fn is the Service method of the handler's svc (when call is nil).
	fn reflect.Value
}

// NewOpInfo checks an operation's table row against its request type.
func NewOpInfo(op *Operation) (*OpInfo, error) {
	t := reflect.TypeOf(op.Req)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("operation %s: request is %v, not a pointer to a struct", op.Name, t)
	}
	info := &OpInfo{Operation: op, reqType: t.Elem(), httpReq: -1, query: -1, Body: -1}
	for i := range info.reqType.NumField() {
		f := info.reqType.Field(i)
		switch {
		case f.Name == "HTTPRequest" && f.Type == reflect.TypeFor[*http.Request]():
			info.httpReq = i
		case f.Name == "Body":
			info.Body, info.BodyType = i, f.Type
		case f.Name == "Query" && f.Type == reflect.TypeFor[ODataQuery]():
			info.query = i
		}
	}
	for _, r := range op.Routes {
		if n := placeholders(r.Pattern); n != len(r.Fields) {
			return nil, fmt.Errorf("operation %s: route %s: %d placeholders, %d fields", op.Name, r.Pattern, n, len(r.Fields))
		}
		for _, fi := range r.Fields {
			if int(fi) >= info.reqType.NumField() || !info.reqType.Field(int(fi)).IsExported() || info.reqType.Field(int(fi)).Type.Kind() != reflect.String {
				return nil, fmt.Errorf("operation %s: route %s: field %d is not an exported string", op.Name, r.Pattern, fi)
			}
		}
	}
	return info, nil
}

// serviceMethod is a method of the Service interface: its index and type.
type serviceMethod struct {
	index int
	typ   reflect.Type
}

// errorType is the type error.
var errorType = reflect.TypeOf((*error)(nil)).Elem()

// ServiceMethods maps the names of the Service interface's methods to
// their indexes and types (one pass: MethodByName scans an interface's
// methods).
func ServiceMethods(service reflect.Type) map[string]serviceMethod {
	if service == nil {
		return nil
	}
	out := make(map[string]serviceMethod, service.NumMethod())
	for i := range service.NumMethod() {
		m := service.Method(i)
		out[m.Name] = serviceMethod{i, m.Type}
	}
	return out
}

// serviceValue returns svc as a value of the Service interface type, whose
// Method(i) is the interface's method i bound to svc; invalid when either
// is unknown.
func serviceValue(svc any, service reflect.Type) reflect.Value {
	if service == nil || service.Kind() != reflect.Interface || svc == nil {
		return reflect.Value{}
	}
	v := reflect.ValueOf(svc)
	if !v.Type().Implements(service) {
		return reflect.Value{}
	}
	sv := reflect.New(service).Elem()
	sv.Set(v)
	return sv
}

// invoke calls the operation's Service method with ctx and req (a
// *<Operation>Request) and returns its results: the first one as any (nil
// for a method returning only an error).
func (info *OpInfo) invoke(svc any, ctx context.Context, req reflect.Value) (any, error) {
	if info.Call != nil {
		return info.Call(svc, ctx, req.Interface())
	}
	if !info.fn.IsValid() {
		return nil, fmt.Errorf("operation %s: no Service to call", info.Name)
	}
	out := info.fn.Call([]reflect.Value{reflect.ValueOf(&ctx).Elem(), req})
	err, _ := out[len(out)-1].Interface().(error)
	if len(out) == 1 {
		return nil, err
	}
	return out[0].Interface(), err
}

// setResult records the operation's result type, read from its method of
// the Service interface (methods, from serviceMethods; nil when unknown),
// and the entity type its query options refer to. sv is the Service (an
// interface value; invalid when unknown): when the row has no call
// function, info.fn becomes its method.
func (info *OpInfo) SetResult(methods map[string]serviceMethod, sv reflect.Value) error {
	if methods == nil {
		if info.Call == nil {
			return fmt.Errorf("operation %s: no call function and no Service type", info.Name)
		}
		return nil
	}
	m, ok := methods[info.Name]
	if !ok {
		return fmt.Errorf("operation %s: the Service has no method %s", info.Name, info.Name)
	}
	mt := m.typ
	if mt.NumIn() != 2 || mt.In(1) != reflect.PointerTo(info.reqType) || mt.NumOut() < 1 || mt.NumOut() > 2 || mt.Out(mt.NumOut()-1) != errorType {
		return fmt.Errorf("operation %s: the Service method is %v, not func(context.Context, *%v) (..., error)", info.Name, mt, info.reqType)
	}
	if info.Call == nil && sv.IsValid() && !sv.IsNil() {
		info.fn = sv.Method(m.index)
	}
	if mt.NumOut() == 2 {
		info.result = mt.Out(0)
	}
	if info.Count && info.result != reflect.TypeFor[int64]() {
		return fmt.Errorf("operation %s answers a count: the Service method is %v, not func(context.Context, *%v) (int64, error)", info.Name, mt, info.reqType)
	}
	info.entity, info.lists = queryEntity(info.result)
	if info.entity != nil {
		info.entityInfo = typeOf(info.entity)
	}
	return nil
}

// queryEntity returns the struct type of the entity a result holds: T for
// *T, the element type for *CollectionResponse[T], a family's base for
// its interface or AnyOf; nil for a primitive (ValueResponse) or none. It
// reports whether the result is a collection.
func queryEntity(result reflect.Type) (reflect.Type, bool) {
	if result == nil {
		return nil, false
	}
	t := result
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	collection := false
	if t.Kind() == reflect.Struct && t.NumField() > 0 && t.Field(0).Type == reflect.TypeFor[[0]collectionTag]() {
		if f, ok := t.FieldByName("Value"); ok {
			t, collection = f.Type.Elem(), true
		}
	}
	if codecIsAnyOf(t) {
		t = t.Field(1).Type
	}
	if t.Kind() == reflect.Interface {
		if k := KindOf(t); k != nil {
			return k.base, collection
		}
		return nil, collection
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || !codecOwnsStruct(t) {
		return nil, collection
	}
	return t, collection
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
