package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// progress shows the current stage on one terminal line, rewritten in
// place with \r, once a run has taken longer than delay. A disabled
// progress (nil) does nothing.
type progress struct {
	w        io.Writer
	start    time.Time
	delay    time.Duration
	interval time.Duration

	mu    sync.Mutex
	stage string
	last  string // the line shown
	width int    // length of the last line shown; 0 when none is shown
	stop  chan struct{}
	done  chan struct{}
	once  sync.Once
}

// Progress timing: nothing is shown for short runs.
const (
	progressDelay    = 2 * time.Second
	progressInterval = 250 * time.Millisecond
)

// newProgress returns a progress writing to w when w is a terminal and
// quiet is false, else nil.
func newProgress(w io.Writer, quiet bool) *progress {
	if quiet || !isTerminal(w) {
		return nil
	}
	return startProgress(w, progressDelay, progressInterval)
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func startProgress(w io.Writer, delay, interval time.Duration) *progress {
	p := &progress{w: w, start: time.Now(), delay: delay, interval: interval,
		stop: make(chan struct{}), done: make(chan struct{})}
	go p.loop()
	return p
}

func (p *progress) loop() {
	defer close(p.done)
	t := time.NewTicker(p.interval)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			if time.Since(p.start) >= p.delay {
				p.show()
			}
		}
	}
}

// Stage names what the run is doing now.
func (p *progress) Stage(format string, args ...any) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.stage = fmt.Sprintf(format, args...)
	p.mu.Unlock()
}

func (p *progress) show() {
	p.mu.Lock()
	defer p.mu.Unlock()
	line := fmt.Sprintf("graphdocgen: %s (%ds)", p.stage, int(time.Since(p.start).Seconds()))
	if line == p.last {
		return
	}
	p.last = line
	pad := max(p.width-len(line), 0)
	fmt.Fprint(p.w, "\r"+line+strings.Repeat(" ", pad))
	p.width = len(line)
}

// Done stops the display and clears its line, so that what follows
// starts at the beginning of an empty line.
func (p *progress) Done() {
	if p == nil {
		return
	}
	p.once.Do(func() {
		close(p.stop)
		<-p.done
		if p.width > 0 {
			fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.width)+"\r")
		}
	})
}
