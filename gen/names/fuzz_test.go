package names

import "testing"

func FuzzExported(f *testing.F) {
	for _, c := range identCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, u := Exported(s), Unexported(s)
		if p := identProblem(e, true); p != "" {
			t.Fatalf("Exported(%q) = %q: %s", s, e, p)
		}
		if p := identProblem(u, false); p != "" {
			t.Fatalf("Unexported(%q) = %q: %s", s, u, p)
		}
		if e != Exported(s) || u != Unexported(s) {
			t.Fatalf("Exported or Unexported of %q is not deterministic", s)
		}
		if again := Exported(e); again != e {
			t.Fatalf("Exported(%q) = %q, but Exported(%q) = %q", s, e, e, again)
		}
		if ue := Unexported(e); ue != u {
			t.Fatalf("Unexported(%q) = %q, but Unexported(Exported) = Unexported(%q) = %q", s, u, e, ue)
		}
		if again := Unexported(u); again != u {
			t.Fatalf("Unexported(%q) = %q, but Unexported(%q) = %q", s, u, u, again)
		}
	})
}

func FuzzFileName(f *testing.F) {
	for _, in := range []string{"api-reference/v1.0/api/user-get.md", "../../etc/passwd", "/abs", `a\b`, "CON", "nul.md", "x_test", "x_windows", ".hidden", "_x", "café", ""} {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, path string) {
		got := FileName(path)
		if got != FileName(path) {
			t.Fatalf("FileName(%q) is not deterministic", path)
		}
		checkFileName(t, path, got)
	})
}

func FuzzTestName(f *testing.F) {
	for _, c := range testNameCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := TestName(s)
		if p := testNameProblem(got); p != "" {
			t.Fatalf("TestName(%q) = %q: %s", s, got, p)
		}
		if again := TestName(got); again != got {
			t.Fatalf("TestName(%q) = %q, but TestName(%q) = %q", s, got, got, again)
		}
	})
}
