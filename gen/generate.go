package gen

// This file is not generated: it tells `go generate ./...` how to rebuild
// generated/, the package graphdocgen makes from the seed pages, which the
// tests treat as the generator's golden output. It lives here, in a sibling
// of generated/ (so the page paths written into the output are the same
// ../seeds/... as from generated/ itself), and not in generated/, so that
// every file in generated/ is generated and carries the header.

//go:generate go run ../cmd/graphdocgen -out ../generated -pkg generated ../seeds
