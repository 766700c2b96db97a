// Command web serves www.harborline.example: timetables, bookings and accounts.
package main

import (
	"database/sql"
	"encoding/hex"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/gorilla/csrf"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/harborline/ferrydesk/internal/auth"
	"github.com/harborline/ferrydesk/internal/web"
)

func main() {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	csrfKey, err := hex.DecodeString(os.Getenv("CSRF_KEY"))
	if err != nil || len(csrfKey) != 32 {
		log.Fatal("CSRF_KEY must be 32 bytes of hex")
	}
	tokens := auth.NewIssuer([]byte(os.Getenv("JWT_SIGNING_KEY")), db)

	router := web.Router(db, tokens)
	protect := csrf.Protect(csrfKey, csrf.Secure(true), csrf.SameSite(csrf.SameSiteLaxMode), csrf.Path("/"))

	srv := &http.Server{
		Addr:              ":8443",
		Handler:           protect(router),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Fatal(srv.ListenAndServeTLS("/etc/harborline/tls/fullchain.pem", "/etc/harborline/tls/privkey.pem"))
}
