//go:build !race

package jsondoc

// raceEnabled reports whether the race detector is on.
const raceEnabled = false
