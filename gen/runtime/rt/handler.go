package rt

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"runtime/debug"
	"strings"
)

// Handler serves the operations of a Service.
type Handler struct {
	svc    any
	cfg    handlerConfig
	router *router
}

// NewHandler returns the handler of the generated NewHandler: svc is the
// Service, service the Service interface type (its methods give the
// operations' result types; nil when unknown), ops the generated operation
// table. A malformed table row is a bug of the generator: newHandler
// panics naming it.
func NewHandler(svc any, service reflect.Type, ops []*Operation, opts []Option) *Handler {
	cfg := handlerConfig{maxBodyBytes: defaultMaxBodyBytes, errorLog: defaultErrorLog}
	for _, opt := range opts {
		if opt != nil {
			opt(&cfg)
		}
	}
	var table []routeEntry
	methods := ServiceMethods(service)
	sv := serviceValue(svc, service)
	for _, op := range ops {
		info, err := NewOpInfo(op)
		if err == nil {
			err = info.SetResult(methods, sv)
		}
		if err != nil {
			panic("graphdocgen runtime: " + err.Error())
		}
		for i := range op.Routes {
			table = append(table, routeEntry{method: op.Method, op: info, route: &op.Routes[i], index: len(table)})
		}
	}
	return &Handler{svc: svc, cfg: cfg, router: newRouter(table)}
}

// ServeHTTP serves r with the route its method and path select.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	st := &requestState{Context: r.Context()}
	st.w.ResponseWriter = w
	tw := &st.w
	nameRequest(w.Header(), st, r)
	defer h.recoverPanic(tw, r)
	if len(r.URL.Path) > maxPathLen {
		writeError(tw, &Error{Status: http.StatusRequestURITooLong, Message: fmt.Sprintf("The request path is longer than %d bytes.", maxPathLen)})
		return
	}
	path := routingPath(r)
	if cp, ok := canonicalPath(path); ok {
		path = cp
	}
	e, params, allow, seg := h.resolve(r.Method, path)
	if e == nil {
		for _, alt := range alternatePaths(path) {
			if ae, aparams, aallow, aseg := h.resolve(r.Method, alt); ae != nil || len(allow) == 0 {
				e, params, allow, seg = ae, aparams, aallow, aseg
			}
			if e != nil {
				break
			}
		}
	}
	if e == nil && r.Method == http.MethodDelete {
		if rp, ok := refByID(path, r.URL.RawQuery); ok {
			if re, rparams, _, rseg := h.resolve(r.Method, rp); re != nil {
				e, params, seg = re, rparams, rseg
			}
		}
	}
	st.segment = seg
	switch {
	case e != nil:
		h.serve(tw, r.WithContext(st), st, e, params)
	case isBatchPath(path):
		h.serveBatch(tw, r)
	case len(allow) > 0:
		tw.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(tw, &Error{Status: http.StatusMethodNotAllowed, Message: "The request method is not allowed for this resource."})
	default:
		writeError(tw, &Error{Status: http.StatusNotFound, Message: "No resource matches the request path."})
	}
}

// resolve finds the route of a request: the one its path selects, or the
// collection route its $count or type-cast segment leads to (seg).
func (h *Handler) resolve(method string, path requestPath) (e *routeEntry, params, allow []string, seg string) {
	e, params, allow = h.router.lookup(method, path)
	if ce, cparams, cseg := h.collectionRoute(method, path, e); ce != nil {
		return ce, cparams, allow, cseg
	}
	return e, params, allow, ""
}

