package rt

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// diffPair is a new-style fixture type and its old-style mirror.
type diffPair struct {
	name     string
	fx, ref  reflect.Type
	topLevel bool           // a top-level primitive or slice, not a struct
	opts     *decodeOptions // for decodeStrict
}

// diffPairs are the types the differential tests decode into.
var diffPairs = []diffPair{
	{name: "report", fx: reflect.TypeFor[fxReport](), ref: reflect.TypeFor[refReport]()},
	{name: "open", fx: reflect.TypeFor[fxOpen](), ref: reflect.TypeFor[refOpen]()},
	{name: "prims", fx: reflect.TypeFor[fxPrims](), ref: reflect.TypeFor[refPrims]()},
	{name: "address", fx: reflect.TypeFor[fxAddress](), ref: reflect.TypeFor[refAddress]()},
	{name: "named", fx: reflect.TypeFor[fxNamed](), ref: reflect.TypeFor[refNamed]()},
	{name: "addresses", fx: reflect.TypeFor[[]fxAddress](), ref: reflect.TypeFor[[]refAddress](), topLevel: true},
	{name: "feature", fx: reflect.TypeFor[fxFeature](), ref: reflect.TypeFor[refFeature](), topLevel: true},
	{name: "int32", fx: reflect.TypeFor[int32](), ref: reflect.TypeFor[int32](), topLevel: true},
	{name: "apps", fx: reflect.TypeFor[fxApps](), ref: reflect.TypeFor[refApps](), opts: &decodeOptions{lenientFamilies: true}},
}

// refDecode is what the handler did before the codec: check the body, then
// json.Unmarshal it. It returns the error answered and the value decoded.
func refDecode(body []byte, t reflect.Type) (*Error, reflect.Value) {
	dst := reflect.New(t)
	e := refCheckBody(body, t)
	if e == nil && json.Unmarshal(body, dst.Interface()) != nil {
		e = badRequest("The request body could not be decoded.")
	}
	return e, dst.Elem()
}

// codecDecode runs decodeStrict into a new value of t.
func codecDecode(body []byte, t reflect.Type, opts *decodeOptions) (*Error, reflect.Value) {
	dst := reflect.New(t)
	e := decodeStrict(body, dst.Interface(), opts)
	return e, dst.Elem()
}

// diffDecode compares decodeStrict with the reference on body: the same
// answer and, on success, the same value.
func diffDecode(t *testing.T, pair diffPair, body []byte) {
	t.Helper()
	want, wantV := refDecode(body, pair.ref)
	got, gotV := codecDecode(body, pair.fx, pair.opts)
	if diff := cmp.Diff(errText(want), errText(got)); diff != "" {
		t.Fatalf("%s: answer to %q (-reference +codec):\n%s", pair.name, body, diff)
	}
	if want != nil {
		return
	}
	if w, g := canon(wantV), canon(gotV); !reflect.DeepEqual(w, g) {
		t.Fatalf("%s: value decoded from %q differs: %s", pair.name, body[:min(len(body), 2000)], canonDiff("", w, g))
	}
}

// errText is the status and message of e, "" for nil.
func errText(e *Error) string {
	if e == nil {
		return ""
	}
	return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message)
}

// canonDiff describes the first difference between the canon trees a
// (reference) and b (codec) under path. (cmp.Diff takes exponential time on
// deep trees that differ.)
func canonDiff(path string, a, b any) string {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok {
			break
		}
		for k, av := range a {
			bv, ok := bm[k]
			if !ok {
				return fmt.Sprintf("%s.%s: reference %v, codec absent", path, k, av)
			}
			if !reflect.DeepEqual(av, bv) {
				return canonDiff(path+"."+k, av, bv)
			}
		}
		for k, bv := range bm {
			if _, ok := a[k]; !ok {
				return fmt.Sprintf("%s.%s: reference absent, codec %v", path, k, bv)
			}
		}
	case []any:
		bs, ok := b.([]any)
		if !ok || len(a) != len(bs) {
			break
		}
		for i := range a {
			if !reflect.DeepEqual(a[i], bs[i]) {
				return canonDiff(fmt.Sprintf("%s[%d]", path, i), a[i], bs[i])
			}
		}
	}
	return fmt.Sprintf("%s: reference %#v, codec %#v", path, a, b)
}

// canonAbsent is what canon returns for an absent Optional.
type canonAbsent struct{}

