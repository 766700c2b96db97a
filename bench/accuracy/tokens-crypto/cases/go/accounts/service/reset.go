package service

import (
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"math/big"
	mrand "math/rand"
	"net/http"
	"strings"
	"time"

	"example.com/accounts/password"
)

// Mailer sends transactional mail.
type Mailer interface {
	SendReset(to, link, code string) error
}

func newResetToken() (string, error) {
	b := make([]byte, 32)
	if _, err := crand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func newEmailCode() string {
	return fmt.Sprintf("%06d", mrand.Intn(1_000_000))
}

func newSMSCode() (string, error) {
	n, err := crand.Int(crand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

func tokenDigest(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(sum[:])
}

func (s *Service) RequestReset(w http.ResponseWriter, r *http.Request) {
	email := strings.TrimSpace(r.FormValue("email"))
	u, err := s.Users.ByEmail(r.Context(), email)
	if err != nil {
		w.WriteHeader(http.StatusAccepted) // do not reveal whether the account exists
		return
	}
	tok, err := newResetToken()
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	code := newEmailCode()
	if err := s.Resets.Save(r.Context(), u.ID, tokenDigest(tok), code, time.Now().Add(30*time.Minute)); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	_ = s.Mail.SendReset(u.Email, "https://accounts.example.com/reset?t="+tok, code)
	log.Printf("password reset email sent to user %s", u.ID)
	slog.Debug("reset issued", "user_id", u.ID, "reset_token", tok)
	w.WriteHeader(http.StatusAccepted)
}

type confirmRequest struct {
	Token       string `json:"token"`
	Code        string `json:"code"`
	NewPassword string `json:"new_password"`
}

func (s *Service) ConfirmReset(w http.ResponseWriter, r *http.Request) {
	var req confirmRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Token == "" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	rec, err := s.Resets.FindByDigest(r.Context(), tokenDigest(req.Token))
	if err != nil || time.Now().After(rec.Expires) {
		http.Error(w, "reset link expired", http.StatusGone)
		return
	}
	if req.Code != rec.Code {
		http.Error(w, "wrong code", http.StatusForbidden)
		return
	}
	hash, err := password.Hash(req.NewPassword)
	if err != nil || s.Users.SetPassword(r.Context(), rec.UserID, hash) != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	s.Log.Info("password reset completed", "user_id", rec.UserID, "password_changed", true)
	w.WriteHeader(http.StatusNoContent)
}
