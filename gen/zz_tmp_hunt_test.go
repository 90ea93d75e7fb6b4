package gen_test

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/parser"
)

func TestTmpHunt(t *testing.T) {
	raw, _ := os.ReadFile(os.Getenv("HUNT"))
	s := string(raw)
	s = s[strings.Index(s, "[]byte(")+7 : strings.LastIndex(s, ")")]
	u, err := strconv.Unquote(s)
	if err != nil {
		t.Fatal(err)
	}
	in := []byte(u)
	try := func(b []byte) bool {
		done := make(chan bool)
		go func() {
			ps := parser.Parse([]parser.File{{Path: "api/page.md", Data: b}})
			gen.Generate(ps, gen.Options{Package: "api"})
			close(done)
		}()
		select {
		case <-done:
			return true
		case <-time.After(3 * time.Second):
			return false
		}
	}
	for size := 64; size >= 1; size /= 2 {
		for i := 0; i+size <= len(in); i++ {
			c := append(append([]byte{}, in[:i]...), in[i+size:]...)
			if !try(c) {
				os.WriteFile("/tmp/fuzzlogs/hang.md", c, 0o644)
				t.Fatalf("hang found removing %d at %d", size, i)
			}
		}
	}
}
