package main

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"golang.org/x/crypto/bcrypt"
)

func (p *portal) verify(r *http.Request, table string) (string, bool) {
	var id, hash string
	err := p.db.QueryRowContext(r.Context(), `SELECT id, password_hash FROM `+table+` WHERE email = $1`,
		strings.ToLower(r.PostFormValue("email"))).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.PostFormValue("password"))) != nil {
		return "", false
	}
	return id, true
}

func (p *portal) login(w http.ResponseWriter, r *http.Request) {
	id, ok := p.verify(r, "patients")
	if !ok {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	p.sm.Put(r.Context(), "patientID", id)
	http.Redirect(w, r, "/chart", http.StatusSeeOther)
}

// caregiverLogin lets a proxy (parent, guardian) act for a patient.
func (p *portal) caregiverLogin(w http.ResponseWriter, r *http.Request) {
	caregiverID, ok := p.verify(r, "caregivers")
	if !ok {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	if err := p.sm.RenewToken(r.Context()); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	p.sm.Put(r.Context(), "caregiverID", caregiverID)

	// Device token so the next login on this browser can skip the SMS step.
	raw := make([]byte, 32)
	_, _ = rand.Read(raw)
	deviceToken := base64.RawURLEncoding.EncodeToString(raw)
	_, _ = p.db.ExecContext(r.Context(), `INSERT INTO caregiver_devices (caregiver_id, token_sha256) VALUES ($1, digest($2, 'sha256'))`, caregiverID, deviceToken)
	http.SetCookie(w, &http.Cookie{Name: "caregiver_device_token", Value: deviceToken, Path: "/login", MaxAge: 90 * 86400, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/proxy/select-patient", http.StatusSeeOther)
}

func (p *portal) sendMessage(w http.ResponseWriter, r *http.Request) {
	pid := p.sm.GetString(r.Context(), "patientID")
	if pid == "" {
		http.Error(w, "sign in required", http.StatusUnauthorized)
		return
	}
	_, err := p.db.ExecContext(r.Context(), `INSERT INTO messages (patient_id, body) VALUES ($1, $2)`, pid, r.PostFormValue("body"))
	if err != nil {
		http.Error(w, "could not send", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (p *portal) cancelAppointment(w http.ResponseWriter, r *http.Request) {
	pid := p.sm.GetString(r.Context(), "patientID")
	_, err := p.db.ExecContext(r.Context(), `UPDATE appointments SET status = 'cancelled' WHERE id = $1 AND patient_id = $2`, chi.URLParam(r, "id"), pid)
	if err != nil {
		http.Error(w, "could not cancel", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (p *portal) logout(w http.ResponseWriter, r *http.Request) {
	if err := p.sm.Destroy(r.Context()); err != nil {
		http.Error(w, "logout failed", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
