package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for the progress goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestProgressOnlyOnTerminals(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, out := range []io.Writer{&bytes.Buffer{}, w} {
		if p := newProgress(out, false); p != nil {
			p.Done()
			t.Errorf("progress enabled on %T", out)
		}
	}
	var nilProgress *progress
	nilProgress.Stage("ignored %d", 1)
	nilProgress.Done()
}

// TestProgressRewritesOneLine shows a stage without delay and checks the
// line is drawn with \r, never ends a line, and is cleared by Done.
func TestProgressRewritesOneLine(t *testing.T) {
	var b lockedBuffer
	p := startProgress(&b, 0, time.Millisecond)
	p.Stage("parsing %d pages", 3)
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(b.String(), "parsing 3 pages"); {
		if time.Now().After(deadline) {
			t.Fatalf("progress never shown; output %q", b.String())
		}
		time.Sleep(time.Millisecond)
	}
	p.Done()
	p.Done()
	out := b.String()
	if !strings.HasPrefix(out, "\rgraphdocgen: parsing 3 pages (") || strings.Contains(out, "\n") {
		t.Errorf("progress output %q: want \\r-rewritten lines and no newline", out)
	}
	last := out[strings.LastIndexByte(out[:len(out)-1], '\r'):]
	if strings.TrimSpace(last) != "" || !strings.HasSuffix(last, "\r") {
		t.Errorf("Done left %q, want the line blanked and the cursor at its start", last)
	}
}

// TestNoProgressWhenNotATerminal checks a run into a buffer writes no \r.
func TestNoProgressWhenNotATerminal(t *testing.T) {
	_, _, stderr := runCLI(t, "-out", moduleDir(t), "-pkg", "x", "../../seeds")
	if strings.Contains(stderr, "\r") {
		t.Errorf("stderr holds a carriage return:\n%q", stderr)
	}
}
