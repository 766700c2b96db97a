package main

import (
	"encoding/base64"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/alexedwards/scs/redisstore"
	"github.com/alexedwards/scs/v2"
	"github.com/gomodule/redigo/redis"
	"github.com/gorilla/csrf"
)

type gateway struct {
	sm    *scs.SessionManager
	oauth providers
}

func main() {
	pool := &redis.Pool{Dial: func() (redis.Conn, error) { return redis.Dial("tcp", os.Getenv("BFF_REDIS")) }}
	sm := scs.New()
	sm.Store = redisstore.New(pool)
	sm.Lifetime = 12 * time.Hour
	sm.Cookie.Name = "__Host-bff"
	sm.Cookie.Secure = true
	sm.Cookie.SameSite = http.SameSiteStrictMode

	g := &gateway{sm: sm, oauth: newProviders(os.Getenv("BFF_PUBLIC_URL"))}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /auth/login", g.login)
	mux.HandleFunc("GET /auth/callback", g.callback)
	mux.HandleFunc("POST /auth/logout", g.logout)
	mux.HandleFunc("GET /connect/figma", g.figmaStart)
	mux.HandleFunc("GET /connect/asana", g.asanaStart)
	mux.HandleFunc("GET /connect/linear", g.linearStart)
	mux.HandleFunc("GET /connect/linear/callback", g.linearCallback)
	mux.HandleFunc("GET /connect/dropbox", g.dropboxStart)
	mux.HandleFunc("GET /connect/dropbox/callback", g.dropboxCallback)
	mux.HandleFunc("GET /connect/zendesk", g.zendeskStart)
	mux.HandleFunc("GET /connect/zendesk/callback", g.zendeskCallback)
	mux.Handle("/api/", g.proxy())

	key, err := base64.StdEncoding.DecodeString(os.Getenv("BFF_CSRF_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	csrfOpts := []csrf.Option{
		csrf.Path("/"),
		csrf.SameSite(csrf.SameSiteLaxMode),
		csrf.Secure(false), // TLS terminates at the ingress controller
		csrf.RequestHeader("X-XSRF-Token"),
	}

	srv := &http.Server{
		Addr:              ":8080",
		Handler:           sm.LoadAndSave(csrf.Protect(key, csrfOpts...)(mux)),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
