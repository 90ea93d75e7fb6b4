// Package widgets is a user's service of the package generated from
// testdata/status (package api, imported as status), tested with RunExamples from
// outside that package, as a user would: TestRunExamplesUserService
// (gen/conform_test.go) copies this file into a module next to the
// generated package and runs it.
package widgets

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	status "example.com/hostile/status"
)

// widgets keeps widgets in memory. It implements CreateWidget and
// UpdateWidget; the embedded UnimplementedService answers 501 to the other
// operations.
type widgets struct {
	status.UnimplementedService
	mu     sync.Mutex
	byName map[string]status.Widget
}

func (s *widgets) CreateWidget(ctx context.Context, req *status.CreateWidgetRequest) (*status.Widget, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := req.Body
	if w.Name.Value == nil {
		return nil, &status.Error{Status: http.StatusBadRequest, Message: "A widget needs a name."}
	}
	if _, ok := s.byName[*w.Name.Value]; ok {
		return nil, &status.Error{Status: http.StatusConflict, Message: "A widget with this name exists."}
	}
	w.ID = status.Some(fmt.Sprintf("w%d", len(s.byName)+1))
	s.byName[*w.Name.Value] = w
	status.SetStatus(ctx, http.StatusCreated)
	return &w, nil
}

// UpdateWidget renames a widget; it answers 204 No Content, without a
// body, as its page documents (its example shows one: RunExamples does not
// ask for it).
func (s *widgets) UpdateWidget(ctx context.Context, req *status.UpdateWidgetRequest) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if req.Body.Name.Value == nil {
		return &status.Error{Status: http.StatusBadRequest, Message: "A widget needs a name."}
	}
	s.byName[*req.Body.Name.Value] = status.Widget{ID: status.Some(req.WidgetID), Name: req.Body.Name}
	return nil
}

// examples is the generated package's testdata/examples folder.
var examples = os.DirFS("../status/testdata/examples")

// TestWidgets runs the documented examples against the service.
func TestWidgets(t *testing.T) {
	r := status.RunExamples(t, status.NewHandler(&widgets{byName: map[string]status.Widget{}}), examples)
	want := []string{"CreateWidget/create_widget", "CreateWidget/create_widget_conflict", "CreateWidget/create_widget_request_only", "UpdateWidget/update_widget"}
	if !slices.Equal(r.Passed, want) || len(r.Failed) != 0 {
		t.Errorf("passed %q, want %q; report %+v", r.Passed, want, r)
	}
	var skipped []string
	for _, s := range r.Skipped {
		if strings.HasPrefix(s.Reason, "not implemented") {
			skipped = append(skipped, s.Name)
		}
	}
	if want := []string{"DeleteWidget/delete_widget", "GetWidget/get_widget_name_case"}; !slices.Equal(skipped, want) || len(r.Skipped) != len(want) {
		t.Errorf("skipped %+v, want %q as not implemented", r.Skipped, want)
	}
}

// TestUnimplemented checks that against UnimplementedService every example
// is skipped as not implemented.
func TestUnimplemented(t *testing.T) {
	r := status.RunExamples(t, status.NewHandler(&status.UnimplementedService{}), examples)
	if len(r.Skipped) != 6 || len(r.Passed) != 0 || len(r.Failed) != 0 {
		t.Fatalf("report %+v, want the 6 examples skipped", r)
	}
	for _, s := range r.Skipped {
		if !strings.HasPrefix(s.Reason, "not implemented: ") {
			t.Errorf("%s skipped: %s", s.Name, s.Reason)
		}
	}
}

// sloppy creates a widget whatever its name, and answers 2xx where the
// docs answer 409 Conflict.
type sloppy struct{ status.UnimplementedService }

func (*sloppy) CreateWidget(ctx context.Context, req *status.CreateWidgetRequest) (*status.Widget, error) {
	return &req.Body, nil
}

// TestSloppy checks that RunExamples fails the conflict example of a
// service that does not answer it with an error.
func TestSloppy(t *testing.T) {
	ft := &fakeT{}
	r := status.RunExamples(ft, status.NewHandler(&sloppy{}), examples)
	if want := []string{"CreateWidget/create_widget_conflict"}; !slices.Equal(r.Failed, want) {
		t.Errorf("failed %q, want %q", r.Failed, want)
	}
	if !ft.failed || len(ft.errors) != 1 || !strings.Contains(ft.errors[0], "want a 4xx error: the docs answer 409") {
		t.Errorf("errors %q", ft.errors)
	}
}

// fakeT stands in for *testing.T, recording the errors of its subtests.
type fakeT struct {
	failed bool
	errors []string
}

func (t *fakeT) Helper()              {}
func (t *fakeT) Skipf(string, ...any) {}
func (t *fakeT) Errorf(format string, args ...any) {
	t.failed = true
	t.errors = append(t.errors, fmt.Sprintf(format, args...))
}
func (t *fakeT) Run(name string, f func(*fakeT)) bool {
	f(t)
	return !t.failed
}