// canon turns a decoded value of a fixture type, new or old style, into a
// tree of maps, slices and scalars that tells absent, null and values apart
// (nil slices, maps and pointers too), for comparing the two styles. The
// annotations and additional fields (which the old style lacks) are left
// out.
func canon(v reflect.Value) any {
	t := v.Type()
	switch {
	case codecIsOptional(t):
		if v.Field(1).IsNil() {
			if v.Field(2).Bool() {
				return "<null>"
			}
			return canonAbsent{}
		}
		return canon(v.Field(1).Elem())
	case t.Implements(refOptionalValueType):
		o := v.Interface().(interface {
			IsSet() bool
			IsNull() bool
		})
		x, ok := v.Interface().(refOptionalValue).anyValue()
		switch {
		case ok:
			return canon(reflect.ValueOf(x))
		case o.IsNull():
			return "<null>"
		}
		return canonAbsent{}
	}
	return canonKind(v)
}

// canonKind is canon for values that are not Optionals.
func canonKind(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Struct:
		m := map[string]any{}
		for _, f := range refJSONFieldsOf(v.Type()).fields {
			fv, err := v.FieldByIndexErr(f.index)
			if err != nil || strings.HasPrefix(f.name, ",") {
				continue
			}
			if c := canon(fv); c != (canonAbsent{}) {
				m[f.name] = c
			}
		}
		return m
	case reflect.Slice:
		if v.IsNil() {
			return "<nil slice>"
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return "bytes:" + string(v.Bytes())
		}
		fallthrough
	case reflect.Array:
		var out []any
		for i := range v.Len() {
			out = append(out, canon(v.Index(i)))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return "<nil map>"
		}
		m := map[string]any{}
		for it := v.MapRange(); it.Next(); {
			m[fmt.Sprint(it.Key())] = canon(it.Value())
		}
		return m
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return "<nil>"
		}
		return canon(v.Elem())
	}
	return canonScalar(v)
}

// canonScalar is canon for scalars, by kind (so enum types of both styles
// compare equal).
func canonScalar(v reflect.Value) any {
	switch v.Kind() {
	case reflect.String:
		return "s:" + v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	}
	return fmt.Sprintf("<%v>", v.Kind())
}

// bodyGen writes random request bodies for a type, mostly well-formed and
// close to fitting, with mistakes of every kind the checker reports.
type bodyGen struct {
	r     *rand.Rand
	depth int
}

// chance reports true with probability 1/n.
func (g *bodyGen) chance(n int) bool { return g.r.IntN(n) == 0 }

// body returns a body for the old-style type t, now and then broken.
func (g *bodyGen) body(t reflect.Type) []byte {
	var b strings.Builder
	g.depth = 0
	g.value(&b, t)
	s := b.String()
	switch {
	case g.chance(40) && len(s) > 1:
		s = s[:g.r.IntN(len(s))]
	case g.chance(40):
		i := g.r.IntN(len(s) + 1)
		s = s[:i] + string(",:}]\"x{[ \x01"[g.r.IntN(10)]) + s[i:]
	case g.chance(60):
		s += " x"
	}
	return []byte(s)
}

// value writes a value for t.
func (g *bodyGen) value(b *strings.Builder, t reflect.Type) {
	g.depth++
	defer func() { g.depth-- }()
	if t.Implements(refOptionalValueType) {
		t = reflect.Zero(t).Interface().(refOptionalValue).elemType()
	}
	if t.Implements(reflect.TypeFor[refKindHolder]()) && !g.chance(10) {
		g.member(b)
		return
	}
	if g.chance(25) {
		g.wrong(b)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		g.value(b, t.Elem())
	case reflect.Struct:
		g.object(b, t)
	case reflect.Slice:
		if t == reflect.TypeFor[json.RawMessage]() {
			g.rawValue(b)
			return
		}
		if t.Elem().Kind() == reflect.Uint8 {
			b.WriteString([]string{`"aGVsbG8="`, `"!!"`, `""`}[g.r.IntN(3)])
			return
		}
		g.array(b, t)
	case reflect.Map:
		g.mapValue(b, t)
	default:
		g.scalar(b, t)
	}
}

// member writes an object of a random member of the refApp family, its
// @odata.type naming it (or not).
func (g *bodyGen) member(b *strings.Builder) {
	types := []reflect.Type{reflect.TypeFor[refApp](), reflect.TypeFor[refLobApp](), reflect.TypeFor[refWebApp]()}
	names := []string{"", `"#microsoft.graph.app"`, `"#microsoft.graph.lobApp"`, `"webapp"`, `"#other"`, `5`, `null`}
	i := g.r.IntN(len(types))
	var obj strings.Builder
	g.object(&obj, types[i])
	s := obj.String()
	if name := names[g.r.IntN(len(names))]; name != "" {
		sep := ","
		if s == "{}" {
			sep = ""
		}
		s = `{"@odata.type":` + name + sep + s[1:]
	}
	b.WriteString(s)
}

