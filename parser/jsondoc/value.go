package jsondoc

// Kind is the kind of a JSON value.
type Kind uint8

// The kinds of JSON values.
const (
	Null   Kind = iota // the literal null
	Bool               // true or false
	Number             // a number, kept as written
	String             // a string
	Object             // an object: members in source order
	Array              // an array
)

var kindNames = [...]string{"null", "bool", "number", "string", "object", "array"}

// String returns the lower-case JSON name of the kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Value is a JSON value with its position in the input.
type Value struct {
	Kind    Kind
	Str     string   // decoded string for String; the number text exactly as written for Number
	Bool    bool     // the value of a Bool
	Members []Member // Object members in source order (duplicates kept)
	Elems   []*Value // Array elements
	Off     int      // byte offset of the first byte of the value in the input given to Parse or ParseLenient
	End     int      // byte offset just past the value
}

// Member is one key/value pair of an object.
type Member struct {
	Key    string // decoded key
	KeyOff int    // byte offset of the key (its opening quote, or its first byte if unquoted)
	Value  *Value
}

// Get returns the value of the first member named key, or nil if v is not
// an object or has no such member.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Object {
		return nil
	}
	for _, m := range v.Members {
		if m.Key == key {
			return m.Value
		}
	}
	return nil
}
