package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

type ctxUser struct{}

func respond(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func (a *api) accessToken(userID uint) (string, error) {
	now := time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{
		ID:        uuid.NewString(),
		Subject:   strconv.FormatUint(uint64(userID), 10),
		Issuer:    "fitlog",
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(15 * time.Minute)),
	}).SignedString(a.jwtKey)
}

// issueRefreshJWT mints the self-contained refresh token used by Android v2.
func (a *api) issueRefreshJWT(userID uint, ttl time.Duration) (string, error) {
	now := time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{
		ID:        uuid.NewString(),
		Subject:   strconv.FormatUint(uint64(userID), 10),
		Issuer:    "fitlog",
		Audience:  jwt.ClaimStrings{"refresh"},
		ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
	}).SignedString(a.jwtKey)
}

func (a *api) parse(raw, audience string) (*jwt.RegisteredClaims, error) {
	claims := &jwt.RegisteredClaims{}
	opts := []jwt.ParserOption{jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer("fitlog"), jwt.WithExpirationRequired()}
	if audience != "" {
		opts = append(opts, jwt.WithAudience(audience))
	}
	if _, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return a.jwtKey, nil }, opts...); err != nil {
		return nil, err
	}
	return claims, nil
}

// newRefreshRow creates a refresh token row and returns the raw value.
func newRefreshRow(userID uint, deviceID string) (RefreshToken, string) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	raw := base64.RawURLEncoding.EncodeToString(b)
	return RefreshToken{
		ID:        uuid.NewString(),
		UserID:    userID,
		DeviceID:  deviceID,
		TokenHash: sha256Hex(raw),
		ExpiresAt: time.Now().Add(7 * 24 * time.Hour),
	}, raw
}

func (a *api) authenticated(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			respond(w, http.StatusUnauthorized, map[string]string{"error": "missing token"})
			return
		}
		claims, err := a.parse(raw, "")
		if err != nil {
			respond(w, http.StatusUnauthorized, map[string]string{"error": "invalid token"})
			return
		}
		uid, _ := strconv.ParseUint(claims.Subject, 10, 64)
		next(w, r.WithContext(context.WithValue(r.Context(), ctxUser{}, uint(uid))))
	}
}

func userFrom(r *http.Request) uint {
	id, _ := r.Context().Value(ctxUser{}).(uint)
	return id
}
