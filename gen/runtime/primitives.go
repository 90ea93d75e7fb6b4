package runtime

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// primitiveDecls emits the named string types for the Edm primitives whose
// JSON form is a string, with their parsing methods.
func primitiveDecls() []jen.Code {
	return []jen.Code{
		dateTimeOffsetType(), dateTimeOffsetTime(),
		isValidMethod("d", "DateTimeOffset", "Time", "an RFC 3339 date and time such as 2024-01-02T03:04:05Z"),
		dateType(), dateTime(),
		isValidMethod("d", "Date", "Time", "a date such as 2024-01-02"),
		timeOfDayType(), timeOfDayTime(),
		isValidMethod("t", "TimeOfDay", "Time", "a time of day such as 13:45:30"),
		durationType(), durationDuration(),
		isValidMethod("d", "Duration", "Duration", "an ISO 8601 duration such as PT1H30M"),
		binaryType(), binaryBytes(),
		isValidMethod("b", "Binary", "Bytes", "base64"),
		formatValueIface(),
	}
}

// isValidMethod emits IsValid, which reports whether parse (the type's
// parsing method) accepts the value, and edmForm, the form the handler's
// error message asks for. The parser's example checks mirror IsValid
// (parser.edmStringOK) and name the form in the same words.
func isValidMethod(recv, typ, parse, form string) jen.Code {
	return jen.Add(
		doc(fmt.Sprintf("IsValid reports whether %s is a well-formed Edm.%s, one that %s accepts.\nThe handler rejects a request body holding a malformed one with 400.", recv, typ, parse)).
			Add(valueMethod(recv, typ, "IsValid")).Params().Bool().Block(
			jen.List(jen.Id("_"), jen.Err()).Op(":=").Id(recv).Dot(parse).Call(),
			jen.Return(jen.Err().Op("==").Nil()),
		),
		jen.Line(), jen.Line(),
		doc("edmForm is the form of a well-formed "+typ+", for the handler's error message.").
			Func().Params(jen.Id(typ)).Id("edmForm").Params().String().Block(jen.Return(jen.Lit(form))),
	)
}

func formatValueIface() jen.Code {
	return doc("formatValue is implemented by the Edm primitive types whose strings have\na form (DateTimeOffset, Date, TimeOfDay, Duration, Binary): edmForm says\nwhich, for error messages.").
		Type().Id("formatValue").Interface(
		jen.Id("IsValid").Params().Bool(),
		jen.Id("edmForm").Params().String(),
	)
}

// timeResults are the results (time.Time, error).
func timeResults() *jen.Statement {
	return jen.Params(jen.Qual(pkgTime, "Time"), jen.Error())
}

// valueMethod starts a method with a value receiver.
func valueMethod(recv, typ, name string) *jen.Statement {
	return jen.Func().Params(jen.Id(recv).Id(typ)).Id(name)
}

// timeParse returns time.Parse(layout, string(recv)).
func timeParse(layout jen.Code, recv string) *jen.Statement {
	return jen.Qual(pkgTime, "Parse").Call(layout, jen.String().Call(jen.Id(recv)))
}

func dateTimeOffsetType() jen.Code {
	return doc(`DateTimeOffset is an Edm.DateTimeOffset: a timestamp in RFC 3339 form,
such as "2024-01-02T03:04:05.1234567Z". It is kept as the string that was
received, so documented values round-trip byte for byte; use Time to parse
it. The handler rejects a request body holding a value Time cannot parse.`).Type().Id("DateTimeOffset").String()
}

