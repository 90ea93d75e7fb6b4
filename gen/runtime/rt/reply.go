package rt

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sync"
	"sync/atomic"
)

// statusHolder holds the status a Service chose with SetStatus; a method
// may call SetStatus from another goroutine.
type statusHolder struct{ code atomic.Int64 }

// ResponseHeader returns the headers a Service method adds to its answer:
// the Location of an entity it created (201 Created; OData asks for it)
// or of the monitor of a long-running operation (202 Accepted), an ETag,
// a Content-Location. ctx is the context the handler passed to the method
// (or one derived from it); set the headers before the method returns.
// They are written with a success answer only: an error answer carries
// none of them. A header the handler writes itself wins over the one set
// here: Content-Type, Content-Length, request-id, client-request-id, a
// *Stream's Location, Preference-Applied. Outside a request served by
// NewHandler, the headers returned go nowhere.
//
// Like an http.Header, it is not safe for use by several goroutines at
// once.
func ResponseHeader(ctx context.Context) http.Header {
	st := stateOf(ctx)
	if st == nil {
		return http.Header{}
	}
	if st.w.service == nil {
		st.w.service = http.Header{}
	}
	return st.w.service
}

// SetStatus lets a Service method choose the success status of its answer
// instead of the status its page documents: 201 for a create that the docs
// show answering 201 Created, 204 for an answer without content, 200 for a
// report that answers JSON where the page documents a 302 redirect. ctx is
// the context the handler passed to the method (or one derived from it);
// the last call before the method returns wins.
//
// The answer to 204 No Content or 304 Not Modified, or to a nil result,
// has no body; any other status carries the result as JSON.
//
// Only success statuses (200-399) can be chosen: the handler ignores any
// other code, reports it to the error log (see WithErrorLog) and answers
// with the documented status. Return an *Error to answer an error. Outside
// a request served by NewHandler, SetStatus does nothing.
func SetStatus(ctx context.Context, code int) {
	if s := stateOf(ctx); s != nil {
		s.status.code.Store(int64(code))
	}
}

// chosenStatus returns the success status the service chose with
// SetStatus, or def when it chose none or a code that is not 200-399
// (that one is logged).
func (h *Handler) chosenStatus(r *http.Request, st *requestState, def int) int {
	code := st.status.code.Load()
	switch {
	case code == 0:
		return def
	case code < 200 || code > 399:
		h.logError(r, fmt.Errorf("SetStatus(%d) ignored: not a success status (200-399); answered %d", code, def))
		return def
	default:
		return int(code)
	}
}

// reply writes the result of an operation: the error response for a
// non-nil err; else, with status or the one the service chose with
// SetStatus, no body for 204, 304 or a nil v, the count for a $count
// request, and v as JSON otherwise.
func (h *Handler) reply(w http.ResponseWriter, r *http.Request, st *requestState, status int, v any, err error, opts *encodeOptions) {
	if err != nil {
		h.fail(w, r, err)
		return
	}
	status = h.chosenStatus(r, st, status)
	if h.replyCount(w, r, st, status, v) {
		return
	}
	if isNil(v) || status == http.StatusNoContent || status == http.StatusNotModified {
		if c, ok := v.(*Stream); ok && c != nil {
			closeBody(c.Body)
		}
		w.WriteHeader(status)
		return
	}
	if s, ok := v.(*Stream); ok {
		h.replyStream(w, r, st, status, s)
		return
	}
	buf := getBuffer()
	defer putBuffer(buf)
	out, err := AppendJSON((*buf)[:0], v, opts)
	if err != nil {
		h.logError(r, fmt.Errorf("encoding the response: %v", err))
		writeError(w, &Error{Status: http.StatusInternalServerError})
		return
	}
	*buf = out
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

// replyBuffers holds the buffers answers are encoded into. A buffer that
// grew past replyBufferMax is dropped rather than kept.
var replyBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 2048); return &b }}

// replyBufferMax is the largest buffer replyBuffers keeps.
const replyBufferMax = 64 << 10

// getBuffer returns an empty buffer from the pool.
func getBuffer() *[]byte { return replyBuffers.Get().(*[]byte) }

// putBuffer returns a buffer to the pool, unless it is too large.
func putBuffer(b *[]byte) {
	if cap(*b) <= replyBufferMax {
		*b = (*b)[:0]
		replyBuffers.Put(b)
	}
}

// isNil reports whether v is nil or a nil pointer.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// replyStream writes a *Stream answer with status, the one reply chose:
// a redirect to its Location (302 Found unless the service chose a status
// with SetStatus), else its Body with its ContentType.
func (h *Handler) replyStream(w http.ResponseWriter, r *http.Request, st *requestState, status int, s *Stream) {
	defer closeBody(s.Body)
	if s.Location != "" {
		if st.status.code.Load() == 0 {
			status = http.StatusFound
		}
		w.Header().Set("Location", s.Location)
		w.WriteHeader(status)
		return
	}
	ct := s.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if s.Body == nil {
		return
	}
	if _, err := io.Copy(w, s.Body); err != nil {
		h.logError(r, fmt.Errorf("writing the stream: %v", err))
	}
}

// closeBody closes b when it is an io.Closer.
func closeBody(b io.Reader) {
	if c, ok := b.(io.Closer); ok {
		_ = c.Close()
	}
}
