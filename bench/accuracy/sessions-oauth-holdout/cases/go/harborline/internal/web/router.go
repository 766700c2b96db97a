// Package web assembles the booking site's routes.
package web

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"

	"github.com/harborline/ferrydesk/internal/api"
	"github.com/harborline/ferrydesk/internal/auth"
	"github.com/harborline/ferrydesk/internal/loyalty"
)

// Router returns the routes shared by the public site and the terminal kiosks.
func Router(db *sql.DB, tokens *auth.Issuer) *mux.Router {
	r := mux.NewRouter()
	site := &auth.Web{DB: db, Tokens: tokens}
	pages := &Pages{DB: db}
	loy := loyalty.New(db)
	mobile := &api.Mobile{DB: db, Tokens: tokens}

	r.HandleFunc("/auth/login", site.Login).Methods(http.MethodPost)
	r.HandleFunc("/auth/refresh", site.Refresh).Methods(http.MethodPost)
	r.HandleFunc("/go", pages.Go).Methods(http.MethodGet)
	r.HandleFunc("/preferences/theme", pages.SetTheme).Methods(http.MethodPost)
	r.HandleFunc("/preferences/reset", pages.ResetPreferences).Methods(http.MethodPost)

	signedIn := r.NewRoute().Subrouter()
	signedIn.Use(tokens.Middleware)
	signedIn.HandleFunc("/auth/logout", site.Logout).Methods(http.MethodPost)
	signedIn.HandleFunc("/account/password", site.ChangePassword).Methods(http.MethodPost)
	signedIn.HandleFunc("/trips/{id}/seats", pages.ChooseSeats).Methods(http.MethodPost)
	signedIn.HandleFunc("/checkout/done", pages.AfterCheckout).Methods(http.MethodGet)
	signedIn.HandleFunc("/partners/return", pages.BackToPartner).Methods(http.MethodPost)
	signedIn.HandleFunc("/loyalty/link", loy.Link).Methods(http.MethodGet)
	signedIn.HandleFunc("/loyalty/callback", loy.Callback).Methods(http.MethodGet)
	signedIn.HandleFunc("/wallet/connect", loy.WalletStart).Methods(http.MethodGet)
	signedIn.HandleFunc("/wallet/callback", loy.WalletCallback).Methods(http.MethodGet)

	m := r.PathPrefix("/api/mobile").Subrouter()
	m.HandleFunc("/login", mobile.Login).Methods(http.MethodPost)
	m.HandleFunc("/refresh", mobile.Refresh).Methods(http.MethodPost)
	m.HandleFunc("/gate/reissue", mobile.GateReissue).Methods(http.MethodPost)
	m.Handle("/logout", tokens.Middleware(http.HandlerFunc(mobile.Logout))).Methods(http.MethodPost)
	return r
}
