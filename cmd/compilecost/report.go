package main

import (
	"fmt"
	"io"
	"time"

	"github.com/graphdocgen/graphdocgen/cmd/internal/corpustool"
)

// printTable writes one column per corpus folder.
func printTable(w io.Writer, ms []*measurement) error {
	t := corpustool.NewTable(w, 44, 14, ms)
	row := t.Row
	row("graphdocgen compile cost (go build)", func(m *measurement) string { return m.name })
	row("documented types", func(m *measurement) string { return fmt.Sprint(m.gen.types) })
	row("enums / operations", func(m *measurement) string { return fmt.Sprintf("%d / %d", m.gen.enums, m.gen.operations) })
	row("non-test .go files / MiB", func(m *measurement) string {
		return fmt.Sprintf("%d / %.1f", m.gen.files, float64(m.gen.bytes)/(1<<20))
	})
	for _, b := range []struct {
		label string
		c     func(m *measurement) corpustool.Cost
	}{
		{"cold cache, with the std packages it imports", func(m *measurement) corpustool.Cost { return m.cold }},
		{"package alone (std already built)", func(m *measurement) corpustool.Cost { return m.pkg }},
	} {
		t.Printf("%s:\n", b.label)
		row("  wall time", func(m *measurement) string { return secs(b.c(m).Wall) })
		row("  CPU time (user+sys)", func(m *measurement) string { return secs(b.c(m).CPU) })
		row("  peak memory (MiB, largest process)", func(m *measurement) string { return fmt.Sprintf("%.0f", mib(b.c(m).MaxRSS)) })
		row("  wall time per type (ms)", func(m *measurement) string { return perType(b.c(m).Wall, m) })
		row("  CPU time per type (ms)", func(m *measurement) string { return perType(b.c(m).CPU, m) })
		row("  peak memory per type (KiB)", func(m *measurement) string {
			return fmt.Sprintf("%.0f", float64(b.c(m).MaxRSS)/1024/float64(max(m.gen.types, 1)))
		})
	}
	return t.Err()
}

func secs(d time.Duration) string { return fmt.Sprintf("%.1fs", d.Seconds()) }

func mib(b int64) float64 { return float64(b) / (1 << 20) }

func perType(d time.Duration, m *measurement) string {
	return fmt.Sprintf("%.1f", float64(d.Milliseconds())/float64(max(m.gen.types, 1)))
}