// wrong writes a value of a random JSON kind.
func (g *bodyGen) wrong(b *strings.Builder) {
	switch g.r.IntN(8) {
	case 0:
		b.WriteString("null")
	case 1:
		b.WriteString([]string{"true", "false"}[g.r.IntN(2)])
	case 2:
		b.WriteString([]string{"0", "-1", "1.5", "1e3", "99999999999999999999", "1e400", "-0"}[g.r.IntN(7)])
	case 3:
		b.WriteString(g.str())
	case 4:
		b.WriteString(`{"x":[1,{"y":null}],"@a.b":1}`)
	case 5:
		n := 60 + g.r.IntN(10)
		b.WriteString(strings.Repeat("[", n) + strings.Repeat("]", n))
	case 6:
		b.WriteString(`[]`)
	default:
		b.WriteString(`{}`)
	}
}

// rawValue writes any JSON value, often deeply nested.
func (g *bodyGen) rawValue(b *strings.Builder) {
	if g.chance(2) {
		n := 55 + g.r.IntN(15) - g.depth
		b.WriteString(strings.Repeat(`{"a":[`, n/2) + "1" + strings.Repeat("]}", n/2))
		return
	}
	g.wrong(b)
}

// str writes a JSON string, sometimes with escapes or invalid UTF-8.
func (g *bodyGen) str() string {
	return []string{`"a"`, `""`, `"reset"`, `"\u00e9\ud83d\ude00"`, "\"\xff\"", `"\ud800x"`, `"a\"b\\c\/\n"`,
		`"2024-01-02T03:04:05Z"`, `"2024-01-02"`, `"13:45:30"`, `"PT1H"`, `"aGk="`, `"\u0000"`, `"RESET"`, `"extreme"`}[g.r.IntN(15)]
}

// scalar writes a value for a scalar type, near its limits.
func (g *bodyGen) scalar(b *strings.Builder, t reflect.Type) {
	switch t.Kind() {
	case reflect.Bool:
		b.WriteString([]string{"true", "false"}[g.r.IntN(2)])
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Int, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uint:
		b.WriteString([]string{"0", "-128", "127", "128", "-129", "65535", "65536", "-1", "2147483647", "2147483648", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "12", "1.0"}[g.r.IntN(15)])
	case reflect.Float32, reflect.Float64:
		b.WriteString([]string{"1.5", "-0", "3.4e38", "3.5e38", "1e-400", "1.7976931348623157e308", "2E+3"}[g.r.IntN(7)])
	case reflect.Interface:
		b.WriteString([]string{`{"a":[1,2,{"b":null}]}`, `"x"`, `1e400`, `[true]`, `12`}[g.r.IntN(5)])
	default:
		if reflect.PointerTo(t).Implements(refEnumValueType) || t.Implements(refEnumValueType) {
			b.WriteString([]string{`"registration"`, `"reset"`, `"unknownFutureValue"`, `"low"`, `"extreme"`, `"bogus"`}[g.r.IntN(6)])
			return
		}
		b.WriteString(g.str())
	}
}

// object writes an object for the struct t: some of its members in random
// order, some with names in another case, unknown members and
// annotations.
func (g *bodyGen) object(b *strings.Builder, t reflect.Type) {
	fields := refJSONFieldsOf(t).fields
	b.WriteString("{")
	n := 0
	sep := func() {
		if n > 0 {
			b.WriteString(",")
		}
		if g.chance(5) {
			b.WriteString(" \n")
		}
		n++
	}
	for _, i := range g.r.Perm(len(fields)) {
		if g.depth > 6 || !g.chance(2) {
			continue
		}
		sep()
		name := fields[i].name
		if g.chance(10) {
			name = strings.ToUpper(name)
		}
		b.WriteString(string(appendJSONString(nil, name)) + ":")
		g.value(b, fields[i].typ)
	}
	if g.chance(8) {
		sep()
		b.WriteString(`"unknown":`)
		g.rawValue(b)
	}
	if g.chance(6) {
		sep()
		b.WriteString([]string{`"@odata.etag":"W/1"`, `"x@odata.bind":["a","b"]`, `"@odata.context":{"a":[1]}`, `"\u0040odata.id":"i"`}[g.r.IntN(4)])
	}
	b.WriteString("}")
}

// array writes an array for the slice type t.
func (g *bodyGen) array(b *strings.Builder, t reflect.Type) {
	b.WriteString("[")
	for i := range g.r.IntN(4) {
		if g.depth > 6 {
			break
		}
		if i > 0 {
			b.WriteString(",")
		}
		g.value(b, t.Elem())
	}
	b.WriteString("]")
}

