package main

import (
	"fmt"
	"io"
	"time"
)

// printTable writes one column per corpus folder.
func printTable(w io.Writer, ms []*measurement) {
	row := func(label string, f func(m *measurement) string) {
		fmt.Fprintf(w, "%-44s", label)
		for _, m := range ms {
			fmt.Fprintf(w, " %14s", f(m))
		}
		fmt.Fprintln(w)
	}
	row("graphdocgen compile cost (go build)", func(m *measurement) string { return m.name })
	row("documented types", func(m *measurement) string { return fmt.Sprint(m.gen.types) })
	row("enums / operations", func(m *measurement) string { return fmt.Sprintf("%d / %d", m.gen.enums, m.gen.operations) })
	row("non-test .go files / MiB", func(m *measurement) string {
		return fmt.Sprintf("%d / %.1f", m.gen.files, float64(m.gen.bytes)/(1<<20))
	})
	for _, b := range []struct {
		label string
		c     func(m *measurement) cost
	}{
		{"cold cache, with the std packages it imports", func(m *measurement) cost { return m.cold }},
		{"package alone (std already built)", func(m *measurement) cost { return m.pkg }},
	} {
		fmt.Fprintln(w, b.label+":")
		row("  wall time", func(m *measurement) string { return secs(b.c(m).wall) })
		row("  CPU time (user+sys)", func(m *measurement) string { return secs(b.c(m).cpu) })
		row("  peak memory (MiB, largest process)", func(m *measurement) string { return fmt.Sprintf("%.0f", mib(b.c(m).maxRSS)) })
		row("  wall time per type (ms)", func(m *measurement) string { return perType(b.c(m).wall, m) })
		row("  CPU time per type (ms)", func(m *measurement) string { return perType(b.c(m).cpu, m) })
		row("  peak memory per type (KiB)", func(m *measurement) string {
			return fmt.Sprintf("%.0f", float64(b.c(m).maxRSS)/1024/float64(max(m.gen.types, 1)))
		})
	}
}

func secs(d time.Duration) string { return fmt.Sprintf("%.1fs", d.Seconds()) }

func mib(b int64) float64 { return float64(b) / (1 << 20) }

func perType(d time.Duration, m *measurement) string {
	return fmt.Sprintf("%.1f", float64(d.Milliseconds())/float64(max(m.gen.types, 1)))
}
