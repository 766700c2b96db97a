package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/alexedwards/scs/postgresstore"
	"github.com/alexedwards/scs/v2"
	"github.com/go-chi/chi/v5"
	"github.com/justinas/nosurf"
	_ "github.com/lib/pq"
)

type portal struct {
	db    *sql.DB
	sm    *scs.SessionManager
	smart smartClients
}

func main() {
	db, err := sql.Open("postgres", os.Getenv("PORTAL_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	sm := scs.New()
	sm.Store = postgresstore.New(db)
	sm.Lifetime = 2 * time.Hour
	sm.IdleTimeout = 20 * time.Minute
	sm.Cookie.Name = "np_session"
	sm.Cookie.Secure = true
	sm.Cookie.SameSite = http.SameSiteStrictMode

	p := &portal{db: db, sm: sm, smart: loadSMART()}

	r := chi.NewRouter()
	r.Post("/login", p.login)
	r.Post("/login/caregiver", p.caregiverLogin)
	r.Get("/smart/launch", p.ehrLaunch)
	r.Get("/smart/standalone", p.standaloneLaunch)
	r.Get("/smart/callback", p.smartCallback)
	r.Get("/labs/connect", p.labsConnect)
	r.Get("/labs/callback", p.labsCallback)
	r.Get("/pharmacy/connect", p.pharmacyConnect)
	r.Get("/pharmacy/callback", p.pharmacyCallback)
	r.Post("/api/messages", p.sendMessage)
	r.Post("/api/appointments/{id}/cancel", p.cancelAppointment)
	r.Post("/logout", p.logout)

	csrfHandler := nosurf.New(r)
	csrfHandler.SetBaseCookie(http.Cookie{Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
	// The portal's React widgets call /api/* with fetch() and the session cookie.
	csrfHandler.ExemptRegexp("^/api/.*")

	srv := &http.Server{
		Addr:              os.Getenv("PORTAL_ADDR"),
		Handler:           sm.LoadAndSave(csrfHandler),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Fatal(srv.ListenAndServeTLS(os.Getenv("PORTAL_CERT"), os.Getenv("PORTAL_KEY")))
}
