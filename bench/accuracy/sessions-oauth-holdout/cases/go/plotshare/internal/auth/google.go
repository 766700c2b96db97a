package auth

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"os"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/endpoints"

	"github.com/greenrow-coop/plotshare/internal/models"
)

// GoogleConfig is the "Sign in with Google" client; the site is a confidential client.
func GoogleConfig() *oauth2.Config {
	return &oauth2.Config{
		ClientID:     os.Getenv("GOOGLE_CLIENT_ID"),
		ClientSecret: os.Getenv("GOOGLE_CLIENT_SECRET"),
		RedirectURL:  "https://plotshare.greenrow.example/auth/google/callback",
		Scopes:       []string{"openid", "email", "profile"},
		Endpoint:     endpoints.Google,
	}
}

func newState() string {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func (h *Handlers) GoogleStart(w http.ResponseWriter, r *http.Request) {
	state := newState()
	h.sm.Put(r.Context(), "googleState", state)
	consentURL := h.google.AuthCodeURL(state, oauth2.SetAuthURLParam("prompt", "select_account"))
	http.Redirect(w, r, consentURL, http.StatusFound)
}

func (h *Handlers) GoogleCallback(w http.ResponseWriter, r *http.Request) {
	want := h.sm.PopString(r.Context(), "googleState")
	if want == "" || r.URL.Query().Get("state") != want {
		http.Error(w, "sign-in request expired, please try again", http.StatusBadRequest)
		return
	}
	tok, err := h.google.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "Google sign-in failed", http.StatusBadGateway)
		return
	}
	resp, err := h.google.Client(r.Context(), tok).Get("https://openidconnect.googleapis.com/v1/userinfo")
	if err != nil {
		http.Error(w, "Google profile unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	var info struct {
		Email         string `json:"email"`
		EmailVerified bool   `json:"email_verified"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&info); err != nil || !info.EmailVerified {
		http.Error(w, "your Google e-mail is not verified", http.StatusForbidden)
		return
	}
	var member models.Member
	if err := h.db.Where("email = ?", info.Email).First(&member).Error; err != nil {
		http.Error(w, "no co-op member uses this e-mail", http.StatusForbidden)
		return
	}
	h.sm.Put(r.Context(), "memberID", member.ID)
	http.Redirect(w, r, "/plots", http.StatusSeeOther)
}
