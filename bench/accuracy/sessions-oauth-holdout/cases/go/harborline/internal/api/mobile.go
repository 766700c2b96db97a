// Package api serves the Harborline mobile app and the gate scanners with bearer tokens.
package api

import (
	"database/sql"
	"encoding/json"
	"net/http"

	"golang.org/x/crypto/bcrypt"

	"github.com/harborline/ferrydesk/internal/auth"
)

type Mobile struct {
	DB     *sql.DB
	Tokens *auth.Issuer
}

type tokenPair struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int    `json:"expires_in"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (m *Mobile) Login(w http.ResponseWriter, r *http.Request) {
	var in struct{ Email, Password string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad request"})
		return
	}
	var id int64
	var hash []byte
	if err := m.DB.QueryRowContext(r.Context(), `SELECT id, password_hash FROM passengers WHERE email = $1`, in.Email).
		Scan(&id, &hash); err != nil || bcrypt.CompareHashAndPassword(hash, []byte(in.Password)) != nil {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_grant"})
		return
	}
	access, _ := m.Tokens.Access(id, "passenger")
	refresh, err := m.Tokens.NewRefreshToken(r.Context(), id)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "server_error"})
		return
	}
	writeJSON(w, http.StatusOK, tokenPair{AccessToken: access, RefreshToken: refresh, ExpiresIn: 900})
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

func (m *Mobile) Refresh(w http.ResponseWriter, r *http.Request) {
	var body refreshRequest
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.RefreshToken == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request"})
		return
	}
	owner, err := m.Tokens.LookupRefresh(r.Context(), body.RefreshToken)
	if err != nil {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_grant"})
		return
	}
	access, _ := m.Tokens.Access(owner, "passenger")
	writeJSON(w, http.StatusOK, tokenPair{AccessToken: access, RefreshToken: body.RefreshToken, ExpiresIn: 900})
}

// GateReissue gives a gate scanner a new access token; scanners keep their device refresh token.
func (m *Mobile) GateReissue(w http.ResponseWriter, r *http.Request) {
	var body refreshRequest
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request"})
		return
	}
	scanner, err := m.Tokens.LookupRefresh(r.Context(), body.RefreshToken)
	if err != nil {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_grant"})
		return
	}
	access, _ := m.Tokens.Access(scanner, "gate")
	writeJSON(w, http.StatusOK, map[string]any{"access_token": access, "expires_in": 900})
}

// Logout lets the app forget its tokens.
func (m *Mobile) Logout(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "signed_out"})
}
