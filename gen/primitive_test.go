package gen_test

import "testing"

// TestPrimitiveResponse generates the pages of testdata/primitive: an
// operation answering one primitive returns *ValueResponse[T] (written as
// {"value": x}, with @odata.context when the service sets it), and each
// documented example becomes a passing test.
func TestPrimitiveResponse(t *testing.T) {
	s, out := generateDirs(t, "testdata/primitive/api")
	want := map[string]string{
		"GetFileVaultKeyFunction":     "Edm.String",
		"ServiceUpdateMessageArchive": "Edm.Boolean",
	}
	for _, op := range s.Operations {
		w, ok := want[op.GoName]
		if !ok {
			t.Errorf("unexpected operation %s", op.GoName)
			continue
		}
		delete(want, op.GoName)
		if op.ResponseType == nil || op.ResponseType.String() != w {
			t.Errorf("%s: response type %v, want %s", op.GoName, op.ResponseType, w)
		}
		for _, ex := range op.Examples {
			if ex.Test == nil {
				t.Errorf("%s: example %s has no test (reason %v)", op.GoName, ex.Name, ex.Reason)
			}
		}
	}
	for k := range want {
		t.Errorf("no operation %s", k)
	}
	m := newModule(t)
	m.add("primitive", out)
	m.mustGo("vet", "./...")
	m.mustGo("test", "./...")
}
