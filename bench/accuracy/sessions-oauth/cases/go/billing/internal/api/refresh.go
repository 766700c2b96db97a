package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/ledgerline/billing/internal/tokens"
)

type refreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

func decodeRefresh(r *http.Request) (string, bool) {
	var req refreshRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.RefreshToken == "" {
		return "", false
	}
	return req.RefreshToken, true
}

func (h *Handlers) accessFor(ctx context.Context, userID int64) (string, error) {
	var tv int
	if err := h.db.QueryRowContext(ctx, `SELECT token_version FROM users WHERE id = $1`, userID).Scan(&tv); err != nil {
		return "", err
	}
	return h.signer.Access(userID, tv)
}

// RefreshV2 consumes the presented token (reuse revokes the family).
func (h *Handlers) RefreshV2(w http.ResponseWriter, r *http.Request) {
	presented, ok := decodeRefresh(r)
	if !ok {
		http.Error(w, "refresh_token required", http.StatusBadRequest)
		return
	}
	userID, next, err := h.store.Rotate(r.Context(), presented)
	if errors.Is(err, tokens.ErrReused) || errors.Is(err, tokens.ErrInvalid) {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	} else if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	at, err := h.accessFor(r.Context(), userID)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, TokenResponse{AccessToken: at, RefreshToken: next, ExpiresIn: 900})
}

// RefreshV1 is still called by the 2022 web dashboard.
func (h *Handlers) RefreshV1(w http.ResponseWriter, r *http.Request) {
	var req refreshRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	row, err := h.store.Lookup(r.Context(), req.RefreshToken)
	if err != nil {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	at, err := h.accessFor(r.Context(), row.UserID)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, TokenResponse{AccessToken: at, RefreshToken: req.RefreshToken, ExpiresIn: 900})
}

// RenewMobile refuses used tokens but does not mark the presented one used.
func (h *Handlers) RenewMobile(w http.ResponseWriter, r *http.Request) {
	presented, ok := decodeRefresh(r)
	if !ok {
		http.Error(w, "refresh_token required", http.StatusBadRequest)
		return
	}
	row, err := h.store.Lookup(r.Context(), presented)
	if err != nil || row.Used {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	at, err := h.accessFor(r.Context(), row.UserID)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	mobileRT, err := h.store.Insert(r.Context(), h.store.DB(), row.UserID, row.Family)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, TokenResponse{AccessToken: at, RefreshToken: mobileRT, ExpiresIn: 900})
}

// SlideRefresh gives integrations a sliding window: each call returns a new
// refresh token and housekeeping removes expired ones.
func (h *Handlers) SlideRefresh(w http.ResponseWriter, r *http.Request) {
	presented, ok := decodeRefresh(r)
	if !ok {
		http.Error(w, "refresh_token required", http.StatusBadRequest)
		return
	}
	row, err := h.store.Lookup(r.Context(), presented)
	if err != nil {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	_, _ = h.db.ExecContext(r.Context(), `DELETE FROM refresh_tokens WHERE user_id = $1 AND expires_at < now()`, row.UserID)
	slid, err := h.store.Insert(r.Context(), h.db, row.UserID, row.Family)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	at, _ := h.accessFor(r.Context(), row.UserID)
	writeJSON(w, http.StatusOK, TokenResponse{AccessToken: at, RefreshToken: slid, ExpiresIn: 900})
}

// PartnerRefresh only mints a new access token for server-to-server partners.
func (h *Handlers) PartnerRefresh(w http.ResponseWriter, r *http.Request) {
	presented, ok := decodeRefresh(r)
	if !ok {
		http.Error(w, "refresh_token required", http.StatusBadRequest)
		return
	}
	row, err := h.store.Lookup(r.Context(), presented)
	if err != nil {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	at, err := h.accessFor(r.Context(), row.UserID)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, TokenResponse{AccessToken: at, ExpiresIn: 900})
}
