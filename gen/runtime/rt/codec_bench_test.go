package rt

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"testing"
	"time"
)

// The benchmarks decode and encode a seed-like body
// (seeds/update-usercredentialusagedetails.md) and a larger nested one
// (a todoTask) with the codec, and, in the same run, with what a
// hand-written handler does: json.NewDecoder with DisallowUnknownFields
// into a struct of pointers, then the enum and date checks by hand;
// json.Marshal to answer.
//
//	go test ./gen/runtime/rt -run '^$' -bench . -benchmem -count 5
//
// The machine running them may be busy; BenchmarkVersus runs the two sides
// alternately in small blocks and reports the median of the per-block
// ratios, which load affects much less than separate runs.

// benchFeature, benchAuthMethod, benchStatus, ... are enums.
type (
	benchFeature    string
	benchAuthMethod string
	benchStatus     string
	benchImportance string
	benchBodyType   string
	benchDay        string
	benchPattern    string
	benchRange      string
	benchWeekIndex  string
)

// The members of the enums.
var (
	benchFeatureMembers    = []string{"registration", "reset", "unknownFutureValue"}
	benchAuthMethodMembers = []string{"email", "mobileSMS", "mobileCall", "officePhone", "securityQuestion", "appNotification", "appCode", "alternateMobileCall", "fido", "appPassword", "unknownFutureValue"}
	benchStatusMembers     = []string{"notStarted", "inProgress", "completed", "waitingOnOthers", "deferred"}
	benchImportanceMembers = []string{"low", "normal", "high"}
	benchBodyTypeMembers   = []string{"text", "html"}
	benchDayMembers        = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	benchPatternMembers    = []string{"daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly"}
	benchRangeMembers      = []string{"endDate", "noEnd", "numbered"}
	benchWeekIndexMembers  = []string{"first", "second", "third", "fourth", "last"}
)

// init registers the benchmark enums.
func init() {
	RegisterTables([]EnumInfo{
		{Typ: (*benchFeature)(nil), Members: benchFeatureMembers}, {Typ: (*benchAuthMethod)(nil), Members: benchAuthMethodMembers},
		{Typ: (*benchStatus)(nil), Members: benchStatusMembers}, {Typ: (*benchImportance)(nil), Members: benchImportanceMembers},
		{Typ: (*benchBodyType)(nil), Members: benchBodyTypeMembers}, {Typ: (*benchDay)(nil), Members: benchDayMembers},
		{Typ: (*benchPattern)(nil), Members: benchPatternMembers}, {Typ: (*benchRange)(nil), Members: benchRangeMembers},
		{Typ: (*benchWeekIndex)(nil), Members: benchWeekIndexMembers},
	}, nil, nil)
}

// benchDetails is the seed's generated struct.
type benchDetails struct {
	ODataType         Optional[string]          `json:"@odata.type,omitzero"`
	ID                Optional[string]          `json:"id,omitzero"`
	Feature           Optional[benchFeature]    `json:"feature,omitzero"`
	UserPrincipalName Optional[string]          `json:"userPrincipalName,omitzero"`
	UserDisplayName   Optional[string]          `json:"userDisplayName,omitzero"`
	IsSuccess         Optional[bool]            `json:"isSuccess,omitzero"`
	AuthMethod        Optional[benchAuthMethod] `json:"authMethod,omitzero"`
	FailureReason     Optional[string]          `json:"failureReason,omitzero"`
	EventDateTime     Optional[DateTimeOffset]  `json:"eventDateTime,omitzero"`
	ODataAnnotations  Annotations               `json:"-" graphjson:",annotations"`
}

// benchPlainDetails is the struct of the hand-written handler.
type benchPlainDetails struct {
	ODataType         *string `json:"@odata.type,omitempty"`
	ID                *string `json:"id,omitempty"`
	Feature           *string `json:"feature,omitempty"`
	UserPrincipalName *string `json:"userPrincipalName,omitempty"`
	UserDisplayName   *string `json:"userDisplayName,omitempty"`
	IsSuccess         *bool   `json:"isSuccess,omitempty"`
	AuthMethod        *string `json:"authMethod,omitempty"`
	FailureReason     *string `json:"failureReason,omitempty"`
	EventDateTime     *string `json:"eventDateTime,omitempty"`
}

