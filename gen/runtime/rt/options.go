package rt

import (
	"context"
	"log"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Option configures the handler returned by NewHandler.
type Option func(*handlerConfig)

// handlerConfig holds the settings chosen with Options.
type handlerConfig struct {
	maxBodyBytes int64
	errorLog     func(r *http.Request, err error)
	// lenientQuery skips the checks of query options against the
	// operation's entity (WithLenientQuery).
	lenientQuery bool
	// intercept, when set, is called instead of the Service (the golden
	// tests' double).
	intercept func(op *OpInfo, ctx context.Context, req any) (any, error)
}

// defaultMaxBodyBytes is the default limit of a request body, 4 MiB.
const defaultMaxBodyBytes = 4 << 20

// WithMaxBodyBytes sets the largest request body the handler reads, in
// bytes (default 4 MiB); for a compressed body the limit applies to its
// decompressed size. A larger body is answered with 413 requestTooLarge
// before the Service is called. A value below 1 restores the default.
func WithMaxBodyBytes(n int64) Option {
	return func(c *handlerConfig) {
		if n <= 0 {
			n = defaultMaxBodyBytes
		}
		c.maxBodyBytes = n
	}
}

// WithErrorLog sets the function told about internal errors, which are
// answered with 500 generalException: errors from the Service that are not
// an *Error, panics (with their stack), and responses that cannot be
// encoded. The default logs them with log.Printf; nil discards them. The
// client never sees their text.
func WithErrorLog(fn func(r *http.Request, err error)) Option {
	return func(c *handlerConfig) {
		c.errorLog = fn
	}
}

// WithLenientQuery makes the handler accept query options the operation's
// page does not list, options that name properties the operation's entity
// does not document, and $filter operators its page does not list for a
// property: the options are still parsed (a malformed one is answered
// 400) and reach the Service in req.Query, which then decides.
func WithLenientQuery() Option {
	return func(c *handlerConfig) {
		c.lenientQuery = true
	}
}

// WithIntercept has the handler call fn instead of the Service.
func WithIntercept(fn func(op *OpInfo, ctx context.Context, req any) (any, error)) Option {
	return func(c *handlerConfig) {
		c.intercept = fn
	}
}

// defaultErrorLog is the error log used without WithErrorLog. A path
// holding control characters or invalid UTF-8 is written quoted, so that a
// request cannot forge log lines.
func defaultErrorLog(r *http.Request, err error) {
	path := r.URL.Path
	if strings.ContainsFunc(path, func(c rune) bool { return c < ' ' || c == 0x7f || c == utf8.RuneError }) {
		path = strconv.Quote(path)
	}
	log.Printf("%s %s: %v", r.Method, path, err)
}
