package gen_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/generated"
)

// countExamples counts the examples of the txtar files in dir: the files
// named "<Operation>/<example>".
func countExamples(t *testing.T, dir string) int {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples in %s (%v)", dir, err)
	}
	n := 0
	marker := regexp.MustCompile(`(?m)^-- [^/ ]+/[^ ]+ --$`)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		n += len(marker.FindAll(data, -1))
	}
	return n
}

// TestRunExamplesSeed runs the examples of the seed package (generated/)
// against UnimplementedService, from outside the package as a user's test
// would: every example is skipped, none fails.
func TestRunExamplesSeed(t *testing.T) {
	dir := "../generated/testdata/examples"
	n := countExamples(t, dir)
	r := generated.RunExamples(t, generated.NewHandler(&generated.UnimplementedService{}), os.DirFS(dir))
	if len(r.Skipped) != n || len(r.Failed) != 0 || len(r.Passed) != 0 {
		t.Errorf("report %+v, want the %d examples skipped", r, n)
	}
}

// TestRunExamplesUserService generates the pages of testdata/status and
// runs testdata/conform/widgets_test.go, a user's service of that package
// in a package of its own: an in-memory service passes the examples it
// implements, UnimplementedService skips them all, a service that answers
// 2xx to a documented conflict fails it.
func TestRunExamplesUserService(t *testing.T) {
	_, out := generateDirs(t, "testdata/status/api", "testdata/status/resources")
	m := newModule(t)
	m.add("status", out)
	src, err := os.ReadFile("testdata/conform/widgets_test.go")
	if err != nil {
		t.Fatal(err)
	}
	m.write("widgets/widgets_test.go", src)
	if n := countExamples(t, filepath.Join(m.dir, "status/testdata/examples")); n != 6 {
		t.Fatalf("%d examples, widgets_test.go expects 6", n)
	}
	m.mustGo("vet", "./widgets/")
	res := m.mustGo("test", "-v", "./widgets/")
	for _, name := range []string{"TestWidgets", "TestUnimplemented", "TestSloppy"} {
		if !strings.Contains(res, "--- PASS: "+name+" ") {
			t.Errorf("%s did not pass:\n%s", name, res)
		}
	}
}
