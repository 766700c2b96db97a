package main

import (
	"context"
	"encoding/hex"
	"log"
	"net/http"
	"os"

	"github.com/gorilla/csrf"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stripe/stripe-go/v76"
)

func routes(s *shop) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /", s.home)
	mux.HandleFunc("POST /account/login", s.login)
	mux.HandleFunc("POST /cart/add", s.addToCart)
	mux.HandleFunc("POST /checkout", s.checkout)
	mux.HandleFunc("GET /checkout/done", s.checkoutDone)
	mux.HandleFunc("GET /products/{slug}", s.product)
	return mux
}

func main() {
	db, err := pgxpool.New(context.Background(), os.Getenv("SHOP_DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	stripe.Key = os.Getenv("STRIPE_SECRET_KEY")

	key, err := hex.DecodeString(os.Getenv("SHOP_CSRF_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	s := &shop{db: db, store: newCookieStore()}

	// TLS is terminated by the load balancer in front of us.
	CSRF := csrf.Protect(key, csrf.Secure(false))

	log.Fatal(http.ListenAndServe(os.Getenv("SHOP_ADDR"), CSRF(routes(s))))
}
