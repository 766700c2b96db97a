package web

import (
	"encoding/json"
	"log"
	"net/http"
	"os"

	"golang.org/x/oauth2"
)

// DistributorOAuthFromEnv configures sign-in through KegNet, the distributors' shared
// identity service. Brewlog is registered there as a confidential web client.
func DistributorOAuthFromEnv() *oauth2.Config {
	return &oauth2.Config{
		ClientID:     os.Getenv("KEGNET_CLIENT_ID"),
		ClientSecret: os.Getenv("KEGNET_CLIENT_SECRET"),
		RedirectURL:  "https://portal.brewlog.example/auth/distributor/callback",
		Scopes:       []string{"profile", "accounts:read"},
		Endpoint: oauth2.Endpoint{
			AuthURL:   "https://id.kegnet.example/oauth/authorize",
			TokenURL:  "https://id.kegnet.example/oauth/token",
			AuthStyle: oauth2.AuthStyleInHeader,
		},
	}
}

type kegnetProfile struct {
	Subject   string `json:"sub"`
	Email     string `json:"email"`
	AccountNo string `json:"account_no"`
}

func (a *App) distributorStart(w http.ResponseWriter, r *http.Request) {
	authURL := a.distributor.AuthCodeURL("brewlog-kegnet", oauth2.AccessTypeOnline)
	http.Redirect(w, r, authURL, http.StatusFound)
}

func (a *App) distributorCallback(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if e := q.Get("error"); e != "" {
		a.render(w, "login.html", map[string]any{"Error": "KegNet sign-in was cancelled"})
		return
	}
	tok, err := a.distributor.Exchange(r.Context(), q.Get("code"))
	if err != nil {
		http.Error(w, "KegNet token exchange failed", http.StatusBadGateway)
		return
	}

	resp, err := a.distributor.Client(r.Context(), tok).Get("https://id.kegnet.example/api/me")
	if err != nil {
		http.Error(w, "KegNet profile unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	var p kegnetProfile
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil || p.AccountNo == "" {
		http.Error(w, "unexpected KegNet profile", http.StatusBadGateway)
		return
	}

	var linked int64
	if err := a.db.QueryRowContext(r.Context(),
		`SELECT id FROM customers WHERE kegnet_account = $1 AND disabled_at IS NULL`, p.AccountNo).Scan(&linked); err != nil {
		log.Printf("kegnet account %s has no portal customer", p.AccountNo)
		a.render(w, "login.html", map[string]any{"Error": "This KegNet account is not linked to a portal customer"})
		return
	}

	sess, _ := a.store.Get(r, sessionName)
	sess.ID = ""
	sess.Values = make(map[interface{}]interface{})
	sess.Values["customer_id"] = linked
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "could not start session", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/orders", http.StatusFound)
}
