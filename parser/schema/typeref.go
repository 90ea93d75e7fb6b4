package schema

import (
	"encoding/json"
	"strings"
)

// TypeRef names a type in OData form: Edm.String, microsoft.graph.user,
// or a collection of either.
type TypeRef struct {
	// Name is the element type: "Edm.String" or a qualified type or enum name.
	Name       string
	Collection bool
}

// String is the OData spelling: Collection(microsoft.graph.user).
func (r TypeRef) String() string {
	if r.Collection {
		return "Collection(" + r.Name + ")"
	}
	return r.Name
}

// IsPrimitive reports whether the element type is an Edm primitive.
func (r TypeRef) IsPrimitive() bool { return strings.HasPrefix(r.Name, "Edm.") }

// ParseTypeRef reads the OData spelling written by String.
func ParseTypeRef(s string) TypeRef {
	if strings.HasPrefix(s, "Collection(") && strings.HasSuffix(s, ")") {
		return TypeRef{Name: s[len("Collection(") : len(s)-1], Collection: true}
	}
	return TypeRef{Name: s}
}

// MarshalJSON writes the OData spelling.
func (r TypeRef) MarshalJSON() ([]byte, error) { return json.Marshal(r.String()) }

// UnmarshalJSON reads the OData spelling.
func (r *TypeRef) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*r = ParseTypeRef(s)
	return nil
}

// Edm primitive type names used in TypeRef.Name.
const (
	EdmString         = "Edm.String"
	EdmBoolean        = "Edm.Boolean"
	EdmInt16          = "Edm.Int16"
	EdmInt32          = "Edm.Int32"
	EdmInt64          = "Edm.Int64"
	EdmByte           = "Edm.Byte"
	EdmSByte          = "Edm.SByte"
	EdmSingle         = "Edm.Single"
	EdmDouble         = "Edm.Double"
	EdmDecimal        = "Edm.Decimal"
	EdmDateTimeOffset = "Edm.DateTimeOffset"
	EdmDate           = "Edm.Date"
	EdmTimeOfDay      = "Edm.TimeOfDay"
	EdmDuration       = "Edm.Duration"
	EdmGuid           = "Edm.Guid"
	EdmBinary         = "Edm.Binary"
	EdmStream         = "Edm.Stream"
	EdmUntyped        = "Edm.Untyped"
)
