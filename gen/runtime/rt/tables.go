package rt

import (
	"reflect"
	"strings"
	"sync"
)

// The generated package describes its enums and type families to the
// runtime with these tables, which it registers once from an init
// function (registerTables). They are plain data: a table row names a Go
// type by a nil pointer to it, (*T)(nil), which the compiler lays out
// statically.

// EnumInfo describes one generated enum type.
type EnumInfo struct {
	Typ     any      // (*E)(nil)
	Members []string // in documented order
	// Flags marks a flags enum: a value is one member or several joined
	// by commas ("apps,tabs,settings"), as OData writes them.
	Flags bool
}

// KindInfo describes one type family served polymorphically (AnyOf[K]):
// its interface K and its members, the base type first.
type KindInfo struct {
	Iface   any // (*K)(nil)
	Members []KindMember
}

// KindMember is one type of a family.
type KindMember struct {
	Name string // qualified name in lower case: "microsoft.graph.mobilelobapp"
	Typ  any    // (*T)(nil), T the struct type
}

// TypeInfo describes one generated struct type: its documented
// qualified name, and the $filter operators its page documents for its
// properties.
type TypeInfo struct {
	Typ  any    // (*T)(nil)
	Name string // "microsoft.graph.user"
	// filters lists, for the properties whose page names the $filter
	// operators they support, "property=op,op;property=op" ("" for a
	// property that does not support $filter: "property=").
	Filters string
}

// typeTables is what registerTables recorded, indexed for lookups.
type typeTables struct {
	enums map[reflect.Type]*EnumInfo
	kinds map[reflect.Type]*kindIndex
	types map[reflect.Type]*TypeInfo
	// byName finds a registered struct type by its lower-cased qualified
	// name.
	byName map[string]reflect.Type
}

// kindIndex is a family's members by lower-cased qualified name.
type kindIndex struct {
	base   reflect.Type // struct type of the base
	byName map[string]reflect.Type
}

// tablesMu guards registered, the tables registerTables recorded.
var (
	tablesMu   sync.RWMutex
	registered = typeTables{enums: map[reflect.Type]*EnumInfo{}, kinds: map[reflect.Type]*kindIndex{}, types: map[reflect.Type]*TypeInfo{}, byName: map[string]reflect.Type{}}
)

// RegisterTables records the generated package's enums and families. The
// generated package calls it from an init function; tests of rt call it
// for their own types. A type registered twice keeps the last row. The
// codec's plans, which hold enum members, are built again afterwards.
func RegisterTables(enums []EnumInfo, kinds []KindInfo, types []TypeInfo) {
	addTables(enums, kinds, types)
	codecForgetPlans()
}

// addTables indexes the rows of registerTables.
func addTables(enums []EnumInfo, kinds []KindInfo, types []TypeInfo) {
	tablesMu.Lock()
	defer tablesMu.Unlock()
	for i := range types {
		t := reflect.TypeOf(types[i].Typ).Elem()
		registered.types[t] = &types[i]
		registered.byName[strings.ToLower(types[i].Name)] = t
	}
	for i := range enums {
		registered.enums[reflect.TypeOf(enums[i].Typ).Elem()] = &enums[i]
	}
	for _, k := range kinds {
		idx := &kindIndex{byName: map[string]reflect.Type{}}
		for i, m := range k.Members {
			t := reflect.TypeOf(m.Typ).Elem()
			if i == 0 {
				idx.base = t
			}
			idx.byName[strings.ToLower(m.Name)] = t
		}
		registered.kinds[reflect.TypeOf(k.Iface).Elem()] = idx
	}
}

// enumOf returns the enum row of t, nil when t is not a registered enum.
func enumOf(t reflect.Type) *EnumInfo {
	tablesMu.RLock()
	defer tablesMu.RUnlock()
	return registered.enums[t]
}

// typeOf returns the row of the struct type t, nil when t is not a
// registered type.
func typeOf(t reflect.Type) *TypeInfo {
	tablesMu.RLock()
	defer tablesMu.RUnlock()
	return registered.types[t]
}

// derivedType returns the registered struct type that odataType names
// ("#microsoft.graph.x", "microsoft.graph.x" or "x") when it derives from
// base (embeds it, directly or through its own base), else nil: a value of
// a property typed base whose @odata.type names a derived type carries
// that type's members.
func derivedType(base reflect.Type, odataType string) reflect.Type {
	name := strings.ToLower(strings.TrimPrefix(odataType, "#"))
	tablesMu.RLock()
	t, ok := registered.byName[name]
	if !ok {
		t, ok = registered.byName["microsoft.graph."+name]
	}
	tablesMu.RUnlock()
	if !ok || t == base || !embeds(t, base, 0) {
		return nil
	}
	return t
}

// foreignType reports whether odataType names a type the struct type t
// cannot stand for: not t (by qualified or simple name, so that a
// namespace slip such as "microsoft.outlookServices.openTypeExtension"
// still names openTypeExtension), not a registered type derived from t,
// and not a registered base of t. An empty odataType names none.
func foreignType(t reflect.Type, odataType string) bool {
	name := strings.ToLower(strings.TrimPrefix(odataType, "#"))
	if name == "" {
		return false
	}
	simple := name[strings.LastIndexByte(name, '.')+1:]
	if own := typeOf(t); own != nil {
		ownName := strings.ToLower(own.Name)
		if name == ownName || simple == ownName[strings.LastIndexByte(ownName, '.')+1:] {
			return false
		}
	}
	tablesMu.RLock()
	u, ok := registered.byName[name]
	if !ok {
		u, ok = registered.byName["microsoft.graph."+name]
	}
	tablesMu.RUnlock()
	return !ok || u != t && !embeds(u, t, 0) && !embeds(t, u, 0)
}

// embeds reports whether the struct t embeds base, directly or through
// an embedded struct, at most 32 levels down.
func embeds(t, base reflect.Type, depth int) bool {
	if t.Kind() != reflect.Struct || depth > 32 {
		return false
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.Anonymous {
			continue
		}
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft == base || embeds(ft, base, depth+1) {
			return true
		}
	}
	return false
}

// filterOperators reads the filters of a type row: the operators of each
// property that documents them.
func (ti *TypeInfo) filterOperators() map[string][]string {
	if ti == nil || ti.Filters == "" {
		return nil
	}
	out := map[string][]string{}
	for _, item := range strings.Split(ti.Filters, ";") {
		name, ops, _ := strings.Cut(item, "=")
		list := []string{}
		if ops != "" {
			list = strings.Split(ops, ",")
		}
		out[name] = list
	}
	return out
}

// KindOf returns the family of the interface type k, nil when k is not a
// registered family.
func KindOf(k reflect.Type) *kindIndex {
	tablesMu.RLock()
	defer tablesMu.RUnlock()
	return registered.kinds[k]
}

// member returns the struct type of the family member that odataType
// names ("#microsoft.graph.x", "microsoft.graph.x" or "x"), else the base.
func (k *kindIndex) Member(odataType string) reflect.Type {
	name := strings.ToLower(strings.TrimPrefix(odataType, "#"))
	if t, ok := k.byName[name]; ok {
		return t
	}
	if t, ok := k.byName["microsoft.graph."+name]; ok {
		return t
	}
	return k.base
}
