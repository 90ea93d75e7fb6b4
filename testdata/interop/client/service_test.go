//go:build interop

package client

// This file is the one place that names the generated operations (see
// wantRoutes in ../interop_test.go): an in-memory users service.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"example.com/interop/graph"
)

// usersService serves /users from memory and records what each operation
// received, so the test can check it.
type usersService struct {
	graph.UnimplementedService

	// pageSize is the largest page UserList answers, whatever $top asks.
	pageSize int

	mu     sync.Mutex
	users  []graph.User // in creation order
	nextID int
	// What the operations received, in order.
	created []graph.UserPostUsersBody
	updated []graph.UserUpdateBody
	lists   []graph.ODataQuery
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

func (s *usersService) UserList(ctx context.Context, req *graph.UserListRequest) (*graph.CollectionResponse[graph.User], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lists = append(s.lists, req.Query)
	start := 0
	if tok := req.Query.SkipToken; tok != "" {
		n, err := strconv.Atoi(tok)
		if err != nil || n < 0 || n > len(s.users) {
			return nil, &graph.Error{Status: http.StatusBadRequest, Code: "Directory_InvalidSkipToken", Message: "The skip token is not valid."}
		}
		start = n
	}
	size := s.pageSize
	if top := req.Query.Top; top != nil && *top < size {
		size = *top
	}
	end := min(start+size, len(s.users))
	res := &graph.CollectionResponse[graph.User]{Value: slices.Clone(s.users[start:end])}
	if end < len(s.users) {
		res.SkipToken = strconv.Itoa(end)
	}
	return res, nil
}

func (s *usersService) UserPostUsers(ctx context.Context, req *graph.UserPostUsersRequest) (*graph.User, error) {
	s.mu.Lock()
	s.created = append(s.created, req.Body)
	s.mu.Unlock()
	var u graph.User
	u.AccountEnabled = req.Body.AccountEnabled
	u.DisplayName = req.Body.DisplayName
	u.MailNickname = req.Body.MailNickname
	u.UserPrincipalName = req.Body.UserPrincipalName
	u = s.add(u)
	return &u, nil
}

func (s *usersService) GetAUser(ctx context.Context, req *graph.GetAUserRequest) (graph.DirectoryObjectKind, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.find(req.IDUserPrincipalName)
	if i < 0 {
		return nil, notFound(req.IDUserPrincipalName)
	}
	u := s.users[i]
	return &u, nil
}

// UserUpdate applies the body as a JSON merge patch: a property the body
// has replaces the user's, null clears it, an absent one is kept.
func (s *usersService) UserUpdate(ctx context.Context, req *graph.UserUpdateRequest) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.updated = append(s.updated, req.Body)
	i := s.find(req.IDUserPrincipalName)
	if i < 0 {
		return notFound(req.IDUserPrincipalName)
	}
	merged, err := mergePatch(s.users[i], req.Body)
	if err != nil {
		return err
	}
	s.users[i] = merged
	return nil
}

func (s *usersService) DeleteAUser(ctx context.Context, req *graph.DeleteAUserRequest) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.find(req.IDUserPrincipalName)
	if i < 0 {
		return notFound(req.IDUserPrincipalName)
	}
	s.users = slices.Delete(s.users, i, i+1)
	return nil
}

// mergePatch returns u with the members of patch applied (RFC 7396, one
// level deep).
func mergePatch(u graph.User, patch graph.UserUpdateBody) (graph.User, error) {
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
