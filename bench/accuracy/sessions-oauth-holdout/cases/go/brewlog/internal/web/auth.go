package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func (a *App) loginForm(w http.ResponseWriter, r *http.Request) {
	a.render(w, "login.html", map[string]any{"Next": r.URL.Query().Get("next")})
}

func (a *App) login(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	email := strings.ToLower(strings.TrimSpace(r.PostForm.Get("email")))
	var id int64
	var hash []byte
	err := a.db.QueryRowContext(r.Context(),
		`SELECT id, password_hash FROM customers WHERE email = $1 AND disabled_at IS NULL`, email).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(r.PostForm.Get("password"))) != nil {
		a.render(w, "login.html", map[string]any{"Error": "Unknown email or wrong password", "Email": email})
		return
	}

	sess, _ := a.store.Get(r, sessionName)
	sess.Values["customer_id"] = id
	sess.Values["login_at"] = time.Now().Unix()
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "could not start session", http.StatusInternalServerError)
		return
	}

	if r.PostForm.Get("remember") == "on" {
		if tok, err := a.issueRememberToken(r.Context(), id); err == nil {
			rememberCookie := &http.Cookie{
				Name:     "remember_me",
				Value:    tok,
				Path:     "/",
				Expires:  time.Now().Add(30 * 24 * time.Hour),
				HttpOnly: true,
				SameSite: http.SameSiteLaxMode,
			}
			http.SetCookie(w, rememberCookie)
		}
	}
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusSeeOther)
}

func (a *App) issueRememberToken(ctx context.Context, customer int64) (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", err
	}
	tok := hex.EncodeToString(buf)
	_, err := a.db.ExecContext(ctx,
		`INSERT INTO remember_tokens (customer_id, token_sha256, expires_at) VALUES ($1, digest($2, 'sha256'), now() + interval '30 days')`,
		customer, tok)
	return tok, err
}

func (a *App) logout(w http.ResponseWriter, r *http.Request) {
	sess, err := a.store.Get(r, sessionName)
	if err == nil {
		if id, ok := sess.Values["customer_id"].(int64); ok {
			if _, err := a.db.ExecContext(r.Context(), `DELETE FROM remember_tokens WHERE customer_id = $1`, id); err != nil {
				log.Printf("logout: delete remember tokens: %v", err)
			}
		}
		sess.Options.MaxAge = -1
		_ = sess.Save(r, w)
	}
	http.SetCookie(w, &http.Cookie{Name: "remember_me", Value: "", Path: "/", MaxAge: -1})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// acceptInvite activates an account created by a sales rep and signs the customer in.
func (a *App) acceptInvite(w http.ResponseWriter, r *http.Request) {
	var invited int64
	err := a.db.QueryRowContext(r.Context(),
		`UPDATE customers SET invite_code = NULL, activated_at = now()
		  WHERE invite_code = $1 AND invite_expires_at > now() RETURNING id`, r.PathValue("code")).Scan(&invited)
	if err != nil {
		a.render(w, "invite_expired.html", nil)
		return
	}
	sess, _ := a.store.Get(r, sessionName)
	sess.Values["customer_id"] = invited
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "could not start session", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusFound)
}

// safeNext keeps only same-site relative paths.
func safeNext(raw string) string {
	if raw == "" || !strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "//") || strings.HasPrefix(raw, `/\`) {
		return "/orders"
	}
	u, err := url.Parse(raw)
	if err != nil || u.IsAbs() || u.Host != "" {
		return "/orders"
	}
	return u.RequestURI()
}

func (a *App) saveConsent(w http.ResponseWriter, r *http.Request) {
	choice := r.FormValue("choice")
	if choice != "all" && choice != "essential" {
		http.Error(w, "unknown choice", http.StatusBadRequest)
		return
	}
	consent := &http.Cookie{
		Name:   "cookie_consent",
		Value:  choice,
		Path:   "/",
		MaxAge: 365 * 24 * 3600,
	}
	http.SetCookie(w, consent)
	if sess, err := a.store.Get(r, sessionName); err == nil {
		sess.Values["flash"] = "Your cookie preferences were saved."
		_ = sess.Save(r, w)
	}
	w.WriteHeader(http.StatusNoContent)
}
