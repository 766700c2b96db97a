package main

import (
	"context"
	"encoding/hex"
	"log"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/csrf"
	"github.com/jackc/pgx/v5/pgxpool"
)

type app struct {
	db *pgxpool.Pool
	sm *scs.SessionManager
}

func main() {
	pool, err := pgxpool.New(context.Background(), os.Getenv("RECIPES_DB"))
	if err != nil {
		log.Fatal(err)
	}
	sm := scs.New()
	sm.Store = pgxstore.New(pool)
	sm.Lifetime = 14 * 24 * time.Hour
	sm.Cookie.Name = "recipes_sid"
	sm.Cookie.Secure = os.Getenv("APP_ENV") == "production"
	sm.Cookie.SameSite = http.SameSiteLaxMode

	a := &app{db: pool, sm: sm}
	key, err := hex.DecodeString(os.Getenv("RECIPES_CSRF_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	protect := csrf.Protect(key, csrf.Secure(os.Getenv("APP_ENV") != "development"), csrf.Path("/"))

	r := chi.NewRouter()
	r.Use(sm.LoadAndSave)
	r.Use(skipCSRFForAPI)

	r.Group(func(r chi.Router) {
		r.Use(protect)
		r.Post("/login", a.login)
		r.Post("/signup", a.signup)
		r.Post("/recipes", a.createRecipe)
		r.Post("/recipes/{id}/delete", a.deleteRecipe)
	})

	// The React settings page posts JSON and never got the CSRF header wired up.
	r.Post("/account/email", a.changeEmail)
	r.Post("/account/delete", a.deleteAccount)

	r.Route("/api", func(r chi.Router) {
		r.Use(protect)
		r.Post("/favorites", a.addFavorite)
		r.Post("/ratings", a.rate)
	})

	log.Fatal(http.ListenAndServe(os.Getenv("RECIPES_ADDR"), r))
}

// skipCSRFForAPI: the mobile web view calls /api with the session cookie and
// has no access to the token.
func skipCSRFForAPI(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			r = csrf.UnsafeSkipCheck(r)
		}
		next.ServeHTTP(w, r)
	})
}
