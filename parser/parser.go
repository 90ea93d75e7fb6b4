// Package parser reads Microsoft Graph reference pages (markdown) into the
// plain-data schema of package schema. It uses goldmark for block structure
// and never imports the code generator.
//
// Reading happens in two steps: every page is parsed on its own (in
// parallel), then the drafts of all pages are resolved against each other
// in sorted page order, so the result never depends on scheduling.
package parser

import (
	"runtime"
	"sort"
	"sync"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// File is one input page. Path is what diagnostics print (slash-separated).
type File struct {
	Path string
	// Rel is the path relative to the folder argument the page was found
	// in; it names the generated file. Empty means Path.
	Rel  string
	Data []byte
}

// Parse reads all pages and resolves them into one schema. It does not
// fail: problems in the pages become diagnostics in the result.
func Parse(files []File) *schema.Schema {
	files = append([]File(nil), files...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	pages := make([]*pageResult, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				pages[i] = parsePage(files[i].Path, files[i].Data)
				pages[i].rel = files[i].Rel
				if pages[i].rel == "" {
					pages[i].rel = files[i].Path
				}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return resolve(pages)
}
