package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/justinas/nosurf"
	"github.com/redis/go-redis/v9"
)

func main() {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), Password: os.Getenv("REDIS_PASSWORD")})
	store, err := newSessionStore(context.Background(), rdb)
	if err != nil {
		log.Fatalf("session store: %v", err)
	}

	a := &portal{
		store:     store,
		accounts:  newAccountService(os.Getenv("ACCOUNTS_API")),
		providers: loadProviders(os.Getenv("PORTAL_BASE_URL")),
		zoomHook:  []byte(os.Getenv("ZOOM_WEBHOOK_SECRET")),
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /auth/github", a.githubStart)
	mux.HandleFunc("GET /auth/github/callback", a.githubCallback)
	mux.HandleFunc("GET /auth/google", a.googleStart)
	mux.HandleFunc("GET /auth/google/callback", a.googleCallback)
	mux.HandleFunc("GET /auth/gitlab", a.gitlabStart)
	mux.HandleFunc("GET /auth/gitlab/callback", a.gitlabCallback)
	mux.HandleFunc("GET /auth/slack", a.slackStart)
	mux.HandleFunc("GET /auth/slack/callback", a.slackCallback)
	mux.HandleFunc("GET /auth/acme", a.acmeStart)
	mux.HandleFunc("GET /auth/acme/callback", a.acmeCallback)
	mux.HandleFunc("GET /account/link/microsoft", a.requireLogin(a.microsoftLinkStart))
	mux.HandleFunc("GET /account/link/microsoft/callback", a.requireLogin(a.microsoftLinkCallback))
	mux.HandleFunc("GET /integrations/zoom/install", a.requireLogin(a.zoomInstall))
	mux.HandleFunc("GET /integrations/zoom/callback", a.requireLogin(a.zoomCallback))
	mux.HandleFunc("GET /integrations/hubspot/install", a.requireLogin(a.hubspotInstall))
	mux.HandleFunc("GET /integrations/hubspot/callback", a.requireLogin(a.hubspotCallback))
	mux.HandleFunc("POST /integrations/zoom/events", a.zoomEvents)
	mux.HandleFunc("POST /settings/profile", a.requireLogin(a.saveProfile))
	mux.HandleFunc("POST /settings/notifications", a.requireLogin(a.saveNotifications))
	mux.HandleFunc("POST /logout", a.logout)

	csrfHandler := nosurf.New(mux)
	csrfHandler.SetBaseCookie(http.Cookie{Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	csrfHandler.ExemptPath("/integrations/zoom/events")
	csrfHandler.ExemptGlob("/settings/*")

	log.Printf("portal listening on %s", os.Getenv("PORTAL_ADDR"))
	log.Fatal(http.ListenAndServe(os.Getenv("PORTAL_ADDR"), csrfHandler))
}
