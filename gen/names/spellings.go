package names

// Spellings records how the docs write names of several words, so that the
// same name written in lower case elsewhere (a page file name, a path
// segment, a page title: "memberof", "grouplifecyclepolicies") gets the
// word boundaries of its documented form (memberOf, groupLifecyclePolicies).
// The zero Spellings is not usable; call NewSpellings. The result of Respell
// depends only on the names added and how often each was, not on their
// order.
type Spellings struct {
	direct  map[string][]string // lower-case name -> documented spellings
	derived map[string][]string // lower-case plural or singular -> spellings
	count   map[string]int      // times each spelling was added
	// added caches, by name added, whether it was recorded and the plural
	// and singular recorded with it, so that a name the docs repeat is
	// split into words once.
	added map[string]addedName
}

type addedName struct {
	recorded bool
	forms    []string
}

// NewSpellings returns an empty Spellings.
func NewSpellings() *Spellings {
	return &Spellings{direct: map[string][]string{}, derived: map[string][]string{}, count: map[string]int{}, added: map[string]addedName{}}
}

// Add records a documented name, once per place the docs write it. Only
// names of ASCII letters and digits that split into two words or more
// (steps 1 and 2 of the rule in the package comment) are recorded: one
// word has no boundary to learn. The plural and the singular of the name
// (Plural, Singular) are recorded too, below every documented name.
//
// Of the spellings of one name ignoring case, Respell prefers the one with
// the most words, then the one added most often ("oauth2PermissionGrants"
// over a page's "oAuth2Permissiongrants"), then the one sorting first.
func (s *Spellings) Add(name string) {
	if a, ok := s.added[name]; ok {
		// Added before: the lists hold its spellings already.
		if a.recorded {
			s.count[name]++
			for _, form := range a.forms {
				s.count[form]++
			}
		}
		return
	}
	if name == "" || !plainWord(name) || len(camelSplit(name)) < 2 {
		s.added[name] = addedName{}
		return
	}
	a := addedName{recorded: true}
	s.record(s.direct, name)
	for _, form := range []string{Plural(name), Singular(name)} {
		if form != name {
			s.record(s.derived, form)
			a.forms = append(a.forms, form)
		}
	}
	s.added[name] = a
}

func (s *Spellings) record(m map[string][]string, spelling string) {
	key := lowerASCII(spelling)
	if !contains(m[key], spelling) {
		m[key] = append(m[key], spelling)
	}
	s.count[spelling]++
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// best returns the preferred of spellings (see Add).
func (s *Spellings) best(spellings []string) string {
	var b string
	nb := 0
	for _, sp := range spellings {
		n := len(camelSplit(sp))
		if b == "" || n > nb || n == nb && (s.count[sp] > s.count[b] || s.count[sp] == s.count[b] && sp < b) {
			b, nb = sp, n
		}
	}
	return b
}

// Respell returns the documented spelling of word, ASCII letters and
// digits with no upper-case letter after its first, when a recorded name
// equals it ignoring case; its first letter keeps the case of word's
// ("memberof" -> memberOf, "Administrativeunit" -> AdministrativeUnit).
// Any other word is returned as it is.
func (s *Spellings) Respell(word string) string {
	if word == "" || !plainWord(word) {
		return word
	}
	for i := 1; i < len(word); i++ {
		if isUpper(word[i]) {
			return word
		}
	}
	key := lowerASCII(word)
	list, ok := s.direct[key]
	if !ok {
		list, ok = s.derived[key]
	}
	if !ok {
		return word
	}
	return word[:1] + s.best(list)[1:]
}

// plainWord reports whether s is ASCII letters and digits only.
func plainWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if isUpper(c) {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
