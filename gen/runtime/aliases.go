package runtime

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// aliasDecls declares in the generated package each public name of rt
// (exported and not internal), in rt's order and with its doc comment: a
// type as an alias, a constant as a constant of the same value and type,
// a function as a function calling rt's. It returns the declarations, the
// standard packages their signatures name (sorted import paths) and the
// names (sorted). Signatures name rt's public types unqualified (their
// aliases) and its internal ones qualified by CodePackage.
func aliasDecls(fset *token.FileSet, files []*ast.File) ([]byte, []string, []string, error) {
	internalSet := map[string]bool{}
	for _, n := range internal {
		internalSet[n] = true
	}
	public := func(name string) bool { return ast.IsExported(name) && !internalSet[name] }
	a := &aliases{fset: fset, qualify: internalSet, imports: map[string]bool{}}
	var names []string
	for _, f := range files {
		a.fileImports = map[string]string{}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			name := p[strings.LastIndex(p, "/")+1:]
			if im.Name != nil {
				name = im.Name.Name
			}
			a.fileImports[name] = p
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv != nil || !public(d.Name.Name) {
					continue
				}
				names = append(names, d.Name.Name)
				if err := a.function(d); err != nil {
					return nil, nil, nil, err
				}
			case *ast.GenDecl:
				var specs []ast.Spec
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if public(s.Name.Name) {
							specs = append(specs, s)
							names = append(names, s.Name.Name)
						}
					case *ast.ValueSpec:
						if d.Tok == token.VAR {
							for _, n := range s.Names {
								if public(n.Name) {
									return nil, nil, nil, fmt.Errorf("%s: public variable %s: a generated package cannot alias a variable", fset.Position(n.Pos()), n.Name)
								}
							}
							continue
						}
						for _, n := range s.Names {
							if public(n.Name) {
								specs = append(specs, s)
								break
							}
						}
					}
				}
				if len(specs) > 0 {
					if err := a.genDecl(d, specs, public, &names); err != nil {
						return nil, nil, nil, err
					}
				}
			}
		}
	}
	var imports []string
	for p := range a.imports {
		imports = append(imports, p)
	}
	slices.Sort(imports)
	slices.Sort(names)
	if len(slices.Compact(slices.Clone(names))) != len(names) {
		return nil, nil, nil, fmt.Errorf("rt declares a public name twice")
	}
	return a.out.Bytes(), imports, names, nil
}

// aliases writes the public names' declarations.
type aliases struct {
	fset        *token.FileSet
	qualify     map[string]bool   // names to qualify with CodePackage
	fileImports map[string]string // of the file being read: name -> path
	imports     map[string]bool   // paths the declarations name
	out         bytes.Buffer
}

// doc writes a doc comment.
func (a *aliases) doc(g *ast.CommentGroup, indent string) {
	if g == nil {
		return
	}
	for _, c := range g.List {
		a.out.WriteString(indent + c.Text + "\n")
	}
}

// expr prints a type expression of rt as the generated package names it.
func (a *aliases) expr(e ast.Expr, tparams map[string]bool) (string, error) {
	var err error
	e = a.rewrite(e, tparams, &err)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	if err := printer.Fprint(&b, token.NewFileSet(), e); err != nil {
		return "", err
	}
	return b.String(), nil
}

// rewrite returns a copy of the type expression e with rt's internal
// names qualified, recording the packages it names. An unexported rt
// name is an error: the generated package cannot name it.
func (a *aliases) rewrite(e ast.Expr, tparams map[string]bool, err *error) ast.Expr {
	re := func(x ast.Expr) ast.Expr {
		if x == nil {
			return nil
		}
		return a.rewrite(x, tparams, err)
	}
	fields := func(l *ast.FieldList) *ast.FieldList {
		if l == nil {
			return nil
		}
		out := &ast.FieldList{}
		for _, f := range l.List {
			out.List = append(out.List, &ast.Field{Names: f.Names, Type: re(f.Type)})
		}
		return out
	}
	switch x := e.(type) {
	case *ast.Ident:
		switch {
		case tparams[x.Name] || ast.NewIdent(x.Name).IsExported() && !a.qualify[x.Name]:
			return ast.NewIdent(x.Name)
		case a.qualify[x.Name]:
			return &ast.SelectorExpr{X: ast.NewIdent(CodePackage), Sel: ast.NewIdent(x.Name)}
		case isPredeclared(x.Name):
			return ast.NewIdent(x.Name)
		}
		*err = fmt.Errorf("%s: a public signature names rt's unexported %s", a.fset.Position(x.Pos()), x.Name)
		return x
	case *ast.SelectorExpr:
		pkg, ok := x.X.(*ast.Ident)
		p, known := a.fileImports[pkgName(pkg)]
		if !ok || !known {
			*err = fmt.Errorf("%s: cannot resolve %s", a.fset.Position(x.Pos()), pkgName(pkg))
			return x
		}
		a.imports[p] = true
		return &ast.SelectorExpr{X: ast.NewIdent(pkg.Name), Sel: ast.NewIdent(x.Sel.Name)}
	case *ast.StarExpr:
		return &ast.StarExpr{X: re(x.X)}
	case *ast.ArrayType:
		return &ast.ArrayType{Len: x.Len, Elt: re(x.Elt)}
	case *ast.MapType:
		return &ast.MapType{Key: re(x.Key), Value: re(x.Value)}
	case *ast.ChanType:
		return &ast.ChanType{Dir: x.Dir, Value: re(x.Value)}
	case *ast.Ellipsis:
		return &ast.Ellipsis{Elt: re(x.Elt)}
	case *ast.ParenExpr:
		return &ast.ParenExpr{X: re(x.X)}
	case *ast.FuncType:
		return &ast.FuncType{Params: fields(x.Params), Results: fields(x.Results)}
	case *ast.IndexExpr:
		return &ast.IndexExpr{X: re(x.X), Index: re(x.Index)}
	case *ast.IndexListExpr:
		out := &ast.IndexListExpr{X: re(x.X)}
		for _, i := range x.Indices {
			out.Indices = append(out.Indices, re(i))
		}
		return out
	case *ast.InterfaceType:
		if len(x.Methods.List) == 0 {
			return &ast.InterfaceType{Methods: &ast.FieldList{}}
		}
	case *ast.BinaryExpr: // a constraint's union
		return &ast.BinaryExpr{X: re(x.X), Op: x.Op, Y: re(x.Y)}
	case *ast.UnaryExpr: // ~T
		return &ast.UnaryExpr{Op: x.Op, X: re(x.X)}
	}
	*err = fmt.Errorf("%s: a public signature holds a %T, which the generator does not declare", a.fset.Position(e.Pos()), e)
	return e
}