// benchDetailsBody is the seed's documented request, with members for its
// enums.
var benchDetailsBody = []byte(`{
  "@odata.type": "#Microsoft.AAD.Reporting.userCredentialUsageDetails",
  "feature": "registration",
  "userPrincipalName": "User Principal Name value",
  "userDisplayName": "User Display Name value",
  "isSuccess": true,
  "authMethod": "appNotification",
  "failureReason": "Failure Reason value",
  "eventDateTime": "2016-12-31T23:58:34.1704434+00:00"
}`)

// errBench is the error of the hand-written checks.
var errBench = errors.New("invalid")

// benchCheckEnum is a hand-written enum check.
func benchCheckEnum(v *string, members []string) error {
	if v != nil && !slices.Contains(members, *v) {
		return errBench
	}
	return nil
}

// benchCheckDate is a hand-written date check.
func benchCheckDate(v *string) error {
	if v == nil {
		return nil
	}
	if _, err := time.Parse(time.RFC3339Nano, *v); err != nil {
		return err
	}
	return nil
}

// benchPlainDecode is the hand-written handler's decode and checks.
func benchPlainDecode(body []byte, v any, check func() error) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	return check()
}

// decodePlainDetails decodes and checks the seed body by hand.
func decodePlainDetails(body []byte) (*benchPlainDetails, error) {
	var v benchPlainDetails
	return &v, benchPlainDecode(body, &v, func() error {
		return errors.Join(benchCheckEnum(v.Feature, benchFeatureMembers), benchCheckEnum(v.AuthMethod, benchAuthMethodMembers), benchCheckDate(v.EventDateTime))
	})
}

// benchEntity is the base of benchTask.
type benchEntity struct {
	ID               Optional[string] `json:"id,omitzero"`
	ODataType        Optional[string] `json:"@odata.type,omitzero"`
	ODataAnnotations Annotations      `json:"-" graphjson:",annotations"`
}

// benchTask is a todoTask.
type benchTask struct {
	benchEntity
	Title                Optional[string]                `json:"title,omitzero"`
	Status               Optional[benchStatus]           `json:"status,omitzero"`
	Importance           Optional[benchImportance]       `json:"importance,omitzero"`
	IsReminderOn         Optional[bool]                  `json:"isReminderOn,omitzero"`
	CreatedDateTime      Optional[DateTimeOffset]        `json:"createdDateTime,omitzero"`
	LastModifiedDateTime Optional[DateTimeOffset]        `json:"lastModifiedDateTime,omitzero"`
	Body                 Optional[benchItemBody]         `json:"body,omitzero"`
	DueDateTime          Optional[benchDateTimeZone]     `json:"dueDateTime,omitzero"`
	Recurrence           Optional[benchRecurrence]       `json:"recurrence,omitzero"`
	Categories           Optional[[]string]              `json:"categories,omitzero"`
	ChecklistItems       Optional[[]benchChecklistItem]  `json:"checklistItems,omitzero"`
	LinkedResources      Optional[[]benchLinkedResource] `json:"linkedResources,omitzero"`
	ODataAnnotations     Annotations                     `json:"-" graphjson:",annotations"`
}

// benchItemBody is an itemBody.
type benchItemBody struct {
	Content          Optional[string]        `json:"content,omitzero"`
	ContentType      Optional[benchBodyType] `json:"contentType,omitzero"`
	ODataAnnotations Annotations             `json:"-" graphjson:",annotations"`
}

// benchDateTimeZone is a dateTimeTimeZone.
type benchDateTimeZone struct {
	DateTime         Optional[string] `json:"dateTime,omitzero"`
	TimeZone         Optional[string] `json:"timeZone,omitzero"`
	ODataAnnotations Annotations      `json:"-" graphjson:",annotations"`
}

// benchRecurrence is a patternedRecurrence.
type benchRecurrence struct {
	Pattern          Optional[benchRecurrencePattern] `json:"pattern,omitzero"`
	Range            Optional[benchRecurrenceRange]   `json:"range,omitzero"`
	ODataAnnotations Annotations                      `json:"-" graphjson:",annotations"`
}

