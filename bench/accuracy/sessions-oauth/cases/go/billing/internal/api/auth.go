package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/ledgerline/billing/internal/tokens"
)

type userKey struct{}

func userIDFrom(ctx context.Context) int64 {
	id, _ := ctx.Value(userKey{}).(int64)
	return id
}

func (h *Handlers) bearerClaims(r *http.Request) (*tokens.Claims, bool) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return nil, false
	}
	c, err := h.signer.Verify(raw)
	return c, err == nil
}

// AuthV2 rejects tokens minted before the user's last token_version bump.
func (h *Handlers) AuthV2(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := h.bearerClaims(r)
		if !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		uid, _ := strconv.ParseInt(c.Subject, 10, 64)
		var current int
		if err := h.db.QueryRowContext(r.Context(), `SELECT token_version FROM users WHERE id = $1`, uid).Scan(&current); err != nil || current != c.TokenVersion {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, uid)))
	})
}

// AuthV1 serves the legacy dashboard routes.
func (h *Handlers) AuthV1(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := h.bearerClaims(r)
		if !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		uid, _ := strconv.ParseInt(c.Subject, 10, 64)
		ctx := context.WithValue(r.Context(), userKey{}, uid)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (h *Handlers) LogoutV2(w http.ResponseWriter, r *http.Request) {
	uid := userIDFrom(r.Context())
	if _, err := h.db.ExecContext(r.Context(), `UPDATE users SET token_version = token_version + 1 WHERE id = $1`, uid); err != nil {
		http.Error(w, "logout failed", http.StatusInternalServerError)
		return
	}
	_, _ = h.db.ExecContext(r.Context(), `UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, uid)
	w.WriteHeader(http.StatusNoContent)
}

// LogoutDevice signs out one device by deleting its refresh token.
func (h *Handlers) LogoutDevice(w http.ResponseWriter, r *http.Request) {
	presented, ok := decodeRefresh(r)
	if !ok {
		http.Error(w, "refresh_token required", http.StatusBadRequest)
		return
	}
	_, err := h.db.ExecContext(r.Context(), `DELETE FROM refresh_tokens WHERE token_hash = $1 AND user_id = $2`, tokens.Hash(presented), userIDFrom(r.Context()))
	if err != nil {
		http.Error(w, "logout failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusResetContent)
}

// LogoutV1: the dashboard deletes its tokens from localStorage.
func (h *Handlers) LogoutV1(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "signed out"})
}
