// Package corpustest holds the tests and benchmarks that run graphdocgen
// over a whole folder of the Microsoft Graph docs corpus
// (../shared/graph-docs/api-reference/{beta,v1.0}); each skips with a
// message when the corpus is absent.
//
//   - BenchmarkCorpus times full generation (parser.Parse + gen.Generate)
//     against the goldmark floor, reports peak memory, and times gofmt
//     alone over the generated files (the share of the cost that rendering
//     through jennifer cannot avoid); `make bench` runs it.
//   - TestCorpusDeterministic generates beta with GOMAXPROCS=1 and with
//     every CPU and compares every file (skipped under -short).
package corpustest
