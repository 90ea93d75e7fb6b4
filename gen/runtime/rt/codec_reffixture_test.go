package rt

import (
	"encoding/json"
	"slices"
)

// The old-style fixture types: the fixture types of codec_fixture_test.go
// as the generator wrote them before the codec (Optional with methods,
// enums with enumMembers, open types marked by graphOpenType, no
// annotations fields), for the reference implementation.

// refFeature is fxFeature, old style.
type refFeature string

// IsValid reports whether e is a member.
func (e refFeature) IsValid() bool { return slices.Contains(fxFeatureMembers, string(e)) }

func (refFeature) enumMembers() []string { return fxFeatureMembers }

// refLevel is fxLevel, old style.
type refLevel string

// IsValid reports whether e is a member.
func (e refLevel) IsValid() bool { return slices.Contains(fxLevelMembers, string(e)) }

func (refLevel) enumMembers() []string { return fxLevelMembers }

// refEntity is fxEntity, old style.
type refEntity struct {
	ID        refOptional[string] `json:"id,omitzero"`
	ODataType refOptional[string] `json:"@odata.type,omitzero"`
}

// refAddress is fxAddress, old style.
type refAddress struct {
	City refOptional[string]     `json:"city,omitzero"`
	Zip  refOptional[int32]      `json:"zip,omitzero"`
	Kind refOptional[refFeature] `json:"kind,omitzero"`
}

// refReport is fxReport, old style.
type refReport struct {
	refEntity
	Feature   refOptional[refFeature]            `json:"feature,omitzero"`
	Features  refOptional[[]refFeature]          `json:"features,omitzero"`
	IsSuccess refOptional[bool]                  `json:"isSuccess,omitzero"`
	Count     refOptional[int64]                 `json:"count,omitzero"`
	Small     refOptional[int8]                  `json:"small,omitzero"`
	Size      refOptional[uint16]                `json:"size,omitzero"`
	Score     refOptional[float64]               `json:"score,omitzero"`
	Ratio     refOptional[float32]               `json:"ratio,omitzero"`
	Tags      refOptional[[]string]              `json:"tags,omitzero"`
	Address   refOptional[refAddress]            `json:"address,omitzero"`
	Addresses refOptional[[]refAddress]          `json:"addresses,omitzero"`
	Kids      refOptional[[]refReport]           `json:"kids,omitzero"`
	Parent    refOptional[refReport]             `json:"parent,omitzero"`
	Blob      refOptional[json.RawMessage]       `json:"blob,omitzero"`
	Labels    refOptional[map[string]refFeature] `json:"labels,omitzero"`
	When      refOptional[DateTimeOffset]        `json:"when,omitzero"`
	Name      refOptional[string]                `json:"name,omitzero"`
	Level     refOptional[refLevel]              `json:"level,omitzero"`
}

// refOpen is fxOpen, old style.
type refOpen struct {
	Name refOptional[string]     `json:"name,omitzero"`
	Kind refOptional[refFeature] `json:"kind,omitzero"`
}

func (*refOpen) graphOpenType() {}

// refPrims is fxPrims, old style.
type refPrims struct {
	When   refOptional[DateTimeOffset] `json:"when,omitzero"`
	Day    refOptional[Date]           `json:"day,omitzero"`
	Time   refOptional[TimeOfDay]      `json:"time,omitzero"`
	Span   refOptional[Duration]       `json:"span,omitzero"`
	Data   refOptional[Binary]         `json:"data,omitzero"`
	Bytes  refOptional[[]byte]         `json:"bytes,omitzero"`
	Any    refOptional[any]            `json:"any,omitzero"`
	Ptr    *string                     `json:"ptr,omitempty"`
	Plain  string                      `json:"plain"`
	Num    int                         `json:"num,omitempty"`
	Levels []refLevel                  `json:"levels,omitempty"`
}

// refNamed is fxNamed, old style: its graphjson members go through
// refMarshalNamed and refUnmarshalNamed.
type refNamed struct {
	Quoted refOptional[string] `json:"-" graphjson:"a\"b"`
	Comma  refOptional[int]    `json:"-" graphjson:"x,y"`
	Plain  refOptional[string] `json:"plain,omitzero"`
}

func (x refNamed) MarshalJSON() ([]byte, error)     { return refMarshalNamed(x) }
func (x *refNamed) UnmarshalJSON(data []byte) error { return refUnmarshalNamed(data, x) }

// refAppKind is fxAppKind, old style.
type refAppKind interface{ refAppKind() }

// refApp is fxApp, old style.
type refApp struct {
	ODataType refOptional[string]     `json:"@odata.type,omitzero"`
	ID        refOptional[string]     `json:"id,omitzero"`
	Kind      refOptional[refFeature] `json:"kind,omitzero"`
}

// refAppKind marks the family.
func (*refApp) refAppKind() {}

// refLobApp is fxLobApp, old style.
type refLobApp struct {
	refApp
	FileName refOptional[string] `json:"fileName,omitzero"`
}

// refWebApp is fxWebApp, old style.
type refWebApp struct {
	refApp
	URL refOptional[string] `json:"appUrl,omitzero"`
}

// refApps is fxApps, old style.
type refApps struct {
	Main refOptional[refAnyOf[refAppKind]]   `json:"main,omitzero"`
	All  refOptional[[]refAnyOf[refAppKind]] `json:"all,omitzero"`
}

// init registers the old-style family as the old generated code did.
func init() {
	refRegisterKinds[refAppKind](func() refAppKind { return &refApp{} }, map[string]func() refAppKind{
		"microsoft.graph.app":    func() refAppKind { return &refApp{} },
		"microsoft.graph.lobapp": func() refAppKind { return &refLobApp{} },
		"microsoft.graph.webapp": func() refAppKind { return &refWebApp{} },
	})
}
