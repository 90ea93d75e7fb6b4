package rt

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestValidateStruct is the runtime's behaviour test of Validate.
func TestValidateStruct(t *testing.T) {
	good := &fxReport{Feature: Some(fxFeature("reset")), Kids: Some([]fxReport{{Features: Some([]fxFeature{"registration"})}})}
	if err := good.Validate(); err != nil {
		t.Errorf("valid: %v", err)
	}
	bad := &fxReport{Kids: Some([]fxReport{{}, {Address: Some(fxAddress{Kind: Some(fxFeature("nope"))})}})}
	var ve *ValidationError
	if err := bad.Validate(); !errors.As(err, &ve) {
		t.Fatalf("invalid: %v", err)
	}
	want := &ValidationError{Property: "kids[1].address.kind", Value: "nope", Allowed: []string{"registration", "reset", "unknownFutureValue"}}
	if diff := cmp.Diff(want, ve); diff != "" {
		t.Errorf("ValidationError (-want +got):\n%s", diff)
	}
	ve.Allowed[0] = "changed"
	if fxFeatureMembers[0] != "registration" {
		t.Error("Allowed aliases the members")
	}
	for name, x := range map[string]interface{ Validate() error }{
		"parent":   &fxReport{Parent: Some(fxReport{Parent: Some(fxReport{Features: Some([]fxFeature{"reset", ""})})})},
		"labels":   &fxReport{Labels: Some(map[string]fxFeature{"b": "x", "a": "reset"})},
		"optional": &fxReport{Feature: Some(fxFeature("x"))},
		"embedded": &fxReport{fxEntity: fxEntity{}, Level: Some(fxLevel("x"))},
	} {
		if err := x.Validate(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if err := (&fxReport{Labels: Some(map[string]fxFeature{"b": "x", "a": "y"})}).Validate(); !errors.As(err, &ve) || ve.Property != "labels.a" {
		t.Errorf("labels: %v", err)
	}
	cyc := make([]fxReport, 2)
	cyc[0].Kids = Some(cyc)
	cyc[1].Kids = Some(cyc)
	done := make(chan error)
	go func() { done <- (&fxReport{Kids: Some(cyc)}).Validate() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("cycle: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("validateStruct does not terminate on a cycle")
	}
	cyc[1].Feature = Some(fxFeature("bad"))
	if err := cyc[0].Validate(); !errors.As(err, &ve) || ve.Property != "kids[1].feature" {
		t.Errorf("cycle with a bad value: %v", err)
	}
	self := &fxReport{}
	self.Parent = Optional[fxReport]{Value: self}
	self.Feature = Some(fxFeature("bad"))
	if err := self.Validate(); !errors.As(err, &ve) || ve.Property != "feature" {
		t.Errorf("self reference: %v", err)
	}
	if err := ValidateStruct(nil); err != nil {
		t.Errorf("nil: %v", err)
	}
	if err := (*fxReport)(nil).Validate(); err != nil {
		t.Errorf("nil pointer: %v", err)
	}
	if err := ValidateStruct(&struct{ A any }{A: []any{fxFeature("x")}}); !errors.As(err, &ve) || ve.Property != "A[0]" {
		t.Errorf("through an interface: %v", err)
	}
}

// TestValidateAgainstReference decodes random bodies leniently (enum
// values unchecked) into both styles and compares Validate with the old
// validator.
func TestValidateAgainstReference(t *testing.T) {
	g := &bodyGen{r: rand.New(rand.NewPCG(9, 10))}
	invalid := 0
	for _, pair := range diffPairs {
		for range 1500 {
			body := g.body(pair.ref)
			want, got := reflect.New(pair.ref), reflect.New(pair.fx)
			if json.Unmarshal(body, want.Interface()) != nil || UnmarshalStruct(body, got.Interface()) != nil {
				continue
			}
			werr, gerr := refValidateStruct(want.Interface()), ValidateStruct(got.Interface())
			if werr != nil {
				invalid++
			}
			if diff := cmp.Diff(werr, gerr); diff != "" {
				t.Fatalf("%s: %s (-reference +codec):\n%s", pair.name, body, diff)
			}
		}
	}
	if invalid < 100 {
		t.Errorf("only %d invalid values", invalid)
	}
}

// TestIsMember checks the membership test behind every generated IsValid:
// exact, case-sensitive matches only.
func TestIsMember(t *testing.T) {
	members := []string{"registration", "reset", "unknownFutureValue"}
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"reset", true}, {"unknownFutureValue", true}, {"Reset", false}, {"", false}, {"rese", false},
	} {
		if got := IsMember(members, c.s); got != c.want {
			t.Errorf("isMember(%q) = %v, want %v", c.s, got, c.want)
		}
	}
	if IsMember(nil, "") {
		t.Error("isMember(nil, \"\") = true")
	}
}
