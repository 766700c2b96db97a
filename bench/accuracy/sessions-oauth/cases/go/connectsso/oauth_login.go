package main

import (
	"crypto/subtle"
	"net/http"

	"golang.org/x/oauth2"
)

func (a *portal) githubStart(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, sessionCookie)
	state := randomToken()
	sess.Values["oauth_state"] = state
	sess.Values["return_to"] = r.URL.Query().Get("return_to")
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "session unavailable", http.StatusInternalServerError)
		return
	}
	authURL := a.providers.github.AuthCodeURL(state)
	http.Redirect(w, r, authURL, http.StatusFound)
}

func (a *portal) githubCallback(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, sessionCookie)
	want, _ := sess.Values["oauth_state"].(string)
	got := r.URL.Query().Get("state")
	if want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(got)) != 1 {
		http.Error(w, "state mismatch", http.StatusBadRequest)
		return
	}
	delete(sess.Values, "oauth_state")

	tok, err := a.providers.github.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "code exchange failed", http.StatusBadGateway)
		return
	}
	acct, err := a.accounts.FromGitHub(r.Context(), a.providers.github.Client(r.Context(), tok))
	if err != nil {
		http.Error(w, "profile lookup failed", http.StatusBadGateway)
		return
	}
	if err := a.attachUser(w, r, sess, acct.ID); err != nil {
		http.Error(w, "session unavailable", http.StatusInternalServerError)
		return
	}
	returnTo, _ := sess.Values["return_to"].(string)
	if returnTo == "" {
		returnTo = "/dashboard"
	}
	http.Redirect(w, r, returnTo, http.StatusFound)
}

func (a *portal) googleStart(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, sessionCookie)
	verifier := oauth2.GenerateVerifier()
	csrfState := oauth2.GenerateVerifier()
	sess.Values["oauth_state"] = csrfState
	sess.Values["pkce_verifier"] = verifier
	if next := r.URL.Query().Get("next"); isSafeReturn(next) {
		sess.Values["return_to"] = next
	}
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "session unavailable", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, a.providers.google.AuthCodeURL(csrfState, oauth2.AccessTypeOffline, oauth2.S256ChallengeOption(verifier)), http.StatusFound)
}

func (a *portal) googleCallback(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, sessionCookie)
	expected, _ := sess.Values["oauth_state"].(string)
	verifier, _ := sess.Values["pkce_verifier"].(string)
	if expected == "" || r.FormValue("state") != expected {
		http.Error(w, "state mismatch", http.StatusBadRequest)
		return
	}
	token, err := a.providers.google.Exchange(r.Context(), r.FormValue("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		http.Error(w, "code exchange failed", http.StatusBadGateway)
		return
	}
	acct, err := a.accounts.FromGoogle(r.Context(), token)
	if err != nil {
		http.Error(w, "profile lookup failed", http.StatusBadGateway)
		return
	}
	dest, _ := sess.Values["return_to"].(string)
	if err := a.beginAuthenticatedSession(w, r, acct.ID); err != nil {
		http.Error(w, "session unavailable", http.StatusInternalServerError)
		return
	}
	setFrontendToken(w, acct.APIToken)
	if !isSafeReturn(dest) {
		dest = "/dashboard"
	}
	http.Redirect(w, r, dest, http.StatusFound)
}
