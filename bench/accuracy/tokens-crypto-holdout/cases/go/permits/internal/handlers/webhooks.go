package handlers

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"io"
	"log"
	"net/http"
	"strings"

	"example.com/permits/internal/config"
)

type Hooks struct {
	Cfg *config.Config
}

func (h *Hooks) mac(body []byte) []byte {
	m := hmac.New(sha256.New, []byte(h.Cfg.MeterWebhookKey))
	m.Write(body)
	return m.Sum(nil)
}

// MeterEvent receives occupancy events from smart meters.
func (h *Hooks) MeterEvent(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	sig, err := hex.DecodeString(r.Header.Get("X-Meter-Signature"))
	if err != nil || len(sig) != sha256.Size {
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	if !hmac.Equal(sig, h.mac(body)) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// MeterEventV1 is the pre-2023 firmware format.
func (h *Hooks) MeterEventV1(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	sig, _ := hex.DecodeString(r.Header.Get("X-Meter-Signature"))
	if !bytes.Equal(sig, h.mac(body)) {
		log.Printf("meter v1 signature mismatch from %s", r.RemoteAddr)
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// PaymentCallback is called by the payments provider with its API key.
func (h *Hooks) PaymentCallback(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-Api-Key")
	if key == "" {
		http.Error(w, "missing key", http.StatusUnauthorized)
		return
	}
	if key != h.Cfg.PaymentsAPIKey {
		log.Printf("payment callback rejected: key %s does not match", key)
		http.Error(w, "bad key", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// RefundCallback uses the same key, compared in constant time.
func (h *Hooks) RefundCallback(w http.ResponseWriter, r *http.Request) {
	scheme, key, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if scheme != "Bearer" {
		http.Error(w, "unsupported scheme", http.StatusUnauthorized)
		return
	}
	if subtle.ConstantTimeCompare([]byte(key), []byte(h.Cfg.PaymentsAPIKey)) != 1 {
		http.Error(w, "bad key", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// ChargebackCallback: older integration that sends a hex HMAC of the body.
func (h *Hooks) ChargebackCallback(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	given := r.Header.Get("X-Signature")
	if strings.Compare(given, hex.EncodeToString(h.mac(body))) != 0 {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