// benchRecurrencePattern is a recurrencePattern.
type benchRecurrencePattern struct {
	Type             Optional[benchPattern]   `json:"type,omitzero"`
	Interval         Optional[int32]          `json:"interval,omitzero"`
	Month            Optional[int32]          `json:"month,omitzero"`
	DayOfMonth       Optional[int32]          `json:"dayOfMonth,omitzero"`
	DaysOfWeek       Optional[[]benchDay]     `json:"daysOfWeek,omitzero"`
	FirstDayOfWeek   Optional[benchDay]       `json:"firstDayOfWeek,omitzero"`
	Index            Optional[benchWeekIndex] `json:"index,omitzero"`
	ODataAnnotations Annotations              `json:"-" graphjson:",annotations"`
}

// benchRecurrenceRange is a recurrenceRange.
type benchRecurrenceRange struct {
	Type                Optional[benchRange] `json:"type,omitzero"`
	StartDate           Optional[Date]       `json:"startDate,omitzero"`
	EndDate             Optional[Date]       `json:"endDate,omitzero"`
	RecurrenceTimeZone  Optional[string]     `json:"recurrenceTimeZone,omitzero"`
	NumberOfOccurrences Optional[int32]      `json:"numberOfOccurrences,omitzero"`
	ODataAnnotations    Annotations          `json:"-" graphjson:",annotations"`
}

// benchChecklistItem is a checklistItem.
type benchChecklistItem struct {
	benchEntity
	DisplayName      Optional[string]         `json:"displayName,omitzero"`
	IsChecked        Optional[bool]           `json:"isChecked,omitzero"`
	CreatedDateTime  Optional[DateTimeOffset] `json:"createdDateTime,omitzero"`
	CheckedDateTime  Optional[DateTimeOffset] `json:"checkedDateTime,omitzero"`
	ODataAnnotations Annotations              `json:"-" graphjson:",annotations"`
}

// benchLinkedResource is a linkedResource.
type benchLinkedResource struct {
	benchEntity
	WebURL           Optional[string] `json:"webUrl,omitzero"`
	ApplicationName  Optional[string] `json:"applicationName,omitzero"`
	DisplayName      Optional[string] `json:"displayName,omitzero"`
	ExternalID       Optional[string] `json:"externalId,omitzero"`
	ODataAnnotations Annotations      `json:"-" graphjson:",annotations"`
}

// The hand-written handler's structs for a todoTask.
type (
	benchPlainTask struct {
		ID                   *string                    `json:"id,omitempty"`
		ODataType            *string                    `json:"@odata.type,omitempty"`
		Title                *string                    `json:"title,omitempty"`
		Status               *string                    `json:"status,omitempty"`
		Importance           *string                    `json:"importance,omitempty"`
		IsReminderOn         *bool                      `json:"isReminderOn,omitempty"`
		CreatedDateTime      *string                    `json:"createdDateTime,omitempty"`
		LastModifiedDateTime *string                    `json:"lastModifiedDateTime,omitempty"`
		Body                 *benchPlainItemBody        `json:"body,omitempty"`
		DueDateTime          *benchPlainDateTimeZone    `json:"dueDateTime,omitempty"`
		Recurrence           *benchPlainRecurrence      `json:"recurrence,omitempty"`
		Categories           []string                   `json:"categories,omitempty"`
		ChecklistItems       []benchPlainChecklistItem  `json:"checklistItems,omitempty"`
		LinkedResources      []benchPlainLinkedResource `json:"linkedResources,omitempty"`
	}
	benchPlainItemBody struct {
		Content     *string `json:"content,omitempty"`
		ContentType *string `json:"contentType,omitempty"`
	}
	benchPlainDateTimeZone struct {
		DateTime *string `json:"dateTime,omitempty"`
		TimeZone *string `json:"timeZone,omitempty"`
	}
	benchPlainRecurrence struct {
		Pattern *benchPlainPattern `json:"pattern,omitempty"`
		Range   *benchPlainRange   `json:"range,omitempty"`
	}
	benchPlainPattern struct {
		Type           *string  `json:"type,omitempty"`
		Interval       *int32   `json:"interval,omitempty"`
		Month          *int32   `json:"month,omitempty"`
		DayOfMonth     *int32   `json:"dayOfMonth,omitempty"`
		DaysOfWeek     []string `json:"daysOfWeek,omitempty"`
		FirstDayOfWeek *string  `json:"firstDayOfWeek,omitempty"`
		Index          *string  `json:"index,omitempty"`
	}
	benchPlainRange struct {
		Type                *string `json:"type,omitempty"`
		StartDate           *string `json:"startDate,omitempty"`
		EndDate             *string `json:"endDate,omitempty"`
		RecurrenceTimeZone  *string `json:"recurrenceTimeZone,omitempty"`
		NumberOfOccurrences *int32  `json:"numberOfOccurrences,omitempty"`
	}
	benchPlainChecklistItem struct {
		ID              *string `json:"id,omitempty"`
		DisplayName     *string `json:"displayName,omitempty"`
		IsChecked       *bool   `json:"isChecked,omitempty"`
		CreatedDateTime *string `json:"createdDateTime,omitempty"`
		CheckedDateTime *string `json:"checkedDateTime,omitempty"`
	}
	benchPlainLinkedResource struct {
		ID              *string `json:"id,omitempty"`
		WebURL          *string `json:"webUrl,omitempty"`
		ApplicationName *string `json:"applicationName,omitempty"`
		DisplayName     *string `json:"displayName,omitempty"`
		ExternalID      *string `json:"externalId,omitempty"`
	}
)

