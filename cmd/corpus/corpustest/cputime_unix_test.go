//go:build unix

package corpustest

import "syscall"

// cpuTime is the user plus system CPU time this process has used, in
// seconds, or -1 when unknown.
func cpuTime() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return -1
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
