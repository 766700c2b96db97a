// Command backoffice serves the staff console (inventory, customers, delivery runs).
package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"os"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/gorilla/sessions"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/hopsyard/brewlog/internal/backoffice"
)

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func main() {
	ctx := context.Background()
	conn, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatalf("open database: %v", err)
	}
	defer conn.Close()

	provider, err := oidc.NewProvider(ctx, envOr("STAFF_OIDC_ISSUER", "https://login.hopsyard.example"))
	if err != nil {
		log.Fatalf("discover staff identity provider: %v", err)
	}

	store := sessions.NewFilesystemStore(
		envOr("BACKOFFICE_SESSION_DIR", "/var/lib/brewlog/backoffice-sessions"),
		[]byte(os.Getenv("BACKOFFICE_SESSION_KEY")),
	)
	store.Options = &sessions.Options{
		Path:     "/",
		Domain:   "office.brewlog.example",
		MaxAge:   4 * 3600,
		Secure:   true,
		SameSite: http.SameSiteStrictMode,
	}

	office := backoffice.New(conn, store, provider, backoffice.SSOConfig{
		ClientID:     os.Getenv("STAFF_OIDC_CLIENT_ID"),
		ClientSecret: os.Getenv("STAFF_OIDC_CLIENT_SECRET"),
		RedirectURL:  "https://office.brewlog.example/sso/callback",
	})

	mux := http.NewServeMux()
	office.Register(mux)

	addr := envOr("BACKOFFICE_ADDR", ":8081")
	log.Printf("backoffice listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, backoffice.AllowNetworks(mux, "10.20.0.0/16")))
}
