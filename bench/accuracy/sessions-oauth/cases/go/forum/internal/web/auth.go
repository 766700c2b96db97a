package web

import (
	"net/http"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

func (a *App) Login(w http.ResponseWriter, r *http.Request) {
	var id int64
	var hash string
	err := a.DB.QueryRowContext(r.Context(), "SELECT id, password_hash FROM members WHERE username = ?", r.PostFormValue("username")).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.PostFormValue("password"))) != nil {
		http.Error(w, "wrong username or password", http.StatusUnauthorized)
		return
	}
	a.Sessions.Put(r.Context(), "uid", id)
	http.Redirect(w, r, r.PostFormValue("from"), http.StatusSeeOther)
}

// RecoveryLogin signs in with a one-time recovery code (lost 2FA device).
func (a *App) RecoveryLogin(w http.ResponseWriter, r *http.Request) {
	var memberID int64
	err := a.DB.QueryRowContext(r.Context(),
		"SELECT member_id FROM recovery_codes WHERE code_sha256 = SHA2(?, 256) AND used_at IS NULL", strings.TrimSpace(r.PostFormValue("code"))).Scan(&memberID)
	if err != nil {
		http.Error(w, "invalid recovery code", http.StatusUnauthorized)
		return
	}
	_, _ = a.DB.ExecContext(r.Context(), "UPDATE recovery_codes SET used_at = NOW() WHERE code_sha256 = SHA2(?, 256)", strings.TrimSpace(r.PostFormValue("code")))
	a.Sessions.Put(r.Context(), "uid", memberID)
	a.Sessions.Put(r.Context(), "flash", "Signed in with a recovery code. Set up 2FA again.")
	http.Redirect(w, r, "/settings/2fa", http.StatusSeeOther)
}

func (a *App) Register(w http.ResponseWriter, r *http.Request) {
	hash, _ := bcrypt.GenerateFromPassword([]byte(r.PostFormValue("password")), 12)
	res, err := a.DB.ExecContext(r.Context(), "INSERT INTO members (username, email, password_hash) VALUES (?, ?, ?)",
		r.PostFormValue("username"), r.PostFormValue("email"), string(hash))
	if err != nil {
		http.Error(w, "username taken", http.StatusConflict)
		return
	}
	newMemberID, _ := res.LastInsertId()
	if err := a.Sessions.RenewToken(r.Context()); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	a.Sessions.Put(r.Context(), "uid", newMemberID)
	http.Redirect(w, r, "/welcome", http.StatusSeeOther)
}

func (a *App) Logout(w http.ResponseWriter, r *http.Request) {
	_ = a.Sessions.Destroy(r.Context())
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (a *App) Reply(w http.ResponseWriter, r *http.Request) {
	threadID := r.PathValue("thread")
	_, err := a.DB.ExecContext(r.Context(), "INSERT INTO posts (thread_id, author_id, body) VALUES (?, ?, ?)", threadID, a.UserID(r), r.PostFormValue("body"))
	if err != nil {
		http.Error(w, "could not post", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/t/"+threadID+"#last", http.StatusSeeOther)
}
