package corpustest

import (
	"bytes"
	"go/format"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// BenchmarkCorpus times, in the same run, the goldmark floor and the full
// generation of each corpus folder, on pages already in memory (reading
// files is excluded from both):
//
//   - floor-par-s/op: goldmark parses every page, on GOMAXPROCS workers
//     like parser.Parse. This is the fair floor, because full generation
//     parses in parallel too; x-floor is full/floor-par (target: <= 3 for
//     beta).
//   - floor-seq-s/op and x-floor-seq: the same on one goroutine, for
//     comparison.
//   - full-s/op (and ns/op): parser.Parse + gen.Generate.
//   - full-cpu-s/op, floor-cpu-s/op, x-floor-cpu: the CPU time (user +
//     system) of the full generation and of the parallel floor, and their
//     ratio: a check on x-floor that other load on the machine disturbs
//     less. Where CPU time is unknown they are not reported.
//   - parse-s/op, parse-cpu-s/op, x-floor-parse: parser.Parse alone (the
//     pages read into the schema, no code generated) and its ratio to the
//     parallel floor.
//   - gofmt-s/op, gofmt-cpu-s/op, x-floor-gofmt: go/format.Source over
//     every generated .go file (already formatted), on GOMAXPROCS
//     workers, and its ratio to the parallel floor. jen.File.Render runs
//     go/format.Source on every file it renders, so this is a lower bound
//     of what emitting through jennifer costs on top of parsing.
//   - peak-MiB: the process's peak resident memory during full generation
//     (VmHWM after resetting it through /proc/self/clear_refs; it includes
//     the pages held in memory). Where that is unavailable, the memory the
//     Go runtime obtained from the OS (MemStats.Sys), an upper bound.
func BenchmarkCorpus(b *testing.B) {
	for _, v := range []string{"v1.0", "beta"} {
		b.Run(v, func(b *testing.B) { benchCorpus(b, v) })
	}
}

func benchCorpus(b *testing.B, version string) {
	files := readCorpus(b, version)
	var seq, par, full, parse, gofmt cost
	var peak uint64
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		seq.add(func() { goldmarkSequential(files) })
		par.add(func() { goldmarkParallel(files) })
		runtime.GC()
		resetPeak()
		b.StartTimer()
		var out []gen.File
		full.add(func() { out = generate(b, files) })
		b.StopTimer()
		peak = max(peak, peakBytes())
		gofmt.add(func() { formatParallel(b, out) })
		parse.add(func() { parser.Parse(files) })
	}
	n := float64(b.N)
	b.ReportMetric(float64(len(files)), "pages")
	b.ReportMetric(seq.wall.Seconds()/n, "floor-seq-s/op")
	b.ReportMetric(par.wall.Seconds()/n, "floor-par-s/op")
	b.ReportMetric(full.wall.Seconds()/n, "full-s/op")
	b.ReportMetric(float64(full.wall)/float64(par.wall), "x-floor")
	b.ReportMetric(float64(full.wall)/float64(seq.wall), "x-floor-seq")
	if full.cpu >= 0 && par.cpu > 0 {
		b.ReportMetric(full.cpu/n, "full-cpu-s/op")
		b.ReportMetric(par.cpu/n, "floor-cpu-s/op")
		b.ReportMetric(full.cpu/par.cpu, "x-floor-cpu")
	}
	b.ReportMetric(parse.wall.Seconds()/n, "parse-s/op")
	b.ReportMetric(float64(parse.wall)/float64(par.wall), "x-floor-parse")
	if parse.cpu >= 0 && par.cpu > 0 {
		b.ReportMetric(parse.cpu/n, "parse-cpu-s/op")
		b.ReportMetric(parse.cpu/par.cpu, "x-floor-parse-cpu")
	}
	b.ReportMetric(gofmt.wall.Seconds()/n, "gofmt-s/op")
	b.ReportMetric(float64(gofmt.wall)/float64(par.wall), "x-floor-gofmt")
	if gofmt.cpu >= 0 && par.cpu > 0 {
		b.ReportMetric(gofmt.cpu/n, "gofmt-cpu-s/op")
		b.ReportMetric(gofmt.cpu/par.cpu, "x-floor-gofmt-cpu")
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
}

// cost accumulates the wall-clock and CPU time of runs.
type cost struct {
	wall time.Duration
	cpu  float64 // seconds; negative when unknown
}

func (c *cost) add(f func()) {
	c0 := cpuTime()
	c.wall += timed(f)
	if c0 < 0 || c.cpu < 0 {
		c.cpu = -1
		return
	}
	c.cpu += cpuTime() - c0
}

func timed(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}

// md is configured as the parser configures goldmark.
var md = goldmark.New(goldmark.WithExtensions(extension.Table))

func goldmarkSequential(files []parser.File) {
	for _, f := range files {
		md.Parser().Parse(text.NewReader(f.Data))
	}
}

// goldmarkParallel parses on GOMAXPROCS workers fed through a channel,
// the way parser.Parse schedules pages.
func goldmarkParallel(files []parser.File) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				md.Parser().Parse(text.NewReader(files[i].Data))
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
}

// formatParallel runs go/format.Source over every generated .go file on
// GOMAXPROCS workers and fails when one is not already gofmt-clean.
func formatParallel(b *testing.B, out []gen.File) {
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var bad []string
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				got, err := format.Source(out[i].Data)
				if err != nil || !bytes.Equal(got, out[i].Data) {
					mu.Lock()
					bad = append(bad, out[i].Name)
					mu.Unlock()
				}
			}
		})
	}
	for i, f := range out {
		if strings.HasSuffix(f.Name, ".go") {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	if len(bad) > 0 {
		b.Fatalf("%d generated files are not gofmt-clean, e.g. %s", len(bad), bad[0])
	}
}

// resetPeak resets the kernel's peak resident set size of this process
// (Linux: "5" in /proc/self/clear_refs); it does nothing elsewhere.
func resetPeak() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakBytes is VmHWM from /proc/self/status, or MemStats.Sys when that
// cannot be read.
func peakBytes() uint64 {
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
				kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
				if err == nil {
					return kb << 10
				}
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Sys
}
