package rt

import (
	"encoding/json"
	"slices"
)

// The fixture types stand in for what the generator writes next to rt:
// enums registered with registerTables, structs with one-line methods that
// call the codec, an embedded base, an open type, a type family served as
// AnyOf. They follow gen/runtime/testdata/api/fixture.go, in the new shape.

// fxFeature is an enum.
type fxFeature string

// fxFeatureMembers are the members of fxFeature.
var fxFeatureMembers = []string{"registration", "reset", "unknownFutureValue"}

// IsValid reports whether e is a member.
func (e fxFeature) IsValid() bool { return slices.Contains(fxFeatureMembers, string(e)) }

// fxLevel is an evolvable enum: "extreme" is documented after
// unknownFutureValue.
type fxLevel string

// fxLevelMembers are the members of fxLevel.
var fxLevelMembers = []string{"low", "high", "unknownFutureValue", "extreme"}

// fxEntity is a base type.
type fxEntity struct {
	ID               Optional[string] `json:"id,omitzero"`
	ODataType        Optional[string] `json:"@odata.type,omitzero"`
	ODataAnnotations Annotations      `json:"-" graphjson:",annotations"`
}

func (x fxEntity) MarshalJSON() ([]byte, error)     { return MarshalStruct(&x) }
func (x *fxEntity) UnmarshalJSON(data []byte) error { return UnmarshalStruct(data, x) }
func (x *fxEntity) Validate() error                 { return ValidateStruct(x) }

// fxAddress is a nested struct.
type fxAddress struct {
	City             Optional[string]    `json:"city,omitzero"`
	Zip              Optional[int32]     `json:"zip,omitzero"`
	Kind             Optional[fxFeature] `json:"kind,omitzero"`
	ODataAnnotations Annotations         `json:"-" graphjson:",annotations"`
}

func (x fxAddress) MarshalJSON() ([]byte, error)     { return MarshalStruct(&x) }
func (x *fxAddress) UnmarshalJSON(data []byte) error { return UnmarshalStruct(data, x) }
func (x *fxAddress) Validate() error                 { return ValidateStruct(x) }

// fxReport is a recursive struct embedding its base.
type fxReport struct {
	fxEntity
	Feature          Optional[fxFeature]            `json:"feature,omitzero"`
	Features         Optional[[]fxFeature]          `json:"features,omitzero"`
	IsSuccess        Optional[bool]                 `json:"isSuccess,omitzero"`
	Count            Optional[int64]                `json:"count,omitzero"`
	Small            Optional[int8]                 `json:"small,omitzero"`
	Size             Optional[uint16]               `json:"size,omitzero"`
	Score            Optional[float64]              `json:"score,omitzero"`
	Ratio            Optional[float32]              `json:"ratio,omitzero"`
	Tags             Optional[[]string]             `json:"tags,omitzero"`
	Address          Optional[fxAddress]            `json:"address,omitzero"`
	Addresses        Optional[[]fxAddress]          `json:"addresses,omitzero"`
	Kids             Optional[[]fxReport]           `json:"kids,omitzero"`
	Parent           Optional[fxReport]             `json:"parent,omitzero"`
	Blob             Optional[json.RawMessage]      `json:"blob,omitzero"`
	Labels           Optional[map[string]fxFeature] `json:"labels,omitzero"`
	When             Optional[DateTimeOffset]       `json:"when,omitzero"`
	Name             Optional[string]               `json:"name,omitzero"`
	Level            Optional[fxLevel]              `json:"level,omitzero"`
	ODataAnnotations Annotations                    `json:"-" graphjson:",annotations"`
}

func (x fxReport) MarshalJSON() ([]byte, error)     { return MarshalStruct(&x) }
func (x *fxReport) UnmarshalJSON(data []byte) error { return UnmarshalStruct(data, x) }
func (x *fxReport) Validate() error                 { return ValidateStruct(x) }

// fxOpen is an open type.
type fxOpen struct {
	Name             Optional[string]           `json:"name,omitzero"`
	Kind             Optional[fxFeature]        `json:"kind,omitzero"`
	ODataAnnotations Annotations                `json:"-" graphjson:",annotations"`
	AdditionalData   map[string]json.RawMessage `json:"-" graphjson:",additional"`
}

func (x fxOpen) MarshalJSON() ([]byte, error)     { return MarshalStruct(&x) }
func (x *fxOpen) UnmarshalJSON(data []byte) error { return UnmarshalStruct(data, x) }
func (x *fxOpen) Validate() error                 { return ValidateStruct(x) }

