package rt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// jsonTree decodes JSON into a tree of any, numbers kept as json.Number,
// for comparing documents whatever their member order and spacing.
func jsonTree(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("invalid JSON %q: %v", data, err)
	}
	return v
}

// roundTrip decodes body strictly into a T, encodes it, and checks that the
// JSON is the body's.
func roundTrip[T any](t *testing.T, body string) {
	t.Helper()
	var x T
	if e := decodeStrict([]byte(body), &x, nil); e != nil {
		t.Fatalf("decodeStrict(%s): %v", body, e)
	}
	out, err := AppendJSON(nil, &x, nil)
	if err != nil {
		t.Fatalf("appendJSON: %v", err)
	}
	if diff := cmp.Diff(jsonTree(t, []byte(body)), jsonTree(t, out)); diff != "" {
		t.Errorf("round trip of %s (-in +out):\n%s", body, diff)
	}
	if !reflect.TypeFor[T]().Implements(codecMarshalerType) {
		return
	}
	viaMethod, err := json.Marshal(x)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	if diff := cmp.Diff(jsonTree(t, out), jsonTree(t, viaMethod)); diff != "" {
		t.Errorf("json.Marshal differs from appendJSON (-appendJSON +Marshal):\n%s", diff)
	}
	var y T
	if err := json.Unmarshal([]byte(body), &y); err != nil {
		t.Fatalf("json.Unmarshal: %v", err)
	}
	if again, _ := AppendJSON(nil, &y, nil); !bytes.Equal(again, out) {
		t.Errorf("lenient decode then encode = %s, strict = %s", again, out)
	}
}

func TestRoundTrip(t *testing.T) {
	roundTrip[fxReport](t, `{"id":"1","@odata.type":"#x","feature":"reset","features":["reset"],"isSuccess":false,
		"count":9007199254740993,"score":1.5,"tags":[],"address":{"city":"<Zürich & co>","zip":8000},
		"kids":[{"id":"2","kids":null,"parent":{"name":"p"}}],"parent":null,"blob":{"any":[1,{"x":null}]},
		"labels":{"a":"registration"},"when":"2024-01-02T03:04:05.1234567Z","name":"\u00e9\ud83d\ude00"}`)
	roundTrip[fxReport](t, `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#reports/$entity","@odata.etag":"W/\"1\"",
		"manager@odata.bind":"https://graph.microsoft.com/v1.0/users/1","members@odata.bind":["a","b"],"id":"1",
		"address":{"city":"c","@odata.type":"#microsoft.graph.address","city@odata.type":"String"}}`)
	roundTrip[fxOpen](t, `{"name":"n","extra":{"deep":[1,2,{"x":null}]},"more":5,"@odata.id":"x","kind":"reset"}`)
	roundTrip[fxCollection[fxReport]](t, `{"@odata.context":"ctx","@odata.count":2,"@odata.nextLink":"n","value":[{"id":"a"},{}]}`)
	roundTrip[fxCollection[string]](t, `{"value":[]}`)
	roundTrip[fxNamed](t, `{"a\"b":"q","x,y":1,"plain":"p"}`)
	roundTrip[fxPrims](t, `{"when":"2024-01-02T03:04:05Z","day":"2024-02-29","time":"13:45:30.5","span":"P1DT2H","data":"aGVsbG8=",
		"bytes":"aGk=","any":{"a":[1,"x",null,true]},"ptr":"p","plain":"","num":3,"levels":["extreme"]}`)
	roundTrip[fxApps](t, `{"main":{"@odata.type":"#microsoft.graph.lobApp","fileName":"f","id":"1"},
		"all":[{"id":"2"},{"@odata.type":"microsoft.graph.webApp","appUrl":"u"},{"@odata.type":"#other","kind":"reset"}]}`)
}

