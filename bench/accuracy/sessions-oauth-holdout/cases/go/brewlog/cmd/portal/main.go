// Command portal serves the wholesale ordering portal used by bars and bottle shops.
package main

import (
	"database/sql"
	"errors"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/gorilla/sessions"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/hopsyard/brewlog/internal/db"
	"github.com/hopsyard/brewlog/internal/web"
)

func main() {
	conn, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatalf("open database: %v", err)
	}
	defer conn.Close()

	if os.Getenv("MIGRATE_ON_START") == "1" {
		if err := db.Migrate(conn); err != nil {
			log.Fatalf("migrate: %v", err)
		}
	}

	store := sessions.NewFilesystemStore(
		os.Getenv("SESSION_DIR"),
		[]byte(os.Getenv("SESSION_AUTH_KEY")),
		[]byte(os.Getenv("SESSION_ENC_KEY")),
	)
	store.MaxLength(16 * 1024)
	store.Options = &sessions.Options{
		Path:     "/",
		MaxAge:   8 * 3600,
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	}

	app := web.New(conn, store, web.DistributorOAuthFromEnv())

	mux := http.NewServeMux()
	app.Routes(mux)
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.Dir("web/static"))))

	srv := &http.Server{
		Addr:              ":8080",
		Handler:           web.AccessLog(mux),
		ReadHeaderTimeout: 5 * time.Second,
		IdleTimeout:       90 * time.Second,
	}
	log.Printf("portal listening on %s", srv.Addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
