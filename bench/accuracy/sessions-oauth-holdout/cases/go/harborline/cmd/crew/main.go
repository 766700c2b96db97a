// Command crew serves the boarding and manifest screens used by deck crew on board.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"
	"time"

	gcsrf "github.com/gorilla/csrf"
	"github.com/gorilla/mux"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/harborline/ferrydesk/internal/auth"
)

func boardPassenger(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		crew := auth.ClaimsFrom(r.Context())
		_, err := db.ExecContext(r.Context(),
			`UPDATE tickets SET boarded_at = now(), boarded_by = $1 WHERE code = $2 AND sailing_id = $3 AND boarded_at IS NULL`,
			crew.Subject, mux.Vars(r)["code"], r.FormValue("sailing"))
		if err != nil {
			http.Error(w, "could not board", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

func main() {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	tokens := auth.NewIssuer([]byte(os.Getenv("JWT_SIGNING_KEY")), db)

	r := mux.NewRouter()
	r.Use(tokens.Middleware)
	r.HandleFunc("/tickets/{code}/board", boardPassenger(db)).Methods(http.MethodPost)

	// The on-board wifi has no certificate for the crew hostname.
	csrfMiddleware := gcsrf.Protect([]byte(os.Getenv("CREW_CSRF_KEY")), gcsrf.Secure(false), gcsrf.FieldName("_crew_csrf"))
	srv := &http.Server{Addr: ":8090", Handler: csrfMiddleware(r), ReadTimeout: 10 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
