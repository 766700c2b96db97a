package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gorilla/csrf"
	gh "github.com/gorilla/handlers"
	"github.com/gorilla/mux"
	_ "github.com/lib/pq"
)

func main() {
	cfg := loadConfig()

	db, err := sql.Open("postgres", cfg.DatabaseURL)
	if err != nil {
		log.Fatalf("open db: %v", err)
	}
	defer db.Close()

	app := &App{
		cfg:      cfg,
		users:    &UserStore{db: db},
		shelves:  &ShelfStore{db: db},
		sessions: newSessionStore(cfg),
		log:      log.New(os.Stdout, "bookclub ", log.LstdFlags),
	}

	r := mux.NewRouter()
	r.HandleFunc("/login", app.showLogin).Methods(http.MethodGet)
	r.HandleFunc("/login", app.login).Methods(http.MethodPost)
	r.HandleFunc("/signup", app.signup).Methods(http.MethodPost)
	r.HandleFunc("/logout", app.logout).Methods(http.MethodPost)
	r.HandleFunc("/invites/{code}/accept", app.acceptInvite).Methods(http.MethodPost)
	r.HandleFunc("/webhooks/mailer", app.mailerWebhook).Methods(http.MethodPost)

	club := r.PathPrefix("/club").Subrouter()
	club.Use(app.requireMember)
	club.HandleFunc("/shelves", app.listShelves).Methods(http.MethodGet)
	club.HandleFunc("/shelves", app.createShelf).Methods(http.MethodPost)
	club.HandleFunc("/shelves/{id}/delete", app.deleteShelf).Methods(http.MethodPost)
	club.HandleFunc("/preferences", app.savePreferences).Methods(http.MethodPost)

	protect := csrf.Protect(
		cfg.CSRFKey,
		csrf.Secure(true),
		csrf.SameSite(csrf.SameSiteLaxMode),
		csrf.Path("/"),
	)
	handler := gh.CombinedLoggingHandler(os.Stdout, app.markSignedWebhooks(protect(r)))

	// Health and metrics live on a loopback listener with no cookies at all.
	go func() {
		health := http.NewServeMux()
		health.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusOK)
		})
		if err := http.ListenAndServe(cfg.MetricsAddr, health); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Printf("health listener: %v", err)
		}
	}()

	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		IdleTimeout:       60 * time.Second,
	}

	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatalf("serve: %v", err)
		}
	}()

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
}
