// Package names is graphdocgen's one naming rule: it turns documented Graph
// names (type names, property names, enum members, operation titles, path
// placeholders, example names) into Go identifiers, file names and subtest
// names, and it resolves clashes deterministically.
//
// # Identifiers
//
// [Exported] applies these steps, in order:
//
//  1. Runes. ASCII letters and digits are kept. Non-ASCII letters, digits and
//     combining marks, and apostrophes (' U+2018 U+2019), are dropped without
//     breaking the word: "café" -> Caf, "user's" -> Users. Every other rune
//     (space, NBSP, U+2028, NUL, '.', '-', '_', '@', '/', '$', '(', ')',
//     '|', '"', invalid UTF-8, ...) is dropped and separates words.
//  2. Camel case. Inside a run of letters and digits a word starts at a
//     lower->Upper boundary ("webUrl" -> web Url), at a digit->Upper
//     boundary ("office365Groups" -> office365 Groups) and before the last
//     letter of an upper-case run followed by a lower-case letter
//     ("HTTPServer" -> HTTP Server). A digit never starts a word inside a
//     run: "windows10" and "D7" are one word each. Two neighbouring pieces
//     that together spell an initialism exactly as the table below writes it
//     stay one word ("ODataType" -> OData Type, "IPv4" and "URLs" stay whole).
//  3. Case. A word whose lower-case form is an initialism is written as the
//     table writes it; one that is an initialism plus a lower-case "s" is
//     written as the initialism plus "s" ("ids" -> IDs). Any other word gets
//     its first letter upper-cased and keeps the rest as written
//     ("mobileSMS" -> MobileSMS, "unknownFutureValue" -> UnknownFutureValue).
//     The initialisms are golint's (ACL API ASCII CPU CSS DNS EOF GUID HTML
//     HTTP HTTPS ID IP JSON LHS QPS RAM RHS RPC SLA SMTP SQL SSH TCP TLS TTL
//     UDP UI UID UUID URI URL UTF8 VM XML XMPP XSRF XSS) plus OData, IPv4
//     and IPv6: "id" and "Id" -> ID, "@odata.type" -> ODataType,
//     "x@odata.bind" -> XODataBind, "ipv4Range" -> IPv4Range.
//  4. Join. The words are joined without separator, except that "_" goes
//     between two digits ("v10_13" -> V10_13, not V1013). If the result
//     starts with a digit, "X" is put in front: "365days" -> X365days.
//  5. Empty and long. If no word is left (empty input, only punctuation,
//     only non-ASCII), the result is "X" followed by 8 hex digits of the
//     32-bit FNV-1a hash of the input, so different punctuation-only names
//     differ. A result longer than 200 bytes is cut to 192 bytes and the
//     8 hex digits of the hash of the input are appended.
//  6. Re-case. The result is split again by steps 1 and 2 and cased and
//     joined again by steps 3 and 4 until it no longer changes. So a digit
//     stays with the word before it even across a separator ("office 365"
//     -> Office365, "utf.8" -> UTF8, "ip v4" -> IPv4) and
//     Exported(Exported(x)) == Exported(x).
//
// [Unexported] is Exported with its first word (split by steps 1 and 2)
// lower-cased: wholly if it is an initialism or has no lower-case letter
// ("ID" -> id, "URLList" -> urlList, "SMSCode" -> smsCode, "@odata.type" ->
// odataType, "365days" -> x365days), else only its first letter
// ("UserName" -> userName). A result that is a Go keyword, a predeclared
// identifier (error, string, nil, true, iota, delete, len, ...) or init gets
// "_" appended: "type" -> type_, "error" -> error_.
//
// Both always return an ASCII Go identifier, exported or not as promised.
// It holds an underscore only between two digits or as the trailing "_" of
// a keyword escape. Both are pure and deterministic.
//
// # Clashes
//
// Different documented names can give the same identifier ("D7" and "d7"
// both give D7). A [Scope] hands out names within one Go scope: the first
// claim of a name gets it, later claims get the name plus "_2", "_3", ...
// (the first free one): D7, D7_2. The result depends only on the sequence
// of claims, so callers claim in source or sorted order. Since Exported and
// Unexported put "_" before a digit only right after a digit, a suffixed
// name can equal a name made from another documented name only when the
// wanted name ends in a digit (D7 claimed twice, and "d7.2" documented,
// both want D7_2); the Scope still resolves that by claim order.
//
// # Word boundaries from the docs
//
// Page file names, path segments and some page titles write a documented
// name in lower case ("group-list-memberof.md", "/me/calendargroups",
// "Update administrativeunit"). A [Spellings] records the names the docs
// write with their word boundaries (memberOf, calendarGroups,
// administrativeUnit) and respells such a word before it is made an
// identifier; [Singular] and [Plural] give the forms of a name's last word
// ("calendarGroups" -> calendarGroup, "policy" -> policies).
//
// # File and test names
//
// [FileName] maps a page path to a lower-case base name made of [a-z0-9.-]
// and [TestName] maps an example name to a subtest name made of
// [A-Za-z0-9_.-]; their doc comments give the details.
package names
