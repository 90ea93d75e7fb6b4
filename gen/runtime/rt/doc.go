// Package rt is the runtime of every package graphdocgen generates: the
// Optional field type, the Edm primitive types, the Graph error types, the
// JSON codec that decodes and checks request bodies and encodes answers,
// the router and the http.Handler, and (in the files named test_*.go) the
// table-driven runner of the golden tests.
//
// It is ordinary Go, compiled and tested here. gen copies its files, all
// but this one and the _test.go files, into each generated package with
// the package clause replaced (files named test_*.go become _test.go
// files there). So rt must never refer to a declaration the generator
// writes: the generated code hands its tables (operations, enums, type
// families) to rt instead, and every top-level identifier of rt is a name
// the generator must not use (gen derives its reserved names from these
// files).
package rt
