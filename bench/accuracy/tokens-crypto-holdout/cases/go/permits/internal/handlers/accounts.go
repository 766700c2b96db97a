package handlers

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"golang.org/x/crypto/bcrypt"

	"example.com/permits/internal/accounts"
	"example.com/permits/internal/auth"
	"example.com/permits/internal/store"
	"example.com/permits/internal/vault"
)

type Accounts struct {
	Store    *store.Store
	Hasher   *accounts.Hasher
	Verifier *auth.Verifier
}

func mask(s string) string {
	if len(s) <= 4 {
		return "****"
	}
	return s[:4] + "****"
}

func (a *Accounts) StaffLogin(w http.ResponseWriter, r *http.Request) {
	email, password := r.FormValue("email"), r.FormValue("password")
	staff, err := a.Store.StaffByEmail(r.Context(), email)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(staff.PasswordHash), []byte(password)) != nil {
		slog.Warn("staff login failed", "email", email, "password", password)
		http.Error(w, "invalid email or password", http.StatusUnauthorized)
		return
	}
	token, err := a.Verifier.IssueOfficerToken(staff.Email, 8*3600e9)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	slog.Info("staff login", slog.Int64("staff_id", staff.ID), slog.String("token_type", "Bearer"))
	json.NewEncoder(w).Encode(map[string]any{"access_token": token, "token_type": "Bearer", "expires_in": 28800})
}

func (a *Accounts) GetStaff(w http.ResponseWriter, r *http.Request) {
	staff, err := a.Store.StaffByEmail(r.Context(), r.PathValue("email"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	json.NewEncoder(w).Encode(staff)
}

func (a *Accounts) ChangePassword(w http.ResponseWriter, r *http.Request) {
	claims := auth.ClaimsFrom(r.Context())
	staff, err := a.Store.StaffByEmail(r.Context(), claims.Subject)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	newPassword := r.FormValue("new_password")
	if len(newPassword) < 12 {
		http.Error(w, "password must be at least 12 characters", http.StatusBadRequest)
		return
	}
	hash, err := a.Hasher.HashStaff(newPassword)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if err := a.Store.SetPassword(r.Context(), staff.ID, hash); err != nil {
		slog.Error("password update failed", "staff_id", staff.ID, "err", fmt.Errorf("set password %q: %w", newPassword, err))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	slog.Info("password changed", "staff_id", staff.ID, "password_len", len(newPassword))
	w.WriteHeader(http.StatusNoContent)
}

func (a *Accounts) CreateAPIToken(w http.ResponseWriter, r *http.Request) {
	claims := auth.ClaimsFrom(r.Context())
	staff, _ := a.Store.StaffByEmail(r.Context(), claims.Subject)
	token, err := vault.APIToken()
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if err := a.Store.SaveAPIToken(r.Context(), staff.ID, accounts.APITokenDigest(token)); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	slog.Info("api token created", "staff_id", staff.ID, "token", mask(token))
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]string{"token": token})
}

func (a *Accounts) SendReset(w http.ResponseWriter, r *http.Request) {
	staff, err := a.Store.StaffByEmail(r.Context(), r.FormValue("email"))
	if err == nil {
		reset := vault.ResetToken()
		slog.Debug("reset token generated", slog.String("email", staff.Email), slog.String("token", reset))
	}
	fmt.Fprintln(w, "If that account exists, a password reset email has been sent.")
}

func (a *Accounts) StaffID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("invalid staff id %q", r.PathValue("id"))
	}
	return id, nil
}
