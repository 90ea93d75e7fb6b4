package jsondoc

import "fmt"

// parser reads one JSON value without recursion: open objects and arrays
// live on an explicit stack, so nesting costs heap, not goroutine stack.
type parser struct {
	src      []byte
	pos      int
	maxDepth int
	lenient  bool
	repairs  []Repair
	stack    []frame
	slab     []Value // values are carved from slabs to save allocations
	buf      []byte  // scratch space for decoding strings
	prevEnd  int     // End of the last value read (or placeholder skipped)
}

// frame is an object or array that is still open.
type frame struct {
	v        *Value
	wantItem bool // after '{', '[' or ',': expecting a member/element or the closer
	commaOff int  // offset of the comma just read, or -1
	elided   bool // lenient: a placeholder stood where an item was expected
}

func newParser(src []byte, maxDepth int, lenient bool) *parser {
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}
	return &parser{src: src, maxDepth: maxDepth, lenient: lenient}
}

// run reads the whole input.
func (p *parser) run() (*Value, error) {
	if _, err := p.skipSpace(); err != nil {
		return nil, err
	}
	root, err := p.value()
	if err != nil {
		return nil, err
	}
	if err := p.push(root); err != nil {
		return nil, err
	}
	for len(p.stack) > 0 {
		if err := p.step(); err != nil {
			return nil, err
		}
	}
	if _, err := p.skipSpace(); err != nil {
		return nil, err
	}
	if p.pos < len(p.src) {
		return nil, p.errorf(p.pos, "unexpected %s after the end of the value", describe(p.src, p.pos))
	}
	return root, nil
}

// step makes one move inside the innermost open object or array.
func (p *parser) step() error {
	f := &p.stack[len(p.stack)-1]
	nl, err := p.skipSpace()
	if err != nil {
		return err
	}
	if p.pos >= len(p.src) {
		return p.errorf(p.pos, "unexpected end of input: %s opened at offset %d is not closed", f.v.Kind, f.v.Off)
	}
	c := p.src[p.pos]
	cl := closer(f.v.Kind)
	if f.wantItem {
		return p.item(f, c, cl)
	}
	switch {
	case c == ',':
		f.wantItem, f.commaOff = true, p.pos
		p.pos++
		return nil
	case c == cl:
		p.close()
		return nil
	case p.lenient && p.ellipsisLen() > 0:
		p.skipEllipsis()
		f.wantItem, f.elided, f.commaOff = true, true, -1
		return nil
	case p.lenient && nl && p.startsItem(f.v.Kind == Object):
		p.addRepair(p.prevEnd, CodeMissingComma, "missing comma added")
		f.wantItem, f.commaOff = true, -1
		return nil
	}
	if f.v.Kind == Object {
		return p.errorf(p.pos, "expected ',' or '}' after object member, found %s", describe(p.src, p.pos))
	}
	return p.errorf(p.pos, "expected ',' or ']' after array element, found %s", describe(p.src, p.pos))
}

// item reads the next member or element of f, or its closer.
func (p *parser) item(f *frame, c, cl byte) error {
	if c == cl {
		if f.commaOff >= 0 {
			if !p.lenient {
				return p.errorf(f.commaOff, "trailing comma before '%c'", cl)
			}
			p.addRepair(f.commaOff, CodeTrailingComma, "trailing comma removed")
		}
		p.close()
		return nil
	}
	if p.lenient {
		if c == ',' && f.elided {
			f.elided, f.commaOff = false, p.pos
			p.pos++
			return nil
		}
		if p.ellipsisLen() > 0 {
			p.skipEllipsis()
			f.elided, f.commaOff = true, -1
			return nil
		}
	}
	if f.v.Kind == Object {
		return p.member(f)
	}
	v, err := p.value()
	if err != nil {
		return err
	}
	f.v.Elems = append(f.v.Elems, v)
	f.wantItem, f.elided, f.commaOff = false, false, -1
	return p.push(v)
}

// member reads `key: value` into the object of f.
func (p *parser) member(f *frame) error {
	keyOff := p.pos
	key, err := p.key()
	if err != nil {
		return err
	}
	if _, err := p.skipSpace(); err != nil {
		return err
	}
	if p.pos >= len(p.src) || p.src[p.pos] != ':' {
		return p.errorf(p.pos, "expected ':' after object key, found %s", describe(p.src, p.pos))
	}
	p.pos++
	if _, err := p.skipSpace(); err != nil {
		return err
	}
	f.wantItem, f.elided, f.commaOff = false, false, -1
	if p.lenient && p.ellipsisLen() > 0 {
		// `"key": ...` : the whole member is a placeholder.
		p.skipEllipsis()
		return nil
	}
	v, err := p.value()
	if err != nil {
		return err
	}
	f.v.Members = append(f.v.Members, Member{Key: key, KeyOff: keyOff, Value: v})
	return p.push(v)
}

// push opens v if it is an object or array; other values are complete.
func (p *parser) push(v *Value) error {
	if v.Kind != Object && v.Kind != Array {
		return nil
	}
	if len(p.stack) >= p.maxDepth {
		return p.errorf(v.Off, "nesting deeper than %d levels", p.maxDepth)
	}
	p.stack = append(p.stack, frame{v: v, wantItem: true, commaOff: -1})
	return nil
}

// close consumes the closer of the innermost frame and pops it.
func (p *parser) close() {
	f := &p.stack[len(p.stack)-1]
	p.pos++
	f.v.End = p.pos
	p.prevEnd = p.pos
	p.stack = p.stack[:len(p.stack)-1]
}

// newValue returns a zeroed Value of kind k starting at off.
func (p *parser) newValue(k Kind, off int) *Value {
	if len(p.slab) == cap(p.slab) {
		n := 2 * cap(p.slab)
		n = max(8, min(n, 1024))
		p.slab = make([]Value, 0, n)
	}
	p.slab = p.slab[:len(p.slab)+1]
	v := &p.slab[len(p.slab)-1]
	v.Kind, v.Off = k, off
	return v
}

// errorf returns a *SyntaxError at off.
func (p *parser) errorf(off int, format string, args ...any) error {
	return &SyntaxError{Off: off, Msg: fmt.Sprintf(format, args...)}
}

// addRepair records a repair, keeping the list in source order. A repair
// found late (a missing or trailing comma) only moves past repairs found in
// the whitespace after it, so the total work stays linear.
func (p *parser) addRepair(off int, code, msg string) {
	r := Repair{Off: off, Code: code, Message: msg}
	i := len(p.repairs)
	for i > 0 && p.repairs[i-1].Off > off {
		i--
	}
	p.repairs = append(p.repairs, Repair{})
	copy(p.repairs[i+1:], p.repairs[i:])
	p.repairs[i] = r
}
