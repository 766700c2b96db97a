package auth

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	jwt "github.com/golang-jwt/jwt/v5"
)

type ctxKey int

var errBadQR = errors.New("invalid permit QR code")

const claimsKey ctxKey = 1

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey).(*Claims)
	return c
}

// RequireResident verifies the resident token and stores the claims.
func (v *Verifier) RequireResident(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims, err := v.Resident(bearer(r))
		if err != nil {
			slog.Info("resident token rejected", "reason", err.Error(), "path", r.URL.Path)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), claimsKey, claims)))
	})
}

// RequireOfficer verifies handheld tokens.
func (v *Verifier) RequireOfficer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims, err := v.Officer(bearer(r))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), claimsKey, claims)))
	})
}

// DistrictFromMobile is used by the resident mobile app's quick-view widget.
func DistrictFromMobile(r *http.Request) (string, error) {
	claims := &Claims{}
	if _, _, err := jwt.NewParser().ParseUnverified(bearer(r), claims); err != nil {
		return "", err
	}
	return claims.District, nil
}

// ResidentFromQRCode reads the resident id from the JWT printed on a permit's QR code.
func ResidentFromQRCode(code string) (string, error) {
	segs := strings.Split(code, ".")
	if len(segs) != 3 {
		return "", errBadQR
	}
	raw, err := base64.RawURLEncoding.DecodeString(segs[1])
	if err != nil {
		return "", err
	}
	var body struct {
		Sub string `json:"sub"`
		Exp int64  `json:"exp"`
	}
	if err := json.Unmarshal(raw, &body); err != nil || body.Exp < time.Now().Unix() {
		return "", errBadQR
	}
	return body.Sub, nil
}

// MeterCredentials decodes HTTP Basic credentials sent by parking meters.
func MeterCredentials(r *http.Request) (string, string, bool) {
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Basic ") {
		return "", "", false
	}
	decoded, err := base64.StdEncoding.DecodeString(h[len("Basic "):])
	if err != nil {
		return "", "", false
	}
	id, secret, ok := strings.Cut(string(decoded), ":")
	return id, secret, ok
}

// TokenRefreshDue tells the outbound payments client when to refresh its own token.
func TokenRefreshDue(ownToken string) time.Time {
	var rc jwt.RegisteredClaims
	if _, _, err := new(jwt.Parser).ParseUnverified(ownToken, &rc); err != nil || rc.ExpiresAt == nil {
		return time.Now()
	}
	return rc.ExpiresAt.Add(-time.Minute)
}
