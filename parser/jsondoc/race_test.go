//go:build race

package jsondoc

// raceEnabled reports whether the race detector is on; it slows code down
// too much for the timing bounds to mean anything.
const raceEnabled = true