// serve builds the operation's request from the path parameters and the
// body, calls the Service, and writes its answer.
func (h *Handler) serve(w http.ResponseWriter, r *http.Request, st *requestState, e *routeEntry, params []string) {
	op := e.op
	q, qe := h.query(r, op)
	if qe != nil {
		writeError(w, qe)
		return
	}
	if countSegment(st.segment) {
		// GET <collection>/$count asks for the count of the whole
		// collection, as $count=true does.
		q.Count = new(true)
	}
	pref := preferUnknownEnums(r.Header)
	if pref {
		w.Header().Set("Preference-Applied", preferUnknownEnumMembers)
	}
	raw := op.rawRequest(r)
	if op.Body < 0 || raw {
		// A body the handler does not decode (a photo's bytes sent to
		// PUT .../photo/$value, a MIME message to sendMail) reaches the
		// service as sent, but for its content coding, which Graph's
		// SDKs apply to every body.
		var e *Error
		if r, e = rawBody(r); e != nil {
			if e.Status == http.StatusUnsupportedMediaType {
				w.Header().Set("Accept-Encoding", "gzip, deflate")
			}
			writeError(w, e)
			return
		}
	}
	ptr := reflect.New(op.reqType)
	req := ptr.Elem()
	if op.httpReq >= 0 {
		req.Field(op.httpReq).Set(reflect.ValueOf(r))
	}
	if op.query >= 0 {
		req.Field(op.query).Set(reflect.ValueOf(q).Elem())
	}
	for i, fi := range e.route.Fields {
		if i < len(params) {
			req.Field(int(fi)).SetString(params[i])
		}
	}
	if op.Body >= 0 && !raw && !h.decode(w, r, req.Field(op.Body).Addr().Interface(), &decodeOptions{rejectEvolvable: !pref}) {
		return
	}
	var res any
	var err error
	if h.cfg.intercept != nil {
		res, err = h.cfg.intercept(op, st, ptr.Interface())
	} else {
		res, err = op.invoke(h.svc, st, ptr)
	}
	if err == nil && op.lists {
		finishCollection(r, res)
	}
	if op.Count && err == nil {
		h.replyCountOf(w, r, st, op.Status, res)
		return
	}
	h.reply(w, r, st, op.Status, res, err, AnswerOptions(q, op, pref))
}

// recoverPanic turns a panic while serving r into a logged 500 response,
// when no response has been started yet. http.ErrAbortHandler is
// re-panicked.
func (h *Handler) recoverPanic(w *trackingWriter, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	h.logError(r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
	if !w.wrote {
		writeError(w, &Error{Status: http.StatusInternalServerError})
	}
}

// logError reports err through the configured error log.
func (h *Handler) logError(r *http.Request, err error) {
	if h.cfg.errorLog != nil {
		h.cfg.errorLog(r, err)
	}
}

// fail writes the response for err: the *Error it wraps, or a logged 500.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	var e *Error
	if !errors.As(err, &e) || e == nil || e.Status < 400 || e.Status > 599 {
		h.logError(r, err)
		e = &Error{Status: http.StatusInternalServerError}
	}
	writeError(w, e)
}

// trackingWriter records whether a response has been started, and adds
// the headers the Service set (ResponseHeader) to a success answer.
type trackingWriter struct {
	http.ResponseWriter
	wrote bool
	// service holds the headers the Service set, nil for none.
	service http.Header
}

// WriteHeader records that the response has started.
func (w *trackingWriter) WriteHeader(status int) {
	if !w.wrote {
		w.addServiceHeaders(status)
	}
	w.wrote = true
	w.ResponseWriter.WriteHeader(status)
}

// Write records that the response has started.
func (w *trackingWriter) Write(p []byte) (int, error) {
	if !w.wrote {
		w.addServiceHeaders(http.StatusOK)
	}
	w.wrote = true
	return w.ResponseWriter.Write(p)
}

// addServiceHeaders adds the headers the Service set to an answer with
// the given status, unless it is an error; a header the handler set
// (Content-Type, Location of a *Stream, ...) is kept.
func (w *trackingWriter) addServiceHeaders(status int) {
	if len(w.service) == 0 || status >= 400 {
		return
	}
	h := w.ResponseWriter.Header()
	for k, vs := range w.service {
		if _, set := h[k]; !set && len(vs) > 0 {
			h[k] = vs
		}
	}
}

// Unwrap returns the underlying ResponseWriter, for http.ResponseController.
func (w *trackingWriter) Unwrap() http.ResponseWriter {
	return w.ResponseWriter
}

// requestState is the context the handler gives a Service method (and
// the context of req.HTTPRequest): the request's own context, plus what
// the handler keeps about the request, in one allocation.
type requestState struct {
	context.Context
	// status is the success status chosen with SetStatus, 0 for none.
	status statusHolder
	// segment is the $count or type-cast segment the handler stripped to
	// route the request to a collection, "" for none.
	segment string
	// requestID is the request-id the handler gave the request; ids
	// hold the values of the request-id and client-request-id headers.
	requestID string
	ids       [2]string
	w         trackingWriter
}

// requestStateKey finds the requestState in a context derived from it.
type requestStateKey struct{}

// Value returns the requestState for requestStateKey, else the value of
// the request's own context.
func (s *requestState) Value(key any) any {
	if key == (requestStateKey{}) {
		return s
	}
	return s.Context.Value(key)
}

// stateOf returns the requestState of a context the handler made, nil for
// any other.
func stateOf(ctx context.Context) *requestState {
	if ctx == nil {
		return nil
	}
	s, _ := ctx.Value(requestStateKey{}).(*requestState)
	return s
}
