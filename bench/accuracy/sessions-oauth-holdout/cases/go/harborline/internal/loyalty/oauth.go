// Package loyalty links passenger accounts to the Seabird Miles programme and the
// Harborline wallet.
package loyalty

import (
	"crypto/subtle"
	"database/sql"
	"encoding/json"
	"net/http"
	"os"
	"strconv"

	"golang.org/x/oauth2"

	"github.com/harborline/ferrydesk/internal/auth"
)

type Loyalty struct {
	db     *sql.DB
	miles  *oauth2.Config
	wallet *oauth2.Config
}

func New(db *sql.DB) *Loyalty {
	return &Loyalty{
		db: db,
		// Confidential client of the Seabird Miles partner API.
		miles: &oauth2.Config{
			ClientID:     os.Getenv("SEABIRD_CLIENT_ID"),
			ClientSecret: os.Getenv("SEABIRD_CLIENT_SECRET"),
			RedirectURL:  "https://www.harborline.example/loyalty/callback",
			Scopes:       []string{"miles:read", "miles:earn"},
			Endpoint: oauth2.Endpoint{
				AuthURL:  "https://auth.seabirdmiles.example/authorize",
				TokenURL: "https://auth.seabirdmiles.example/token",
			},
		},
		// The wallet service registers every channel as a public client.
		wallet: &oauth2.Config{
			ClientID:    "harborline-web",
			RedirectURL: "https://www.harborline.example/wallet/callback",
			Scopes:      []string{"wallet.passes"},
			Endpoint: oauth2.Endpoint{
				AuthURL:  "https://wallet.harborline.example/oauth/authorize",
				TokenURL: "https://wallet.harborline.example/oauth/token",
			},
		},
	}
}

func passengerID(r *http.Request) int64 {
	id, _ := strconv.ParseInt(auth.ClaimsFrom(r.Context()).Subject, 10, 64)
	return id
}

func (l *Loyalty) Link(w http.ResponseWriter, r *http.Request) {
	linkURL := l.miles.AuthCodeURL(strconv.FormatInt(passengerID(r), 10), oauth2.AccessTypeOffline)
	http.Redirect(w, r, linkURL, http.StatusFound)
}

func (l *Loyalty) Callback(w http.ResponseWriter, r *http.Request) {
	tok, err := l.miles.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "Seabird Miles did not accept the link", http.StatusBadGateway)
		return
	}
	raw, _ := json.Marshal(tok)
	if _, err := l.db.ExecContext(r.Context(),
		`INSERT INTO loyalty_links (passenger_id, programme, token_json) VALUES ($1, 'seabird', $2)
		 ON CONFLICT (passenger_id, programme) DO UPDATE SET token_json = EXCLUDED.token_json`,
		passengerID(r), raw); err != nil {
		http.Error(w, "could not save the link", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (l *Loyalty) WalletStart(w http.ResponseWriter, r *http.Request) {
	state, verifier := oauth2.GenerateVerifier(), oauth2.GenerateVerifier()
	if _, err := l.db.ExecContext(r.Context(),
		`INSERT INTO oauth_pending (passenger_id, state, verifier, created_at) VALUES ($1, $2, $3, now())`,
		passengerID(r), state, verifier); err != nil {
		http.Error(w, "could not start", http.StatusInternalServerError)
		return
	}
	walletURL := l.wallet.AuthCodeURL(state,
		oauth2.SetAuthURLParam("code_challenge", verifier),
		oauth2.SetAuthURLParam("code_challenge_method", "plain"),
	)
	http.Redirect(w, r, walletURL, http.StatusFound)
}

func (l *Loyalty) WalletCallback(w http.ResponseWriter, r *http.Request) {
	var state, verifier string
	err := l.db.QueryRowContext(r.Context(),
		`DELETE FROM oauth_pending WHERE passenger_id = $1 AND created_at > now() - interval '10 minutes' RETURNING state, verifier`,
		passengerID(r)).Scan(&state, &verifier)
	if err != nil || subtle.ConstantTimeCompare([]byte(state), []byte(r.URL.Query().Get("state"))) != 1 {
		http.Error(w, "wallet request expired", http.StatusBadRequest)
		return
	}
	tok, err := l.wallet.Exchange(r.Context(), r.URL.Query().Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		http.Error(w, "wallet did not accept the link", http.StatusBadGateway)
		return
	}
	raw, _ := json.Marshal(tok)
	_, _ = l.db.ExecContext(r.Context(),
		`INSERT INTO loyalty_links (passenger_id, programme, token_json) VALUES ($1, 'wallet', $2)
		 ON CONFLICT (passenger_id, programme) DO UPDATE SET token_json = EXCLUDED.token_json`,
		passengerID(r), raw)
	w.WriteHeader(http.StatusNoContent)
}
