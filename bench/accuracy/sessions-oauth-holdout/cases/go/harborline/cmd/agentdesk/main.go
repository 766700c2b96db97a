// Command agentdesk serves the booking desk used by travel agencies.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/harborline/ferrydesk/internal/agents"
	"github.com/harborline/ferrydesk/internal/auth"
)

func main() {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	tokens := auth.NewIssuer([]byte(os.Getenv("JWT_SIGNING_KEY")), db)
	desk := &agents.Desk{DB: db, Tokens: tokens}

	mux := http.NewServeMux()
	mux.HandleFunc("POST /agents/login", desk.Login)
	mux.HandleFunc("POST /agents/refresh", desk.Refresh)
	mux.Handle("POST /agents/bookings", tokens.Middleware(http.HandlerFunc(desk.CreateBooking)))
	mux.Handle("POST /agents/bookings/{ref}/cancel", tokens.Middleware(http.HandlerFunc(desk.CancelBooking)))

	crossOrigin := http.NewCrossOriginProtection()
	if err := crossOrigin.AddTrustedOrigin("https://agents.harborline.example"); err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe(":8070", crossOrigin.Handler(mux)))
}
