package rt

// AnyOf holds a value of a type family: a documented base type or any type
// derived from it, each a pointer to its struct. K is the family's interface
// (for example MobileAppKind), which the pointers to all its members
// implement. Decoding picks the member named by the body's @odata.type
// annotation, and the base type when the annotation is absent or names no
// member; encoding writes the member as it is. Switch on Value's dynamic
// type to read a member's own properties.
type AnyOf[K any] struct {
	_ [0]anyOfTag
	// Value is the member, nil for JSON null.
	Value K
}

// anyOfTag marks AnyOf for the codec, which finds it by this field.
type anyOfTag func()

// MarshalJSON writes the member Value holds, or null when it holds none.
func (a AnyOf[K]) MarshalJSON() ([]byte, error) {
	return MarshalStruct(&a)
}

// UnmarshalJSON decodes data into the family member its @odata.type names.
func (a *AnyOf[K]) UnmarshalJSON(data []byte) error {
	return UnmarshalStruct(data, a)
}