func dateTimeOffsetTime() jen.Code {
	return doc("Time parses d as RFC 3339, with or without fractional seconds. A value\nwithout a time zone offset is taken as UTC.").
		Add(valueMethod("d", "DateTimeOffset", "Time")).Params().Add(timeResults()).Block(
		jen.List(jen.Id("t"), jen.Err()).Op(":=").Add(timeParse(jen.Qual(pkgTime, "RFC3339Nano"), "d")),
		jen.If(jen.Err().Op("==").Nil()).Block(jen.Return(jen.Id("t"), jen.Nil())),
		jen.If(
			jen.List(jen.Id("t"), jen.Id("err2")).Op(":=").Add(timeParse(jen.Lit("2006-01-02T15:04:05.999999999"), "d")),
			jen.Id("err2").Op("==").Nil(),
		).Block(jen.Return(jen.Id("t"), jen.Nil())),
		jen.Return(jen.Qual(pkgTime, "Time").Values(), jen.Err()),
	)
}

func dateType() jen.Code {
	return doc(`Date is an Edm.Date: a calendar date such as "2024-01-02". It is kept as
the string that was received; use Time to parse it.`).Type().Id("Date").String()
}

func dateTime() jen.Code {
	return doc("Time parses d as a date (layout 2006-01-02) at midnight UTC.").
		Add(valueMethod("d", "Date", "Time")).Params().Add(timeResults()).Block(
		jen.Return(timeParse(jen.Qual(pkgTime, "DateOnly"), "d")),
	)
}

func timeOfDayType() jen.Code {
	return doc(`TimeOfDay is an Edm.TimeOfDay: a time such as "13:45:30" or
"13:45:30.5". It is kept as the string that was received; use Time to
parse it.`).Type().Id("TimeOfDay").String()
}

func timeOfDayTime() jen.Code {
	return doc("Time parses t as 15:04:05 with optional fractional seconds, on January 1\nof year 0, UTC.").
		Add(valueMethod("t", "TimeOfDay", "Time")).Params().Add(timeResults()).Block(
		jen.Return(timeParse(jen.Lit("15:04:05.999999999"), "t")),
	)
}

func durationType() jen.Code {
	return doc(`Duration is an Edm.Duration: an ISO 8601 duration such as "P1DT2H" or
"-PT0.5S". It is kept as the string that was received; use Duration to
convert it.`).Type().Id("Duration").String()
}

func durationDuration() jen.Code {
	return doc(`Duration converts d to a time.Duration. Weeks, days, hours, minutes and
seconds are exact; like .NET's XmlConvert, a year counts as 365 days and a
month as 30 days. Fractions (with "." or ",") are accepted in every
component; an error is returned for a malformed or out-of-range value.`).
		Add(valueMethod("d", "Duration", "Duration")).Params().Params(jen.Qual(pkgTime, "Duration"), jen.Error()).Block(
		jen.Return(jen.Id("parseISODuration").Call(jen.String().Call(jen.Id("d")))),
	)
}

func binaryType() jen.Code {
	return doc(`Binary is an Edm.Binary: bytes in base64. It is kept as the string that
was received; use Bytes to decode it.`).Type().Id("Binary").String()
}

func binaryBytes() jen.Code {
	encodings := []jen.Code{}
	for _, e := range []string{"StdEncoding", "URLEncoding", "RawStdEncoding", "RawURLEncoding"} {
		encodings = append(encodings, jen.Qual(pkgBase64, e))
	}
	return doc("Bytes decodes b as standard or URL-safe base64, padded or not.").
		Add(valueMethod("b", "Binary", "Bytes")).Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Var().Id("first").Error(),
		jen.For(jen.List(jen.Id("_"), jen.Id("enc")).Op(":=").Range().Index().Op("*").Qual(pkgBase64, "Encoding").Values(encodings...)).Block(
			jen.List(jen.Id("data"), jen.Err()).Op(":=").Id("enc").Dot("DecodeString").Call(jen.String().Call(jen.Id("b"))),
			jen.If(jen.Err().Op("==").Nil()).Block(jen.Return(jen.Id("data"), jen.Nil())),
			jen.If(jen.Id("first").Op("==").Nil()).Block(jen.Id("first").Op("=").Err()),
		),
		jen.Return(jen.Nil(), jen.Id("first")),
	)
}
