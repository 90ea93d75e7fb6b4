package rt

// Optional is a JSON property that can be absent, null, or hold a value.
//
// The zero Optional is absent. Value points to the value when the property
// holds one, and is nil when it is absent or null; Null is true when the
// property is present as JSON null. Some and Null build one:
//
//	u.DisplayName = Some("Adele")     // "displayName": "Adele"
//	u.Manager = Null[DirectoryObject]() // "manager": null
//	if v := u.DisplayName.Value; v != nil { ... } // present with a value
//
// Optional stores a pointer, so a struct can hold an Optional of its own
// type. It has no methods: each method of a generic type is compiled once
// for every type argument, which would make the generated package slow to
// build. The generated structs read and write their Optional fields with
// their own MarshalJSON and UnmarshalJSON (see the codec).
type Optional[T any] struct {
	_ [0]optionalTag
	// Value is the value, nil when the property is absent or null.
	Value *T
	// Null is true when the property is present as JSON null (Value is
	// then nil).
	Null bool
}

// optionalTag marks Optional for the codec; being a func type, it also
// makes Optional (and every struct holding one) not comparable, so the
// compiler writes no equality function per type.
type optionalTag func()

// Some returns an Optional holding v.
func Some[T any](v T) Optional[T] {
	return Optional[T]{Value: &v}
}

// Null returns an Optional that is present in the JSON as null.
func Null[T any]() Optional[T] {
	return Optional[T]{Null: true}
}
