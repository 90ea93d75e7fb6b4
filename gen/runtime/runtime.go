// Package runtime emits, with jennifer, the runtime declarations shared by
// every package graphdocgen generates: the Optional field type, the named
// string primitives, CollectionResponse, the Error types, and the
// http.Handler that routes requests, checks request bodies and writes
// replies. It also emits the helpers the generated golden tests use.
//
// The emitted code relies on declarations the rest of the generator writes
// into the same package: the Service interface, the routes table of route
// values, the handler serve methods the table refers to, and the enum and
// open-type marker methods (enumMembers, graphOpenType).
package runtime

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// Import paths of the packages the emitted code uses.
const (
	pkgBase64   = "encoding/base64"
	pkgBig      = "math/big"
	pkgBytes    = "bytes"
	pkgCmp      = "github.com/google/go-cmp/cmp"
	pkgDebug    = "runtime/debug"
	pkgErrors   = "errors"
	pkgFmt      = "fmt"
	pkgHTTP     = "net/http"
	pkgHTTPTest = "net/http/httptest"
	pkgIO       = "io"
	pkgJSON     = "encoding/json"
	pkgLog      = "log"
	pkgReflect  = "reflect"
	pkgSlices   = "slices"
	pkgStrconv  = "strconv"
	pkgStrings  = "strings"
	pkgSync     = "sync"
	pkgTesting  = "testing"
	pkgTime     = "time"
	pkgUnicode  = "unicode"
	pkgURL      = "net/url"
	pkgUTF8     = "unicode/utf8"
)

// Add adds the runtime declarations to f (the generated package's file
// graphdocgen_runtime.go).
func Add(f *jen.File) {
	groups := [][]jen.Code{
		optionalDecls(), primitiveDecls(), durationDecls(), collectionDecls(),
		errorDecls(), errorWriterDecls(), optionDecls(), handlerDecls(), replyDecls(), statusDecls(),
		routerDecls(), patternDecls(), matchDecls(), pathDecls(),
		decodeDecls(), checkerDecls(), checkerValueDecls(), checkerWalkDecls(),
		fieldDecls(), namedDecls(), validateDecls(), validateWalkDecls(), kindDecls(), segmentDecls(),
	}
	addAll(f, groups)
}

// AddTest adds the test helpers to f (the generated package's file
// graphdocgen_runtime_test.go, in the same package; it uses testing and
// go-cmp).
func AddTest(f *jen.File) {
	f.ImportName(pkgCmp, "cmp")
	addAll(f, [][]jen.Code{checkJSONDecls(), roundTripDecls(), testRequestDecls()})
}

// addAll adds the declarations to f, separated by blank lines.
func addAll(f *jen.File, groups [][]jen.Code) {
	for _, g := range groups {
		for _, d := range g {
			f.Add(d)
			f.Line()
		}
	}
}

// doc returns a doc comment, one "//" line per line of text, ending with a
// line break so that a declaration can follow.
func doc(text string) *jen.Statement {
	s := &jen.Statement{}
	for _, line := range strings.Split(text, "\n") {
		if line == "" {
			s.Comment("//").Line()
		} else {
			s.Comment("// " + line).Line()
		}
	}
	return s
}

// Shorthands for qualified identifiers of the packages used most.
func httpQ(name string) *jen.Statement    { return jen.Qual(pkgHTTP, name) }
func jsonQ(name string) *jen.Statement    { return jen.Qual(pkgJSON, name) }
func reflectQ(name string) *jen.Statement { return jen.Qual(pkgReflect, name) }
func stringsQ(name string) *jen.Statement { return jen.Qual(pkgStrings, name) }
func fmtQ(name string) *jen.Statement     { return jen.Qual(pkgFmt, name) }

// reqParam, writerParam are the usual handler parameters.
func reqParam() *jen.Statement    { return jen.Id("r").Op("*").Add(httpQ("Request")) }
func writerParam() *jen.Statement { return jen.Id("w").Add(httpQ("ResponseWriter")) }

// ptr returns *name.
func ptr(name string) *jen.Statement { return jen.Op("*").Id(name) }

// method starts the declaration of a method with a pointer receiver.
func method(recv, typ, name string) *jen.Statement {
	return jen.Func().Params(jen.Id(recv).Op("*").Id(typ)).Id(name)
}

// errorLit returns &Error{Status: http.<status>, Message: message}; a nil
// message is left out.
func errorLit(status string, message jen.Code) *jen.Statement {
	return jen.Op("&").Id("Error").Values(errorFields(status, message)...)
}

// errorFields returns the fields of an Error literal.
func errorFields(status string, message jen.Code) []jen.Code {
	fields := []jen.Code{jen.Id("Status").Op(":").Add(httpQ(status))}
	if message != nil {
		fields = append(fields, jen.Id("Message").Op(":").Add(message))
	}
	return fields
}

// ifErrReturn returns "if err != nil { return results... }".
func ifErrReturn(results ...jen.Code) *jen.Statement {
	return jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(results...))
}

// ifNotNil returns "if e := call; e != nil { return e }" for calls that
// return *Error or *ValidationError.
func ifNotNil(call jen.Code) *jen.Statement {
	return jen.If(jen.Id("e").Op(":=").Add(call), jen.Id("e").Op("!=").Nil()).Block(jen.Return(jen.Id("e")))
}

// multiValues returns a composite literal's values, one per line.
func multiValues(items ...jen.Code) *jen.Statement {
	return jen.Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, items...)
}

// sprintf returns fmt.Sprintf(format, args...).
func sprintf(format string, args ...jen.Code) *jen.Statement {
	return fmtQ("Sprintf").Call(append([]jen.Code{jen.Lit(format)}, args...)...)
}

// kindCase returns "case reflect.K1, reflect.K2, ...:".
func kindCase(kinds ...string) *jen.Statement {
	var ks []jen.Code
	for _, k := range kinds {
		ks = append(ks, reflectQ(k))
	}
	return jen.Case(ks...)
}

// Kind lists of the emitted type switches.
var (
	intKinds   = []string{"Int", "Int8", "Int16", "Int32", "Int64"}
	uintKinds  = []string{"Uint", "Uint8", "Uint16", "Uint32", "Uint64", "Uintptr"}
	floatKinds = []string{"Float32", "Float64"}
)
