package schema

import "strings"

// Contract identifies how a handler decodes and answers an operation: its
// request, parameter and response types (case-insensitive). Two
// operations with the same contract take and answer the same bodies, so
// an example of one checks the same against the other.
func (o *Operation) Contract() string {
	ref := func(t *TypeRef) string {
		if t == nil {
			return ""
		}
		return strings.ToLower(t.String())
	}
	var sb strings.Builder
	sb.WriteString(ref(o.RequestType))
	sb.WriteByte('|')
	for i, p := range o.Parameters {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(p.Name + ":" + p.Type.String())
	}
	sb.WriteByte('|')
	sb.WriteString(ref(o.ResponseType))
	if o.Count {
		sb.WriteString("|count")
	}
	return sb.String()
}
