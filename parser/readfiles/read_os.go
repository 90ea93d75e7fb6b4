//go:build !(linux || darwin)

package readfiles

import "os"

func readFile(name string) ([]byte, error) { return os.ReadFile(name) }
