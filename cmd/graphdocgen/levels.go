package main

import (
	"fmt"
	"strings"

	"github.com/graphdocgen/graphdocgen/parser/diag"
	"github.com/graphdocgen/graphdocgen/parser/schema"
)

// Levels a -W setting gives a code.
const (
	levelOff     = "off"
	levelWarning = "warning"
	levelError   = "error"
)

// levels is the -W flag: per-code severities, in the order given. Each
// setting is CODE=LEVEL, where CODE is a code, a prefix of codes ending in
// '*' (json-*), or all, and LEVEL is off, warning or error; the flag is
// repeatable and takes comma-separated lists. A later setting for a code
// overrides an earlier one.
type levels []levelSetting

type levelSetting struct {
	pattern string // a code, a prefix ending in "*", or "all"
	level   string // levelOff, levelWarning, levelError
}

// String implements flag.Value.
func (l *levels) String() string {
	var parts []string
	for _, s := range *l {
		parts = append(parts, s.pattern+"="+s.level)
	}
	return strings.Join(parts, ",")
}

// Set implements flag.Value: it adds each setting of a comma-separated
// list, refusing an unknown level or a code no diagnostic has.
func (l *levels) Set(v string) error {
	for _, item := range strings.Split(v, ",") {
		item = strings.TrimSpace(item)
		pattern, level, ok := strings.Cut(item, "=")
		if !ok || pattern == "" {
			return fmt.Errorf("%q is not CODE=LEVEL (LEVEL is off, warning or error)", item)
		}
		switch level {
		case levelOff, levelWarning, levelError:
		default:
			return fmt.Errorf("%s: unknown level %q (want off, warning or error)", pattern, level)
		}
		if err := checkPattern(pattern); err != nil {
			return err
		}
		*l = append(*l, levelSetting{pattern, level})
	}
	return nil
}

// checkPattern refuses a pattern that names no registered code, naming
// the nearest one.
func checkPattern(pattern string) error {
	if pattern == "all" {
		return nil
	}
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		for _, in := range diag.All() {
			if strings.HasPrefix(in.Code, prefix) {
				return nil
			}
		}
		return fmt.Errorf("no diagnostic code starts with %q (nearest code: %s; graphdocgen -codes lists them)", prefix, diag.Nearest(prefix))
	}
	if _, ok := diag.Lookup(pattern); !ok {
		return fmt.Errorf("unknown diagnostic code %q (did you mean %s? graphdocgen -codes lists them)", pattern, diag.Nearest(pattern))
	}
	return nil
}

func (s levelSetting) matches(code string) bool {
	if s.pattern == "all" {
		return true
	}
	if prefix, ok := strings.CutSuffix(s.pattern, "*"); ok {
		return strings.HasPrefix(code, prefix)
	}
	return s.pattern == code
}

// apply gives each diagnostic the level of the last setting that matches
// its code (its reported severity when none does), drops those turned off,
// and returns how many it dropped. The order of the rest is kept.
func (l levels) apply(ds []schema.Diagnostic) (kept []schema.Diagnostic, off int) {
	kept = make([]schema.Diagnostic, 0, len(ds))
	for _, d := range ds {
		level := ""
		for i := len(l) - 1; i >= 0; i-- {
			if l[i].matches(d.Code) {
				level = l[i].level
				break
			}
		}
		switch level {
		case levelOff:
			off++
			continue
		case levelWarning:
			d.Severity = schema.Warning
		case levelError:
			d.Severity = schema.Error
		}
		kept = append(kept, d)
	}
	return kept, off
}