// mapValue writes an object for the map type t.
func (g *bodyGen) mapValue(b *strings.Builder, t reflect.Type) {
	b.WriteString("{")
	for i := range g.r.IntN(3) {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`"k` + strconv.Itoa(g.r.IntN(3)) + `":`)
		g.value(b, t.Elem())
	}
	b.WriteString("}")
}

// TestDecodeStrictAgainstReference decodes random bodies into each fixture
// type with decodeStrict and with the reference, and compares answers and
// values.
func TestDecodeStrictAgainstReference(t *testing.T) {
	n := 4000
	if testing.Short() {
		n = 500
	}
	g := &bodyGen{r: rand.New(rand.NewPCG(1, 2))}
	answers := map[string]int{}
	for _, pair := range diffPairs {
		for range n {
			body := g.body(pair.ref)
			diffDecode(t, pair, body)
			e, _ := refDecode(body, pair.ref)
			answers[answerClass(e)]++
		}
	}
	t.Logf("answers: %v", answers)
	for _, class := range []string{"ok", "not valid JSON", "must be", "not defined", "nested", "could not be decoded"} {
		if answers[class] < n/200 {
			t.Errorf("only %d random bodies answered %q", answers[class], class)
		}
	}
}

// answerClass names the kind of answer e is.
func answerClass(e *Error) string {
	if e == nil {
		return "ok"
	}
	for _, class := range []string{"not valid JSON", "must be", "not defined", "nested", "could not be decoded"} {
		if strings.Contains(e.Message, class) {
			return class
		}
	}
	return e.Message
}

