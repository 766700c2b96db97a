package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
)

const (
	zoomAuthorizeURL = "https://zoom.us/oauth/authorize"
	zoomTokenURL     = "https://zoom.us/oauth/token"
	hubspotAuthURL   = "https://app.hubspot.com/oauth/authorize"
	hubspotTokenURL  = "https://api.hubapi.com/oauth/v1/token"
)

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int    `json:"expires_in"`
}

func stateCookie(name, value, path string) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: path, MaxAge: 600, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}
}

func (a *portal) zoomInstall(w http.ResponseWriter, r *http.Request) {
	st := randomToken()
	http.SetCookie(w, stateCookie("zoom_oauth_state", st, "/integrations/zoom"))
	q := url.Values{
		"response_type": {"code"},
		"client_id":     {os.Getenv("ZOOM_CLIENT_ID")},
		"redirect_uri":  {os.Getenv("PORTAL_BASE_URL") + "/integrations/zoom/callback"},
		"state":         {st},
	}
	http.Redirect(w, r, zoomAuthorizeURL+"?"+q.Encode(), http.StatusFound)
}

func (a *portal) zoomCallback(w http.ResponseWriter, r *http.Request) {
	uid, _ := a.currentUser(r)
	resp, err := http.PostForm(zoomTokenURL, url.Values{
		"grant_type":    {"authorization_code"},
		"code":          {r.URL.Query().Get("code")},
		"redirect_uri":  {os.Getenv("PORTAL_BASE_URL") + "/integrations/zoom/callback"},
		"client_id":     {os.Getenv("ZOOM_CLIENT_ID")},
		"client_secret": {os.Getenv("ZOOM_CLIENT_SECRET")},
	})
	if err != nil {
		http.Error(w, "zoom unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil || tr.AccessToken == "" {
		http.Error(w, "zoom token error", http.StatusBadGateway)
		return
	}
	_ = a.accounts.SaveIntegration(r.Context(), uid, "zoom", tr.AccessToken, tr.RefreshToken)
	http.Redirect(w, r, "/settings/integrations?installed=zoom", http.StatusFound)
}

func (a *portal) hubspotInstall(w http.ResponseWriter, r *http.Request) {
	st := randomToken()
	http.SetCookie(w, stateCookie("hubspot_oauth_state", st, "/integrations/hubspot"))
	q := url.Values{
		"client_id":    {os.Getenv("HUBSPOT_CLIENT_ID")},
		"redirect_uri": {os.Getenv("PORTAL_BASE_URL") + "/integrations/hubspot/callback"},
		"scope":        {"crm.objects.contacts.read"},
		"state":        {st},
	}
	http.Redirect(w, r, hubspotAuthURL+"?"+q.Encode(), http.StatusFound)
}

func (a *portal) hubspotCallback(w http.ResponseWriter, r *http.Request) {
	uid, _ := a.currentUser(r)
	c, err := r.Cookie("hubspot_oauth_state")
	if err != nil || !hmac.Equal([]byte(c.Value), []byte(r.URL.Query().Get("state"))) {
		http.Error(w, "state mismatch", http.StatusBadRequest)
		return
	}
	resp, err := http.PostForm(hubspotTokenURL, url.Values{
		"grant_type":    {"authorization_code"},
		"code":          {r.URL.Query().Get("code")},
		"redirect_uri":  {os.Getenv("PORTAL_BASE_URL") + "/integrations/hubspot/callback"},
		"client_id":     {os.Getenv("HUBSPOT_CLIENT_ID")},
		"client_secret": {os.Getenv("HUBSPOT_CLIENT_SECRET")},
	})
	if err != nil {
		http.Error(w, "hubspot unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil || tr.AccessToken == "" {
		http.Error(w, "hubspot token error", http.StatusBadGateway)
		return
	}
	_ = a.accounts.SaveIntegration(r.Context(), uid, "hubspot", tr.AccessToken, tr.RefreshToken)
	http.Redirect(w, r, "/settings/integrations?installed=hubspot", http.StatusFound)
}

// zoomEvents receives Zoom webhooks; they are signed with the app secret and
// carry no cookies, so the CSRF middleware exempts this path.
func (a *portal) zoomEvents(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, a.zoomHook)
	mac.Write([]byte("v0:" + r.Header.Get("x-zm-request-timestamp") + ":" + string(body)))
	expected := "v0=" + hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(expected), []byte(r.Header.Get("x-zm-signature"))) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
