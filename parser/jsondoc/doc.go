// Package jsondoc reads the JSON bodies found in documentation pages.
//
// Parse is a strict RFC 8259 reader; ParseLenient first tries Parse and, if
// that fails, reads the input again while repairing the mistakes docs writers
// make (trailing commas, comments, "..." placeholders, unquoted keys, ...),
// reporting each repair with its byte offset.
//
// Both readers keep member order and duplicate keys, record the byte offset
// of every value and key in the original input, bound nesting depth, and run
// in time and memory linear in the input size. They never recurse, so deeply
// nested hostile input cannot overflow the stack.
package jsondoc
