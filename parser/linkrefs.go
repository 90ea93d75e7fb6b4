package parser

import (
	"github.com/yuin/goldmark/util"
)

// maxLabelBytes is CommonMark's limit on a link label (999 characters);
// a longer bracket text is never a reference.
const maxLabelBytes = 999

// linkRefs holds the link reference definitions of a page ("[label]: dest"),
// by normalized label. A reference link ([text][label], [text][] or
// [text]) is a link only when its label is defined; otherwise a reader
// sees the brackets as text.
type linkRefs map[string]bool

// has reports whether label (as written between the brackets) is defined.
func (r linkRefs) has(label string) bool {
	if len(r) == 0 || len(label) > maxLabelBytes {
		return false
	}
	return r[util.ToLinkReference([]byte(label))]
}
