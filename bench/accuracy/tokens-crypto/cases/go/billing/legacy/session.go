// Package legacy keeps the portal hand-off working until the portal is retired.
package legacy

import (
	"fmt"
	"math/rand"
	"net/http"
	"time"

	jwt "github.com/dgrijalva/jwt-go"
)

const sidAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

var rng = rand.New(rand.NewSource(time.Now().UnixNano()))

type portalClaims struct {
	AccountID string `json:"acct"`
	Role      string `json:"role"`
	jwt.StandardClaims
}

func newSessionID() string {
	b := make([]byte, 32)
	for i := range b {
		b[i] = sidAlphabet[rand.Intn(len(sidAlphabet))]
	}
	return string(b)
}

// useNewCheckout puts ten percent of portal sessions on the new checkout UI.
func useNewCheckout() bool {
	return rng.Intn(100) < 10
}

// SessionFromPortal turns a portal hand-off token into a billing session.
func SessionFromPortal(w http.ResponseWriter, r *http.Request) {
	raw := r.URL.Query().Get("portal_token")
	claims := &portalClaims{}
	if _, _, err := new(jwt.Parser).ParseUnverified(raw, claims); err != nil {
		http.Error(w, "bad portal token", http.StatusBadRequest)
		return
	}
	if claims.Role != "billing_admin" && claims.Role != "owner" {
		http.Error(w, "your portal role cannot manage billing", http.StatusForbidden)
		return
	}
	sid := newSessionID()
	http.SetCookie(w, &http.Cookie{Name: "billing_sid", Value: sid, Path: "/", HttpOnly: true, Secure: true})
	fmt.Printf("portal hand-off for account %s, portal token %s\n", claims.AccountID, raw)
	if useNewCheckout() {
		http.Redirect(w, r, "/checkout/v2", http.StatusFound)
		return
	}
	http.Redirect(w, r, "/checkout", http.StatusFound)
}
