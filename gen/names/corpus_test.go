package names

import (
	"bufio"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// corpusDir is the Graph docs snapshot shared by the project's engineers.
var corpusDir = filepath.Join("..", "..", "..", "shared", "graph-docs")

// corpusTable is the first column of one markdown table whose header starts
// with Property, Name or Member.
type corpusTable struct {
	page  string
	names []string
}

// TestCorpusNames runs Exported and Unexported over the first cell of every
// property, name or member table in the corpus, checks each result is an
// identifier, and checks the clashes within a table (distinct names, one
// Go name) are exactly the ones of the corpus snapshot, with no name
// falling back to a hash.
func TestCorpusNames(t *testing.T) {
	root := filepath.Join(corpusDir, "api-reference")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not available at %s: %v", root, err)
	}
	tables := readCorpusTables(t, root)
	var cells, clashes, hashed, odd int
	var clashList, hashedSamples, oddNames []string
	oddSeen := map[string]bool{}
	for _, tb := range tables {
		byGo := map[string][]string{}
		for _, name := range tb.names {
			cells++
			checkCorpusName(t, tb.page, name)
			e := Exported(name)
			if strings.Contains(e, shortHash(name)) {
				hashed++
				hashedSamples = appendSample(hashedSamples, tb.page+": "+name+" -> "+e)
			} else if !plainName.MatchString(name) {
				odd++
				if !oddSeen[name] {
					oddSeen[name] = true
					oddNames = append(oddNames, name+" -> "+e+" / "+Unexported(name))
				}
			}
			if !slices.Contains(byGo[e], name) {
				byGo[e] = append(byGo[e], name)
			}
		}
		for _, e := range slices.Sorted(maps.Keys(byGo)) {
			if ins := byGo[e]; len(ins) > 1 {
				clashes++
				clashList = append(clashList, tb.page+": "+strings.Join(ins, " , ")+" -> "+e)
			}
		}
	}
	t.Logf("%d tables, %d first cells, %d of them (%d distinct) not plain identifiers; %d clashes (distinct inputs, same Exported, same table); %d hash fallbacks",
		len(tables), cells, odd, len(oddNames), clashes, hashed)
	logSamples(t, "hash fallback", hashedSamples)
	logSamples(t, "odd name", spread(oddNames, 25))
	if diff := cmp.Diff(corpusClashes, clashList); diff != "" {
		t.Errorf("clashes within a table (-snapshot +now):\n%s", diff)
	}
	if hashed > 0 {
		t.Errorf("%d names fall back to a hash, none did in the corpus snapshot", hashed)
	}
}

// corpusClashes are the clashes within one table of the corpus snapshot
// (the generator resolves them by its naming rule).
var corpusClashes = []string{
	"api-reference/beta/resources/intune-devices-windowsmalwarecategory.md: remoteControlSoftware , remote_Control_Software -> RemoteControlSoftware",
}

// plainName matches names that are already Go identifiers.
var plainName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)

func logSamples(t *testing.T, kind string, samples []string) {
	t.Helper()
	for _, s := range samples {
		t.Logf("%s: %s", kind, s)
	}
}

// checkCorpusName checks the identifier promises for one corpus name.
func checkCorpusName(t *testing.T, page, name string) {
	t.Helper()
	e, u := Exported(name), Unexported(name)
	if p := identProblem(e, true); p != "" {
		t.Errorf("%s: Exported(%q) = %q: %s", page, name, e, p)
	}
	if p := identProblem(u, false); p != "" {
		t.Errorf("%s: Unexported(%q) = %q: %s", page, name, u, p)
	}
	if again := Exported(e); again != e {
		t.Errorf("%s: Exported(%q) = %q, but Exported(%q) = %q", page, name, e, e, again)
	}
}

// readCorpusTables reads every matching table under root, in path order.
func readCorpusTables(t *testing.T, root string) []corpusTable {
	t.Helper()
	var tables []corpusTable
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, path)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		for _, names := range firstColumns(bufio.NewScanner(f)) {
			tables = append(tables, corpusTable{page: filepath.ToSlash(rel), names: names})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tables
}

var delimiterRow = regexp.MustCompile(`^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)

// firstColumns returns the first cell of each body row of every table whose
// header's first cell starts with Property, Name or Member. Rough: pipe
// tables only, one table per header line.
func firstColumns(sc *bufio.Scanner) [][]string {
	var out [][]string
	var cur []string
	inTable, prev := false, ""
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case delimiterRow.MatchString(line) && strings.Contains(line, "|"):
			h := strings.ToLower(firstCell(prev))
			inTable = strings.HasPrefix(h, "property") || strings.HasPrefix(h, "name") || strings.HasPrefix(h, "member")
			cur = nil
		case inTable && strings.HasPrefix(line, "|"):
			if c := firstCell(line); c != "" {
				cur = append(cur, c)
			}
		case inTable:
			if len(cur) > 0 {
				out = append(out, cur)
			}
			inTable, cur = false, nil
		}
		prev = line
	}
	if inTable && len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

var link = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// firstCell returns the first cell of a table row without markdown
// emphasis, code spans and links.
func firstCell(row string) string {
	row = strings.ReplaceAll(strings.TrimPrefix(row, "|"), `\|`, "\x00")
	cell, _, _ := strings.Cut(row, "|")
	cell = strings.ReplaceAll(cell, "\x00", "|")
	cell = link.ReplaceAllString(cell, "$1")
	cell = strings.NewReplacer("**", "", "`", "").Replace(cell)
	return strings.TrimSpace(cell)
}

// spread returns about n elements of list, evenly spaced.
func spread(list []string, n int) []string {
	var out []string
	for i := 0; i < len(list); i += max(1, len(list)/n) {
		out = append(out, list[i])
	}
	return out
}

// appendSample keeps the first few samples.
func appendSample(samples []string, s string) []string {
	if len(samples) < 15 {
		samples = append(samples, s)
	}
	return samples
}
