package handlers

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log"
	"net/http"
)

// Webhooks receives carrier and payment-provider notifications.
type Webhooks struct {
	ShippingSecret []byte
	PaymentsSecret []byte
	LegacySecret   []byte
	Queue          chan<- []byte
}

func sign(secret, body []byte) []byte {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return mac.Sum(nil)
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return nil, false
	}
	return body, true
}

func (h *Webhooks) Shipping(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	got, err := hex.DecodeString(r.Header.Get("X-Shipping-Signature"))
	if err != nil || len(got) != sha256.Size {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if !hmac.Equal(got, sign(h.ShippingSecret, body)) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	h.Queue <- body
	w.WriteHeader(http.StatusAccepted)
}

func (h *Webhooks) Payments(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	expected := sign(h.PaymentsSecret, body)
	sig, _ := hex.DecodeString(r.Header.Get("X-Payments-Signature"))
	if !bytes.Equal(sig, expected) {
		log.Printf("payments webhook: signature mismatch from %s", r.RemoteAddr)
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	h.Queue <- body
	w.WriteHeader(http.StatusAccepted)
}

// Legacy is the v1 carrier endpoint, kept until the last carrier migrates.
func (h *Webhooks) Legacy(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	if hex.EncodeToString(sign(h.LegacySecret, body)) != r.Header.Get("X-Signature") {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	h.Queue <- body
	w.WriteHeader(http.StatusAccepted)
}
