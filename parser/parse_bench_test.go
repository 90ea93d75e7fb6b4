package parser

import (
	"path/filepath"
	"testing"
)

// BenchmarkParse times Parse alone, without code generation, on each
// corpus folder with its pages already in memory. For the parser's CPU
// profile: go test -run '^$' -bench 'Parse/beta' -benchtime 3x
// -cpuprofile cpu.prof ./parser (page parsing runs under Parse.func2,
// resolving under resolve).
func BenchmarkParse(b *testing.B) {
	root := filepath.Join("..", "..", "shared", "graph-docs", "api-reference")
	for _, v := range []string{"v1.0", "beta"} {
		b.Run(v, func(b *testing.B) {
			files, err := ReadPaths([]string{filepath.Join(root, v)})
			if err != nil {
				b.Skipf("corpus not found: %v", err)
			}
			b.ResetTimer()
			for range b.N {
				Parse(files)
			}
		})
	}
}
