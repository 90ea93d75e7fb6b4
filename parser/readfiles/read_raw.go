//go:build linux || darwin

package readfiles

import (
	"io/fs"
	"syscall"
)

// readFile is os.ReadFile without the *os.File: os.Open registers each
// file with the runtime's poller (which refuses a regular file) and
// switches its blocking mode, five system calls a file that a folder of
// thousands of small pages pays for nothing. Errors are the
// *fs.PathError os.ReadFile gives.
func readFile(name string) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	size := 0
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) == nil && st.Size > 0 && int64(int(st.Size)) == st.Size {
		size = int(st.Size)
	}
	// One byte more than the size, so that the read that finds the end
	// needs no growth; at least 512 for files that report no size.
	b := make([]byte, 0, max(size+1, 512))
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := syscall.Read(fd, b[len(b):cap(b)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n <= 0 {
			return b, nil
		}
		b = b[:len(b)+n]
	}
}
