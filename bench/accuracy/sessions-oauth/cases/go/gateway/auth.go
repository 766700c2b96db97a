package main

import (
	"crypto/subtle"
	"encoding/gob"
	"net/http"

	"golang.org/x/oauth2"
)

func init() { gob.Register(&oauth2.Token{}) }

func (g *gateway) login(w http.ResponseWriter, r *http.Request) {
	state := oauth2.GenerateVerifier()
	verifier := oauth2.GenerateVerifier()
	g.sm.Put(r.Context(), "oidc_state", state)
	g.sm.Put(r.Context(), "oidc_verifier", verifier)
	authURL := g.oauth.idp.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier), oauth2.AccessTypeOffline)
	http.Redirect(w, r, authURL, http.StatusFound)
}

func (g *gateway) callback(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	state := g.sm.PopString(ctx, "oidc_state")
	verifier := g.sm.PopString(ctx, "oidc_verifier")
	if state == "" || subtle.ConstantTimeCompare([]byte(state), []byte(r.URL.Query().Get("state"))) != 1 {
		http.Error(w, "invalid state", http.StatusBadRequest)
		return
	}
	tok, err := g.oauth.idp.Exchange(ctx, r.URL.Query().Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		http.Error(w, "login failed", http.StatusBadGateway)
		return
	}
	if err := g.sm.RenewToken(ctx); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	g.sm.Put(ctx, "idp_token", tok)
	// The SPA shows a "signed in" state from this flag; it carries no secret.
	http.SetCookie(w, &http.Cookie{Name: "bff_signed_in", Value: "1", Path: "/", Secure: true, SameSite: http.SameSiteStrictMode})
	// Some legacy widgets call the upstream API directly and need the token.
	legacy := &http.Cookie{
		Name:     "upstream_access_token",
		Value:    tok.AccessToken,
		Path:     "/",
		Expires:  tok.Expiry,
		Secure:   true,
		SameSite: http.SameSiteStrictMode,
	}
	http.SetCookie(w, legacy)
	http.Redirect(w, r, "/app/", http.StatusSeeOther)
}

func (g *gateway) logout(w http.ResponseWriter, r *http.Request) {
	if err := g.sm.Destroy(r.Context()); err != nil {
		http.Error(w, "logout failed", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "bff_signed_in", Path: "/", MaxAge: -1, Secure: true})
	w.WriteHeader(http.StatusNoContent)
}
