package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	_ "github.com/go-sql-driver/mysql"
	"github.com/gorilla/handlers"
	"github.com/gorilla/mux"
	"github.com/gorilla/sessions"
)

var (
	db    *sql.DB
	store *sessions.FilesystemStore
)

func main() {
	var err error
	db, err = sql.Open("mysql", os.Getenv("TIMESHEETS_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	store = sessions.NewFilesystemStore(os.Getenv("TIMESHEETS_SESSION_DIR"), []byte(os.Getenv("TIMESHEETS_SESSION_KEY")))
	store.Options = sessionOptions()

	r := mux.NewRouter()
	r.HandleFunc("/login", loginHandler).Methods(http.MethodPost)
	r.HandleFunc("/login/sso", ssoAssertionHandler).Methods(http.MethodPost)
	r.HandleFunc("/logout", logoutHandler).Methods(http.MethodPost)
	r.HandleFunc("/kiosk/clock", kioskHandler).Methods(http.MethodPost)

	s := r.PathPrefix("/sheets").Subrouter()
	s.Use(requireEmployee)
	s.HandleFunc("/{week}", saveWeekHandler).Methods(http.MethodPost)
	s.HandleFunc("/{week}/submit", submitWeekHandler).Methods(http.MethodPost)
	s.HandleFunc("/prefs", prefsHandler).Methods(http.MethodPost)

	log.Fatal(http.ListenAndServe(":8000", handlers.CompressHandler(handlers.ProxyHeaders(r))))
}
