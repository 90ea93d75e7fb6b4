package rt

// Parsing a query allocates its parts in few blocks: parseODataQuery
// allocates one odataQueryBlock holding the query and room for the nodes
// and lists of a typical request, and the parsers take further room from
// slabs that grow as needed. All parts of one query share the blocks, and
// so their lifetime.

// odataSlab hands out values of T from arrays: the one it starts with,
// then arrays it allocates, twice as long each time up to 16.
type odataSlab[T any] struct {
	free []T
	next int
}

// start gives s the array buf to hand out first.
func (s *odataSlab[T]) start(buf []T) {
	s.free, s.next = buf, len(buf)
}

// alloc returns a pointer to a new zero T.
func (s *odataSlab[T]) alloc() *T {
	if len(s.free) == 0 {
		s.next = min(max(2*s.next, 2), 16)
		s.free = make([]T, s.next)
	}
	x := &s.free[0]
	s.free = s.free[1:]
	return x
}

// odataTake returns an empty slice with room for n values, from the spare room
// *room if it has enough, else newly allocated.
func odataTake[T any](room *[]T, n int) []T {
	if cap(*room) < n {
		return make([]T, 0, n)
	}
	s := (*room)[:0:n]
	*room = (*room)[n:]
	return s
}

// odataPathBlock holds a path and room for its first segments, so a short
// path needs no allocation of its own.
type odataPathBlock struct {
	path ODataPath
	segs [2]string
}

// odataCallBlock holds a call and room for its arguments.
type odataCallBlock struct {
	call ODataCall
	args [3]ODataExpr
}

// odataNodes is where the parsers of one query allocate: slabs of nodes
// and numbers, and spare room for the lists of $select, $expand and
// $orderby.
type odataNodes struct {
	binaries odataSlab[ODataBinary]
	literals odataSlab[ODataLiteral]
	paths    odataSlab[odataPathBlock]
	calls    odataSlab[odataCallBlock]
	ints     odataSlab[int]
	bools    odataSlab[bool]
	items    []ODataPath
	segs     []string
	order    []ODataOrderBy
}

// odataQueryBlock is what parseODataQuery allocates at once: the query
// and the first room of its nodes, enough for a typical request.
type odataQueryBlock struct {
	query ODataQuery
	nodes odataNodes
	bins  [2]ODataBinary
	lits  [2]ODataLiteral
	paths [3]odataPathBlock
	calls [1]odataCallBlock
	ints  [2]int
	bools [1]bool
	items [4]ODataPath
	segs  [6]string
	order [1]ODataOrderBy
}

// odataNewQueryBlock returns a block whose nodes hand out its room first.
// (The nodes live in the block: parsing $expand recurses, so the escape
// analysis would move them to the heap anyway.)
func odataNewQueryBlock() *odataQueryBlock {
	b := &odataQueryBlock{}
	nodes := &b.nodes
	nodes.binaries.start(b.bins[:])
	nodes.literals.start(b.lits[:])
	nodes.paths.start(b.paths[:])
	nodes.calls.start(b.calls[:])
	nodes.ints.start(b.ints[:])
	nodes.bools.start(b.bools[:])
	nodes.items, nodes.segs, nodes.order = b.items[:], b.segs[:], b.order[:]
	return b
}

// binary returns a new binary operation.
func (p *odataParser) binary(op ODataOp, left, right ODataExpr) *ODataBinary {
	b := p.nodes.binaries.alloc()
	*b = ODataBinary{Op: op, Left: left, Right: right}
	return b
}

// literal returns a new literal.
func (p *odataParser) literal(kind ODataKind, value, typ string) *ODataLiteral {
	l := p.nodes.literals.alloc()
	*l = ODataLiteral{Kind: kind, Value: value, Type: typ}
	return l
}

// path returns an empty path with room for two segments.
func (p *odataParser) path() *ODataPath {
	b := p.nodes.paths.alloc()
	b.path.Segments = b.segs[:0]
	return &b.path
}

// call returns a call of fn with no arguments yet.
func (p *odataParser) call(fn odataFunction) *ODataCall {
	b := p.nodes.calls.alloc()
	b.call.Name = fn.name
	if fn.max > 0 {
		b.call.Args = b.args[:0:min(fn.max, len(b.args))]
	}
	return &b.call
}
