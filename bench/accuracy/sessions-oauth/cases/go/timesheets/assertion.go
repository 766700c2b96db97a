package main

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"time"
)

type employee struct {
	ID  int64  `json:"id"`
	Exp int64  `json:"exp"`
	Aud string `json:"aud"`
}

// verifyAssertion checks the HR portal's Ed25519-signed assertion
// ("<payload>.<signature>", both base64url).
func verifyAssertion(raw string) (*employee, error) {
	pub, err := base64.StdEncoding.DecodeString(os.Getenv("HR_PORTAL_PUBLIC_KEY"))
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil, errors.New("assertion key not configured")
	}
	payloadB64, sigB64, ok := strings.Cut(raw, ".")
	if !ok {
		return nil, errors.New("malformed assertion")
	}
	sig, err := base64.RawURLEncoding.DecodeString(sigB64)
	if err != nil || !ed25519.Verify(pub, []byte(payloadB64), sig) {
		return nil, errors.New("bad signature")
	}
	payload, err := base64.RawURLEncoding.DecodeString(payloadB64)
	if err != nil {
		return nil, err
	}
	var e employee
	if err := json.Unmarshal(payload, &e); err != nil {
		return nil, err
	}
	if e.Aud != "timesheets" || time.Now().Unix() > e.Exp {
		return nil, errors.New("assertion expired or not for us")
	}
	return &e, nil
}
