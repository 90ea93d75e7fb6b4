package gen_test

import (
	"bytes"
	"strings"
	"testing"
)

// TestTypeFamilyRoutes generates the Intune pages of testdata/kinds, which
// document each mobileApps route once per derived app type, and checks
// that the route's operation decodes the whole family
// (AnyOf[MobileLobAppKind], mobileLobApp being their nearest common base)
// so every example becomes a test, and that those tests pass.
func TestTypeFamilyRoutes(t *testing.T) {
	s, out := generateDirs(t, "testdata/kinds/api", "testdata/kinds/resources")
	examples := 0
	for _, op := range s.Operations {
		for _, ex := range op.Examples {
			examples++
			if ex.Test == nil {
				t.Errorf("%s: example %s has no test (reason %v)", op.Source, ex.Name, *ex.Reason)
			}
		}
	}
	if examples != 8 {
		t.Errorf("%d examples, want 8 (4 pages of each app type)", examples)
	}
	var all []byte
	for _, f := range out {
		all = append(all, f.Data...)
	}
	for _, want := range []string{
		"type MobileLobAppKind interface",
		"func (x *MobileLobApp) asMobileLobApp() *MobileLobApp",
		`{Name: "microsoft.graph.ioslobapp", Typ: (*IosLobApp)(nil)}`,
		"Body AnyOf[MobileLobAppKind]",
		"(MobileLobAppKind, error)",
		"*CollectionResponse[AnyOf[MobileLobAppKind]]",
	} {
		if !bytes.Contains(all, []byte(want)) {
			t.Errorf("generated code lacks %q", want)
		}
	}
	for _, op := range s.Operations {
		ios := strings.Contains(op.Source.File, "ioslobapp")
		if ios != (op.ServedBy != nil) {
			t.Errorf("%s: servedBy %v; want it set exactly for the iosLobApp pages (android's come first)", op.GoName, op.ServedBy)
		}
		if ios && bytes.Contains(all, []byte(op.GoName+"(ctx context.Context")) {
			t.Errorf("%s is served by %s but still has a Service method", op.GoName, *op.ServedBy)
		}
	}
	for _, d := range s.Diagnostics {
		if strings.HasPrefix(d.Code, "example-route") {
			t.Errorf("unexpected diagnostic: %s", d)
		}
	}
	m := newModule(t)
	m.add("kinds", out)
	m.mustGo("vet", "./...")
	m.mustGo("test", "./...")
}

// TestExpandRouteNoFamily generates user-get.md and user-list-manager.md
// (testdata/expand), which documents the user's route with
// ?$expand=manager beside its directoryObject routes: the user page keeps
// the route and still answers a *User, not a family of directoryObject
// (a request line with a query string on another resource's path
// documents an option, not a derived type), and the tests pass.
func TestExpandRouteNoFamily(t *testing.T) {
	s, out := generateDirs(t, "testdata/expand/api", "testdata/expand/resources")
	var all []byte
	for _, f := range out {
		all = append(all, f.Data...)
	}
	if bytes.Contains(all, []byte("DirectoryObjectKind")) {
		t.Error("generated code has a DirectoryObjectKind family")
	}
	for _, op := range s.Operations {
		if !strings.HasSuffix(op.Source.File, "user-get.md") {
			continue
		}
		if want := op.GoName + "(ctx context.Context, req *" + op.GoName + "Request) (*User, error)"; !bytes.Contains(all, []byte(want)) {
			t.Errorf("generated code lacks %q", want)
		}
	}
	m := newModule(t)
	m.add("expand", out)
	m.mustGo("vet", "./...")
	m.mustGo("test", "./...")
}
