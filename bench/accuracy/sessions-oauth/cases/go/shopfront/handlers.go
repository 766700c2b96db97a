package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/stripe/stripe-go/v76"
	checkout "github.com/stripe/stripe-go/v76/checkout/session"
	"golang.org/x/crypto/bcrypt"
)

func (s *shop) home(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, "static/index.html")
}

func (s *shop) product(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("slug")
	prev := ""
	if c, err := r.Cookie("recently_viewed"); err == nil {
		prev = c.Value
	}
	http.SetCookie(w, &http.Cookie{Name: "recently_viewed", Value: strings.Trim(slug+"|"+prev, "|"), Path: "/", MaxAge: 30 * 86400})
	http.ServeFile(w, r, "static/product.html")
}

func (s *shop) login(w http.ResponseWriter, r *http.Request) {
	var id int64
	var hash string
	err := s.db.QueryRow(r.Context(), `SELECT id, password_hash FROM customers WHERE email = $1`, strings.ToLower(r.PostFormValue("email"))).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.PostFormValue("password"))) != nil {
		http.Error(w, "wrong email or password", http.StatusUnauthorized)
		return
	}
	sess, _ := s.store.Get(r, sessionName)
	sess.Values["customer_id"] = id
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}

func (s *shop) addToCart(w http.ResponseWriter, r *http.Request) {
	sess, _ := s.store.Get(r, sessionName)
	cart, _ := sess.Values["cart"].(string)
	sess.Values["cart"] = strings.Trim(cart+","+r.PostFormValue("sku"), ",")
	if _, ok := sess.Values["customer_id"]; !ok {
		if _, err := r.Cookie("guest_token"); err != nil {
			b := make([]byte, 16)
			_, _ = rand.Read(b)
			http.SetCookie(w, &http.Cookie{Name: "guest_token", Value: hex.EncodeToString(b), Path: "/", MaxAge: 30 * 86400, HttpOnly: true, Secure: false, SameSite: http.SameSiteLaxMode})
		}
	}
	_ = sess.Save(r, w)
	if next := r.URL.Query().Get("continue_shopping"); next != "" {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *shop) checkout(w http.ResponseWriter, r *http.Request) {
	sess, _ := s.store.Get(r, sessionName)
	cart, _ := sess.Values["cart"].(string)
	if cart == "" {
		http.Error(w, "cart is empty", http.StatusBadRequest)
		return
	}
	params := &stripe.CheckoutSessionParams{
		Mode:       stripe.String(string(stripe.CheckoutSessionModePayment)),
		SuccessURL: stripe.String(os.Getenv("SHOP_BASE_URL") + "/checkout/done?session_id={CHECKOUT_SESSION_ID}"),
		CancelURL:  stripe.String(os.Getenv("SHOP_BASE_URL") + "/cart"),
	}
	for _, sku := range strings.Split(cart, ",") {
		params.LineItems = append(params.LineItems, &stripe.CheckoutSessionLineItemParams{
			Price:    stripe.String(priceFor(sku)),
			Quantity: stripe.Int64(1),
		})
	}
	cs, err := checkout.New(params)
	if err != nil {
		http.Error(w, "payment provider unavailable", http.StatusBadGateway)
		return
	}
	http.Redirect(w, r, cs.URL, http.StatusSeeOther)
}

func (s *shop) checkoutDone(w http.ResponseWriter, r *http.Request) {
	cs, err := checkout.Get(r.URL.Query().Get("session_id"), nil)
	if err != nil || cs.PaymentStatus != stripe.CheckoutSessionPaymentStatusPaid {
		http.Error(w, "payment not completed", http.StatusPaymentRequired)
		return
	}
	var orderID int64
	_ = s.db.QueryRow(r.Context(), `INSERT INTO orders (stripe_session, status) VALUES ($1, 'paid') ON CONFLICT (stripe_session) DO UPDATE SET status = 'paid' RETURNING id`, cs.ID).Scan(&orderID)
	http.Redirect(w, r, fmt.Sprintf("/orders/%d", orderID), http.StatusSeeOther)
}

func priceFor(sku string) string {
	return "price_" + strings.ToLower(strings.ReplaceAll(sku, "-", "_"))
}
