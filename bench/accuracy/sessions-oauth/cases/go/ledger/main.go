package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/gomodule/redigo/redis"
	"github.com/jackc/pgx/v5/pgxpool"
)

func main() {
	db, err := pgxpool.New(context.Background(), os.Getenv("LEDGER_DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	pool := &redis.Pool{
		MaxIdle: 10,
		Dial:    func() (redis.Conn, error) { return redis.Dial("tcp", os.Getenv("LEDGER_REDIS_ADDR")) },
	}

	app := &server{
		db:       db,
		sessions: newUserSessions(pool),
		admins:   newAdminSessions(pool),
		oauth:    loadOAuth(os.Getenv("LEDGER_BASE_URL")),
		hookKey:  []byte(os.Getenv("AGGREGATOR_WEBHOOK_KEY")),
	}

	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", app.login)
	mux.HandleFunc("POST /login/mfa", app.verifyMFA)
	mux.HandleFunc("POST /logout", app.logout)
	mux.HandleFunc("GET /auth/google", app.googleStart)
	mux.HandleFunc("GET /auth/google/callback", app.googleCallback)
	mux.HandleFunc("GET /auth/apple", app.appleStart)
	mux.HandleFunc("POST /auth/apple/callback", app.appleCallback)
	mux.HandleFunc("GET /banks/connect", app.requireUser(app.bankConnect))
	mux.HandleFunc("GET /banks/callback", app.bankCallback)
	mux.HandleFunc("POST /transfers/", app.requireUser(app.createTransfer))
	mux.HandleFunc("POST /settings/currency", app.requireUser(app.setCurrency))
	mux.HandleFunc("POST /hooks/aggregator", app.aggregatorHook)

	cop := http.NewCrossOriginProtection()
	if err := cop.AddTrustedOrigin("https://app.ledger.example"); err != nil {
		log.Fatal(err)
	}
	// Apple posts the authorization response cross-site (response_mode=form_post);
	// the handler checks the state it stored in the session.
	cop.AddInsecureBypassPattern("POST /auth/apple/callback")
	cop.AddInsecureBypassPattern("POST /hooks/aggregator")
	// The iOS app's embedded web view posts transfers from a file:// page.
	cop.AddInsecureBypassPattern("POST /transfers/")

	public := &http.Server{
		Addr:              os.Getenv("LEDGER_ADDR"),
		Handler:           app.sessions.LoadAndSave(cop.Handler(mux)),
		ReadHeaderTimeout: 5 * time.Second,
	}

	adminMux := http.NewServeMux()
	adminMux.HandleFunc("POST /admin/login", app.adminLogin)
	adminMux.HandleFunc("POST /admin/users/{id}/lock", app.requireAdmin(app.lockUser))
	adminMux.HandleFunc("POST /admin/users/{id}/refund", app.requireAdmin(app.refundUser))
	adminSrv := &http.Server{
		Addr:              os.Getenv("LEDGER_ADMIN_ADDR"),
		Handler:           app.admins.LoadAndSave(adminMux),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() { log.Fatal(adminSrv.ListenAndServeTLS("/etc/ledger/admin.crt", "/etc/ledger/admin.key")) }()

	log.Fatal(public.ListenAndServeTLS("/etc/ledger/tls.crt", "/etc/ledger/tls.key"))
}