// TestEncodeOrder checks the writing order: @odata.context, the other
// control information, annotations sorted, properties in field order,
// additional members sorted; absent Optionals left out, null ones written.
func TestEncodeOrder(t *testing.T) {
	r := fxReport{Name: Some("n"), Feature: Null[fxFeature](), IsSuccess: Some(false)}
	r.ID = Some("1")
	r.ODataType = Some("#t")
	r.ODataAnnotations = Annotations{"z@odata.bind": json.RawMessage(`[ "a" ]`), "@odata.context": json.RawMessage(`"c"`), "@odata.etag": json.RawMessage(`"e"`)}
	r.fxEntity.ODataAnnotations = Annotations{"@odata.id": json.RawMessage(`"hidden"`)}
	want := `{"@odata.context":"c","@odata.type":"#t","@odata.etag":"e","z@odata.bind":["a"],"id":"1","feature":null,"isSuccess":false,"name":"n"}`
	for _, enc := range []func() ([]byte, error){
		func() ([]byte, error) { return AppendJSON(nil, &r, nil) },
		func() ([]byte, error) { return AppendJSON(nil, r, nil) },
		func() ([]byte, error) { return json.Marshal(r) },
		func() ([]byte, error) { return MarshalStruct(&r) },
	} {
		got, err := enc()
		if err != nil || string(got) != want {
			t.Errorf("encoded %s, %v\nwant    %s", got, err, want)
		}
	}
	o := fxOpen{Name: Some("n"), AdditionalData: map[string]json.RawMessage{"b": json.RawMessage(`2`), "a": json.RawMessage("{ }"), "name": json.RawMessage(`"shadowed"`)},
		ODataAnnotations: Annotations{"name": json.RawMessage(`"shadowed too"`)}}
	if got, err := AppendJSON(nil, &o, nil); err != nil || string(got) != `{"name":"n","a":{},"b":2}` {
		t.Errorf("open type: %s, %v", got, err)
	}
	c := fxCollection[fxReport]{ODataContext: Some("ctx"), Value: []fxReport{{}}}
	if got, _ := AppendJSON(nil, c, nil); string(got) != `{"@odata.context":"ctx","value":[{}]}` {
		t.Errorf("collection: %s", got)
	}
}

// TestEncodeErrors checks what cannot be encoded: invalid raw JSON (in a
// field or an annotation), NaN and infinities, unsupported types, cycles.
func TestEncodeErrors(t *testing.T) {
	bad := []any{
		&fxReport{Blob: Some(json.RawMessage(`{bad`))},
		&fxReport{ODataAnnotations: Annotations{"@odata.etag": json.RawMessage(`x`)}},
		&fxOpen{AdditionalData: map[string]json.RawMessage{"a": nil}},
		&fxReport{Score: Some(math.NaN())},
		&fxReport{Ratio: Some(float32(math.Inf(1)))},
		struct{ C chan int }{},
		map[[2]int]string{{1, 2}: "x"},
		struct{ F func() }{F: func() {}},
		json.Number("1x"),
	}
	for _, v := range bad {
		if out, err := AppendJSON([]byte("keep"), v, nil); err == nil || string(out) != "keep" {
			t.Errorf("appendJSON(%#v) = %s, %v; want an error and the buffer unchanged", v, out, err)
		}
		if _, err := json.Marshal(v); err == nil {
			t.Errorf("json.Marshal(%#v) succeeds", v)
		}
	}
	type node struct {
		Next Optional[*node] `json:"next,omitzero"`
	}
	n := &node{}
	n.Next = Some(n)
	done := make(chan error)
	go func() { _, err := AppendJSON(nil, n, nil); done <- err }()
	select {
	case err := <-done:
		var uv *json.UnsupportedValueError
		if !errors.As(err, &uv) || !strings.Contains(err.Error(), "cycle") {
			t.Errorf("cycle: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("appendJSON does not terminate on a cycle")
	}
}

// plainInner is embedded in plainAll.
type plainInner struct {
	In    string `json:"in"`
	Clash int    `json:"clash"`
}

// PlainPtrInner is embedded by pointer in plainAll.
type PlainPtrInner struct {
	Deep  float32
	Clash string `json:"clash"`
}

// plainText has a MarshalText method.
type plainText struct{ a, b int }

// MarshalText writes a and b.
func (p plainText) MarshalText() ([]byte, error) { return fmt.Appendf(nil, "%d-%d", p.a, p.b), nil }

// plainMarshaler has a MarshalJSON method with a pointer receiver.
type plainMarshaler struct{ n int }

// MarshalJSON writes n in an object, with spaces to compact.
func (p *plainMarshaler) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, ` { "n" : %d } `, p.n), nil
}

// plainValueMarshaler has a MarshalJSON method with a value receiver.
type plainValueMarshaler []int

// MarshalJSON writes the length.
func (p plainValueMarshaler) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "%d", len(p)), nil
}

// plainZeroer has an IsZero method.
type plainZeroer struct{ n int }

// IsZero reports whether n is negative.
func (p plainZeroer) IsZero() bool { return p.n < 0 }

// plainKey is a named integer map key.
type plainKey int16

