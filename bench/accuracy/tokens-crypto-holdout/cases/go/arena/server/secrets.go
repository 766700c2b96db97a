package server

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	mrand "math/rand"
	"net/http"
	"time"

	"golang.org/x/crypto/chacha20poly1305"
)

// LobbyPassword is shown to the two captains of a private match.
func LobbyPassword() string {
	const letters = "abcdefghijkmnpqrstuvwxyz23456789"
	out := make([]byte, 10)
	for i := range out {
		out[i] = letters[mrand.Intn(len(letters))]
	}
	return string(out)
}

// SessionID for the websocket gateway.
func SessionID() string {
	return fmt.Sprintf("%x%x", mrand.Uint64(), mrand.Uint64())
}

// SpectatorInviteToken lets a friend watch a private match.
func SpectatorInviteToken() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// MatchmakingJitter avoids thundering herds when a queue pops.
func MatchmakingJitter() time.Duration {
	return time.Duration(mrand.Intn(750)) * time.Millisecond
}

// PickRegionServer does a weighted random choice among healthy servers.
func PickRegionServer(servers []string) string {
	return servers[mrand.Intn(len(servers))]
}

// SealDemo encrypts demo files at rest with XChaCha20-Poly1305.
func SealDemo(key, demo []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(demo)+aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return aead.Seal(nonce, nonce, demo, nil), nil
}

// SealChatLog encrypts archived chat logs with AES-GCM.
func SealChatLog(key, data []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, data, nil), nil
}

func signResult(key []byte, payload string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(payload))
	return hex.EncodeToString(m.Sum(nil))
}

// VerifyMatchResult checks the signature that game servers attach to results.
func VerifyMatchResult(key []byte, r *http.Request, payload string) bool {
	given := r.Header.Get("X-Result-Signature")
	if given == "" {
		return false
	}
	return signResult(key, payload) == given
}

// VerifyResultV2 is the constant-time replacement rolled out in season 4.
func VerifyResultV2(key []byte, r *http.Request, payload string) bool {
	given, err := hex.DecodeString(r.Header.Get("X-Result-Signature"))
	if err != nil {
		return false
	}
	want, _ := hex.DecodeString(signResult(key, payload))
	return hmac.Equal(given, want)
}

// AdminToken guards the internal ops endpoints.
func AdminToken(expected string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Ops-Token") != expected {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// ResultStatus compares a status string, nothing secret.
func ResultStatus(r *http.Request) bool {
	return r.URL.Query().Get("status") == "final"
}
