package gen

import (
	"bytes"
	"fmt"
	goformat "go/format"
	goruntime "runtime"
	"sync"

	"github.com/dave/jennifer/jen"
)

// renderer builds and formats files on all cores (gofmt is the costliest
// step of generation). Building a file only reads the
// plan, and every file is its own jen.File (import names are decided per
// file), so files can be built in any order; results are kept by
// submission order.
type renderer struct {
	jobs chan renderJob
	wg   sync.WaitGroup
	mu   sync.Mutex
	out  []File
	skip []bool // no such file after all
	errs []error
}

// renderJob makes one file: ok is false when there is no such file.
type renderJob struct {
	i    int
	make func() (data []byte, ok bool, err error)
}

func newRenderer() *renderer {
	r := &renderer{jobs: make(chan renderJob, 2*goruntime.GOMAXPROCS(0))}
	for range goruntime.GOMAXPROCS(0) {
		r.wg.Add(1)
		go r.work()
	}
	return r
}

// render queues the Go file that build returns, formatted, as name; a nil
// file means there is none.
func (r *renderer) render(name string, build func() *jen.File) {
	r.queue(name, func() ([]byte, bool, error) {
		f := build()
		if f == nil {
			return nil, false, nil
		}
		data, err := formatFile(f)
		if err != nil {
			return nil, false, fmt.Errorf("gen: rendering %s: %w", name, err)
		}
		return data, true, nil
	})
}

// formatFile renders f and formats it with gofmt, with the doc comments
// cut out while gofmt runs and put back after (see docMark).
func formatFile(f *jen.File) ([]byte, error) {
	f.NoFormat = true
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	src, docs := cutDocs(buf.Bytes())
	out, err := goformat.Source(src)
	if err != nil {
		return nil, fmt.Errorf("formatting: %w", err)
	}
	out, ok := docs.expand(out)
	if !ok {
		// A placeholder gofmt did not leave alone on its line: format
		// the comments with the rest.
		if out, err = goformat.Source(docs.inline(buf.Bytes())); err != nil {
			return nil, fmt.Errorf("formatting: %w", err)
		}
	}
	return out, nil
}

// write queues a file whose contents data returns as is; nil means there
// is no such file.
func (r *renderer) write(name string, data func() []byte) {
	r.queue(name, func() ([]byte, bool, error) {
		d := data()
		return d, d != nil, nil
	})
}

func (r *renderer) queue(name string, make func() ([]byte, bool, error)) {
	r.mu.Lock()
	i := len(r.out)
	r.out = append(r.out, File{Name: name})
	r.skip = append(r.skip, false)
	r.errs = append(r.errs, nil)
	r.mu.Unlock()
	r.jobs <- renderJob{i, make}
}

func (r *renderer) work() {
	defer r.wg.Done()
	for j := range r.jobs {
		data, ok, err := j.make()
		r.mu.Lock()
		r.out[j.i].Data, r.skip[j.i], r.errs[j.i] = data, !ok, err
		r.mu.Unlock()
	}
}

// wait returns the files in submission order, or the first error in that
// order.
func (r *renderer) wait() ([]File, error) {
	close(r.jobs)
	r.wg.Wait()
	for _, err := range r.errs {
		if err != nil {
			return nil, err
		}
	}
	out := r.out[:0]
	for i, f := range r.out {
		if !r.skip[i] {
			out = append(out, f)
		}
	}
	return out, nil
}