// plainAll is a type without Optionals that encoding/json encodes the
// same way as the codec.
type plainAll struct {
	plainInner
	*PlainPtrInner
	B       bool                      `json:"b"`
	I       int                       `json:"i,omitempty"`
	I8      int8                      `json:"i8"`
	U64     uint64                    `json:"u64,string_ignored"`
	F32     float32                   `json:"f32"`
	F64     float64                   `json:"f64"`
	S       string                    `json:"s"`
	Named   fxFeature                 `json:"named"`
	P       *string                   `json:"p"`
	PP      **int                     `json:"pp,omitempty"`
	Sl      []string                  `json:"sl"`
	Empty   []int                     `json:"empty,omitempty"`
	Zero    []int                     `json:"zero,omitzero"`
	Arr     [2]byte                   `json:"arr"`
	Bytes   []byte                    `json:"bytes"`
	M       map[string]int            `json:"m"`
	MK      map[plainKey]bool         `json:"mk"`
	MU      map[uint8]string          `json:"mu,omitempty"`
	Any     any                       `json:"any"`
	Raw     json.RawMessage           `json:"raw"`
	RawNil  json.RawMessage           `json:"rawNil"`
	Num     json.Number               `json:"num"`
	Time    time.Time                 `json:"time"`
	TimeZ   time.Time                 `json:"timeZ,omitzero"`
	Text    plainText                 `json:"text"`
	TextMap map[string]plainText      `json:"textMap"`
	Marsh   plainMarshaler            `json:"marsh"`
	MarshP  *plainMarshaler           `json:"marshP"`
	MarshV  plainValueMarshaler       `json:"marshV"`
	MarshM  map[string]plainMarshaler `json:"marshM"`
	Zeroer  plainZeroer               `json:"zeroer,omitzero"`
	ZeroerP *plainZeroer              `json:"zeroerP,omitzero"`
	Iface   fmt.Stringer              `json:"iface"`
	Skip    int                       `json:"-"`
	Dash    int                       `json:"-,"`
	NoTag   int
	Clash   bool `json:"clash"`
	private int
}

