package main

import (
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

type oauthClients struct {
	google *oauth2.Config
	apple  *oauth2.Config
	bank   *oauth2.Config
}

func loadOAuth(base string) oauthClients {
	return oauthClients{
		google: &oauth2.Config{
			ClientID:     os.Getenv("GOOGLE_CLIENT_ID"),
			ClientSecret: os.Getenv("GOOGLE_CLIENT_SECRET"),
			Endpoint:     google.Endpoint,
			RedirectURL:  base + "/auth/google/callback",
			Scopes:       []string{"openid", "email"},
		},
		apple: &oauth2.Config{
			ClientID:     os.Getenv("APPLE_SERVICE_ID"),
			ClientSecret: os.Getenv("APPLE_CLIENT_SECRET_JWT"),
			Endpoint: oauth2.Endpoint{
				AuthURL:  "https://appleid.apple.com/auth/authorize",
				TokenURL: "https://appleid.apple.com/auth/token",
			},
			RedirectURL: base + "/auth/apple/callback",
			Scopes:      []string{"email"},
		},
		bank: &oauth2.Config{
			ClientID:     os.Getenv("AGGREGATOR_CLIENT_ID"),
			ClientSecret: os.Getenv("AGGREGATOR_CLIENT_SECRET"),
			Endpoint: oauth2.Endpoint{
				AuthURL:  "https://connect.aggregator.example/oauth/authorize",
				TokenURL: "https://api.aggregator.example/oauth/token",
			},
			RedirectURL: base + "/banks/callback",
			Scopes:      []string{"accounts:read", "transactions:read"},
		},
	}
}

func (s *server) googleStart(w http.ResponseWriter, r *http.Request) {
	state := oauth2.GenerateVerifier()
	s.sessions.Put(r.Context(), "googleState", state)
	if rt := r.URL.Query().Get("return_to"); rt != "" {
		s.sessions.Put(r.Context(), "returnTo", rt)
	}
	http.Redirect(w, r, s.oauth.google.AuthCodeURL(state), http.StatusFound)
}

func (s *server) googleCallback(w http.ResponseWriter, r *http.Request) {
	want := s.sessions.PopString(r.Context(), "googleState")
	if want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(r.URL.Query().Get("state"))) != 1 {
		http.Error(w, "state mismatch", http.StatusBadRequest)
		return
	}
	tok, err := s.oauth.google.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "exchange failed", http.StatusBadGateway)
		return
	}
	uid, err := s.userForIDToken(r, "google", tok)
	if err != nil {
		http.Error(w, "no account", http.StatusForbidden)
		return
	}
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	s.sessions.Put(r.Context(), "userID", uid)

	dest := s.sessions.PopString(r.Context(), "returnTo")
	if u, err := url.Parse(dest); err != nil || u.Scheme != "" || dest == "" {
		dest = "/app"
	}
	http.Redirect(w, r, dest, http.StatusSeeOther)
}

func (s *server) appleStart(w http.ResponseWriter, r *http.Request) {
	appleState := oauth2.GenerateVerifier()
	s.sessions.Put(r.Context(), "appleState", appleState)
	http.Redirect(w, r, s.oauth.apple.AuthCodeURL(appleState, oauth2.SetAuthURLParam("response_mode", "form_post")), http.StatusFound)
}

func (s *server) appleCallback(w http.ResponseWriter, r *http.Request) {
	want := s.sessions.PopString(r.Context(), "appleState")
	if want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(r.PostFormValue("state"))) != 1 {
		http.Error(w, "state mismatch", http.StatusBadRequest)
		return
	}
	tok, err := s.oauth.apple.Exchange(r.Context(), r.PostFormValue("code"))
	if err != nil {
		http.Error(w, "exchange failed", http.StatusBadGateway)
		return
	}
	appleUID, err := s.userForIDToken(r, "apple", tok)
	if err != nil {
		http.Error(w, "no account", http.StatusForbidden)
		return
	}
	s.sessions.Put(r.Context(), "userID", appleUID)
	http.Redirect(w, r, "/app", http.StatusSeeOther)
}

// bankConnect links a bank through the aggregator. The state encodes the
// user so the callback can find them even if the session cookie is missing.
func (s *server) bankConnect(w http.ResponseWriter, r *http.Request) {
	uid := s.sessions.GetInt64(r.Context(), "userID")
	st := base64.URLEncoding.EncodeToString([]byte(fmt.Sprintf("%d:%d", uid, time.Now().Unix())))
	http.Redirect(w, r, s.oauth.bank.AuthCodeURL(st), http.StatusFound)
}

func (s *server) bankCallback(w http.ResponseWriter, r *http.Request) {
	raw, err := base64.URLEncoding.DecodeString(r.URL.Query().Get("state"))
	if err != nil {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	var uid, ts int64
	if _, err := fmt.Sscanf(string(raw), "%d:%d", &uid, &ts); err != nil || time.Since(time.Unix(ts, 0)) > 15*time.Minute {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := s.oauth.bank.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "exchange failed", http.StatusBadGateway)
		return
	}
	_, err = s.db.Exec(r.Context(), `INSERT INTO bank_links (user_id, access_token, refresh_token) VALUES ($1, $2, $3)`,
		uid, tok.AccessToken, tok.RefreshToken)
	if err != nil {
		http.Error(w, "save failed", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/app/banks?linked="+strconv.FormatInt(uid, 10), http.StatusSeeOther)
}
