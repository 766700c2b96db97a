package device

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

const refreshTTL = 7 * 24 * time.Hour

type API struct {
	db  *pgxpool.Pool
	key []byte
}

func NewAPI(db *pgxpool.Pool, key []byte) *API { return &API{db: db, key: key} }

type deviceClaims struct {
	Epoch int `json:"ep"`
	jwt.RegisteredClaims
}

type tokenBody struct {
	DeviceID     string `json:"device_id,omitempty"`
	AccessToken  string `json:"access_token,omitempty"`
	RefreshToken string `json:"refresh_token,omitempty"`
}

func reply(w http.ResponseWriter, v tokenBody) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func hashOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func (a *API) access(ctx context.Context, deviceID string) (string, error) {
	var epoch int
	if err := a.db.QueryRow(ctx, `SELECT token_epoch FROM devices WHERE id = $1 AND NOT decommissioned`, deviceID).Scan(&epoch); err != nil {
		return "", err
	}
	now := time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, deviceClaims{Epoch: epoch, RegisteredClaims: jwt.RegisteredClaims{
		Subject: deviceID, IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(time.Hour)),
	}}).SignedString(a.key)
}

func (a *API) storeRefresh(ctx context.Context, deviceID string) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	raw := base64.RawURLEncoding.EncodeToString(b)
	_, err := a.db.Exec(ctx, `INSERT INTO device_refresh (token_hash, device_id, expires_at) VALUES ($1, $2, $3)`,
		hashOf(raw), deviceID, time.Now().Add(refreshTTL))
	return raw, err
}

// Authenticate accepts a device JWT only while its epoch matches the device
// row; decommissioning a device bumps the epoch.
func (a *API) Authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		claims := &deviceClaims{}
		if _, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return a.key, nil },
			jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired()); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var epoch int
		if err := a.db.QueryRow(r.Context(), `SELECT token_epoch FROM devices WHERE id = $1 AND NOT decommissioned`, claims.Subject).Scan(&epoch); err != nil || epoch != claims.Epoch {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), deviceKey{}, claims.Subject)))
	})
}

type deviceKey struct{}

func (a *API) Ingest(w http.ResponseWriter, r *http.Request) {
	id, _ := r.Context().Value(deviceKey{}).(string)
	body := http.MaxBytesReader(w, r.Body, 64<<10)
	var points []map[string]any
	if err := json.NewDecoder(body).Decode(&points); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	for _, p := range points {
		_, _ = a.db.Exec(r.Context(), `INSERT INTO telemetry (device_id, payload) VALUES ($1, $2)`, id, p)
	}
	w.WriteHeader(http.StatusAccepted)
}
