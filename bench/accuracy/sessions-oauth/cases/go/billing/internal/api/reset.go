package api

import (
	"encoding/json"
	"net/http"

	"golang.org/x/crypto/bcrypt"

	"github.com/ledgerline/billing/internal/tokens"
)

type resetRequest struct {
	Token       string `json:"token"`
	NewPassword string `json:"new_password"`
}

func (h *Handlers) consumeReset(r *http.Request) (int64, string, bool) {
	var in resetRequest
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || len(in.NewPassword) < 12 {
		return 0, "", false
	}
	var uid int64
	err := h.db.QueryRowContext(r.Context(),
		`DELETE FROM password_resets WHERE token_hash = $1 AND expires_at > now() RETURNING user_id`, tokens.Hash(in.Token)).Scan(&uid)
	if err != nil {
		return 0, "", false
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(in.NewPassword), 12)
	if err != nil {
		return 0, "", false
	}
	return uid, string(hash), true
}

func (h *Handlers) ResetPasswordV2(w http.ResponseWriter, r *http.Request) {
	uid, hash, ok := h.consumeReset(r)
	if !ok {
		http.Error(w, "invalid or expired reset link", http.StatusBadRequest)
		return
	}
	tx, err := h.db.BeginTx(r.Context(), nil)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(r.Context(), `UPDATE users SET password_hash = $1, token_version = token_version + 1 WHERE id = $2`, hash, uid); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if _, err := tx.ExecContext(r.Context(), `DELETE FROM refresh_tokens WHERE user_id = $1`, uid); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if err := tx.Commit(); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handlers) ResetPasswordV1(w http.ResponseWriter, r *http.Request) {
	uid, hash, ok := h.consumeReset(r)
	if !ok {
		http.Error(w, "invalid or expired reset link", http.StatusBadRequest)
		return
	}
	if _, err := h.db.ExecContext(r.Context(), `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, uid); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
