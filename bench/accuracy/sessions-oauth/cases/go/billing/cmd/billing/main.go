package main

import (
	"database/sql"
	"errors"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/golang-migrate/migrate/v4"
	_ "github.com/golang-migrate/migrate/v4/database/postgres"
	_ "github.com/golang-migrate/migrate/v4/source/file"
	_ "github.com/lib/pq"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/ledgerline/billing/internal/api"
	"github.com/ledgerline/billing/internal/tokens"
)

func main() {
	dsn := os.Getenv("BILLING_DSN")
	m, err := migrate.New("file://migrations", dsn)
	if err != nil {
		log.Fatal(err)
	}
	if err := m.Up(); err != nil && !errors.Is(err, migrate.ErrNoChange) {
		log.Fatal(err)
	}

	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatal(err)
	}

	h := api.New(db, tokens.NewStore(db), tokens.NewSigner([]byte(os.Getenv("BILLING_JWT_KEY"))))

	r := chi.NewRouter()
	r.Post("/v2/login", h.Login)
	r.Post("/v2/token/refresh", h.RefreshV2)
	r.Post("/v1/token/refresh", h.RefreshV1)
	r.Post("/v1/token/renew", h.RenewMobile)
	r.Post("/v1/token/slide", h.SlideRefresh)
	r.Post("/partner/token/refresh", h.PartnerRefresh)
	r.Post("/v2/password/reset", h.ResetPasswordV2)
	r.Post("/v1/password/reset", h.ResetPasswordV1)
	r.Group(func(r chi.Router) {
		r.Use(h.AuthV2)
		r.Post("/v2/logout", h.LogoutV2)
		r.Post("/v2/logout/device", h.LogoutDevice)
		r.Get("/v2/invoices", h.ListInvoices)
	})
	r.Group(func(r chi.Router) {
		r.Use(h.AuthV1)
		r.Post("/v1/logout", h.LogoutV1)
		r.Get("/v1/invoices", h.ListInvoices)
	})

	go func() {
		metrics := http.NewServeMux()
		metrics.Handle("/metrics", promhttp.Handler())
		log.Println(http.ListenAndServe(":9102", metrics))
	}()

	// Clients authenticate with "Authorization: Bearer"; no cookies are set.
	srv := &http.Server{Addr: ":8443", Handler: r, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServeTLS(os.Getenv("TLS_CERT_FILE"), os.Getenv("TLS_KEY_FILE")))
}