// benchTaskBody is a todoTask as the docs show one, with a recurrence,
// checklist items and linked resources (about 1.9 KB).
var benchTaskBody = []byte(`{
  "@odata.type": "#microsoft.graph.todoTask",
  "id": "AlMKXwbQAAAJws6wcAAAA=",
  "title": "A new task with a checklist and a recurrence",
  "status": "inProgress",
  "importance": "high",
  "isReminderOn": true,
  "createdDateTime": "2020-07-08T11:15:19.9359889Z",
  "lastModifiedDateTime": "2020-07-08T11:15:20.0975391Z",
  "body": {"content": "Buy the groceries before \"Friday\", and call Adele <adele@contoso.com>.", "contentType": "text"},
  "dueDateTime": {"dateTime": "2020-07-25T16:00:00.0000000", "timeZone": "Pacific Standard Time"},
  "recurrence": {
    "pattern": {"type": "weekly", "interval": 1, "month": 0, "dayOfMonth": 0, "daysOfWeek": ["monday", "wednesday", "friday"], "firstDayOfWeek": "sunday", "index": "first"},
    "range": {"type": "endDate", "startDate": "2020-07-08", "endDate": "2020-12-31", "recurrenceTimeZone": "Pacific Standard Time", "numberOfOccurrences": 0}
  },
  "categories": ["Important", "Groceries", "Home"],
  "checklistItems": [
    {"id": "51d8a471-2e9d-4f53-9937-c33a8742d28f", "displayName": "Milk", "isChecked": false, "createdDateTime": "2020-07-08T11:15:19.9359889Z"},
    {"id": "a0d27b60-5ac6-4f4a-9b5a-4a0a2d8a8d3c", "displayName": "Bread", "isChecked": true, "createdDateTime": "2020-07-08T11:15:19.9359889Z", "checkedDateTime": "2020-07-09T08:01:00Z"},
    {"id": "0b8a1e23-6f7b-4b2f-a5c7-1234567890ab", "displayName": "Coffee beans, whole, 1 kg", "isChecked": false, "createdDateTime": "2020-07-08T11:15:19.9359889Z"}
  ],
  "linkedResources": [
    {"id": "f9cddce2-dce2-f9cd-e2dc-cdf9e2dccdf9", "webUrl": "https://contoso.com/tasks/42", "applicationName": "Contoso Tasks", "displayName": "Task 42 in Contoso", "externalId": "task-42"},
    {"id": "e2dccdf9-f9cd-dce2-cdf9-e2dcf9cddce2", "webUrl": "https://contoso.com/tasks/43", "applicationName": "Contoso Tasks", "displayName": "Task 43 in Contoso", "externalId": "task-43"}
  ]
}`)

