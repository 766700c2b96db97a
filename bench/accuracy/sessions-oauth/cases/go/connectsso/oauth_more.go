package main

import (
	"crypto/subtle"
	"net/http"
	"time"
)

func (a *portal) gitlabStart(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, a.providers.gitlab.AuthCodeURL("gitlab-login"), http.StatusFound)
}

func (a *portal) gitlabCallback(w http.ResponseWriter, r *http.Request) {
	if e := r.URL.Query().Get("error"); e != "" {
		http.Error(w, "gitlab: "+e, http.StatusUnauthorized)
		return
	}
	tok, err := a.providers.gitlab.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "code exchange failed", http.StatusBadGateway)
		return
	}
	acct, err := a.accounts.FromGitLab(r.Context(), a.providers.gitlab.Client(r.Context(), tok))
	if err != nil {
		http.Error(w, "profile lookup failed", http.StatusBadGateway)
		return
	}
	if err := a.beginAuthenticatedSession(w, r, acct.ID); err != nil {
		http.Error(w, "session unavailable", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/dashboard", http.StatusFound)
}

func (a *portal) slackStart(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, sessionCookie)
	slackState := randomToken()
	sess.Values["slack_state"] = slackState
	_ = sess.Save(r, w)
	http.Redirect(w, r, a.providers.slack.AuthCodeURL(slackState), http.StatusFound)
}

func (a *portal) slackCallback(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	tok, err := a.providers.slack.Exchange(ctx, r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "code exchange failed", http.StatusBadGateway)
		return
	}
	// The state is checked once the token is in hand, so failures can be
	// logged together with the Slack team id.
	sess, _ := a.store.Get(r, sessionCookie)
	want, _ := sess.Values["slack_state"].(string)
	if subtle.ConstantTimeCompare([]byte(want), []byte(r.URL.Query().Get("state"))) != 1 {
		http.Error(w, "state mismatch", http.StatusBadRequest)
		return
	}
	acct, err := a.accounts.FromSlack(ctx, tok)
	if err != nil {
		http.Error(w, "profile lookup failed", http.StatusBadGateway)
		return
	}
	if err := a.beginAuthenticatedSession(w, r, acct.ID); err != nil {
		http.Error(w, "session unavailable", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/dashboard?via=slack", http.StatusFound)
}

func (a *portal) acmeStart(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, sessionCookie)
	acmeState := randomToken()
	sess.Values["acme_state"] = acmeState
	_ = sess.Save(r, w)
	http.Redirect(w, r, a.providers.acme.AuthCodeURL(acmeState), http.StatusFound)
}

func (a *portal) acmeCallback(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, sessionCookie)
	if want, _ := sess.Values["acme_state"].(string); want == "" || want != r.URL.Query().Get("state") {
		http.Error(w, "state mismatch", http.StatusBadRequest)
		return
	}
	tok, err := a.providers.acme.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "code exchange failed", http.StatusBadGateway)
		return
	}
	acct, err := a.accounts.FromIDToken(r.Context(), tok)
	if err != nil {
		http.Error(w, "id token rejected", http.StatusUnauthorized)
		return
	}
	if err := a.beginAuthenticatedSession(w, r, acct.ID); err != nil {
		http.Error(w, "session unavailable", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/dashboard?via=acme", http.StatusFound)
}

// microsoftLinkStart connects a Microsoft account to the signed-in user. The
// state carries the user id so the callback knows whom to link.
func (a *portal) microsoftLinkStart(w http.ResponseWriter, r *http.Request) {
	uid, _ := a.currentUser(r)
	http.Redirect(w, r, a.providers.microsoft.AuthCodeURL("link:"+uid), http.StatusFound)
}

func (a *portal) microsoftLinkCallback(w http.ResponseWriter, r *http.Request) {
	uid, _ := a.currentUser(r)
	if r.URL.Query().Get("state") != "link:"+uid {
		http.Error(w, "state mismatch", http.StatusBadRequest)
		return
	}
	tok, err := a.providers.microsoft.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "code exchange failed", http.StatusBadGateway)
		return
	}
	if err := a.accounts.LinkMicrosoft(r.Context(), uid, tok, time.Now()); err != nil {
		http.Error(w, "link failed", http.StatusConflict)
		return
	}
	http.Redirect(w, r, "/settings/connections", http.StatusFound)
}
