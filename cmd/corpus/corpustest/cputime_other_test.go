//go:build !unix

package corpustest

// cpuTime is unknown on this system.
func cpuTime() float64 { return -1 }
