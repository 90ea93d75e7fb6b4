// Package rttest is the runner of the golden tests of every package
// graphdocgen generates: it reads the documented examples under the
// package's testdata/examples, sends each through the handler with a
// double of the Service, and compares what the service receives and what
// the client gets with the docs. gen merges its files, all but this one and
// the _test.go files, into internal/graphrttest of the generated package,
// importing internal/graphrt for rt.
package rttest
