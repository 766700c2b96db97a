// Command modtools serves the moderator dashboard on the internal network.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	_ "github.com/go-sql-driver/mysql"

	"github.com/threadline/forum/internal/web"
)

func main() {
	db, err := sql.Open("mysql", os.Getenv("FORUM_DSN")+"?parseTime=true")
	if err != nil {
		log.Fatal(err)
	}
	app := &web.App{DB: db, Sessions: web.NewSessions(db, "forum_mod_sid")}
	requireMod := func(next http.HandlerFunc) http.HandlerFunc {
		return app.RequireUser(func(w http.ResponseWriter, r *http.Request) {
			var isMod bool
			if err := db.QueryRowContext(r.Context(), "SELECT is_moderator FROM members WHERE id = ?", app.UserID(r)).Scan(&isMod); err != nil || !isMod {
				http.Error(w, "moderators only", http.StatusForbidden)
				return
			}
			next(w, r)
		})
	}

	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", app.Login)
	mux.HandleFunc("POST /members/{id}/ban", requireMod(func(w http.ResponseWriter, r *http.Request) {
		_, _ = db.ExecContext(r.Context(), "UPDATE members SET banned = 1 WHERE id = ?", r.PathValue("id"))
		w.WriteHeader(http.StatusNoContent)
	}))
	mux.HandleFunc("POST /posts/{id}/delete", requireMod(func(w http.ResponseWriter, r *http.Request) {
		_, _ = db.ExecContext(r.Context(), "UPDATE posts SET deleted = 1 WHERE id = ?", r.PathValue("id"))
		w.WriteHeader(http.StatusNoContent)
	}))

	modSrv := &http.Server{Addr: os.Getenv("MODTOOLS_ADDR"), Handler: app.Sessions.LoadAndSave(mux)}
	log.Fatal(modSrv.ListenAndServe())
}
