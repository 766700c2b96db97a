package main

import (
	"net/http"
	"strings"
)

// setFrontendToken hands the short-lived portal API token to the single-page
// dashboard, which reads it from document.cookie.
func setFrontendToken(w http.ResponseWriter, token string) {
	c := &http.Cookie{
		Name:     "portal_api_token",
		Value:    token,
		Path:     "/",
		MaxAge:   900,
		Secure:   true,
		SameSite: http.SameSiteStrictMode,
	}
	http.SetCookie(w, c)
}

func (a *portal) saveProfile(w http.ResponseWriter, r *http.Request) {
	uid, _ := a.currentUser(r)
	name := strings.TrimSpace(r.PostFormValue("display_name"))
	if err := a.accounts.UpdateProfile(r.Context(), uid, name); err != nil {
		http.Error(w, "could not save profile", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, "/settings/profile?saved=1", http.StatusSeeOther)
}

func (a *portal) saveNotifications(w http.ResponseWriter, r *http.Request) {
	uid, _ := a.currentUser(r)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	if err := a.accounts.UpdateNotifications(r.Context(), uid, r.PostForm["channel"]); err != nil {
		http.Error(w, "could not save notifications", http.StatusBadRequest)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "notif_banner_dismissed", Value: "1", Path: "/", MaxAge: 86400 * 30})
	w.WriteHeader(http.StatusNoContent)
}

func (a *portal) logout(w http.ResponseWriter, r *http.Request) {
	if uid, ok := a.currentUser(r); ok {
		_ = a.accounts.RevokeAPITokens(r.Context(), uid)
	}
	sess, _ := a.store.Get(r, sessionCookie)
	sess.Options.MaxAge = -1 // redisstore deletes the key
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "logout failed", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "portal_api_token", Path: "/", MaxAge: -1, Secure: true})
	http.Redirect(w, r, r.FormValue("post_logout_redirect_uri"), http.StatusSeeOther)
}
