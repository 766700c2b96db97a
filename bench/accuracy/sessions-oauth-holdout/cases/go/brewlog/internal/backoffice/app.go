// Package backoffice implements the staff console.
package backoffice

import (
	"context"
	"database/sql"
	"net"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/gorilla/sessions"
	"golang.org/x/oauth2"
)

const staffSession = "brewlog_office"

// SSOConfig holds the staff identity provider client registration.
type SSOConfig struct {
	ClientID     string
	ClientSecret string
	RedirectURL  string
}

// Office holds the staff console dependencies.
type Office struct {
	db       *sql.DB
	store    *sessions.FilesystemStore
	oauth    *oauth2.Config
	verifier *oidc.IDTokenVerifier
}

// New wires the staff console.
func New(db *sql.DB, store *sessions.FilesystemStore, provider *oidc.Provider, cfg SSOConfig) *Office {
	return &Office{
		db:    db,
		store: store,
		oauth: &oauth2.Config{
			ClientID:     cfg.ClientID,
			ClientSecret: cfg.ClientSecret,
			RedirectURL:  cfg.RedirectURL,
			Endpoint:     provider.Endpoint(),
			Scopes:       []string{oidc.ScopeOpenID, "email", "groups"},
		},
		verifier: provider.Verifier(&oidc.Config{ClientID: cfg.ClientID}),
	}
}

// Register adds the console routes to mux.
func (o *Office) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /sso/start", o.ssoStart)
	mux.HandleFunc("GET /sso/callback", o.ssoCallback)
	mux.HandleFunc("POST /login", o.passwordLogin)
	mux.Handle("POST /logout", o.requireStaff(http.HandlerFunc(o.logout)))
	mux.Handle("POST /inventory/adjust", o.requireStaff(http.HandlerFunc(o.adjustInventory)))
	mux.Handle("POST /customers/{id}/disable", o.requireStaff(http.HandlerFunc(o.disableCustomer)))
}

type staffKey struct{}

func (o *Office) requireStaff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, err := o.store.Get(r, staffSession)
		if err != nil {
			http.Error(w, "session error", http.StatusBadRequest)
			return
		}
		id, ok := sess.Values["staff_id"].(int64)
		if !ok {
			http.Error(w, "sign in first", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), staffKey{}, id)))
	})
}

// AllowNetworks rejects clients outside the office and VPN ranges.
func AllowNetworks(next http.Handler, cidr string) http.Handler {
	_, allowed, err := net.ParseCIDR(cidr)
	if err != nil {
		panic(err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := net.SplitHostPort(r.RemoteAddr)
		if ip := net.ParseIP(host); ip == nil || !allowed.Contains(ip) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
