package runtime

import "github.com/dave/jennifer/jen"

// collectionDecls emits CollectionResponse[T] and ValueResponse[T].
func collectionDecls() []jen.Code {
	return []jen.Code{collectionType(), valueResponseType()}
}

// optionalField returns a field "Name Optional[typ] `json:"jsonName,omitzero"`".
func optionalField(name string, typ jen.Code, jsonName string) *jen.Statement {
	return jen.Id(name).Id("Optional").Types(typ).Tag(map[string]string{"json": jsonName + ",omitzero"})
}

func collectionType() jen.Code {
	return doc(`CollectionResponse is the body of a response that lists T values: Value
holds one page of them, ODataNextLink the URL of the next page, and
ODataDeltaLink (for delta queries) the URL to fetch later changes.
ODataCount is set when the request asked for $count. ODataType is the
rarely sent @odata.type of the collection itself.`).
		Type().Id("CollectionResponse").Types(jen.Id("T").Any()).Struct(
		optionalField("ODataContext", jen.String(), "@odata.context"),
		optionalField("ODataType", jen.String(), "@odata.type"),
		optionalField("ODataCount", jen.Int64(), "@odata.count"),
		optionalField("ODataNextLink", jen.String(), "@odata.nextLink"),
		optionalField("ODataDeltaLink", jen.String(), "@odata.deltaLink"),
		jen.Id("Value").Index().Id("T").Tag(map[string]string{"json": "value"}),
	)
}

func valueResponseType() jen.Code {
	return doc(`ValueResponse is the body of a response that answers one primitive
value, which the service wraps as {"value": x}. Value is Optional so a
documented null survives.`).
		Type().Id("ValueResponse").Types(jen.Id("T").Any()).Struct(
		optionalField("ODataContext", jen.String(), "@odata.context"),
		optionalField("Value", jen.Id("T"), "value"),
	)
}