func pkgName(id *ast.Ident) string {
	if id == nil {
		return ""
	}
	return id.Name
}

// isPredeclared reports whether name is one of Go's predeclared types.
func isPredeclared(name string) bool {
	switch name {
	case "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64",
		"int", "int8", "int16", "int32", "int64", "rune", "string",
		"uint", "uint8", "uint16", "uint32", "uint64", "uintptr":
		return true
	}
	return false
}

// typeParams prints a type parameter list and returns its names.
func (a *aliases) typeParams(l *ast.FieldList) (decl string, args []string, set map[string]bool, err error) {
	set = map[string]bool{}
	if l == nil {
		return "", nil, set, nil
	}
	for _, f := range l.List {
		for _, n := range f.Names {
			set[n.Name] = true
		}
	}
	var parts []string
	for _, f := range l.List {
		c, err := a.expr(f.Type, set)
		if err != nil {
			return "", nil, nil, err
		}
		var ns []string
		for _, n := range f.Names {
			ns = append(ns, n.Name)
			args = append(args, n.Name)
		}
		parts = append(parts, strings.Join(ns, ", ")+" "+c)
	}
	return "[" + strings.Join(parts, ", ") + "]", args, set, nil
}

// genDecl declares the public types and constants of d.
func (a *aliases) genDecl(d *ast.GenDecl, specs []ast.Spec, public func(string) bool, names *[]string) error {
	grouped := len(specs) > 1
	a.out.WriteString("\n")
	a.doc(d.Doc, "")
	kw := d.Tok.String()
	indent := ""
	if grouped {
		a.out.WriteString(kw + " (\n")
		indent = "\t"
	}
	for _, s := range specs {
		prefix := indent
		if !grouped {
			prefix = kw + " "
		}
		switch s := s.(type) {
		case *ast.TypeSpec:
			a.doc(s.Doc, indent)
			decl, args, _, err := a.typeParams(s.TypeParams)
			if err != nil {
				return err
			}
			inst := ""
			if len(args) > 0 {
				inst = "[" + strings.Join(args, ", ") + "]"
			}
			fmt.Fprintf(&a.out, "%s%s%s = %s.%s%s\n", prefix, s.Name.Name, decl, CodePackage, s.Name.Name, inst)
		case *ast.ValueSpec:
			a.doc(s.Doc, indent)
			for _, n := range s.Names {
				if !public(n.Name) {
					continue
				}
				*names = append(*names, n.Name)
				fmt.Fprintf(&a.out, "%s%s = %s.%s\n", prefix, n.Name, CodePackage, n.Name)
			}
		}
	}
	if grouped {
		a.out.WriteString(")\n")
	}
	return nil
}

// function declares a public function calling rt's.
func (a *aliases) function(d *ast.FuncDecl) error {
	decl, targs, tparams, err := a.typeParams(d.Type.TypeParams)
	if err != nil {
		return err
	}
	var params, args []string
	for i, f := range d.Type.Params.List {
		t, err := a.expr(f.Type, tparams)
		if err != nil {
			return err
		}
		ns := f.Names
		if len(ns) == 0 {
			ns = []*ast.Ident{ast.NewIdent("")}
		}
		for j, n := range ns {
			name := n.Name
			if name == "" || name == "_" {
				name = fmt.Sprintf("p%d_%d", i, j)
			}
			params = append(params, name+" "+t)
			if _, ok := f.Type.(*ast.Ellipsis); ok {
				name += "..."
			}
			args = append(args, name)
		}
	}
	results := ""
	if r := d.Type.Results; r != nil && len(r.List) > 0 {
		var rs []string
		for _, f := range r.List {
			t, err := a.expr(f.Type, tparams)
			if err != nil {
				return err
			}
			for range max(1, len(f.Names)) {
				rs = append(rs, t)
			}
		}
		results = " " + strings.Join(rs, ", ")
		if len(rs) > 1 {
			results = " (" + strings.Join(rs, ", ") + ")"
		}
	}
	inst := ""
	if len(targs) > 0 {
		inst = "[" + strings.Join(targs, ", ") + "]"
	}
	ret := ""
	if results != "" {
		ret = "return "
	}
	a.out.WriteString("\n")
	a.doc(d.Doc, "")
	fmt.Fprintf(&a.out, "func %s%s(%s)%s {\n\t%s%s.%s%s(%s)\n}\n", d.Name.Name, decl, strings.Join(params, ", "), results, ret, CodePackage, d.Name.Name, inst, strings.Join(args, ", "))
	return nil
}
