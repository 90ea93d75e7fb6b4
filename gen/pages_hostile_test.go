package gen_test

// Builders for the small markdown pages of the hostile-input tests: a
// resource page (property table and JSON representation), an enum page and
// an operation page, in the Microsoft Graph docs format.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// prop is one row of a property or parameter table.
type prop struct {
	name, typ, desc string
}

// cell escapes text for a table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// table renders a markdown table.
func table(header string, rows []prop) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| %s | Type | Description |\n|:---|:---|:---|\n", header)
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", cell(r.name), cell(r.typ), cell(r.desc))
	}
	return b.String()
}

// jsonKey is name as a JSON string, without HTML escaping.
func jsonKey(name string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(name)
	return strings.TrimSpace(buf.String())
}

// jsonRep renders a JSON representation with a null member per property.
func jsonRep(props []prop) string {
	var members []string
	for _, p := range props {
		members = append(members, "  "+jsonKey(p.name)+": null")
	}
	return "{\n" + strings.Join(members, ",\n") + "\n}"
}

// resourcePage documents the type ns.name with its description and
// properties.
func resourcePage(ns, name, desc string, props []prop) string {
	return fmt.Sprintf(`---
title: "%[2]s resource type"
doc_type: resourcePageType
---

# %[2]s resource type

Namespace: %[1]s

%[3]s

## Properties

%[4]s
## JSON representation

<!-- {
  "blockType": "resource",
  "@odata.type": %[5]s
}-->
`+"```json\n%[6]s\n```\n", ns, name, desc, table("Property", props), jsonKey(ns+"."+name), jsonRep(props))
}

// enumPage documents the enumeration ns.name with one row per member.
func enumPage(ns, name, desc string, members []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"%[2]s enum type\"\ndoc_type: enumPageType\n---\n\n# %[2]s enum type\n\nNamespace: %[1]s\n\n%[3]s\n\n## Members\n\n| Member | Value | Description |\n|:---|:---|:---|\n", ns, name, desc)
	for i, m := range members {
		fmt.Fprintf(&b, "| %s | %d | %s |\n", cell(m), i, desc)
	}
	return b.String()
}

// operationPage documents "title": a request line, a body parameter table,
// a response of type respType, and one example whose request body sets
// every parameter to null.
func operationPage(title, desc, method, path string, params []prop, respType string) string {
	return fmt.Sprintf(`---
title: %[9]s
doc_type: apiPageType
---

# %[1]s

Namespace: microsoft.graph

%[2]s

## HTTP request

<!-- { "blockType": "ignored" } -->
`+"```http\n%[3]s %[4]s\n```"+`

## Request body

%[5]s
## Response

If successful, this method returns a `+"`200 OK`"+` response code and a [%[6]s](../resources/%[6]s.md) object in the response body.

## Example

### Request

<!-- {
  "blockType": "request",
  "name": "hostile_example"
}-->
`+"```http\n%[3]s https://graph.microsoft.com/v1.0%[7]s\nContent-Type: application/json\n\n%[8]s\n```"+`

### Response

<!-- {
  "blockType": "response",
  "truncated": true,
  "@odata.type": "microsoft.graph.%[6]s"
} -->
`+"```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{}\n```\n",
		title, desc, method, path, table("Parameter", params), respType, examplePath(path), jsonRep(params), jsonKey(title))
}

// examplePath fills every {placeholder} of a request path with "x1".
func examplePath(path string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(path, '{')
		j := strings.IndexByte(path[max(i, 0):], '}')
		if i < 0 || j < 0 {
			return b.String() + path
		}
		b.WriteString(path[:i] + "x1")
		path = path[i+j+1:]
	}
}
