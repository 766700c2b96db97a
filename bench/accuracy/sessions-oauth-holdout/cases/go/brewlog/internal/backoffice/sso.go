package backoffice

import (
	"crypto/subtle"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

func (o *Office) ssoStart(w http.ResponseWriter, r *http.Request) {
	state := oauth2.GenerateVerifier()
	nonce := oauth2.GenerateVerifier()
	sess, _ := o.store.Get(r, staffSession)
	sess.Values["sso_state"] = state
	sess.Values["sso_nonce"] = nonce
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "could not start sign-in", http.StatusInternalServerError)
		return
	}
	authURL := o.oauth.AuthCodeURL(state, oidc.Nonce(nonce))
	http.Redirect(w, r, authURL, http.StatusFound)
}

func (o *Office) ssoCallback(w http.ResponseWriter, r *http.Request) {
	sess, err := o.store.Get(r, staffSession)
	if err != nil {
		http.Error(w, "session error", http.StatusBadRequest)
		return
	}
	want, _ := sess.Values["sso_state"].(string)
	got := r.URL.Query().Get("state")
	if want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(got)) != 1 {
		http.Error(w, "sign-in state mismatch", http.StatusBadRequest)
		return
	}
	delete(sess.Values, "sso_state")

	tok, err := o.oauth.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "token exchange failed", http.StatusBadGateway)
		return
	}
	rawIDToken, ok := tok.Extra("id_token").(string)
	if !ok {
		http.Error(w, "no id_token in response", http.StatusBadGateway)
		return
	}
	idToken, err := o.verifier.Verify(r.Context(), rawIDToken)
	if err != nil || idToken.Nonce != sess.Values["sso_nonce"] {
		http.Error(w, "invalid id_token", http.StatusUnauthorized)
		return
	}
	var claims struct {
		Email  string   `json:"email"`
		Groups []string `json:"groups"`
	}
	if err := idToken.Claims(&claims); err != nil {
		http.Error(w, "unreadable claims", http.StatusBadGateway)
		return
	}

	var staffID int64
	if err := o.db.QueryRowContext(r.Context(),
		`SELECT id FROM staff WHERE email = $1 AND active`, claims.Email).Scan(&staffID); err != nil {
		http.Error(w, "no staff account for "+claims.Email, http.StatusForbidden)
		return
	}
	sess.Values["staff_id"] = staffID
	sess.Values["staff_email"] = claims.Email
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "could not save session", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/dashboard", http.StatusFound)
}
