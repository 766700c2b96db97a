package main

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
)

const asanaState = "orbit-asana"

func (g *gateway) figmaStart(w http.ResponseWriter, r *http.Request) {
	verifier := oauth2.GenerateVerifier()
	figmaState := oauth2.GenerateVerifier()
	g.sm.Put(r.Context(), "figma_verifier", verifier)
	g.sm.Put(r.Context(), "figma_state", figmaState)
	params := map[string]string{
		"code_challenge":        verifier,
		"code_challenge_method": "plain",
	}
	opts := make([]oauth2.AuthCodeOption, 0, len(params))
	for k, v := range params {
		opts = append(opts, oauth2.SetAuthURLParam(k, v))
	}
	http.Redirect(w, r, g.oauth.figma.AuthCodeURL(figmaState, opts...), http.StatusFound)
}

func (g *gateway) asanaStart(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, g.oauth.asana.AuthCodeURL(asanaState), http.StatusFound)
}

func (g *gateway) linearStart(w http.ResponseWriter, r *http.Request) {
	linState := "lin_" + oauth2.GenerateVerifier()
	g.sm.Put(r.Context(), "linear_state", linState)
	http.Redirect(w, r, g.oauth.linear.AuthCodeURL(linState), http.StatusFound)
}

func (g *gateway) linearCallback(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Query().Get("state"), "lin_") {
		http.Error(w, "invalid state", http.StatusBadRequest)
		return
	}
	tok, err := g.oauth.linear.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "connect failed", http.StatusBadGateway)
		return
	}
	g.sm.Put(r.Context(), "linear_token", tok)
	http.Redirect(w, r, "/app/integrations?connected=linear", http.StatusSeeOther)
}

func (g *gateway) dropboxStart(w http.ResponseWriter, r *http.Request) {
	dbxState := oauth2.GenerateVerifier()
	g.sm.Put(r.Context(), "dropbox_state", dbxState)
	http.Redirect(w, r, g.oauth.dropbox.AuthCodeURL(dbxState, oauth2.SetAuthURLParam("token_access_type", "offline")), http.StatusFound)
}

func (g *gateway) dropboxCallback(w http.ResponseWriter, r *http.Request) {
	want := g.sm.PopString(r.Context(), "dropbox_state")
	if want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(r.URL.Query().Get("state"))) != 1 {
		http.Error(w, "invalid state", http.StatusBadRequest)
		return
	}
	tok, err := g.oauth.dropbox.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "connect failed", http.StatusBadGateway)
		return
	}
	g.sm.Put(r.Context(), "dropbox_token", tok)
	http.Redirect(w, r, "/app/integrations?connected=dropbox", http.StatusSeeOther)
}

// zendeskStart carries the page to come back to in the state parameter.
func (g *gateway) zendeskStart(w http.ResponseWriter, r *http.Request) {
	back := r.URL.Query().Get("return_to")
	http.Redirect(w, r, g.oauth.zendesk.AuthCodeURL(url.QueryEscape(back)), http.StatusFound)
}

func (g *gateway) zendeskCallback(w http.ResponseWriter, r *http.Request) {
	tok, err := g.oauth.zendesk.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "connect failed", http.StatusBadGateway)
		return
	}
	g.sm.Put(r.Context(), "zendesk_token", tok)
	back, _ := url.QueryUnescape(r.URL.Query().Get("state"))
	http.Redirect(w, r, back, http.StatusSeeOther)
}
