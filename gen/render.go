package gen

import (
	"bytes"
	"fmt"
	goruntime "runtime"
	"sync"

	"github.com/dave/jennifer/jen"
)

// renderer formats files on all cores while the emitter builds the next
// ones (jen.File.Render runs gofmt, the costliest step of generation).
// Files are built in order, so names decided while emitting stay
// deterministic; results are kept by submission order.
type renderer struct {
	jobs chan renderJob
	wg   sync.WaitGroup
	mu   sync.Mutex
	out  []File
	errs []error
}

type renderJob struct {
	i    int
	name string
	f    *jen.File
}

func newRenderer() *renderer {
	r := &renderer{jobs: make(chan renderJob, 2*goruntime.GOMAXPROCS(0))}
	for range goruntime.GOMAXPROCS(0) {
		r.wg.Add(1)
		go r.work()
	}
	return r
}

// render queues f to be written as name.
func (r *renderer) render(name string, f *jen.File) {
	r.mu.Lock()
	i := len(r.out)
	r.out = append(r.out, File{Name: name})
	r.errs = append(r.errs, nil)
	r.mu.Unlock()
	r.jobs <- renderJob{i, name, f}
}

func (r *renderer) work() {
	defer r.wg.Done()
	for j := range r.jobs {
		var buf bytes.Buffer
		err := j.f.Render(&buf)
		r.mu.Lock()
		if err != nil {
			r.errs[j.i] = fmt.Errorf("gen: rendering %s: %w", j.name, err)
		}
		r.out[j.i].Data = buf.Bytes()
		r.mu.Unlock()
	}
}

// wait returns the rendered files in submission order, or the first
// error in that order.
func (r *renderer) wait() ([]File, error) {
	close(r.jobs)
	r.wg.Wait()
	for _, err := range r.errs {
		if err != nil {
			return nil, err
		}
	}
	return r.out, nil
}
