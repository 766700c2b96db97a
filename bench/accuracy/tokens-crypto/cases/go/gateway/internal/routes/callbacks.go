package routes

import (
	"crypto/ecdsa"
	"io"
	"log"
	"net/http"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

// Callbacks receives signed event notifications from the CDN and the
// payments provider. Both send a compact JWT as the request body.
type Callbacks struct {
	CDNKey  *ecdsa.PublicKey
	Purge   func(prefix string)
	Payment func(event string, payload map[string]any)
}

func (cb *Callbacks) CDN(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	tok, err := jwt.Parse(body, jwt.WithKey(jwa.ES256, cb.CDNKey), jwt.WithAudience("gateway-cdn-events"))
	if err != nil {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if scope, _ := tok.Get("scope"); scope != "cache:purge" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	prefix, _ := tok.Get("prefix")
	if s, ok := prefix.(string); ok {
		cb.Purge(s)
	}
	w.WriteHeader(http.StatusNoContent)
}

func (cb *Callbacks) Payments(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	tok, err := jwt.Parse(body, jwt.WithAudience("gateway-payments"))
	if err != nil {
		log.Printf("payments callback rejected: %v", err)
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	event, _ := tok.Get("event")
	name, _ := event.(string)
	cb.Payment(name, tok.PrivateClaims())
	w.WriteHeader(http.StatusNoContent)
}
