// Command portal serves the customer-facing help portal.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/gorilla/mux"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/supportly/helpdesk/internal/web"
)

func main() {
	db, err := pgxpool.New(context.Background(), os.Getenv("HELPDESK_DB"))
	if err != nil {
		log.Fatal(err)
	}
	sm := web.PortalSessions(os.Getenv("HELPDESK_REDIS"))
	app := web.NewPortalApp(db, sm)

	r := mux.NewRouter()
	r.HandleFunc("/signin", app.SignIn).Methods("POST")
	r.HandleFunc("/signup", app.SignUp).Methods("POST")
	r.HandleFunc("/signin/link", app.MagicLink).Methods("GET")
	r.HandleFunc("/requests", app.RequireCustomer(app.NewRequest)).Methods("POST")
	r.HandleFunc("/requests/{id}/comment", app.RequireCustomer(app.Comment)).Methods("POST")
	r.HandleFunc("/go", app.Outbound).Methods("GET")

	srv := &http.Server{
		Addr:         os.Getenv("PORTAL_ADDR"),
		Handler:      sm.LoadAndSave(r),
		ReadTimeout:  10 * time.Second,
		WriteTimeout: 15 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
