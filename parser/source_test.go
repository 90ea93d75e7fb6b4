package parser

import "testing"

// TestReleaseKeepsPositions checks that a source whose text is released
// once its page is read (parsePage) still gives every offset the line and
// column it gave before, clamping offsets outside the text the same way.
func TestReleaseKeepsPositions(t *testing.T) {
	for name, page := range map[string]string{
		"plain":        "# Title\n\nsome text\n| a | b |\n",
		"crlf":         "\xef\xbb\xbf# Title\r\n\r\ntext\rmore\r\n",
		"front matter": "---\ntitle: \"x\"\n---\n# Title\n",
		"no newline":   "# Title",
		"empty":        "",
	} {
		s := newSource("p.md", []byte(page))
		n := len(s.text)
		before := make(map[int][2]int)
		for off := -2; off <= n+2; off++ {
			l, c := s.lineCol(off)
			before[off] = [2]int{l, c}
		}
		starts := make([]int, len(s.lines)+2)
		for i := range starts {
			starts[i] = s.lineStart(i)
		}
		s.release()
		if s.text != nil {
			t.Fatalf("%s: text kept after release", name)
		}
		for off := -2; off <= n+2; off++ {
			if l, c := s.lineCol(off); [2]int{l, c} != before[off] {
				t.Errorf("%s: offset %d at %d:%d after release, %d:%d before", name, off, l, c, before[off][0], before[off][1])
			}
		}
		for i, want := range starts {
			if got := s.lineStart(i); got != want {
				t.Errorf("%s: line %d starts at %d after release, %d before", name, i, got, want)
			}
		}
		if got := s.line(1); got != "" {
			t.Errorf("%s: line(1) = %q after release, want \"\"", name, got)
		}
	}
}

// TestParsePageReleasesText checks that parsePage drops the page text:
// holding every page's text until resolve was a second copy of the input.
func TestParsePageReleasesText(t *testing.T) {
	res := parsePage("api/x-get.md", []byte("# Get x\n\n## HTTP request\n\n```http\nGET /x\n```\n"))
	if res.src.text != nil {
		t.Fatal("parsePage kept the page text")
	}
	if res.src.end == 0 {
		t.Fatal("parsePage lost the page length")
	}
}
