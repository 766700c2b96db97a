package main

import (
	"context"
	"encoding/hex"
	"log"
	"net/http"
	_ "net/http/pprof"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
	chimw "github.com/go-chi/chi/v5/middleware"
	"github.com/gorilla/csrf"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"github.com/quillworks/notesvc/internal/authn"
	"github.com/quillworks/notesvc/internal/notes"
)

func main() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv("NOTES_DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("NOTES_REDIS_ADDR")})

	csrfKey, err := hex.DecodeString(os.Getenv("NOTES_CSRF_KEY"))
	if err != nil || len(csrfKey) != 32 {
		log.Fatal("NOTES_CSRF_KEY must be 32 hex-encoded bytes")
	}

	auth := authn.NewService(pool, rdb, []byte(os.Getenv("NOTES_JWT_SECRET")))
	notesAPI := notes.NewHandler(pool)

	r := chi.NewRouter()
	r.Use(chimw.RequestID, chimw.Logger, chimw.Recoverer)
	r.Use(csrf.Protect(csrfKey, csrf.Secure(true), csrf.Path("/"), csrf.SameSite(csrf.SameSiteStrictMode)))

	r.Post("/auth/login", auth.Login)
	r.Post("/auth/refresh", auth.Refresh)
	r.Group(func(r chi.Router) {
		r.Use(auth.RequireSession)
		r.Post("/auth/logout", auth.Logout)
		r.Post("/auth/logout-all", auth.LogoutEverywhere)
		r.Post("/account/password", auth.ChangePassword)
		r.Mount("/notes", notesAPI.Routes())
	})
	r.Route("/v1", func(r chi.Router) {
		r.Post("/session/refresh", auth.LegacyRefresh)
		r.Post("/session/extend", auth.LegacyExtend)
		r.With(auth.RequireSession).Post("/session/logout", auth.LegacyLogout)
		r.With(auth.RequireSession).Post("/account/password", auth.LegacyChangePassword)
	})

	// pprof on loopback only; DefaultServeMux carries no application routes.
	go func() { log.Println(http.ListenAndServe("127.0.0.1:6060", nil)) }()

	log.Printf("notesvc on %s", os.Getenv("NOTES_ADDR"))
	server := &http.Server{Addr: os.Getenv("NOTES_ADDR"), Handler: r, ReadHeaderTimeout: 3 * time.Second}
	log.Fatal(server.ListenAndServe())
}
