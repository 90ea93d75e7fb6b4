//go:build interop

package client

// An in-memory users service. Its methods named after the operations
// (UserList, GetAUser, ... today) are in zz_bind_test.go, which
// ../interop_test.go writes from the API summary: each calls the method
// below for its request line (list, create, get, update, delete), so this
// file names no generated operation, request type or body type.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"example.com/interop/graph"
)

// usersService serves /users from memory and records what each operation
// received, so the test can check it.
type usersService struct {
	graph.UnimplementedService

	// pageSize is the largest page list answers, whatever $top asks.
	pageSize int

	mu     sync.Mutex
	users  []graph.User // in creation order
	nextID int
	// throttle is the number of the next gets answered 429 Too Many
	// Requests with a Retry-After of one second, as Graph throttles.
	throttle int
	// What the operations received, in order.
	created []createBody
	updated []updateBody
	lists   []graph.ODataQuery
	deltas  []graph.ODataQuery
	windows [][2]string // the start and end each reminderView asked for
	// uploaded is the last photo PUT sent, as the service read it.
	uploaded []byte
}

var _ graph.Service = (*usersService)(nil)

// notFound is the error Graph answers for a missing user.
func notFound(id string) error {
	return &graph.Error{
		Status:  http.StatusNotFound,
		Code:    "Request_ResourceNotFound",
		Message: fmt.Sprintf("Resource '%s' does not exist or one of its queried reference-property objects are not present.", id),
	}
}

// find returns the index of the user whose id or userPrincipalName is key,
// or -1; s.mu must be held.
func (s *usersService) find(key string) int {
	return slices.IndexFunc(s.users, func(u graph.User) bool {
		return deref(u.ID.Value) == key || deref(u.UserPrincipalName.Value) == key
	})
}

// add stores u under a new id and returns it.
func (s *usersService) add(u graph.User) graph.User {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	u.ID = graph.Some(fmt.Sprintf("00000000-0000-0000-0000-%012d", s.nextID))
	s.users = append(s.users, u)
	return u
}

// list serves GET /users: pages of at most $top users (and at most
// pageSize), the next page's offset as the skip token.
func (s *usersService) list(ctx context.Context, q graph.ODataQuery) (*graph.CollectionResponse[graph.User], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lists = append(s.lists, q)
	start := 0
	if tok := q.SkipToken; tok != "" {
		n, err := strconv.Atoi(tok)
		if err != nil || n < 0 || n > len(s.users) {
			return nil, &graph.Error{Status: http.StatusBadRequest, Code: "Directory_InvalidSkipToken", Message: "The skip token is not valid."}
		}
		start = n
	}
	size := s.pageSize
	if top := q.Top; top != nil && *top < size {
		size = *top
	}
	end := min(start+size, len(s.users))
	res := &graph.CollectionResponse[graph.User]{Value: slices.Clone(s.users[start:end])}
	if q.Count != nil && *q.Count {
		n := int64(len(s.users))
		res.ODataCount = &n
	}
	if end < len(s.users) {
		res.SkipToken = strconv.Itoa(end)
	}
	return res, nil
}

// delta serves GET /users/delta: every user, and the link to the changes
// after them (on this server: a delta token the next round hands back).
func (s *usersService) delta(ctx context.Context, q graph.ODataQuery, r *http.Request) (*graph.CollectionResponse[graph.User], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deltas = append(s.deltas, q)
	return &graph.CollectionResponse[graph.User]{
		Value:          slices.Clone(s.users),
		ODataDeltaLink: "https://" + r.Host + "/v1.0/users/delta()?$deltatoken=" + strconv.Itoa(len(s.users)),
	}, nil
}

// reminders serves GET /users/{id}/reminderView(startDateTime=...,endDateTime=...):
// no reminders, and the window it was asked for, recorded.
func (s *usersService) reminders(ctx context.Context, id, start, end string) (*graph.CollectionResponse[graph.Reminder], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.find(id) < 0 {
		return nil, notFound(id)
	}
	s.windows = append(s.windows, [2]string{start, end})
	return &graph.CollectionResponse[graph.Reminder]{}, nil
}

