package main

import (
	"database/sql"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	_ "github.com/lib/pq"
)

type application struct {
	logger   *slog.Logger
	users    *userModel
	tasks    *taskModel
	sessions sessionManager
}

func main() {
	addr := flag.String("addr", ":4000", "HTTP listen address")
	flag.Parse()

	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	db, err := sql.Open("postgres", os.Getenv("TASKBOARD_DSN"))
	if err != nil {
		logger.Error("open db", "err", err)
		os.Exit(1)
	}
	defer db.Close()

	app := &application{
		logger:   logger,
		users:    &userModel{db: db},
		tasks:    &taskModel{db: db},
		sessions: newSessionManager(db),
	}

	srv := &http.Server{
		Addr:         *addr,
		Handler:      app.routes(),
		ErrorLog:     slog.NewLogLogger(logger.Handler(), slog.LevelError),
		IdleTimeout:  time.Minute,
		ReadTimeout:  5 * time.Second,
		WriteTimeout: 10 * time.Second,
	}

	logger.Info("starting server", "addr", srv.Addr)
	if err := srv.ListenAndServeTLS(os.Getenv("TLS_CERT"), os.Getenv("TLS_KEY")); err != nil {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}

func (app *application) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RealIP, middleware.Recoverer)
	r.Use(app.sessions.LoadAndSave)

	r.Get("/login", app.loginForm)
	r.Post("/login", app.loginPost)
	r.Post("/signup", app.signupPost)
	r.Get("/login/magic", app.magicLinkLogin)
	r.Post("/password/reset/complete", app.resetComplete)
	r.Get("/out", app.outboundLink)
	r.Get("/help/go", app.helpRedirect)

	r.Group(func(r chi.Router) {
		r.Use(app.requireAuthentication)
		r.Post("/logout", app.logoutPost)
		r.Get("/boards/switch", app.switchBoard)
		r.Post("/tasks", app.createTask)
		r.Post("/tasks/{id}/complete", app.completeTask)
		r.Post("/tasks/{id}/archive", app.archiveTask)
		r.Post("/settings/density", app.setDensity)
		r.Post("/settings/api-token", app.rotateAPIToken)
	})
	return r
}
