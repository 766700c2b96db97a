// Package client is used by the accounts service to call other internal APIs
// with its own service-account token.
package client

import (
	"log"
	mrand "math/rand"
	"net/http"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v4"
)

// TokenSource keeps the service-account token fresh for outbound calls.
type TokenSource struct {
	mu        sync.Mutex
	token     string
	refreshAt time.Time
	Fetch     func() (string, error)
}

// set stores a freshly fetched token and schedules the next refresh from its
// exp claim. The token was just obtained from the token endpoint over TLS and
// is only forwarded, never trusted here.
func (s *TokenSource) set(tok string) error {
	var claims jwt.RegisteredClaims
	if _, _, err := new(jwt.Parser).ParseUnverified(tok, &claims); err != nil {
		return err
	}
	s.token = tok
	s.refreshAt = time.Now().Add(5 * time.Minute)
	if claims.ExpiresAt != nil {
		s.refreshAt = claims.ExpiresAt.Add(-time.Minute)
	}
	return nil
}

// Token returns a valid token, refreshing it when it is about to expire.
func (s *TokenSource) Token() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.token == "" || time.Now().After(s.refreshAt) {
		tok, err := s.Fetch()
		if err != nil {
			return "", err
		}
		if err := s.set(tok); err != nil {
			return "", err
		}
		log.Printf("service token refreshed, next refresh at %s", s.refreshAt.Format(time.RFC3339))
	}
	return s.token, nil
}

// Do sends req with the bearer token, retrying 5xx answers with jitter.
func (s *TokenSource) Do(c *http.Client, req *http.Request) (*http.Response, error) {
	tok, err := s.Token()
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	var resp *http.Response
	for attempt := 0; attempt < 3; attempt++ {
		resp, err = c.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		time.Sleep(time.Duration(100+mrand.Intn(400)) * time.Millisecond)
	}
	return resp, err
}