// decodePlainTask decodes and checks a todoTask by hand: every enum and
// every date and time.
func decodePlainTask(body []byte) (*benchPlainTask, error) {
	var v benchPlainTask
	return &v, benchPlainDecode(body, &v, func() error {
		errs := []error{benchCheckEnum(v.Status, benchStatusMembers), benchCheckEnum(v.Importance, benchImportanceMembers),
			benchCheckDate(v.CreatedDateTime), benchCheckDate(v.LastModifiedDateTime)}
		if v.Body != nil {
			errs = append(errs, benchCheckEnum(v.Body.ContentType, benchBodyTypeMembers))
		}
		if r := v.Recurrence; r != nil && r.Pattern != nil {
			errs = append(errs, benchCheckEnum(r.Pattern.Type, benchPatternMembers), benchCheckEnum(r.Pattern.FirstDayOfWeek, benchDayMembers), benchCheckEnum(r.Pattern.Index, benchWeekIndexMembers))
			for i := range r.Pattern.DaysOfWeek {
				errs = append(errs, benchCheckEnum(&r.Pattern.DaysOfWeek[i], benchDayMembers))
			}
		}
		if r := v.Recurrence; r != nil && r.Range != nil {
			errs = append(errs, benchCheckEnum(r.Range.Type, benchRangeMembers), benchCheckDay(r.Range.StartDate), benchCheckDay(r.Range.EndDate))
		}
		for _, c := range v.ChecklistItems {
			errs = append(errs, benchCheckDate(c.CreatedDateTime), benchCheckDate(c.CheckedDateTime))
		}
		return errors.Join(errs...)
	})
}

// benchCheckDay is a hand-written Edm.Date check.
func benchCheckDay(v *string) error {
	if v == nil {
		return nil
	}
	_, err := time.Parse(time.DateOnly, *v)
	return err
}

// TestBenchBodies checks that both sides of the benchmarks accept the
// bodies and write the same JSON.
func TestBenchBodies(t *testing.T) {
	var d benchDetails
	var task benchTask
	if e := decodeStrict(benchDetailsBody, &d, nil); e != nil {
		t.Fatal(e)
	}
	if e := decodeStrict(benchTaskBody, &task, nil); e != nil {
		t.Fatal(e)
	}
	pd, err := decodePlainDetails(benchDetailsBody)
	if err != nil {
		t.Fatal(err)
	}
	pt, err := decodePlainTask(benchTaskBody)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ codec, plain any }{{&d, pd}, {&task, pt}} {
		got, err := AppendJSON(nil, c.codec, nil)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(c.plain)
		if diffTrees(t, want, got) {
			t.Errorf("codec %s\nencoding/json %s", got, want)
		}
	}
}

// diffTrees reports whether two JSON documents differ.
func diffTrees(t *testing.T, a, b []byte) bool {
	x, y := jsonTree(t, a), jsonTree(t, b)
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return !bytes.Equal(xa, ya)
}

