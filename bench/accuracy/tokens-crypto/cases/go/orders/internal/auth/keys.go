package auth

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/golang-jwt/jwt/v5"

	"example.com/orders/internal/config"
)

var (
	pubOnce sync.Once
	pubKey  *rsa.PublicKey
	pubErr  error
)

func loadPublicKey(path string) (*rsa.PublicKey, error) {
	pubOnce.Do(func() {
		pem, err := os.ReadFile(path)
		if err != nil {
			pubErr = err
			return
		}
		pubKey, pubErr = jwt.ParseRSAPublicKeyFromPEM(pem)
	})
	return pubKey, pubErr
}

// rsaKeyFunc hands out the identity provider's public key, for RS* tokens only.
func rsaKeyFunc(cfg *config.Config) jwt.Keyfunc {
	return func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return loadPublicKey(cfg.JWT.PublicKeyPath)
	}
}

// sharedSecret returns the HMAC key used between internal services.
func sharedSecret(cfg *config.Config) jwt.Keyfunc {
	return func(t *jwt.Token) (interface{}, error) {
		return cfg.JWT.SigningKey, nil
	}
}

// keyRing holds the rotating HMAC keys, indexed by kid.
type keyRing struct {
	mu   sync.RWMutex
	keys map[string][]byte
}

func newKeyRing() *keyRing {
	return &keyRing{keys: map[string][]byte{}}
}

func (k *keyRing) add(kid string, key []byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.keys[kid] = key
}

// lookup selects the key named by the token's kid header.
func (k *keyRing) lookup(t *jwt.Token) (interface{}, error) {
	kid, _ := t.Header["kid"].(string)
	k.mu.RLock()
	defer k.mu.RUnlock()
	key, ok := k.keys[kid]
	if !ok {
		return nil, errors.New("unknown kid")
	}
	return key, nil
}