// randomPlain fills a plainAll with values that stress the encoder.
func randomPlain(r *rand.Rand) plainAll {
	strs := []string{"", "a", "<&>", "\u2028\u2029", "\xff\xfe", "tab\there", "\x00\x1f\x7f", `q"b\`, "é😀", strings.Repeat("x", 40)}
	floats := []float64{0, math.Copysign(0, -1), 1, -1.5, 1e20, 1e21, 1e-6, 1e-7, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64, 3.4e38, r.NormFloat64() * 1e10, math.Float64frombits(r.Uint64() &^ (0x7ff << 52))}
	pick := func() string { return strs[r.IntN(len(strs))] }
	n := r.IntN(100)
	pn := &n
	p := plainAll{
		plainInner: plainInner{In: pick(), Clash: r.IntN(3)},
		B:          r.IntN(2) == 0, I: r.IntN(3) - 1, I8: int8(r.IntN(256) - 128), U64: r.Uint64(),
		F32: float32(floats[r.IntN(len(floats))]), F64: floats[r.IntN(len(floats))], S: pick(), Named: fxFeature(pick()),
		Arr: [2]byte{byte(r.IntN(256)), 7}, Num: json.Number([]string{"", "1", "-2.5e3"}[r.IntN(3)]),
		Time: time.Date(2024, 1, 2, 3, 4, 5, r.IntN(1e9), time.UTC), Text: plainText{1, r.IntN(9)}, Marsh: plainMarshaler{r.IntN(9)},
		Zeroer: plainZeroer{r.IntN(3) - 1}, Skip: 1, Dash: 2, NoTag: 3, Clash: true, private: 4,
	}
	if math.IsInf(float64(p.F32), 0) {
		p.F32 = 1
	}
	if r.IntN(2) == 0 {
		p.PlainPtrInner = &PlainPtrInner{Deep: float32(floats[r.IntN(len(floats))]), Clash: pick()}
		if math.IsInf(float64(p.Deep), 0) {
			p.Deep = 2
		}
	}
	if r.IntN(2) == 0 {
		s := pick()
		p.P, p.PP = &s, &pn
		p.Sl, p.Empty, p.Zero, p.Bytes = []string{pick(), pick()}, []int{}, []int{}, []byte(pick())
		p.M, p.MK, p.MU = map[string]int{pick(): 1, pick(): 2}, map[plainKey]bool{-3: true, 10: false, 2: true}, map[uint8]string{200: pick(), 3: ""}
		p.Any = map[string]any{"x": []any{1.5, pick(), nil, true, map[string]any{}}, "y": int64(r.IntN(99))}
		p.Raw, p.TextMap = json.RawMessage(" [ 1 , {\"a\" : \"b c\"} ]\n"), map[string]plainText{"k": {2, 3}}
		p.MarshP, p.MarshV, p.MarshM = &plainMarshaler{5}, plainValueMarshaler{1, 2}, map[string]plainMarshaler{"m": {1}}
		p.ZeroerP, p.Iface = &plainZeroer{r.IntN(3) - 1}, time.Duration(r.IntN(1e6))
	}
	return p
}

// TestEncodeAgainstEncodingJSON checks that appendJSON writes plain types
// (no Optionals, no control information) byte for byte as a json.Encoder
// with SetEscapeHTML(false) does.
func TestEncodeAgainstEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	failed := 0
	for i := range 2000 {
		p := randomPlain(r)
		for _, v := range []any{p, &p, []plainAll{p}, map[string]any{"p": &p}} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			werr := enc.Encode(v)
			got, gerr := AppendJSON(nil, v, nil)
			if (werr == nil) != (gerr == nil) || werr == nil && string(got)+"\n" != want.String() {
				t.Fatalf("value %d (%T):\nencoding/json %s%v\ncodec         %s\n%v", i, v, want.String(), werr, got, gerr)
			}
			if werr != nil {
				failed++
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d values could not be encoded", failed)
	}
}

// TestFloats checks float formatting against encoding/json on random bit
// patterns.
func TestFloats(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		f := math.Float64frombits(r.Uint64())
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		f32 := math.Float32frombits(r.Uint32())
		for _, v := range []any{f, f32} {
			if math.IsNaN(reflect.ValueOf(v).Float()) || math.IsInf(reflect.ValueOf(v).Float(), 0) {
				continue
			}
			want, _ := json.Marshal(v)
			got, err := AppendJSON(nil, v, nil)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%T %v: codec %s, encoding/json %s", v, v, got, want)
			}
		}
	}
}

// FuzzStrings checks that strings are escaped as encoding/json escapes
// them and that the decoder reads back what encoding/json reads.
func FuzzStrings(f *testing.F) {
	for _, s := range []string{"", "a\"b\\c", "\x00\x1f\u2028\u2029", "\xff\xe2\x80", "é😀<&>", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		got := appendJSONString(nil, s)
		if string(got)+"\n" != want.String() {
			t.Fatalf("appendJSONString(%q) = %s, encoding/json %s", s, got, want.String())
		}
		quoted := []byte(`"` + s + `"`)
		var ws string
		werr := json.Unmarshal(quoted, &ws)
		var gs string
		gerr := UnmarshalStruct(quoted, &gs)
		if (werr == nil) != (gerr == nil) || werr == nil && ws != gs {
			t.Fatalf("decoding %q: encoding/json %q %v, codec %q %v", quoted, ws, werr, gs, gerr)
		}
	})
}

// FuzzValid checks the scanner against json.Valid, and compaction against
// json.Compact.
func FuzzValid(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5e-3,true,null,"x\u00e9"]}`, `[`, `01`, `"\q"`, `{"a" :1 , }`, " [ ] ", "1e", "-", `{"a":"\ud800"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want := json.Valid(data)
		if got := codecValid(data); got != want {
			t.Fatalf("codecValid(%q) = %v, json.Valid %v", data, got, want)
		}
		if !want {
			return
		}
		var buf bytes.Buffer
		_ = json.Compact(&buf, data)
		if got := codecAppendCompact(nil, bytes.TrimSpace(data)); !bytes.Equal(got, buf.Bytes()) {
			t.Fatalf("compact(%q) = %q, json.Compact %q", data, got, buf.Bytes())
		}
	})
}

// TestPlain8 checks the word test of appendJSONString against the byte
// table, for every byte value at every position among plain and other
// neighbours.
func TestPlain8(t *testing.T) {
	for _, fill := range []byte{'a', ' ', 0x7f, 0x21, 0x5d} {
		for pos := range 8 {
			for c := range 256 {
				b := bytes.Repeat([]byte{fill}, 8)
				b[pos] = byte(c)
				want := true
				for _, x := range b {
					want = want && codecPlainTable[x]
				}
				if got := codecPlain8(string(b)); got && !want {
					t.Fatalf("codecPlain8(%q) = true", b)
				} else if got != want && fill != ' ' && c >= 0x20 {
					t.Errorf("codecPlain8(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}
