package auth

import (
	"database/sql"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// Web holds the browser sign-in handlers of the booking site.
type Web struct {
	DB     *sql.DB
	Tokens *Issuer
}

func (a *Web) Login(w http.ResponseWriter, r *http.Request) {
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	var id int64
	var hash []byte
	err := a.DB.QueryRowContext(r.Context(),
		`SELECT id, password_hash FROM passengers WHERE email = $1`, email).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(r.PostFormValue("password"))) != nil {
		http.Error(w, "wrong e-mail or password", http.StatusUnauthorized)
		return
	}
	access, err := a.Tokens.Access(id, "passenger")
	if err != nil {
		http.Error(w, "could not sign in", http.StatusInternalServerError)
		return
	}
	refresh, err := a.Tokens.NewRefreshToken(r.Context(), id)
	if err != nil {
		http.Error(w, "could not sign in", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, authCookie("access_token", access, 15*time.Minute))
	// The terminal kiosks still reach the refresh endpoint over the harbour LAN.
	refreshCookie := &http.Cookie{
		Name:     "refresh_token",
		Value:    refresh,
		Path:     "/auth/refresh",
		MaxAge:   7 * 24 * 3600,
		HttpOnly: true,
		Secure:   false,
		SameSite: http.SameSiteStrictMode,
	}
	http.SetCookie(w, refreshCookie)
	if r.PostFormValue("remember") == "1" {
		remember, err := a.Tokens.NewRefreshToken(r.Context(), id)
		if err != nil {
			http.Error(w, "could not remember this browser", http.StatusInternalServerError)
			return
		}
		// Embedded in the partner ferry operators' booking iframes.
		rememberCookie := &http.Cookie{
			Name:     "remember_me",
			Value:    remember,
			Path:     "/",
			MaxAge:   30 * 24 * 3600,
			HttpOnly: true,
			Secure:   true,
			SameSite: http.SameSiteNoneMode,
		}
		http.SetCookie(w, rememberCookie)
	}
	w.WriteHeader(http.StatusNoContent)
}

// Refresh trades the refresh cookie for a new access token and refresh token.
func (a *Web) Refresh(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("refresh_token")
	if err != nil {
		http.Error(w, "no refresh token", http.StatusUnauthorized)
		return
	}
	owner, err := a.Tokens.LookupRefresh(r.Context(), c.Value)
	if err != nil {
		http.Error(w, "refresh token expired", http.StatusUnauthorized)
		return
	}
	access, _ := a.Tokens.Access(owner, "passenger")
	rotated, err := a.Tokens.NewRefreshToken(r.Context(), owner)
	if err != nil {
		http.Error(w, "could not refresh", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, authCookie("access_token", access, 15*time.Minute))
	http.SetCookie(w, authCookie("refresh_token", rotated, 7*24*time.Hour))
	w.WriteHeader(http.StatusNoContent)
}

func (a *Web) Logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "access_token", Value: "", Path: "/", MaxAge: -1})
	http.SetCookie(w, &http.Cookie{Name: "refresh_token", Value: "", Path: "/auth/refresh", MaxAge: -1})
	w.WriteHeader(http.StatusNoContent)
}

func (a *Web) ChangePassword(w http.ResponseWriter, r *http.Request) {
	claims := ClaimsFrom(r.Context())
	id, _ := strconv.ParseInt(claims.Subject, 10, 64)
	var current []byte
	if err := a.DB.QueryRowContext(r.Context(), `SELECT password_hash FROM passengers WHERE id = $1`, id).Scan(&current); err != nil ||
		bcrypt.CompareHashAndPassword(current, []byte(r.PostFormValue("current_password"))) != nil {
		http.Error(w, "current password is wrong", http.StatusForbidden)
		return
	}
	next, err := bcrypt.GenerateFromPassword([]byte(r.PostFormValue("new_password")), 12)
	if err != nil {
		http.Error(w, "password not accepted", http.StatusBadRequest)
		return
	}
	if _, err := a.DB.ExecContext(r.Context(), `UPDATE passengers SET password_hash = $1, password_changed_at = now() WHERE id = $2`, next, id); err != nil {
		http.Error(w, "could not change password", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
