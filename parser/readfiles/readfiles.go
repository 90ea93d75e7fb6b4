// Package readfiles reads many files at once. graphdocgen reads every page
// of a docs folder, and every generated file of the output folder to
// compare with; reading a file is mostly system-call time, which a few
// goroutines overlap. It imports nothing but the standard library, so the
// generator uses it too.
package readfiles

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// All returns the contents of each of paths, in the order given. When a
// read fails, the error is that of the first failing path in that order,
// whatever the order the reads ran in.
func All(paths []string) ([][]byte, error) {
	data := make([][]byte, len(paths))
	errs := make([]error, len(paths))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(len(paths), Workers()) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				data[i], errs[i] = readFile(paths[i])
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}

// Workers is the number of reads All runs at once: twice GOMAXPROCS, at
// least 4, so that a read waiting on the disk leaves the cores busy.
func Workers() int { return max(4, 2*runtime.GOMAXPROCS(0)) }
