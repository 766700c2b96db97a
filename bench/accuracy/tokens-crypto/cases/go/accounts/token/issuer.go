// Package token mints and checks the tokens issued by the accounts service.
package token

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"example.com/accounts/config"
	"example.com/accounts/store"
)

type AccessClaims struct {
	Email string   `json:"email"`
	Roles []string `json:"roles"`
	jwt.RegisteredClaims
}

type RefreshClaims struct {
	Type string `json:"typ"`
	jwt.RegisteredClaims
}

type Issuer struct {
	cfg config.JWTSettings
}

func NewIssuer(cfg config.JWTSettings) *Issuer { return &Issuer{cfg: cfg} }

func (i *Issuer) registered(sub string, ttl time.Duration) jwt.RegisteredClaims {
	now := time.Now()
	return jwt.RegisteredClaims{
		Issuer:    i.cfg.Issuer,
		Audience:  jwt.ClaimStrings{i.cfg.Audience},
		Subject:   sub,
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
	}
}

// Pair issues an access token and a refresh token for u.
func (i *Issuer) Pair(u *store.User) (string, string, error) {
	sub := strconv.FormatInt(u.ID, 10)
	access := jwt.NewWithClaims(jwt.SigningMethodHS256, AccessClaims{Email: u.Email, Roles: u.Roles, RegisteredClaims: i.registered(sub, i.cfg.AccessTTL)})
	a, err := access.SignedString(i.cfg.SigningKey)
	if err != nil {
		return "", "", err
	}
	refresh := jwt.NewWithClaims(jwt.SigningMethodHS256, RefreshClaims{Type: "refresh", RegisteredClaims: i.registered(sub, i.cfg.RefreshTTL)})
	rt, err := refresh.SignedString(i.cfg.SigningKey)
	return a, rt, err
}

func (i *Issuer) keyfunc(t *jwt.Token) (interface{}, error) {
	if t.Method != jwt.SigningMethodHS256 {
		return nil, fmt.Errorf("unexpected alg %s", t.Method.Alg())
	}
	return i.cfg.SigningKey, nil
}

// ParseRefresh validates a refresh token presented to /token/refresh.
func (i *Issuer) ParseRefresh(raw string) (*RefreshClaims, error) {
	c := &RefreshClaims{}
	_, err := jwt.ParseWithClaims(raw, c, i.keyfunc, jwt.WithExpirationRequired())
	if err != nil {
		return nil, fmt.Errorf("refresh token %s rejected: %w", raw, err)
	}
	if c.Type != "refresh" {
		return nil, errors.New("not a refresh token")
	}
	return c, nil
}

// ParseAccess is used by the introspection endpoint.
func (i *Issuer) ParseAccess(raw string) (*AccessClaims, error) {
	c := &AccessClaims{}
	_, err := jwt.ParseWithClaims(raw, c, i.keyfunc, jwt.WithIssuer(i.cfg.Issuer), jwt.WithAudience(i.cfg.Audience), jwt.WithLeeway(10*time.Second))
	if err != nil {
		return nil, fmt.Errorf("access token rejected: %w", err)
	}
	return c, nil
}
