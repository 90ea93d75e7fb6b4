package jsondoc

// ParseLenient reads src like Parse and, if that fails, reads it again while
// repairing common mistakes found in documentation (see the Code constants):
//
//   - a trailing ',' before '}' or ']' is dropped;
//   - // and /* */ comments and Unicode spaces outside strings are whitespace;
//   - a "...", ".." or "…" placeholder where a member or element could be is
//     removed together with one comma next to it, and `"key": ...` drops the
//     member;
//   - keys may be bare words of letters, digits, _ $ @ . and -;
//   - strings may be 'single quoted' (with \' escapes) or “smart quoted”,
//     and a "string that is not closed on its line is closed at its first ”;
//   - a missing ',' is added between items separated by a line break;
//   - a bare word in value position is a string, except that other spellings
//     of true, false and null (True, NULL) are those literals.
//
// The returned repairs are in source order; they are empty when src is
// strict JSON. Offsets in the returned values and repairs are offsets into
// src. If src cannot be read even with repairs, ParseLenient returns a
// *SyntaxError together with the repairs made before the failure.
func ParseLenient(src []byte, maxDepth int) (*Value, []Repair, error) {
	if v, err := Parse(src, maxDepth); err == nil {
		return v, nil, nil
	}
	p := newParser(src, maxDepth, true)
	v, err := p.run()
	if err != nil {
		return nil, p.repairs, err
	}
	return v, p.repairs, nil
}