func BenchmarkDecode(b *testing.B) {
	for _, c := range []struct {
		name  string
		body  []byte
		codec func([]byte) error
		plain func([]byte) error
	}{
		{"seed", benchDetailsBody,
			func(body []byte) error {
				var v benchDetails
				if e := decodeStrict(body, &v, nil); e != nil {
					return e
				}
				return nil
			},
			func(body []byte) error { _, err := decodePlainDetails(body); return err }},
		{"todoTask", benchTaskBody,
			func(body []byte) error {
				var v benchTask
				if e := decodeStrict(body, &v, nil); e != nil {
					return e
				}
				return nil
			},
			func(body []byte) error { _, err := decodePlainTask(body); return err }},
	} {
		b.Run(c.name+"/codec", func(b *testing.B) {
			b.SetBytes(int64(len(c.body)))
			b.ReportAllocs()
			for b.Loop() {
				if err := c.codec(c.body); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/encoding-json", func(b *testing.B) {
			b.SetBytes(int64(len(c.body)))
			b.ReportAllocs()
			for b.Loop() {
				if err := c.plain(c.body); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	var d benchDetails
	var task benchTask
	_ = decodeStrict(benchDetailsBody, &d, nil)
	_ = decodeStrict(benchTaskBody, &task, nil)
	pd, _ := decodePlainDetails(benchDetailsBody)
	pt, _ := decodePlainTask(benchTaskBody)
	for _, c := range []struct {
		name         string
		codec, plain any
	}{{"seed", &d, pd}, {"todoTask", &task, pt}} {
		b.Run(c.name+"/appendJSON", func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 4096)
			for b.Loop() {
				out, err := AppendJSON(buf[:0], c.codec, nil)
				if err != nil {
					b.Fatal(err)
				}
				buf = out
			}
		})
		b.Run(c.name+"/marshalStruct", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := MarshalStruct(c.codec); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/encoding-json", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := json.Marshal(c.plain); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	b.Run("todoTask/unmarshalStruct", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var v benchTask
			if err := UnmarshalStruct(benchTaskBody, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("todoTask/encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var v benchPlainTask
			if err := json.Unmarshal(benchTaskBody, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkValidate(b *testing.B) {
	var task benchTask
	_ = decodeStrict(benchTaskBody, &task, nil)
	b.ReportAllocs()
	for b.Loop() {
		if err := ValidateStruct(&task); err != nil {
			b.Fatal(err)
		}
	}
}

// benchVersus runs codec and plain alternately, in blocks of the same
// number of calls, and reports the median time per call of each
// ("codec-ns/op", "json-ns/op") and the median of the per-block ratios
// codec/json ("ratio"); a block pair is one iteration of b.
func benchVersus(b *testing.B, codec, plain func() error) {
	const block = 50
	var tc, tp, ratios []float64
	run := func(f func() error) float64 {
		start := time.Now()
		for range block {
			if err := f(); err != nil {
				b.Fatal(err)
			}
		}
		return float64(time.Since(start).Nanoseconds()) / block
	}
	for b.Loop() {
		c, p := run(codec), run(plain)
		tc, tp, ratios = append(tc, c), append(tp, p), append(ratios, c/p)
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(benchMedian(tc), "codec-ns/op")
	b.ReportMetric(benchMedian(tp), "json-ns/op")
	b.ReportMetric(benchMedian(ratios), "ratio")
}

// benchMedian returns the median of xs.
func benchMedian(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

func BenchmarkVersus(b *testing.B) {
	var d benchDetails
	var task benchTask
	_ = decodeStrict(benchDetailsBody, &d, nil)
	_ = decodeStrict(benchTaskBody, &task, nil)
	pd, _ := decodePlainDetails(benchDetailsBody)
	pt, _ := decodePlainTask(benchTaskBody)
	buf := make([]byte, 0, 4096)
	cases := []struct {
		name         string
		codec, plain func() error
	}{
		{"decodeStrict/seed", func() error {
			var v benchDetails
			if e := decodeStrict(benchDetailsBody, &v, nil); e != nil {
				return e
			}
			return nil
		}, func() error { _, err := decodePlainDetails(benchDetailsBody); return err }},
		{"decodeStrict/todoTask", func() error {
			var v benchTask
			if e := decodeStrict(benchTaskBody, &v, nil); e != nil {
				return e
			}
			return nil
		}, func() error { _, err := decodePlainTask(benchTaskBody); return err }},
		{"appendJSON/seed", func() error { var err error; buf, err = AppendJSON(buf[:0], &d, nil); return err },
			func() error { _, err := json.Marshal(pd); return err }},
		{"appendJSON/todoTask", func() error { var err error; buf, err = AppendJSON(buf[:0], &task, nil); return err },
			func() error { _, err := json.Marshal(pt); return err }},
		{"marshalStruct/seed", func() error { _, err := MarshalStruct(&d); return err },
			func() error { _, err := json.Marshal(pd); return err }},
		{"marshalStruct/todoTask", func() error { _, err := MarshalStruct(&task); return err },
			func() error { _, err := json.Marshal(pt); return err }},
		{"unmarshalStruct/todoTask", func() error { var v benchTask; return UnmarshalStruct(benchTaskBody, &v) },
			func() error { var v benchPlainTask; return json.Unmarshal(benchTaskBody, &v) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) { benchVersus(b, c.codec, c.plain) })
	}
}
