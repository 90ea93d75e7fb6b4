package main

import (
	"fmt"
	"io"
	"time"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
)

// printTable writes one column per package measured; sdk, when not nil,
// is msgraph-sdk-go's models, the yardstick of the per-type CPU ratio.
func printTable(w io.Writer, ms []*measurement, sdk *measurement) error {
	t := corpustool.NewTable(w, 46, 15, ms)
	t.Row("compile cost (go build)", func(m *measurement) string { return m.name })
	t.Row("documented types (see below)", func(m *measurement) string { return fmt.Sprint(m.types) })
	t.Row("  graphdocgen: types / enums / operations", func(m *measurement) string {
		if m.gen == nil {
			return "-"
		}
		return fmt.Sprintf("%d / %d / %d", m.gen.types, m.gen.enums, m.gen.operations)
	})
	t.Row("  msgraph: model files / type declarations", func(m *measurement) string {
		if m.sdk == nil {
			return "-"
		}
		return fmt.Sprintf("%d / %d", m.sdk.files, m.sdk.types)
	})
	t.Row("non-test .go files / MiB", func(m *measurement) string {
		if m.sdk != nil {
			return fmt.Sprintf("%d / %.1f", m.sdk.files, mib(m.sdk.bytes))
		}
		return fmt.Sprintf("%d / %.1f", m.gen.files, mib(m.gen.bytes))
	})
	for _, b := range []struct {
		label string
		c     func(m *measurement) *corpustool.Cost
	}{
		{"cold cache, with everything it imports", func(m *measurement) *corpustool.Cost { return &m.cold }},
		{"package alone (its imports already built)", func(m *measurement) *corpustool.Cost { return &m.pkg }},
		{"test binary, go test -c (imports built)", func(m *measurement) *corpustool.Cost { return m.test }},
	} {
		t.Printf("%s:\n", b.label)
		figure := func(f func(c *corpustool.Cost, m *measurement) string) func(m *measurement) string {
			return func(m *measurement) string {
				if c := b.c(m); c != nil {
					return f(c, m)
				}
				return "-"
			}
		}
		t.Row("  wall time", figure(func(c *corpustool.Cost, _ *measurement) string { return secs(c.Wall) }))
		t.Row("  CPU time (user+sys)", figure(func(c *corpustool.Cost, _ *measurement) string { return secs(c.CPU) }))
		t.Row("  peak memory (MiB, largest process)", figure(func(c *corpustool.Cost, _ *measurement) string {
			return fmt.Sprintf("%.0f", mib(c.MaxRSS))
		}))
		t.Row("  CPU time per type (ms)", figure(func(c *corpustool.Cost, m *measurement) string {
			return fmt.Sprintf("%.1f", cpuPerType(c, m))
		}))
		t.Row("  peak memory per type (KiB)", figure(func(c *corpustool.Cost, m *measurement) string {
			return fmt.Sprintf("%.0f", float64(c.MaxRSS)/1024/float64(max(m.types, 1)))
		}))
		if sdk != nil && b.c(sdk) != nil {
			t.Row("  CPU per type / msgraph's", figure(func(c *corpustool.Cost, m *measurement) string {
				return fmt.Sprintf("%.2fx", cpuPerType(c, m)/cpuPerType(b.c(sdk), sdk))
			}))
		}
	}
	t.Printf("documented types: a generated package's types and enums; msgraph-sdk-go's model files\n" +
		"(a file per entity, complex type or enum; its type declarations also count each model's interface).\n")
	return t.Err()
}

func secs(d time.Duration) string { return fmt.Sprintf("%.1fs", d.Seconds()) }

func mib(b int64) float64 { return float64(b) / (1 << 20) }

// cpuPerType is c's CPU time in milliseconds per documented type of m.
func cpuPerType(c *corpustool.Cost, m *measurement) float64 {
	return float64(c.CPU.Microseconds()) / 1000 / float64(max(m.types, 1))
}