// fxPrims holds the Edm strings with a form.
type fxPrims struct {
	When   Optional[DateTimeOffset] `json:"when,omitzero"`
	Day    Optional[Date]           `json:"day,omitzero"`
	Time   Optional[TimeOfDay]      `json:"time,omitzero"`
	Span   Optional[Duration]       `json:"span,omitzero"`
	Data   Optional[Binary]         `json:"data,omitzero"`
	Bytes  Optional[[]byte]         `json:"bytes,omitzero"`
	Any    Optional[any]            `json:"any,omitzero"`
	Ptr    *string                  `json:"ptr,omitempty"`
	Plain  string                   `json:"plain"`
	Num    int                      `json:"num,omitempty"`
	Levels []fxLevel                `json:"levels,omitempty"`
}

// fxAppKind is the interface of the fxApp family.
type fxAppKind interface{ fxAppKind() }

// fxApp is the base of a family.
type fxApp struct {
	ODataType        Optional[string]    `json:"@odata.type,omitzero"`
	ID               Optional[string]    `json:"id,omitzero"`
	Kind             Optional[fxFeature] `json:"kind,omitzero"`
	ODataAnnotations Annotations         `json:"-" graphjson:",annotations"`
}

func (*fxApp) fxAppKind()                        {}
func (x fxApp) MarshalJSON() ([]byte, error)     { return MarshalStruct(&x) }
func (x *fxApp) UnmarshalJSON(data []byte) error { return UnmarshalStruct(data, x) }

// fxLobApp is derived from fxApp.
type fxLobApp struct {
	fxApp
	FileName         Optional[string] `json:"fileName,omitzero"`
	ODataAnnotations Annotations      `json:"-" graphjson:",annotations"`
}

func (x fxLobApp) MarshalJSON() ([]byte, error)     { return MarshalStruct(&x) }
func (x *fxLobApp) UnmarshalJSON(data []byte) error { return UnmarshalStruct(data, x) }

// fxWebApp is derived from fxApp.
type fxWebApp struct {
	fxApp
	URL              Optional[string] `json:"appUrl,omitzero"`
	ODataAnnotations Annotations      `json:"-" graphjson:",annotations"`
}

func (x fxWebApp) MarshalJSON() ([]byte, error)     { return MarshalStruct(&x) }
func (x *fxWebApp) UnmarshalJSON(data []byte) error { return UnmarshalStruct(data, x) }

// fxApps is a body holding family members.
type fxApps struct {
	Main             Optional[AnyOf[fxAppKind]]   `json:"main,omitzero"`
	All              Optional[[]AnyOf[fxAppKind]] `json:"all,omitzero"`
	ODataAnnotations Annotations                  `json:"-" graphjson:",annotations"`
}

// fxNamed has members whose names a json tag cannot hold.
type fxNamed struct {
	Quoted           Optional[string] `json:"-" graphjson:"a\"b"`
	Comma            Optional[int]    `json:"-" graphjson:"x,y"`
	Plain            Optional[string] `json:"plain,omitzero"`
	ODataAnnotations Annotations      `json:"-" graphjson:",annotations"`
}

func (x fxNamed) MarshalJSON() ([]byte, error)     { return MarshalStruct(&x) }
func (x *fxNamed) UnmarshalJSON(data []byte) error { return UnmarshalStruct(data, x) }

// fxCollection is a collection answer, as the handler's
// CollectionResponse[T] would be.
type fxCollection[T any] struct {
	ODataContext  Optional[string] `json:"@odata.context,omitzero"`
	ODataCount    Optional[int64]  `json:"@odata.count,omitzero"`
	ODataNextLink Optional[string] `json:"@odata.nextLink,omitzero"`
	Value         []T              `json:"value"`
}

// init registers the fixture enums and family, as a generated package does.
func init() {
	RegisterTables(
		[]EnumInfo{{Typ: (*fxFeature)(nil), Members: fxFeatureMembers}, {Typ: (*fxLevel)(nil), Members: fxLevelMembers}},
		[]KindInfo{{Iface: (*fxAppKind)(nil), Members: []KindMember{
			{Name: "microsoft.graph.app", Typ: (*fxApp)(nil)},
			{Name: "microsoft.graph.lobApp", Typ: (*fxLobApp)(nil)},
			{Name: "microsoft.graph.webApp", Typ: (*fxWebApp)(nil)},
		}}}, nil,
	)
}
