package generated

// This file is not generated: it tells `go generate ./...` how to rebuild
// the package from the seed pages. graphdocgen never touches files that
// lack its header.

//go:generate go run ../cmd/graphdocgen -out . -pkg generated ../seeds
