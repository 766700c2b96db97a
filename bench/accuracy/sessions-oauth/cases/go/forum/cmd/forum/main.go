package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	_ "github.com/go-sql-driver/mysql"

	"github.com/threadline/forum/internal/botapi"
	"github.com/threadline/forum/internal/web"
)

func main() {
	db, err := sql.Open("mysql", os.Getenv("FORUM_DSN")+"?parseTime=true")
	if err != nil {
		log.Fatal(err)
	}
	app := &web.App{DB: db, Sessions: web.NewSessions(db, "forum_sid")}
	bots := botapi.New(db)

	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", app.Login)
	mux.HandleFunc("POST /login/recovery", app.RecoveryLogin)
	mux.HandleFunc("POST /register", app.Register)
	mux.HandleFunc("POST /logout", app.Logout)
	mux.HandleFunc("POST /t/{thread}/reply", app.RequireUser(app.Reply))
	mux.HandleFunc("POST /bot/token", bots.Refresh)
	mux.HandleFunc("POST /bot/token/legacy", bots.RefreshLegacy)
	mux.HandleFunc("POST /bot/token/rotate-on-demand", bots.RefreshOnDemand)

	log.Fatal(http.ListenAndServe(os.Getenv("FORUM_ADDR"), app.Sessions.LoadAndSave(mux)))
}
