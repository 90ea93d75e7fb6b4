package rt

// TEMPORARY: stand-ins for the codec (being written on branch wip/codec),
// so that the handler builds meanwhile. Removed when the codec lands.

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sync"
)

// Annotations holds a JSON object's instance annotations.
type Annotations map[string]json.RawMessage

type decodeOptions struct{}
type encodeOptions struct{}

func decodeStrict(data []byte, dst any, _ *decodeOptions) *Error {
	if err := json.Unmarshal(data, dst); err != nil {
		return badRequest("The request body could not be decoded.")
	}
	return nil
}

func appendJSON(buf []byte, v any, _ *encodeOptions) ([]byte, error) {
	b, err := json.Marshal(v)
	return append(buf, b...), err
}

var bufferPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

func getBuffer() *[]byte  { return bufferPool.Get().(*[]byte) }
func putBuffer(b *[]byte) { bufferPool.Put(b) }

func decodeValue(data []byte, dst any) error { return json.Unmarshal(data, dst) }

func decodeFamilyMember(data []byte, iface reflect.Type) (any, error) {
	var probe struct {
		Type string `json:"@odata.type"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, err
	}
	k := kindOf(iface)
	if k == nil {
		return nil, fmt.Errorf("%v is not a registered family", iface)
	}
	v := reflect.New(k.member(probe.Type))
	return v.Interface(), json.Unmarshal(data, v.Interface())
}

// AnyOf holds a value of a type family.
type AnyOf[K any] struct {
	Value K
}

func marshalStruct(x any) ([]byte, error)      { return appendJSON(nil, x, nil) }
func unmarshalStruct(data []byte, x any) error { return decodeValue(data, x) }
func validateStruct(x any) error               { return nil }