// FuzzDecodeStrict compares decodeStrict with the reference on arbitrary
// bodies; the first byte picks the fixture type.
func FuzzDecodeStrict(f *testing.F) {
	for _, s := range []string{
		`{"id":"1","feature":"reset","kids":[{"address":{"zip":1}}],"x@odata.bind":"u"}`,
		`{"labels":{"a":"bogus"},"blob":[1,{"a":null}]}`,
		`{"name":"n","extra":{"deep":[1]},"kind":"RESET"}`,
		`{"when":"2024-01-02T03:04:05Z","day":"2024-02-30","bytes":"!!","any":1e400}`,
		`[{"city":"c"},{"zip":2147483648}]`, `"reset"`, `-0`, `{"a\"b":"q","X,Y":1}`,
		`{"isSuccess":true,"ISSUCCESS":"x"}`, "{\"\xff\":1}", `{"kids":[[[[`, `{} x`,
		`{"odata.":""}`, `{"odata.type":"#x","odata.etag":1}`,
	} {
		for i := range diffPairs {
			f.Add(byte(i), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, which byte, body []byte) {
		if len(strings.TrimSpace(string(body))) == 0 {
			return
		}
		diffDecode(t, diffPairs[int(which)%len(diffPairs)], body)
	})
}

// TestDecodeStrictCases checks the answers and values of hand-picked
// bodies against the reference.
func TestDecodeStrictCases(t *testing.T) {
	for _, body := range decodeCases {
		for _, pair := range diffPairs {
			diffDecode(t, pair, []byte(body))
		}
	}
}

// decodeCases are the bodies of the runtime's behaviour tests
// (gen/runtime/testdata/api/behaviour_test.go) and more.
var decodeCases = []string{
	`{}`, `{"isSuccess":false}`,
	`{"isSuccess":null,"tags":null,"kids":null,"address":null,"feature":null,"blob":null,"labels":null}`,
	`{"@odata.type":"#microsoft.graph.x","x@odata.bind":"https://example.com/a","@odata.context":"c","@odata.etag":{"a":[1]}}`,
	`{"id":"i","name":"a\u0000b","count":-9223372036854775808,"size":65535,"small":-128,"score":1.7976931348623157e308,"ratio":-3.4e38,
		"blob":[1,"x",{"y":null}],"labels":{"a":"reset"},"features":["reset","unknownFutureValue"],"when":"2024-01-02T03:04:05.1234567+02:00",
		"addresses":[{"city":"c","zip":1}],"kids":[{"kids":[{"feature":"registration"}]}],"parent":{"parent":{"id":"pp"}}}`,
	"{\"name\":\"\xff\"}", `{"feature":"bogus"}`,
	`{"isSuccess":"yes"}`, `{"isSuccess":1}`, `{"name":5}`, `{"name":{}}`, `{"count":"1"}`, `{"count":1.5}`, `{"count":1e3}`,
	`{"count":99999999999999999999}`, `{"small":200}`, `{"size":-1}`, `{"size":65536}`, `{"score":1e400}`, `{"score":"1"}`,
	`{"ratio":1e39}`, `{"address":"x"}`, `{"address":[]}`, `{"address":{"city":5}}`, `{"address":{"zip":2147483648}}`,
	`{"address":{"kind":"x"}}`, `{"address":{"street":"x"}}`, `{"tags":{}}`, `{"tags":"a"}`, `{"tags":["a",1]}`, `{"tags":[null]}`,
	`{"features":["reset","nope"]}`, `{"addresses":[{},{},{"city":true}]}`, `{"kids":[{"kids":[{},{"feature":"x"}]}]}`,
	`{"parent":{"parent":{"foo":1}}}`, `{"labels":{"a":"reset","b":"bad"}}`, `{"labels":[]}`, `{"foo":1}`, `{"@odata.type":5}`,
	`{"FEATURE":"bogus"}`, `{"when":"not a date"}`, `{"when":""}`, `{"when":"2024-01-02"}`, `{"when":5}`, `[1]`, `null`, `"x"`,
	`{"a":`, `{"a" 1}`, `{"a":1,}`, `{} x`, `{"a":tru}`, `{'a':1}`, "{\"a\":\"\x01\"}",
	`{"` + strings.Repeat("k", 300) + `":1}`, "{\"\xffé" + strings.Repeat("é", 60) + "\":1}",
	`{"name":"n","extra":{"deep":[1,2,{"x":null}]},"more":5}`, `{"kind":"bogus"}`, `{"KIND":"bogus"}`,
	`{"blob":` + strings.Repeat("[", 63) + strings.Repeat("]", 63) + `}`,
	`{"blob":` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + `}`,
	`{"blob":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`,
	`{"blob":` + strings.Repeat("[", 10001) + strings.Repeat("]", 10000) + `}`,
	strings.Repeat(`{"kids":[`, 31) + "{}" + strings.Repeat("]}", 31),
	strings.Repeat(`{"kids":[`, 32) + "{}" + strings.Repeat("]}", 32),
	`{"x":` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + `}`,
	`{"isSuccess":true,"ISSUCCESS":"x"}`, `{"isSuccess":true,"isSuccess":false}`, `{"name":"a","NAME":"b"}`,
	`{"foo":1,"name":`, `{"name":5} x`, `{"name":5,"a":tru}`, `{"blob":1e400,"name":5}`, `{"any":1e400,"plain":5}`,
	`{"any":1e400}`, `{"bytes":"!!"}`, `{"bytes":[1]}`, `{"bytes":"aGk="}`, `{"day":"2024-02-30"}`, `{"time":"25:00:00"}`,
	`{"span":"PT"}`, `{"data":"not base64!"}`, `{"day":"2024-02-29","time":"13:45:30.5","span":"P1DT2H","data":"aGVsbG8="}`,
	`{"ptr":null,"plain":null}`, `{"num":null}`, `{"levels":["extreme",null]}`, `{"level":"extreme"}`, `{"a\"b":"q","x,y":1,"plain":"p"}`,
	`{"A\"B":"q","X,Y":"1"}`, `{"plain":"\ud83d\ude00\ud800\udc00\udfff"}`, `{"name":"\u2028\u2029<>&"}`, ` {"name" : "x" } `,
	`{"kids":[{"kids":[{"kids":[{"name":{}}]}]}]}`, `{"address":{"zip":-0}}`, `{"address":{"zip":1.0}}`, `{"size":-0}`,
	`[{"city":"c"},{"zip":"1"}]`, `[null]`, `[]`, `"reset"`, `"RESET"`, `12`, `-2147483649`, `1.0`, `{"name":"x"}{}`,
	"{\"name\":\"x\"}\n\t ", `{"name":"\q"}`, `{"name":"\u12"}`, `{"name":"\u12g4"}`, `{"count":01}`, `{"count":-}`, `{"count":1.}`,
	`{"count":1e}`, `{"score":.5}`, `{"isSuccess":nul}`, `{"isSuccess":truex}`, `{,}`, `{"a"}`, `[1,]`, `[,1]`, `{"id":"1"`,
}

// TestValidUTF8Keys checks that a key with invalid UTF-8 is named with
// U+FFFD in the message, which stays valid UTF-8.
func TestValidUTF8Keys(t *testing.T) {
	e, _ := codecDecode([]byte("{\"\xffé"+strings.Repeat("é", 60)+"\":1}"), reflect.TypeFor[fxReport](), nil)
	if e == nil || !utf8.ValidString(e.Message) || !strings.Contains(e.Message, "\uFFFDé") {
		t.Errorf("answer %v", e)
	}
}
