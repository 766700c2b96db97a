// Command taproom runs the bar-tab app used on the tablets behind the taproom bar.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"
	"strconv"

	"github.com/gorilla/sessions"
	_ "github.com/jackc/pgx/v5/stdlib"
	"golang.org/x/crypto/bcrypt"
)

const tapSession = "taproom"

type taproom struct {
	db    *sql.DB
	store *sessions.FilesystemStore
}

func (t *taproom) pinLogin(w http.ResponseWriter, r *http.Request) {
	var bartenderID int64
	var pinHash []byte
	err := t.db.QueryRowContext(r.Context(),
		`SELECT id, pin_hash FROM bartenders WHERE badge_no = $1 AND on_shift`, r.FormValue("badge")).Scan(&bartenderID, &pinHash)
	if err != nil || bcrypt.CompareHashAndPassword(pinHash, []byte(r.FormValue("pin"))) != nil {
		http.Error(w, "wrong badge or PIN", http.StatusUnauthorized)
		return
	}
	sess, _ := t.store.Get(r, tapSession)
	sess.Values["bartender_id"] = bartenderID
	_ = sess.Save(r, w)
	http.Redirect(w, r, r.FormValue("redirect"), http.StatusSeeOther)
}

func (t *taproom) closeTab(w http.ResponseWriter, r *http.Request) {
	sess, _ := t.store.Get(r, tapSession)
	bartender, ok := sess.Values["bartender_id"].(int64)
	if !ok {
		http.Error(w, "sign in at the till first", http.StatusUnauthorized)
		return
	}
	tab, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if _, err := t.db.ExecContext(r.Context(),
		`UPDATE tabs SET closed_at = now(), closed_by = $1, tip_cents = $2 WHERE id = $3 AND closed_at IS NULL`,
		bartender, r.FormValue("tip_cents"), tab); err != nil {
		http.Error(w, "could not close tab", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	conn, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	store := sessions.NewFilesystemStore("/var/lib/brewlog/taproom-sessions", []byte(os.Getenv("TAPROOM_SESSION_KEY")))
	store.Options = &sessions.Options{
		Path:     "/",
		MaxAge:   12 * 3600,
		HttpOnly: true,
		Secure:   false,
		SameSite: http.SameSiteLaxMode,
	}
	t := &taproom{db: conn, store: store}

	mux := http.NewServeMux()
	mux.HandleFunc("POST /till/login", t.pinLogin)
	mux.HandleFunc("POST /tabs/{id}/close", t.closeTab)
	mux.Handle("GET /", http.FileServer(http.Dir("taproom/static")))

	log.Println("taproom till on :8082")
	if err := http.ListenAndServe(":8082", mux); err != nil {
		log.Fatal(err)
	}
}
