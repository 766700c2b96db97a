// Command agent serves the support-agent console.
package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/gorilla/mux"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/supportly/helpdesk/internal/web"
)

func main() {
	db, err := pgxpool.New(context.Background(), os.Getenv("HELPDESK_DB"))
	if err != nil {
		log.Fatal(err)
	}
	sm := web.AgentSessions(os.Getenv("HELPDESK_REDIS"))
	app := web.NewAgentApp(db, sm)

	r := mux.NewRouter()
	r.HandleFunc("/login", app.LoginForm).Methods("GET")
	r.HandleFunc("/login", app.Login).Methods("POST")
	r.HandleFunc("/sso/github", app.GitHubStart).Methods("GET")
	r.HandleFunc("/sso/github/callback", app.GitHubCallback).Methods("GET")
	a := r.PathPrefix("/console").Subrouter()
	a.Use(app.RequireAgent)
	a.HandleFunc("/tickets/{id}/reply", app.Reply).Methods("POST")
	a.HandleFunc("/tickets/{id}/close", app.CloseTicket).Methods("POST")
	a.HandleFunc("/team", app.SwitchTeam).Methods("POST")
	a.HandleFunc("/logout", app.Logout).Methods("POST")

	log.Fatal(http.ListenAndServe(os.Getenv("AGENT_ADDR"), sm.LoadAndSave(r)))
}
