package rt

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
)

// decode reads the JSON request body into dst, a non-nil pointer. On failure
// it writes the error response (415, 413 or 400) and returns false. An
// empty body is accepted and leaves dst untouched.
func (h *Handler) decode(w http.ResponseWriter, r *http.Request, dst any, opts *decodeOptions) bool {
	if ct := r.Header.Get("Content-Type"); ct != "" && !isJSONMediaType(ct) {
		writeError(w, &Error{Status: http.StatusUnsupportedMediaType, Message: "The request body must be JSON (Content-Type: application/json)."})
		return false
	}
	body, e := h.readBody(w, r)
	if e == nil && len(bytes.TrimSpace(body)) > 0 {
		e = decodeStrict(body, dst, opts)
	}
	if e != nil {
		if e.Status == http.StatusUnsupportedMediaType {
			w.Header().Set("Accept-Encoding", "gzip, deflate")
		}
		writeError(w, e)
		return false
	}
	return true
}

// rawRequest reports whether r's body is one of the media types op takes
// raw (Operation.Raw), not decoded as JSON.
func (op *OpInfo) rawRequest(r *http.Request) bool {
	return len(op.Raw) > 0 && op.TakesRaw(r.Header.Get("Content-Type"))
}

// TakesRaw reports whether a body of that Content-Type reaches the
// service undecoded (Operation.Raw).
func (op *OpInfo) TakesRaw(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.TrimSpace(mt)
	return mt != "" && slices.ContainsFunc(op.Raw, func(t string) bool { return strings.EqualFold(t, mt) })
}

// isJSONMediaType reports whether a Content-Type is application/json or
// type/subtype+json, ignoring parameters and case.
func isJSONMediaType(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	typ, sub, ok := strings.Cut(strings.ToLower(strings.TrimSpace(mt)), "/")
	if !ok || typ == "" {
		return false
	}
	return typ == "application" && sub == "json" || len(sub) > len("+json") && strings.HasSuffix(sub, "+json")
}

// readBody reads the request body up to the configured limit, decoding
// its Content-Encoding (gzip, deflate or identity; several are undone in
// reverse order). The limit applies to the body as sent and to every
// decoded stage, so a small compressed body cannot expand beyond it. Any
// other content coding is answered 415, so that a client retries without
// compression. An empty body is no body, whatever its Content-Encoding.
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) ([]byte, *Error) {
	limit := h.cfg.maxBodyBytes
	tooLarge := &Error{Status: http.StatusRequestEntityTooLarge, Message: fmt.Sprintf("The request body is larger than %d bytes.", limit)}
	codings, e := contentCodings(r.Header.Values("Content-Encoding"))
	if e != nil {
		return nil, e
	}
	if r.ContentLength > limit {
		return nil, tooLarge
	}
	if r.Body == nil {
		return nil, nil
	}
	// MaxBytesReader tells the server's own ResponseWriter to close the
	// connection when the limit is hit: the trackingWriter would hide it.
	if tw, ok := w.(*trackingWriter); ok {
		w = tw.ResponseWriter
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var maxErr *http.MaxBytesError
	switch {
	case errors.As(err, &maxErr):
		return nil, tooLarge
	case err != nil:
		return nil, badRequest("The request body could not be read.")
	}
	if len(body) == 0 {
		// Nothing was sent, so nothing was compressed: an empty body is
		// no body, with or without a Content-Encoding.
		return body, nil
	}
	for i := len(codings) - 1; i >= 0; i-- {
		if body, e = decompress(codings[i], body, limit); e != nil {
			if e.Status == http.StatusRequestEntityTooLarge {
				return nil, tooLarge
			}
			return nil, e
		}
	}
	return body, nil
}

// contentCodings returns the content codings of a request body in the
// order they were applied, without identity; a coding other than gzip,
// x-gzip and deflate is a 415 error.
func contentCodings(values []string) ([]string, *Error) {
	var out []string
	for _, v := range values {
		for _, c := range strings.Split(v, ",") {
			switch c = strings.ToLower(strings.TrimSpace(c)); c {
			case "", "identity":
			case "gzip", "x-gzip", "deflate":
				out = append(out, c)
			default:
				return nil, &Error{Status: http.StatusUnsupportedMediaType,
					Message: fmt.Sprintf("The request body's Content-Encoding %q is not supported: send it with gzip, deflate or no content coding.", truncateText(c, 40))}
			}
		}
	}
	return out, nil
}

// decompress undoes one content coding of body, reading at most limit
// bytes of output. deflate is the zlib format (RFC 9110); a raw DEFLATE
// stream, which some clients send, is accepted too.
func decompress(coding string, body []byte, limit int64) ([]byte, *Error) {
	var zr io.ReadCloser
	var err error
	switch coding {
	case "deflate":
		if zr, err = zlib.NewReader(bytes.NewReader(body)); err != nil {
			zr, err = flate.NewReader(bytes.NewReader(body)), nil
		}
	default:
		zr, err = gzip.NewReader(bytes.NewReader(body))
	}
	if err != nil {
		return nil, badRequest(fmt.Sprintf("The request body is not valid %s data.", coding))
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	switch {
	case int64(len(out)) > limit:
		return nil, &Error{Status: http.StatusRequestEntityTooLarge}
	case err != nil:
		return nil, badRequest(fmt.Sprintf("The request body is not valid %s data.", coding))
	}
	return out, nil
}

// truncateText cuts s, which may come from the request, to at most n
// bytes of valid UTF-8.
func truncateText(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// rawBody returns r with its body decoded from its Content-Encoding (gzip,
// deflate, several undone in reverse order) as the service reads it, for
// an operation whose body the handler does not decode: a copy of r whose
// Body decodes as it is read, without the Content-Encoding and
// Content-Length headers, ContentLength -1. A request without a body or
// without a content coding is returned as it is. Any other coding is a 415 error, and a body
// that does not start as its coding says a 400. Neither the body nor its
// decoded form is limited (WithMaxBodyBytes is for the JSON the handler
// decodes): an upload can be large, and the service reads it as a stream.
func rawBody(r *http.Request) (*http.Request, *Error) {
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
		return r, nil // no body: its coding does not matter
	}
	codings, e := contentCodings(r.Header.Values("Content-Encoding"))
	if e != nil || len(codings) == 0 {
		return r, e
	}
	var rd io.Reader = bufio.NewReader(r.Body)
	for i := len(codings) - 1; i >= 0; i-- {
		var err error
		if rd, err = decoder(codings[i], rd); err != nil {
			if errors.Is(err, io.EOF) {
				// Nothing was sent, so nothing was compressed.
				rd = http.NoBody
				break
			}
			return nil, badRequest(fmt.Sprintf("The request body is not valid %s data.", codings[i]))
		}
	}
	out := r.Clone(r.Context())
	out.Body = struct {
		io.Reader
		io.Closer
	}{rd, r.Body}
	out.Header.Del("Content-Encoding")
	out.Header.Del("Content-Length")
	out.ContentLength = -1
	return out, nil
}

// decoder returns a reader that undoes one content coding of rd as it is
// read. deflate is the zlib format (RFC 9110), or a raw DEFLATE stream,
// which some clients send, when the data does not start with a zlib
// header.
func decoder(coding string, rd io.Reader) (io.Reader, error) {
	if coding != "deflate" {
		return gzip.NewReader(rd)
	}
	br := bufio.NewReader(rd)
	head, err := br.Peek(2)
	if err != nil {
		return nil, err
	}
	if head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}
