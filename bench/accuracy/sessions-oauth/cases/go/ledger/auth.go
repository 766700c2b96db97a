package main

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func (s *server) checkPassword(r *http.Request, table string) (int64, bool, bool) {
	var id int64
	var hash string
	var mfa bool
	err := s.db.QueryRow(r.Context(),
		`SELECT id, password_hash, mfa_enabled FROM `+table+` WHERE email = $1`,
		strings.ToLower(r.PostFormValue("email"))).Scan(&id, &hash, &mfa)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.PostFormValue("password"))) != nil {
		return 0, false, false
	}
	return id, mfa, true
}

func (s *server) login(w http.ResponseWriter, r *http.Request) {
	id, mfa, ok := s.checkPassword(r, "users")
	if !ok {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	if mfa && !s.deviceTrusted(r, id) {
		s.sessions.Put(r.Context(), "mfaPendingUserID", id)
		w.WriteHeader(http.StatusAccepted)
		return
	}
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	s.sessions.Put(r.Context(), "userID", id)
	w.WriteHeader(http.StatusNoContent)
}

func (s *server) verifyMFA(w http.ResponseWriter, r *http.Request) {
	pending := s.sessions.GetInt64(r.Context(), "mfaPendingUserID")
	if pending == 0 || !s.validTOTP(r, pending) {
		http.Error(w, "invalid code", http.StatusUnauthorized)
		return
	}
	s.sessions.Remove(r.Context(), "mfaPendingUserID")
	s.sessions.Put(r.Context(), "userID", pending)

	if r.PostFormValue("trust_device") == "on" {
		raw := make([]byte, 32)
		_, _ = rand.Read(raw)
		tok := base64.RawURLEncoding.EncodeToString(raw)
		_, _ = s.db.Exec(r.Context(), `INSERT INTO trusted_devices (user_id, token_sha256, expires_at) VALUES ($1, sha256($2::bytea), $3)`,
			pending, tok, time.Now().Add(30*24*time.Hour))
		http.SetCookie(w, &http.Cookie{
			Name:     "mfa_remember_token",
			Value:    tok,
			Path:     "/login",
			MaxAge:   30 * 24 * 3600,
			HttpOnly: true,
			Secure:   true,
			SameSite: http.SameSiteDefaultMode,
		})
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *server) logout(w http.ResponseWriter, r *http.Request) {
	if err := s.sessions.Destroy(r.Context()); err != nil {
		http.Error(w, "logout failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *server) adminLogin(w http.ResponseWriter, r *http.Request) {
	id, _, ok := s.checkPassword(r, "admins")
	if !ok {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	s.admins.Put(r.Context(), "adminID", id)
	w.WriteHeader(http.StatusNoContent)
}

func (s *server) deviceTrusted(r *http.Request, userID int64) bool {
	c, err := r.Cookie("mfa_remember_token")
	if err != nil {
		return false
	}
	var n int
	_ = s.db.QueryRow(r.Context(), `SELECT count(*) FROM trusted_devices WHERE user_id = $1 AND token_sha256 = sha256($2::bytea) AND expires_at > now()`,
		userID, c.Value).Scan(&n)
	return n == 1
}

func (s *server) validTOTP(r *http.Request, userID int64) bool {
	var ok bool
	_ = s.db.QueryRow(r.Context(), `SELECT totp_check(user_id, $2) FROM users WHERE id = $1`, userID, r.PostFormValue("code")).Scan(&ok)
	return ok
}
