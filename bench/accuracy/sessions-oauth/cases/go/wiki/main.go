package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	"github.com/antonlindstrom/pgstore"
	_ "github.com/lib/pq"
)

type wiki struct {
	db    *sql.DB
	store *pgstore.PGStore
}

func main() {
	dsn := os.Getenv("WIKI_DATABASE_URL")
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatal(err)
	}
	store, err := newStore(dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()

	wk := &wiki{db: db, store: store}

	mux := http.NewServeMux()
	mux.HandleFunc("/login", wk.login)
	mux.HandleFunc("/login/ldap", wk.ldapLogin)
	mux.HandleFunc("/logout", wk.logout)
	mux.HandleFunc("/wiki/", wk.viewPage)
	mux.HandleFunc("/edit", wk.member(wk.savePage))
	mux.HandleFunc("/delete", wk.member(wk.deletePage))
	mux.HandleFunc("/watch", wk.member(wk.watchPage))

	log.Printf("wiki listening on :8443")
	log.Fatal(http.ListenAndServeTLS(":8443", os.Getenv("WIKI_TLS_CERT"), os.Getenv("WIKI_TLS_KEY"), mux))
}
