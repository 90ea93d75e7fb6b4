package main

import (
	"bytes"
	"regexp"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
)

// TestPrintTable checks the per-type rows and the ratio to msgraph's
// per-type CPU, with figures made up so that each is easy to compute.
func TestPrintTable(t *testing.T) {
	cost := func(cpu time.Duration, peakMiB int64) corpustool.Cost {
		return corpustool.Cost{Wall: cpu / 2, CPU: cpu, MaxRSS: peakMiB << 20}
	}
	test := cost(30*time.Second, 2048)
	v1 := &measurement{name: "v1.0", types: 1000, gen: &generated{types: 900, enums: 100, operations: 7, files: 3, bytes: 1 << 20},
		cold: cost(20*time.Second, 1000), pkg: cost(10*time.Second, 500), test: &test}
	sdk := &measurement{name: "msgraph v1.89.0", types: 500, sdk: &models{version: "v1.89.0", files: 500, types: 1000, bytes: 2 << 20},
		cold: cost(40*time.Second, 1000), pkg: cost(20*time.Second, 250)}
	var b bytes.Buffer
	if err := printTable(&b, []*measurement{v1, sdk}, sdk); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`(?m)^documented types \(see below\) +1000 +500$`,
		`(?m)^  graphdocgen: types / enums / operations +900 / 100 / 7 +-$`,
		`(?m)^  msgraph: model files / type declarations +- +500 / 1000$`,
		// cold: 20 ms per type against 80 ms.
		`(?m)^cold cache.*:\n(.*\n){3}  CPU time per type \(ms\) +20\.0 +80\.0\n  peak memory per type \(KiB\) +1024 +2048\n  CPU per type / msgraph's +0\.25x +1\.00x$`,
		// package alone: 10 ms per type against 40 ms, peak 512 KiB each.
		`(?m)^package alone.*:\n  wall time +5\.0s +10\.0s\n  CPU time \(user\+sys\) +10\.0s +20\.0s\n  peak memory \(MiB, largest process\) +500 +250\n  CPU time per type \(ms\) +10\.0 +40\.0\n  peak memory per type \(KiB\) +512 +512\n  CPU per type / msgraph's +0\.25x +1\.00x$`,
		// msgraph has no test binary: no ratio row.
		`(?m)^test binary.*:\n(.*\n){2}  peak memory \(MiB, largest process\) +2048 +-\n  CPU time per type \(ms\) +30\.0 +-\n  peak memory per type \(KiB\) +2097 +-\ndocumented types:`,
	} {
		if !regexp.MustCompile(want).Match(b.Bytes()) {
			t.Errorf("table does not match %s:\n%s", want, b.String())
		}
	}
}
