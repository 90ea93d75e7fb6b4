package jsondoc

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// corpusBody is a JSON-looking body cut out of a fenced code block.
type corpusBody struct {
	file string
	line int // line of the body's first byte in file
	text []byte
}

// TestCorpus runs ParseLenient over the JSON bodies of the Graph docs
// snapshot, if it is present next to the repository. A body that
// encoding/json accepts must parse without repairs to the same value; a
// repaired body must compact to valid JSON; and no more bodies may fail
// than did in the snapshot when the test was written.
func TestCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "graph-docs")
	if _, err := os.Stat(filepath.Join(root, "api-reference")); err != nil {
		t.Skipf("Graph docs corpus not found at %s (%v); skipping", root, err)
	}
	start := time.Now()
	var bodies []corpusBody
	err := filepath.WalkDir(filepath.Join(root, "api-reference"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		bodies = append(bodies, fencedBodies(path, data)...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var strictOK, repairedOK, failed int
	codes := map[string]int{}
	var failures []string
	for _, b := range bodies {
		v, repairs, err := ParseLenient(b.text, 64)
		if json.Valid(b.text) {
			checkValid(t, b, v, repairs, err)
		}
		switch {
		case err != nil:
			failed++
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Errorf("%s:%d: error is %T, want *SyntaxError", b.file, b.line, err)
				continue
			}
			line, col := lineCol(b.text, se.Off)
			failures = append(failures, fmtPos(b.file, b.line+line-1, col)+": "+se.Msg)
		case len(repairs) == 0:
			strictOK++
		default:
			repairedOK++
			for _, r := range repairs {
				codes[r.Code]++
			}
			if !json.Valid(v.Compact()) {
				t.Errorf("%s:%d: Compact of repaired body is not valid JSON", b.file, b.line)
			}
		}
	}
	t.Logf("%d bodies in %v: strict ok %d, repaired ok %d, failed %d",
		len(bodies), time.Since(start).Round(time.Millisecond), strictOK, repairedOK, failed)
	type count struct {
		code string
		n    int
	}
	var top []count
	for c, n := range codes {
		top = append(top, count{c, n})
	}
	slices.SortFunc(top, func(a, b count) int { return cmp.Or(b.n-a.n, strings.Compare(a.code, b.code)) })
	for _, c := range top {
		t.Logf("repair %-20s %d", c.code, c.n)
	}
	for i, f := range failures {
		if i == 40 && !testing.Verbose() {
			break
		}
		t.Logf("failed: %s", f)
	}
	// The snapshot's bodies that no repair reads (elided with "...",
	// prose in the block and the like).
	const maxFailed = 51
	if failed > maxFailed {
		t.Errorf("%d bodies fail to parse, more than the %d of the corpus snapshot", failed, maxFailed)
	} else if failed < maxFailed {
		t.Logf("%d bodies fail to parse, fewer than the %d recorded: lower maxFailed", failed, maxFailed)
	}
}

// checkValid checks that a body encoding/json accepts parses without
// repairs to the value encoding/json reads.
func checkValid(t *testing.T, b corpusBody, v *Value, repairs []Repair, err error) {
	t.Helper()
	if err != nil || len(repairs) > 0 {
		t.Errorf("%s:%d: valid JSON read with error %v and %d repairs", b.file, b.line, err, len(repairs))
		return
	}
	var want, got any
	if json.Unmarshal(b.text, &want) != nil || json.Unmarshal(v.Compact(), &got) != nil || !reflect.DeepEqual(want, got) {
		t.Errorf("%s:%d: Compact of valid JSON reads as another value than the body", b.file, b.line)
	}
}

// fencedBodies returns, for each fenced code block of a markdown file, the
// text from its first line starting with '{' or '[' to the end of the fence.
func fencedBodies(file string, data []byte) []corpusBody {
	var out []corpusBody
	lines := bytes.SplitAfter(data, []byte("\n"))
	fence := ""
	bodyLine := -1
	var body []byte
	for i, ln := range lines {
		trimmed := strings.TrimSpace(string(ln))
		if fence == "" {
			if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
				fence = trimmed[:3]
				bodyLine, body = -1, nil
			}
			continue
		}
		if trimmed == fence || (strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]) == "") {
			if bodyLine >= 0 {
				out = append(out, corpusBody{file: file, line: bodyLine + 1, text: body})
			}
			fence = ""
			continue
		}
		if bodyLine < 0 && (strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "[")) {
			bodyLine = i
		}
		if bodyLine >= 0 {
			body = append(body, ln...)
		}
	}
	return out
}

// lineCol returns the 1-based line and byte column of off in src.
func lineCol(src []byte, off int) (line, col int) {
	off = min(off, len(src))
	line = 1 + bytes.Count(src[:off], []byte("\n"))
	return line, off - bytes.LastIndexByte(src[:off], '\n')
}

func fmtPos(file string, line, col int) string {
	return file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
}
