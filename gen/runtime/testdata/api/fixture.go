// Hand-written stand-in for the declarations the gen package emits next to
// the runtime: enums, structs, an open type, a Service, routes and serve
// methods. The runtime package test copies it into a temporary module with
// the emitted runtime and runs behaviour_test.go there.

package api

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
)

// FeatureType is an enum.
type FeatureType string

// FeatureType values.
const (
	FeatureTypeRegistration       FeatureType = "registration"
	FeatureTypeReset              FeatureType = "reset"
	FeatureTypeUnknownFutureValue FeatureType = "unknownFutureValue"
)

var featureTypeMembers = []string{"registration", "reset", "unknownFutureValue"}

// IsValid reports whether e is a documented member.
func (e FeatureType) IsValid() bool { return slices.Contains(featureTypeMembers, string(e)) }

func (FeatureType) enumMembers() []string { return featureTypeMembers }

// Entity is a base type.
type Entity struct {
	ID        Optional[string] `json:"id,omitzero"`
	ODataType Optional[string] `json:"@odata.type,omitzero"`
}

// Validate checks enum values.
func (x *Entity) Validate() error { return validateStruct(x) }

// Address is a nested struct.
type Address struct {
	City Optional[string]      `json:"city,omitzero"`
	Zip  Optional[int32]       `json:"zip,omitzero"`
	Kind Optional[FeatureType] `json:"kind,omitzero"`
}

// Validate checks enum values.
func (x *Address) Validate() error { return validateStruct(x) }

// UserReport is a recursive struct.
type UserReport struct {
	Entity
	Feature   Optional[FeatureType]            `json:"feature,omitzero"`
	Features  Optional[[]FeatureType]          `json:"features,omitzero"`
	IsSuccess Optional[bool]                   `json:"isSuccess,omitzero"`
	Count     Optional[int64]                  `json:"count,omitzero"`
	Small     Optional[int8]                   `json:"small,omitzero"`
	Size      Optional[uint16]                 `json:"size,omitzero"`
	Score     Optional[float64]                `json:"score,omitzero"`
	Ratio     Optional[float32]                `json:"ratio,omitzero"`
	Tags      Optional[[]string]               `json:"tags,omitzero"`
	Address   Optional[Address]                `json:"address,omitzero"`
	Addresses Optional[[]Address]              `json:"addresses,omitzero"`
	Kids      Optional[[]UserReport]           `json:"kids,omitzero"`
	Parent    Optional[UserReport]             `json:"parent,omitzero"`
	Blob      Optional[json.RawMessage]        `json:"blob,omitzero"`
	Labels    Optional[map[string]FeatureType] `json:"labels,omitzero"`
	When      Optional[DateTimeOffset]         `json:"when,omitzero"`
	Name      Optional[string]                 `json:"name,omitzero"`
}

// Validate checks enum values.
func (x *UserReport) Validate() error { return validateStruct(x) }

// OpenThing is an open type.
type OpenThing struct {
	Name Optional[string]      `json:"name,omitzero"`
	Kind Optional[FeatureType] `json:"kind,omitzero"`
}

func (*OpenThing) graphOpenType() {}

// Validate checks enum values.
func (x *OpenThing) Validate() error { return validateStruct(x) }

// GetUserRequest is the request of GetUser.
type GetUserRequest struct {
	HTTPRequest *http.Request
	ID          string
}

// UpdateReportRequest is the request of UpdateReport.
type UpdateReportRequest struct {
	HTTPRequest *http.Request
	XID         string
	Body        UserReport
}

// GetContentRequest is the request of GetContent.
type GetContentRequest struct {
	HTTPRequest *http.Request
	DriveID     string
	ItemPath    string
}

// GetCountsRequest is the request of GetCounts.
type GetCountsRequest struct {
	HTTPRequest *http.Request
	Period      string
}

// DeleteRefRequest is the request of DeleteRef.
type DeleteRefRequest struct {
	HTTPRequest *http.Request
	ID          string
	ID2         string
}

// CreateThingRequest is the request of CreateThing.
type CreateThingRequest struct {
	HTTPRequest *http.Request
	Body        OpenThing
}

// PingRequest is the request of Ping.
type PingRequest struct {
	HTTPRequest *http.Request
	Key         string
}

// Service is implemented by the user.
type Service interface {
	GetUser(ctx context.Context, req *GetUserRequest) (*UserReport, error)
	UpdateReport(ctx context.Context, req *UpdateReportRequest) (*UserReport, error)
	GetContent(ctx context.Context, req *GetContentRequest) (*CollectionResponse[UserReport], error)
	GetCounts(ctx context.Context, req *GetCountsRequest) (*CollectionResponse[UserReport], error)
	DeleteRef(ctx context.Context, req *DeleteRefRequest) error
	CreateThing(ctx context.Context, req *CreateThingRequest) (*OpenThing, error)
	Ping(ctx context.Context, req *PingRequest) (*OpenThing, error)
}

// UnimplementedService returns notImplemented for every operation.
type UnimplementedService struct{}

