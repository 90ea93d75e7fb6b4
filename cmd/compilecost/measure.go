package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// cost is what one go command run took.
type cost struct {
	wall    time.Duration
	cpu     time.Duration // user + system, children included
	maxRSS  int64         // bytes, the largest process
	command string
}

// measurement is one corpus folder's figures.
type measurement struct {
	name      string
	gen       *generated
	cold, pkg cost
}

func measureVersion(docs, dir, name string) (*measurement, error) {
	g, err := generateModule(docs, dir)
	if err != nil {
		return nil, err
	}
	m := &measurement{name: name, gen: g}
	if m.cold, err = goBuild(dir, freshCache(dir, "cold"), "./graph"); err != nil {
		return nil, err
	}
	cache := freshCache(dir, "package")
	std, err := stdDeps(dir, cache)
	if err != nil {
		return nil, err
	}
	if _, err := goBuild(dir, cache, std...); err != nil {
		return nil, err
	}
	m.pkg, err = goBuild(dir, cache, "./graph")
	return m, err
}

// freshCache is an empty GOCACHE folder under dir.
func freshCache(dir, name string) string {
	c := dir + "/.gocache-" + name
	os.RemoveAll(c)
	return c
}

// stdDeps lists the standard-library packages ./graph imports, directly
// or not.
func stdDeps(dir, cache string) ([]string, error) {
	cmd := goCommand(dir, cache, "list", "-deps", "-f", "{{if .Standard}}{{.ImportPath}}{{end}}", "./graph")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v", err)
	}
	return strings.Fields(string(out)), nil
}

func goCommand(dir, cache string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOCACHE="+cache, "GOFLAGS=", "GOTOOLCHAIN=local")
	return cmd
}

// goBuild runs go build with the given cache and returns its cost.
func goBuild(dir, cache string, pkgs ...string) (cost, error) {
	cmd := goCommand(dir, cache, append([]string{"build"}, pkgs...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	c := cost{wall: time.Since(start), command: "go build " + strings.Join(pkgs, " ")}
	if err != nil {
		return c, fmt.Errorf("%s in %s: %v\n%s", c.command, dir, err, out.Bytes())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		c.maxRSS = ru.Maxrss << 10 // KiB on Linux
	}
	c.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return c, nil
}
