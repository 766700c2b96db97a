package auth

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"golang.org/x/crypto/bcrypt"

	"github.com/greenrow-coop/plotshare/internal/models"
)

func (h *Handlers) LoginForm(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(`<form method="post" action="/login">…</form>`))
}

func (h *Handlers) Login(w http.ResponseWriter, r *http.Request) {
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	var m models.Member
	if err := h.db.Where("email = ?", email).First(&m).Error; err != nil ||
		bcrypt.CompareHashAndPassword([]byte(m.PasswordHash), []byte(r.PostFormValue("password"))) != nil {
		http.Error(w, "wrong e-mail or password", http.StatusUnauthorized)
		return
	}
	h.sm.Put(r.Context(), "memberID", m.ID)
	if r.PostFormValue("trust_device") == "1" {
		tok := randomHex(32)
		h.db.Create(&models.TrustedDevice{MemberID: m.ID, TokenSHA256: sha256Hex(tok)})
		http.SetCookie(w, deviceCookie(tok))
	}

	dest := r.PostFormValue("return_to")
	if !strings.HasPrefix(dest, "/") {
		dest = "/plots"
	}
	http.Redirect(w, r, dest, http.StatusSeeOther)
}

func (h *Handlers) Signup(w http.ResponseWriter, r *http.Request) {
	hash, err := bcrypt.GenerateFromPassword([]byte(r.PostFormValue("password")), bcrypt.DefaultCost)
	if err != nil {
		http.Error(w, "password not accepted", http.StatusBadRequest)
		return
	}
	m := models.Member{
		Email:        strings.ToLower(strings.TrimSpace(r.PostFormValue("email"))),
		DisplayName:  r.PostFormValue("name"),
		PasswordHash: string(hash),
	}
	if err := h.db.Create(&m).Error; err != nil {
		http.Error(w, "that e-mail is already registered", http.StatusConflict)
		return
	}
	h.startSession(r.Context(), m.ID)
	w.Header().Set("HX-Location", "/plots")
	w.WriteHeader(http.StatusCreated)
}

// MagicLink signs a member in from the e-mailed one-time link.
func (h *Handlers) MagicLink(w http.ResponseWriter, r *http.Request) {
	var link models.MagicLink
	err := h.db.Where("token_hash = ? AND used_at IS NULL AND expires_at > ?", sha256Hex(chi.URLParam(r, "token")), time.Now()).
		First(&link).Error
	if err != nil {
		http.Error(w, "this link has expired", http.StatusGone)
		return
	}
	h.db.Model(&link).Update("used_at", time.Now())
	if err := h.sm.RenewToken(r.Context()); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	h.sm.Put(r.Context(), "memberID", link.MemberID)
	http.Redirect(w, r, "/plots", http.StatusSeeOther)
}

func (h *Handlers) Logout(w http.ResponseWriter, r *http.Request) {
	if err := h.sm.Destroy(r.Context()); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("HX-Location", "/login")
	w.WriteHeader(http.StatusNoContent)
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