func (UnimplementedService) GetUser(context.Context, *GetUserRequest) (*UserReport, error) {
	return nil, notImplemented("GetUser")
}
func (UnimplementedService) UpdateReport(context.Context, *UpdateReportRequest) (*UserReport, error) {
	return nil, notImplemented("UpdateReport")
}
func (UnimplementedService) GetContent(context.Context, *GetContentRequest) (*CollectionResponse[UserReport], error) {
	return nil, notImplemented("GetContent")
}
func (UnimplementedService) GetCounts(context.Context, *GetCountsRequest) (*CollectionResponse[UserReport], error) {
	return nil, notImplemented("GetCounts")
}
func (UnimplementedService) DeleteRef(context.Context, *DeleteRefRequest) error {
	return notImplemented("DeleteRef")
}
func (UnimplementedService) CreateThing(context.Context, *CreateThingRequest) (*OpenThing, error) {
	return nil, notImplemented("CreateThing")
}
func (UnimplementedService) Ping(context.Context, *PingRequest) (*OpenThing, error) {
	return nil, notImplemented("Ping")
}

var _ Service = UnimplementedService{}

var routes = []route{
	{method: "GET", pattern: "/users/{id|userPrincipalName}", serve: (*handler).serveGetUser},
	{method: "GET", pattern: "/me", serve: (*handler).serveGetUser},
	{method: "GET", pattern: "/users/delta()", serve: (*handler).serveGetCounts},
	{method: "PATCH", pattern: "/reports/x/{xId}", serve: (*handler).serveUpdateReport},
	{method: "PUT", pattern: "/reports/x/{xId}", serve: (*handler).serveUpdateReport},
	{method: "PATCH", pattern: "/reports/x/{xId}", serve: (*handler).serveGetUser}, // duplicate: first wins
	{method: "GET", pattern: "/drives/{drive-id}/root:/{item-path}:/content", serve: (*handler).serveGetContent},
	{method: "GET", pattern: "/me/drive/root:/{item-path}:/content", serve: (*handler).serveGetContent},
	{method: "GET", pattern: "/reports/getX(period='{period}')", serve: (*handler).serveGetCounts},
	{method: "DELETE", pattern: "/a/{id}/b/{id}/$ref", serve: (*handler).serveDeleteRef},
	{method: "POST", pattern: "/things", serve: (*handler).serveCreateThing},
	{method: "GET", pattern: "/{key}/ping", serve: (*handler).servePing},
	{method: "GET", pattern: "/bad/{unclosed", serve: (*handler).servePing},
	{method: "GET", pattern: "", serve: (*handler).servePing},
	{method: "GET", pattern: "/empty/{}/x", serve: (*handler).servePing},
	{method: "GET", pattern: "/groups/{group-id}/members", serve: (*handler).serveGetCounts, collection: true},
}

func (h *handler) serveGetUser(w http.ResponseWriter, r *http.Request, p []string) {
	req := &GetUserRequest{HTTPRequest: r}
	if len(p) > 0 {
		req.ID = p[0]
	}
	res, err := h.svc.GetUser(r.Context(), req)
	h.reply(w, r, http.StatusOK, res, err)
}

func (h *handler) serveUpdateReport(w http.ResponseWriter, r *http.Request, p []string) {
	req := &UpdateReportRequest{HTTPRequest: r, XID: p[0]}
	if !h.decode(w, r, &req.Body) {
		return
	}
	res, err := h.svc.UpdateReport(r.Context(), req)
	h.reply(w, r, http.StatusOK, res, err)
}

func (h *handler) serveGetContent(w http.ResponseWriter, r *http.Request, p []string) {
	req := &GetContentRequest{HTTPRequest: r}
	if len(p) == 2 {
		req.DriveID, req.ItemPath = p[0], p[1]
	} else {
		req.ItemPath = p[0]
	}
	res, err := h.svc.GetContent(r.Context(), req)
	h.reply(w, r, http.StatusOK, res, err)
}

func (h *handler) serveGetCounts(w http.ResponseWriter, r *http.Request, p []string) {
	req := &GetCountsRequest{HTTPRequest: r}
	if len(p) > 0 {
		req.Period = p[0]
	}
	res, err := h.svc.GetCounts(r.Context(), req)
	h.reply(w, r, http.StatusOK, res, err)
}

func (h *handler) serveDeleteRef(w http.ResponseWriter, r *http.Request, p []string) {
	req := &DeleteRefRequest{HTTPRequest: r, ID: p[0], ID2: p[1]}
	err := h.svc.DeleteRef(r.Context(), req)
	h.reply(w, r, http.StatusNoContent, nil, err)
}

func (h *handler) serveCreateThing(w http.ResponseWriter, r *http.Request, p []string) {
	req := &CreateThingRequest{HTTPRequest: r}
	if !h.decode(w, r, &req.Body) {
		return
	}
	res, err := h.svc.CreateThing(r.Context(), req)
	h.reply(w, r, http.StatusCreated, res, err)
}

func (h *handler) servePing(w http.ResponseWriter, r *http.Request, p []string) {
	req := &PingRequest{HTTPRequest: r}
	if len(p) > 0 {
		req.Key = p[0]
	}
	res, err := h.svc.Ping(r.Context(), req)
	h.reply(w, r, http.StatusOK, res, err)
}
