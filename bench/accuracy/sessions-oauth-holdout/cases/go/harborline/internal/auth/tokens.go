// Package auth issues and verifies the JWTs that carry a passenger's or agent's identity.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	jwt "github.com/golang-jwt/jwt/v5"
)

// Claims are the claims of an access token.
type Claims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

// Issuer signs access tokens and keeps refresh tokens in the database.
type Issuer struct {
	key []byte
	db  *sql.DB
}

func NewIssuer(key []byte, db *sql.DB) *Issuer { return &Issuer{key: key, db: db} }

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

func hashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

// Access signs a 15-minute access token.
func (i *Issuer) Access(subject int64, role string) (string, error) {
	now := time.Now()
	claims := Claims{Role: role, RegisteredClaims: jwt.RegisteredClaims{
		ID:        randomHex(16),
		Issuer:    "harborline",
		Subject:   strconv.FormatInt(subject, 10),
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(15 * time.Minute)),
	}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(i.key)
}

// NewRefreshToken stores and returns a fresh opaque refresh token valid for seven days.
func (i *Issuer) NewRefreshToken(ctx context.Context, subject int64) (string, error) {
	raw := randomHex(32)
	_, err := i.db.ExecContext(ctx,
		`INSERT INTO refresh_tokens (passenger_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '7 days')`,
		subject, hashToken(raw))
	return raw, err
}

// LookupRefresh returns the owner of a refresh token that is neither expired nor revoked.
func (i *Issuer) LookupRefresh(ctx context.Context, raw string) (int64, error) {
	var owner int64
	err := i.db.QueryRowContext(ctx,
		`SELECT passenger_id FROM refresh_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
		hashToken(raw)).Scan(&owner)
	return owner, err
}

// Parse verifies signature, algorithm, issuer and expiry.
func (i *Issuer) Parse(raw string) (*Claims, error) {
	var c Claims
	_, err := jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return i.key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer("harborline"), jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return &c, nil
}

type claimsKey struct{}

// ClaimsFrom returns the verified claims stored by Middleware.
func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}

func rawToken(r *http.Request) (string, error) {
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		return strings.TrimPrefix(h, "Bearer "), nil
	}
	if c, err := r.Cookie("access_token"); err == nil {
		return c.Value, nil
	}
	return "", errors.New("no token")
}

// Middleware accepts requests that carry a valid access token.
func (i *Issuer) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, err := rawToken(r)
		if err != nil {
			http.Error(w, "sign in required", http.StatusUnauthorized)
			return
		}
		claims, err := i.Parse(raw)
		if err != nil {
			http.Error(w, "session expired", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), claimsKey{}, claims)))
	})
}

func authCookie(name, value string, ttl time.Duration) *http.Cookie {
	return &http.Cookie{
		Name:     name,
		Value:    value,
		Path:     "/",
		MaxAge:   int(ttl.Seconds()),
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	}
}

// Revoke marks a refresh token as used.
func (i *Issuer) Revoke(ctx context.Context, raw string) error {
	_, err := i.db.ExecContext(ctx,
		`UPDATE refresh_tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, hashToken(raw))
	return err
}

// RevokeFamily revokes every refresh token of the owner of raw, used when a revoked token is replayed.
func (i *Issuer) RevokeFamily(ctx context.Context, raw string) error {
	_, err := i.db.ExecContext(ctx,
		`UPDATE refresh_tokens SET revoked_at = now()
		  WHERE passenger_id = (SELECT passenger_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL`,
		hashToken(raw))
	return err
}
