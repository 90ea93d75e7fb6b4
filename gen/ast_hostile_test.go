package gen_test

// Reading generated source back with go/ast, to check that every
// documented name survives into a JSON tag or a constant.

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/graphdocgen/graphdocgen/gen"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// goSource is what the tests read from the generated files.
type goSource struct {
	// fields maps "Struct.Field" to the name in the field's json tag, or
	// in its graphjson tag when it is tagged json:"-".
	fields map[string]string
	// consts maps a constant's name to its type and string value.
	consts map[string][2]string
}

// parseFiles reads the struct fields and string constants of files.
func parseFiles(t *testing.T, files []gen.File) *goSource {
	t.Helper()
	src := &goSource{fields: map[string]string{}, consts: map[string][2]string{}}
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		file, err := goparser.ParseFile(token.NewFileSet(), f.Name, f.Data, 0)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				src.addStruct(n)
			case *ast.ValueSpec:
				src.addConst(n)
			}
			return true
		})
	}
	return src
}

func (src *goSource) addStruct(ts *ast.TypeSpec) {
	st, ok := ts.Type.(*ast.StructType)
	if !ok {
		return
	}
	for _, f := range st.Fields.List {
		if f.Tag == nil || len(f.Names) != 1 {
			continue
		}
		tag, err := strconv.Unquote(f.Tag.Value)
		if err != nil {
			continue
		}
		name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
		if named, ok := reflect.StructTag(tag).Lookup("graphjson"); ok && name == "-" {
			name = named
		}
		src.fields[ts.Name.Name+"."+f.Names[0].Name] = name
	}
}

func (src *goSource) addConst(vs *ast.ValueSpec) {
	id, ok := vs.Type.(*ast.Ident)
	if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 {
		return
	}
	lit, ok := vs.Values[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return
	}
	v, err := strconv.Unquote(lit.Value)
	if err == nil {
		src.consts[vs.Names[0].Name] = [2]string{id.Name, v}
	}
}

// checkTags checks that every documented property of every type, and every
// body parameter, is a field whose json tag is its documented name; a name
// encoding/json cannot use (validTagName) must be in a graphjson tag of a
// field tagged json:"-", never in a json tag encoding/json would ignore.
func checkTags(t *testing.T, s *schema.Schema, src *goSource) {
	t.Helper()
	for _, ty := range s.Types {
		for _, p := range ty.Properties {
			key := ty.GoName + "." + p.GoName
			got, ok := src.fields[key]
			switch {
			case !ok:
				t.Errorf("property %s.%q: no field %s", ty.Name, p.Name, key)
			case got != p.Name:
				t.Errorf("property %s.%q: field %s has json name %q", ty.Name, p.Name, key, got)
			}
		}
	}
	for _, op := range s.Operations {
		for _, p := range op.Parameters {
			if !hasField(src, p.GoName, p.Name) {
				t.Errorf("parameter %s.%q: no field %s with that json name", op.GoName, p.Name, p.GoName)
			}
		}
	}
}

// validTagName is encoding/json's rule (isValidTag) for the name in a json
// struct tag; for a name it rejects, encoding/json uses the Go field name.
func validTagName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

// hasField reports whether some struct has the field goName tagged name.
func hasField(src *goSource, goName, name string) bool {
	for k, v := range src.fields {
		if strings.HasSuffix(k, "."+goName) && v == name {
			return true
		}
	}
	return false
}

// checkEnumConstants checks that each enum member is a constant of the enum
// type whose value is the member, and that the constants are distinct.
func checkEnumConstants(t *testing.T, s *schema.Schema, src *goSource) {
	t.Helper()
	for _, en := range s.Enums {
		if len(en.GoMembers) != len(en.Members) {
			t.Errorf("enum %s: %d members, %d Go names", en.Name, len(en.Members), len(en.GoMembers))
			continue
		}
		for i, m := range en.Members {
			got, ok := src.consts[en.GoMembers[i]]
			if !ok || got != [2]string{en.GoName, m} {
				t.Errorf("enum %s member %q: constant %s is %q, want %s = %q", en.Name, m, en.GoMembers[i], got, en.GoName, m)
			}
		}
	}
}

// documentedProps returns the documented property names of the type with
// the qualified name q, or nil.
func documentedProps(s *schema.Schema, q string) []string {
	for _, ty := range s.Types {
		if strings.EqualFold(ty.QualifiedName(), q) {
			var out []string
			for _, p := range ty.Properties {
				out = append(out, p.Name)
			}
			return out
		}
	}
	return nil
}
