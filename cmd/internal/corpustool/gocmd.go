package corpustool

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// Go runs the go command the way the corpus tools do: in a module folder,
// with GOFLAGS=-mod=mod (a temporary module's go.sum may lack entries),
// the local toolchain, and, when Cache is set, a build cache of its own.
type Go struct {
	Dir   string
	Cache string // GOCACHE; empty means the user's
}

// Command returns the go command with args, not started.
func (g Go) Command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = g.Dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
	if g.Cache != "" {
		cmd.Env = append(cmd.Env, "GOCACHE="+g.Cache)
	}
	return cmd
}

// Run runs the go command; its error holds the command's output.
func (g Go) Run(ctx context.Context, args ...string) error {
	_, err := g.Measure(ctx, args...)
	return err
}

// Output runs the go command and returns its standard output; its error
// holds the standard error.
func (g Go) Output(ctx context.Context, args ...string) ([]byte, error) {
	cmd := g.Command(ctx, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, g.fail(args, err, stderr.Bytes())
	}
	return out, nil
}

// Cost is what one go command took.
type Cost struct {
	Wall   time.Duration
	CPU    time.Duration // user + system, the go command and all it ran
	MaxRSS int64         // bytes: the resident set of its largest process
}

// Measure runs the go command and returns its cost. Peak memory is the
// largest resident set among the go command and the processes it waited
// for (getrusage of the child, which Linux reports as the maximum over
// its descendants).
func (g Go) Measure(ctx context.Context, args ...string) (Cost, error) {
	cmd := g.Command(ctx, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	c := Cost{Wall: time.Since(start)}
	if err != nil {
		return c, g.fail(args, err, out.Bytes())
	}
	c.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		c.MaxRSS = int64(ru.Maxrss) << 10 // KiB on Linux
	}
	return c, nil
}

func (g Go) fail(args []string, err error, out []byte) error {
	return fmt.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), g.Dir, err, bytes.TrimSpace(out))
}
