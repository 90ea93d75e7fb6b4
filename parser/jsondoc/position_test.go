package jsondoc

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// pos is the position of one value, named by its path from the root.
type pos struct {
	Path     string
	KeyOff   int // -1 for array elements and the root
	Off, End int
}

// positions lists the positions of v and everything under it, in source order.
func positions(v *Value) []pos {
	var out []pos
	var visit func(path string, keyOff int, v *Value)
	visit = func(path string, keyOff int, v *Value) {
		out = append(out, pos{path, keyOff, v.Off, v.End})
		for _, m := range v.Members {
			visit(path+"/"+m.Key, m.KeyOff, m.Value)
		}
		for i, e := range v.Elems {
			visit(path+"/"+strconv.Itoa(i), -1, e)
		}
	}
	visit("", -1, v)
	return out
}

func TestPositions(t *testing.T) {
	tests := []struct {
		src  string
		want []pos
	}{
		{
			// é is 2 bytes, ü 2 bytes, 😀 4 bytes.
			src: `{"é": ["ü😀", {"k": 1, "l": [true]}], "x": null}`,
			want: []pos{
				{"", -1, 0, 52},
				{"/é", 1, 7, 40},
				{"/é/0", -1, 8, 16},
				{"/é/1", -1, 18, 39},
				{"/é/1/k", 19, 24, 25},
				{"/é/1/l", 27, 32, 38},
				{"/é/1/l/0", -1, 33, 37},
				{"/x", 42, 47, 51},
			},
		},
		{
			src: "\n\t [ -1.5e3 ,\"\\u00e9\" ] \n",
			want: []pos{
				{"", -1, 3, 23},
				{"/0", -1, 5, 11},
				{"/1", -1, 13, 21},
			},
		},
		{
			src: `{"a":{},"a":[]}`,
			want: []pos{
				{"", -1, 0, 15},
				{"/a", 1, 5, 7},
				{"/a", 8, 12, 14},
			},
		},
	}
	for _, tt := range tests {
		v, err := Parse([]byte(tt.src), 0)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.src, err)
		}
		if diff := cmp.Diff(tt.want, positions(v)); diff != "" {
			t.Errorf("positions in %q (-want +got):\n%s", tt.src, diff)
		}
	}
}
