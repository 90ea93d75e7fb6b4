# graphdocgen developer targets. `make test` is the command README.md and
# .ci/run use.
GO ?= go

.PHONY: all build generate check test vet fmt-check corpus interop bench compile-cost

all: build test

build:
	$(GO) build ./...

# Regenerate generated/ from seeds/ (same as go generate ./...).
generate:
	$(GO) generate ./...

# Fail when generated/ is stale.
check:
	cd gen && $(GO) run ../cmd/graphdocgen -check -out ../generated -pkg generated ../seeds

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

test: vet fmt-check
	$(GO) test ./...

# Generate, build, vet and test the beta and v1.0 packages of the Graph docs
# corpus, and fail when a figure gets worse than cmd/corpus/ratchet.txt
# records (skips with a message when ../shared/graph-docs is absent).
# CORPUSFLAGS=-update-ratchet records the figures instead (commit the file
# with the change); CORPUSFLAGS='-versions v1.0' runs one folder.
CORPUSFLAGS ?=
corpus:
	$(GO) run ./cmd/corpus $(CORPUSFLAGS)

# Microsoft's Go SDK (msgraph-sdk-go), with its default middleware, against
# a server built on the package generated from the corpus's v1.0 folder
# (issue 14). testdata/interop is a module of its own, so the SDK stays out
# of go.mod. Skips with a message when the Go module proxy is unreachable
# or ../shared/graph-docs is absent. The first run builds the SDK: minutes
# and a few GB; keep the build cache.
interop:
	GO=$(GO) bash testdata/interop/run.sh

# Time full generation (parser.Parse + gen.Generate) of the v1.0 and beta
# corpus folders against the goldmark floor, and report peak memory
# (skips when ../shared/graph-docs is absent). BENCHFLAGS=-benchtime=3x
# runs more iterations.
BENCHFLAGS ?= -benchtime=1x
bench:
	$(GO) test -run '^$$' -bench Corpus $(BENCHFLAGS) -timeout 60m ./cmd/corpus/corpustest

# Measure `go build` of the generated v1.0 and beta packages and of
# msgraph-sdk-go's models package (downloaded through the Go module proxy;
# skipped with a message when that fails), each with an empty build
# cache, and `go test -c` of the generated packages: wall and CPU time,
# peak memory, per documented type, and the per-type CPU ratio to
# msgraph-sdk-go (skips when ../shared/graph-docs is absent).
# COSTFLAGS='-versions v1.0' measures one folder, COSTFLAGS=-msgraph= no SDK.
COSTFLAGS ?=
compile-cost:
	$(GO) run ./cmd/compilecost $(COSTFLAGS)
