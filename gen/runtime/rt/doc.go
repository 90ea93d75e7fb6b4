// Package rt is the runtime of every package graphdocgen generates: the
// Optional field type, the Edm primitive types, the Graph error types, the
// JSON codec that decodes and checks request bodies and encodes answers,
// the router and the http.Handler. Package rttest, below it, is the
// table-driven runner of the golden tests.
//
// It is ordinary Go, compiled and tested here. gen merges its files, all
// but this one and the _test.go files, into one file of a package of the
// generated package's own, internal/graphrt (rttest's into
// internal/graphrttest), so that the build compiles it once and caches it.
// rt never refers to a declaration the generator writes: the generated
// code hands its tables (operations, enums, type families) to rt instead.
//
// rt's exported names are of two kinds. The public ones (Optional, Some,
// Error, SetStatus, the OData query types...) are the generated package's
// API: it declares each as an alias or a function calling rt's, and a
// documented name that would take one is renamed. The internal ones (the
// table rows, NewHandler, the codec's entry points, what rttest needs) are
// listed in gen/runtime and used by the generated code and the runner
// only; internal/ keeps them from users.
package rt
