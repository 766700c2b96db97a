// Command kiosk serves the ticket machines in the terminal buildings.
// The machines reach it over the harbour LAN, behind the terminal firewall.
package main

import (
	"database/sql"
	"encoding/hex"
	"log"
	"net/http"
	"os"

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
	key, _ := hex.DecodeString(os.Getenv("KIOSK_CSRF_KEY"))
	tokens := auth.NewIssuer([]byte(os.Getenv("JWT_SIGNING_KEY")), db)

	handler := csrf.Protect(key, csrf.Secure(false))(web.Router(db, tokens))
	log.Println("kiosk backend on :8080")
	log.Fatal(http.ListenAndServe(":8080", handler))
}
