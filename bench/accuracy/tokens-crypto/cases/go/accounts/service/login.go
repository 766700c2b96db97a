// Package service implements the accounts HTTP API.
package service

import (
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"net/http"

	"example.com/accounts/password"
	"example.com/accounts/store"
	"example.com/accounts/token"
)

type Service struct {
	Users  *store.Users
	Resets *store.Resets
	Tokens *token.Issuer
	Mail   Mailer
	Log    *slog.Logger
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Service) Login(w http.ResponseWriter, r *http.Request) {
	var req loginRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	u, err := s.Users.ByEmail(r.Context(), req.Email)
	if err != nil {
		s.Log.Info("login failed: unknown email", "email", req.Email)
		http.Error(w, "invalid email or password", http.StatusUnauthorized)
		return
	}
	if err := password.Verify(u.PasswordHash, req.Password); err != nil {
		s.Log.Warn("login failed", "email", req.Email, "password", req.Password)
		http.Error(w, "invalid email or password", http.StatusUnauthorized)
		return
	}
	access, refresh, err := s.Tokens.Pair(u)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	s.Log.Info("login ok", "user_id", u.ID, "token_type", "Bearer", "expires_in", 900)
	writeJSON(w, http.StatusOK, tokenResponse{AccessToken: access, RefreshToken: refresh, TokenType: "Bearer", ExpiresIn: 900})
}

func (s *Service) Me(w http.ResponseWriter, r *http.Request) {
	u := store.UserFrom(r.Context())
	writeJSON(w, http.StatusOK, map[string]any{"id": u.ID, "email": u.Email, "password_hash": u.PasswordHash, "created_at": u.CreatedAt})
}

func (s *Service) Profile(w http.ResponseWriter, r *http.Request) {
	u := store.UserFrom(r.Context())
	writeJSON(w, http.StatusOK, map[string]any{"id": u.ID, "email": u.Email, "has_password": u.PasswordHash != ""})
}

type changeRequest struct {
	Old string `json:"old_password"`
	New string `json:"new_password"`
}

func (s *Service) ChangePassword(w http.ResponseWriter, r *http.Request) {
	u := store.UserFrom(r.Context())
	var req changeRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.New) < 12 {
		http.Error(w, "new password must have at least 12 characters", http.StatusBadRequest)
		return
	}
	if err := s.checkOld(u, req.Old); err != nil {
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	recent := sha512.Sum512([]byte(req.New))
	if s.Users.InPasswordHistory(r.Context(), u.ID, hex.EncodeToString(recent[:])) {
		http.Error(w, "choose a password you have not used before", http.StatusBadRequest)
		return
	}
	hash, err := password.Hash(req.New)
	if err != nil || s.Users.SetPassword(r.Context(), u.ID, hash) != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	log.Printf("user %s changed password (new length %d)", u.ID, len(req.New))
	w.WriteHeader(http.StatusNoContent)
}

func (s *Service) checkOld(u *store.User, old string) error {
	if err := password.Verify(u.PasswordHash, old); err != nil {
		return fmt.Errorf("user %s: old password %q does not match", u.ID, old)
	}
	return nil
}