// create serves POST /users.
func (s *usersService) create(ctx context.Context, body createBody) (*graph.User, error) {
	s.mu.Lock()
	s.created = append(s.created, body)
	s.mu.Unlock()
	var u graph.User
	u.AccountEnabled = body.AccountEnabled
	u.DisplayName = body.DisplayName
	u.MailNickname = body.MailNickname
	u.UserPrincipalName = body.UserPrincipalName
	u = s.add(u)
	// Where the created user is, as OData asks of a 201 Created.
	graph.ResponseHeader(ctx).Set("Location", "https://graph.microsoft.com/v1.0/users/"+deref(u.ID.Value))
	return &u, nil
}

// get serves GET /users/{id|userPrincipalName}.
func (s *usersService) get(ctx context.Context, key string) (*graph.User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.throttle > 0 {
		s.throttle--
		return nil, &graph.Error{Status: http.StatusTooManyRequests, Code: "TooManyRequests", Message: "Too many requests.", RetryAfter: time.Second}
	}
	i := s.find(key)
	if i < 0 {
		return nil, notFound(key)
	}
	u := s.users[i]
	return &u, nil
}

// update serves PATCH /users/{id|userPrincipalName}, applying the body as
// a JSON merge patch: a property the body has replaces the user's, null
// clears it, an absent one is kept.
func (s *usersService) update(ctx context.Context, key string, body updateBody) error {
	if v := body.DisplayName.Value; v != nil && *v == "" {
		// A validation error as Graph writes one: OData's target and
		// a detail per property.
		return &graph.Error{
			Status:  http.StatusBadRequest,
			Code:    "Request_BadRequest",
			Message: "Invalid value specified for property 'displayName' of resource 'User'.",
			Target:  "user",
			Details: []graph.ErrorDetail{{Code: "EmptyValueNotAllowed", Message: "displayName cannot be empty.", Target: "displayName"}},
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.updated = append(s.updated, body)
	i := s.find(key)
	if i < 0 {
		return notFound(key)
	}
	merged, err := mergePatch(s.users[i], body)
	if err != nil {
		return err
	}
	s.users[i] = merged
	return nil
}

// setPhoto serves PUT /users/{id|userPrincipalName}/photo/$value: it
// reads the photo's bytes from the request, whose body the handler does
// not decode as JSON.
func (s *usersService) setPhoto(ctx context.Context, key string, r *http.Request) error {
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.find(key) < 0 {
		return notFound(key)
	}
	s.uploaded = b
	return nil
}

// photoBytes is the photo every user has: the start of a JPEG file.
var photoBytes = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00")

// photo serves GET /users/{id|userPrincipalName}/photo/$value: the photo's
// bytes, as a *Stream.
func (s *usersService) photo(ctx context.Context, key string) (*graph.Stream, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.find(key) < 0 {
		return nil, notFound(key)
	}
	return &graph.Stream{ContentType: "image/jpeg", Body: bytes.NewReader(photoBytes)}, nil
}

// delete serves DELETE /users/{id|userPrincipalName}.
func (s *usersService) delete(ctx context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.find(key)
	if i < 0 {
		return notFound(key)
	}
	s.users = slices.Delete(s.users, i, i+1)
	return nil
}

// mergePatch returns u with the members of patch applied (RFC 7396, one
// level deep).
func mergePatch(u graph.User, patch updateBody) (graph.User, error) {
	have, err := members(u)
	if err != nil {
		return u, err
	}
	set, err := members(patch)
	if err != nil {
		return u, err
	}
	for name, v := range set {
		switch {
		case strings.HasPrefix(name, "@"): // control information, such as @odata.type
		case string(v) == "null":
			delete(have, name)
		default:
			have[name] = v
		}
	}
	data, err := json.Marshal(have)
	if err != nil {
		return u, err
	}
	var out graph.User
	err = json.Unmarshal(data, &out)
	return out, err
}

// members returns the JSON members v is written with.
func members(v any) (map[string]json.RawMessage, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	err = json.Unmarshal(data, &m)
	return m, err
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
