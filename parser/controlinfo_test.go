package parser

import (
	"testing"

	"github.com/graphdocgen/graphdocgen/parser/schema"
)

func TestIsControlInfo(t *testing.T) {
	for key, want := range map[string]bool{
		"@odata.context": true, "@odata.etag": true, "@odata.id": true, "@odata.nextLink": true,
		"@odata.count": true, "@odata.deltaLink": true, "@odata.mediaReadLink": true,
		"user@odata.bind": true, "members@odata.context": true, "members@delta": true,
		"@odata.type": false, "odata.type": true, "odata.context": true, "id": false, "@microsoft.graph.conflictBehavior": false, "@Odata.type": false,
	} {
		if got := isControlInfo(key); got != want {
			t.Errorf("isControlInfo(%q) = %v, want %v", key, got, want)
		}
	}
}

// TestControlInfoNotProperties reads v1.0 pages (fixtures) whose examples
// carry @odata.context, @odata.etag and user@odata.bind, and a resource
// page whose table lists @odata.id and @odata.etag: none becomes a
// property or a parameter, the examples still pass their checks, and the
// table rows are reported.
func TestControlInfoNotProperties(t *testing.T) {
	files, err := ReadPaths([]string{"testdata/issue13/v1.0"})
	if err != nil {
		t.Fatal(err)
	}
	s := Parse(files)
	check := func(owner string, props []*schema.Property) {
		for _, p := range props {
			if isControlInfo(p.Name) {
				t.Errorf("%s has property %s (%s)", owner, p.Name, p.Source)
			}
		}
	}
	for _, ty := range s.Types {
		check(ty.Name, ty.Properties)
	}
	for _, op := range s.Operations {
		check(op.GoName, op.Parameters)
		for _, ex := range op.Examples {
			if ex.Rejects != "" || ex.ResponseMismatch != "" {
				t.Errorf("%s: example %s: rejects %q, response mismatch %q", op.Source, ex.Name, ex.Rejects, ex.ResponseMismatch)
			}
		}
	}
	rows := 0
	for _, d := range s.Diagnostics {
		if d.Code == "property-control-information" {
			rows++
		}
		if d.Code == "annotation-undocumented" || d.Code == "parameter-undocumented" && d.Line == 71 {
			t.Errorf("control information inferred: %s", d)
		}
	}
	if rows != 2 {
		t.Errorf("%d property-control-information diagnostics, want 2 (resourcedata.md)", rows)
	}
}
