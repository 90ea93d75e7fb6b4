package parser

import "strconv"

// pathStep is one step of a property path in an example body: an object
// member's key, or an array element's index.
type pathStep struct {
	key   string
	index int // an array element's index; -1 for an object member
}

// enter steps the checker's path into the member key of the current object.
func (c *checker) enter(key string) { c.path = append(c.path, pathStep{key: key, index: -1}) }

// enterElem steps the checker's path into element i of the current array.
func (c *checker) enterElem(i int) { c.path = append(c.path, pathStep{index: i}) }

// leave steps the checker's path back out of the last member or element.
func (c *checker) leave() { c.path = c.path[:len(c.path)-1] }

// name spells the checker's current path ("a.b[2].c"; "" for the body):
// members joined by dots (joinPath), elements as "[i]" after their array's
// path. The checks keep the path as steps and spell it only when they
// report or return it: most values fit and never need their name.
func (c *checker) name() string {
	s := ""
	for _, st := range c.path {
		if st.index >= 0 {
			s += "[" + strconv.Itoa(st.index) + "]"
		} else {
			s = joinPath(s, st.key)
		}
	}
	return s
}
